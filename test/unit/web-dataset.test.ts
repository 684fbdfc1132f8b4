import { describe, expect, it } from "vitest";

import { createDataset, DatasetError, neighbourIds, sharedTies } from "../../core/dataset.js";
import { compactFixture, datasetFixture, edgeId, GROUPS } from "./_web-fixture.js";

describe("web graph dataset", () => {
  describe("#createDataset", () => {
    it("should index nodes and ties and count degrees", () => {
      const ds = datasetFixture();
      expect(ds.nodes).toHaveLength(9);
      expect(ds.edges).toHaveLength(10);
      expect(ds.nodes[ds.index.get("mfa")!].name).toBe("mfa (name)");
      expect(ds.degree[ds.index.get("mfa")!]).toBe(4);
      expect(ds.edgeIndex.get(edgeId("MEMBER_OF", "caram-asia", "mfa"))).toBe(0);
      expect(neighbourIds(ds, "mfa").sort()).toEqual(["caram-asia", "domestic-work", "gfmd-2007", "ituc"]);
    });

    it("should reject columns of unequal length, naming the column", () => {
      const data = compactFixture();
      data.labels.pop();
      expect(() => createDataset(data)).toThrow(DatasetError);
      expect(() => createDataset(data)).toThrow(/labels has 8 entries for 9 ids/);
    });

    it("should reject an edge end outside the node list and unknown enum values", () => {
      const data = compactFixture();
      data.targets[3] = 99;
      expect(() => createDataset(data)).toThrow(/targets\[3\] is 99/);
      const other = compactFixture();
      (other.kinds as string[])[2] = "ALIEN";
      expect(() => createDataset(other)).toThrow(/kinds\[2\] is "ALIEN"/);
    });

    it("should keep the server's opening layout, and reject one that does not fit the nodes", () => {
      expect(createDataset(compactFixture()).layout).toBeNull();
      const data = compactFixture();
      data.layout = data.ids.flatMap((_, i) => [i, -i]);
      expect([...createDataset(data).layout!]).toEqual(data.layout);
      data.layout.pop();
      expect(() => createDataset(data)).toThrow(/layout has 17 entries for 9 ids/);
      data.layout.push(Number.NaN);
      expect(() => createDataset(data)).toThrow(/layout\[17\] is null, not a coordinate/);
    });

    it("should keep groups and know which group each member folds into", () => {
      const ds = createDataset(compactFixture(), [
        ...GROUPS,
        { id: "not-here", memberCount: 3, memberIds: ["x"], sharedIds: [], directMemberIds: ["x"], collapsed: true },
      ]);
      expect([...ds.groups.keys()]).toEqual(["mfa"]);
      expect(ds.groupsOf.get("caram-asia")).toEqual(["mfa"]);
    });
  });

  describe("#deriveStarts (timeline years)", () => {
    const ds = datasetFixture();
    const start = (id: string) => ds.nodeStart[ds.index.get(id)!];
    const edgeStart = (type: string, s: string, t: string) => ds.edgeStart[ds.edgeIndex.get(edgeId(type, s, t))!];

    it("should keep explicit years", () => {
      expect(start("ituc")).toBe(2006);
      expect(start("gfmd-2007")).toBe(2007);
      expect(edgeStart("PARTNERS_WITH", "mfa", "ituc")).toBe(2010);
    });

    it("should start an undated tie with the later of its ends", () => {
      expect(edgeStart("CAMPAIGNED_IN", "idwf", "c189-campaign")).toBe(2013);
      expect(edgeStart("SUPPORTS", "ilo", "c189-campaign")).toBe(2008);
    });

    it("should start an undated body with its first tie when every tie is dated", () => {
      expect(start("ilo")).toBe(2008);
    });

    it("should leave a body undated when one of its ties cannot be dated", () => {
      expect(start("mfa")).toBeNull();
      expect(start("domestic-work")).toBeNull();
    });

    it("should span the dated years", () => {
      expect(ds.years).toEqual([1949, 2015]);
    });
  });

  describe("#sharedTies", () => {
    it("should return the ties from either end to the shared items", () => {
      const ds = datasetFixture();
      expect(sharedTies(ds, "idwf", "caram-asia", ["domestic-work"]).sort()).toEqual(
        [edgeId("WORKS_ON", "caram-asia", "domestic-work"), edgeId("WORKS_ON", "idwf", "domestic-work")].sort(),
      );
    });
  });
});

describe("web graph dataset groups", () => {
  it("should attach groups that arrive after the first frame, without touching the rest", async () => {
    const { withGroups } = await import("../../core/dataset.js");
    const bare = createDataset(compactFixture());
    expect(bare.groups.size).toBe(0);
    const grouped = withGroups(bare, GROUPS);
    expect(grouped.groups.get("mfa")?.memberIds).toEqual(["caram-asia"]);
    expect(grouped.groupsOf.get("caram-asia")).toEqual(["mfa"]);
    expect(grouped.nodes).toBe(bare.nodes);
    expect(bare.groups.size).toBe(0);
  });
});
