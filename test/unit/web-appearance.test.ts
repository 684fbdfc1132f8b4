import { describe, expect, it } from "vitest";

import {
  CATEGORIES,
  createColorScale,
  createSizeScale,
  landmarkIds,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  type MetricsTable,
  OKABE_ITO,
  OTHER_COLOR,
  visibleDegree,
} from "../../web/src/graph/appearance.js";
import { computeView } from "../../web/src/graph/view.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { datasetFixture } from "./_web-fixture.js";

const ds = datasetFixture();
const all = computeView(ds, { filters: getAllFilters(), year: null, collapsed: [], revealed: [] });
const i = (id: string) => ds.index.get(id)!;

describe("web appearance", () => {
  describe("#createColorScale", () => {
    it("should colour by the union–NGO divide by default", () => {
      const scale = createColorScale(ds, "category", null);
      expect(scale.colorOf(i("ituc"))).toBe(CATEGORIES.find((c) => c.key === "LABOUR")!.color);
      expect(scale.colorOf(i("mfa"))).toBe(CATEGORIES.find((c) => c.key === "CIVIL_SOCIETY")!.color);
      expect(scale.colorOf(i("gfmd-2007"))).toBe(CATEGORIES.find((c) => c.key === "FORUM")!.color);
    });

    it("should list in the legend only classes with visible nodes, with their counts", () => {
      const orgs = computeView(ds, { filters: { ...getAllFilters(), kinds: ["ORGANISATION"] }, year: null, collapsed: [], revealed: [] });
      const legend = createColorScale(ds, "kind", null).legend(orgs);
      expect(legend.map((e) => [e.key, e.count])).toEqual([["ORGANISATION", 6]]);
    });

    it("should use Okabe–Ito hues for at most eight classes and grey beyond", () => {
      const table: MetricsTable = new Map(
        ds.nodes.map((n, k) => [n.id, { degree: 0, betweenness: 0, pagerank: 0, community: k, bridgeScore: 0 }]),
      );
      const scale = createColorScale(ds, "community", table);
      const colours = ds.nodes.map((_, k) => scale.colorOf(k));
      expect(new Set(colours.filter((c) => c !== OTHER_COLOR)).size).toBe(8);
      expect(colours.every((c) => (OKABE_ITO as readonly string[]).includes(c) || c === OTHER_COLOR)).toBe(true);
      expect(scale.legend(all).at(-1)).toMatchObject({ key: "OTHER", count: 1 });
    });

    it("should say when communities are still loading", () => {
      expect(createColorScale(ds, "community", null).title).toMatch(/loading/);
    });
  });

  describe("#createSizeScale", () => {
    it("should grow with visible degree, between the size bounds", () => {
      const scale = createSizeScale(ds, "degree", all, null);
      expect(scale.sizeOf(i("mfa"))).toBeGreaterThan(scale.sizeOf(i("icftu")));
      expect(scale.sizeOf(i("mfa"))).toBeLessThanOrEqual(MAX_NODE_SIZE);
      expect(scale.sizeOf(i("icftu"))).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
      expect(scale.max).toBe(visibleDegree(ds, all)[i("mfa")]);
    });

    it("should size by a metric once it has arrived", () => {
      const table: MetricsTable = new Map([["ilo", { degree: 1, betweenness: 0.5, pagerank: 0.1, community: 0, bridgeScore: 0.9 }]]);
      const scale = createSizeScale(ds, "bridgeScore", all, table);
      expect(scale.sizeOf(i("ilo"))).toBe(MAX_NODE_SIZE);
      expect(scale.sizeOf(i("mfa"))).toBe(MIN_NODE_SIZE);
      expect(createSizeScale(ds, "bridgeScore", all, null).max).toBeNull();
    });
  });

  describe("#landmarkIds", () => {
    it("should pick coalition-type organisations, best connected first", () => {
      expect([...landmarkIds(ds)].sort()).toEqual(["caram-asia", "icftu", "idwf", "ituc", "mfa"]);
      expect([...landmarkIds(ds, 1)]).toEqual(["mfa"]);
    });

    it("should put the movement's coalitions (labour, civil society) before others", async () => {
      const { createDataset } = await import("../../core/dataset.js");
      const { compactFixture } = await import("./_web-fixture.js");
      const data = compactFixture();
      data.sectors[data.ids.indexOf("caram-asia")] = "BUSINESS";
      expect([...landmarkIds(createDataset(data))].at(-1)).toBe("caram-asia");
    });

    it("should put the featured coalitions first", async () => {
      const { FEATURED_IDS } = await import("../../web/src/graph/appearance.js");
      const first = [...landmarkIds(ds)].slice(0, 3);
      expect(first.every((id) => FEATURED_IDS.includes(id))).toBe(true);
      expect(first).not.toContain("caram-asia");
    });

    it("should put global networks first once scopes are known", () => {
      const scoped = {
        ...ds,
        scopes: new Map([
          ["ituc", "GLOBAL" as const],
          ["mfa", "REGIONAL" as const],
        ]),
      };
      expect([...landmarkIds(scoped, 2)]).toEqual(["ituc", "mfa"]);
    });
  });
});
