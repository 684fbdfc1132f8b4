import { describe, expect, it } from "vitest";

import { computeInitialLayout, initialIterations } from "../../core/layout/initial.js";
import { BANDS, bandOf, computeSectorsLayout } from "../../web/src/layout/sectors.js";
import { placeAroundNeighbours, seedPositions } from "../../core/layout/seed.js";
import { datasetFixture } from "./_web-fixture.js";

const ds = datasetFixture();
const at = (p: Float64Array, id: string) => ({ x: p[2 * ds.index.get(id)!], y: p[2 * ds.index.get(id)! + 1] });

describe("web layouts", () => {
  describe("#computeInitialLayout", () => {
    it("should give every node a finite position", () => {
      const p = computeInitialLayout(ds);
      expect(p).toHaveLength(2 * ds.nodes.length);
      expect([...p].every(Number.isFinite)).toBe(true);
    });

    it("should be deterministic, so a shared camera lands on the same picture", () => {
      expect([...computeInitialLayout(ds)]).toEqual([...computeInitialLayout(ds)]);
    });

    it("should pull tied nodes closer than the seed spiral had them", () => {
      const seed = seedPositions(ds);
      const laid = computeInitialLayout(ds);
      const distance = (p: Float64Array, a: string, b: string) => Math.hypot(at(p, a).x - at(p, b).x, at(p, a).y - at(p, b).y);
      const spread = (p: Float64Array) => Math.max(...ds.nodes.map((n) => Math.hypot(at(p, n.id).x, at(p, n.id).y)));
      // Compare relative to the overall spread: CARAM Asia sits beside MFA, its network.
      expect(distance(laid, "caram-asia", "mfa") / spread(laid)).toBeLessThan(distance(seed, "caram-asia", "mfa") / spread(seed));
    });

    it("should use fewer iterations for bigger graphs, within bounds", () => {
      expect(initialIterations(290)).toBeGreaterThan(initialIterations(10_000));
      expect(initialIterations(10)).toBe(80);
      expect(initialIterations(1_000_000)).toBe(30);
    });
  });

  describe("#placeAroundNeighbours", () => {
    it("should put an unplaced node at the mean of its placed neighbours, give or take a jitter", () => {
      const p = new Float64Array(2 * ds.nodes.length);
      const placed = new Uint8Array(ds.nodes.length).fill(1);
      const caram = ds.index.get("caram-asia")!;
      placed[caram] = 0;
      p[2 * ds.index.get("mfa")!] = 100;
      p[2 * ds.index.get("domestic-work")!] = 200;
      placeAroundNeighbours(ds, p, placed, 1);
      expect(Math.abs(p[2 * caram] - 150)).toBeLessThanOrEqual(1);
    });
  });

  describe("#computeSectorsLayout", () => {
    const current = computeInitialLayout(ds);
    const { positions, bands } = computeSectorsLayout(ds, current);

    it("should stack labour above civil society above intergovernmental above the rest", () => {
      expect(bands.map((b) => b.key)).toEqual(BANDS.map((b) => b.key));
      const y = (id: string) => at(positions, id).y;
      expect(y("ituc")).toBeGreaterThan(y("mfa"));
      expect(y("mfa")).toBeGreaterThan(y("ilo"));
      expect(y("ilo")).toBeGreaterThan(y("gfmd-2007"));
      expect(y("gfmd-2007")).toBeGreaterThan(y("domestic-work"));
    });

    it("should keep each node inside its band", () => {
      ds.nodes.forEach((node, i) => {
        const band = bands[bandOf(node)];
        expect(Math.abs(positions[2 * i + 1] - band.y)).toBeLessThanOrEqual(band.halfHeight);
      });
    });

    it("should be stable: the same input gives the same picture", () => {
      expect([...computeSectorsLayout(ds, current).positions]).toEqual([...positions]);
    });

    it("should pull a union tied to civil society towards the civil-society band", () => {
      // ITUC (PARTNERS_WITH MFA, down; APPEARED_AT a forum, down; EMERGED_FROM ICFTU, same band)
      // sits below ICFTU, whose only tie stays in the labour band.
      const labour = bands[0];
      expect(at(positions, "ituc").y).toBeLessThan(labour.y + labour.halfHeight);
      expect(at(positions, "ituc").y).toBeLessThan(at(positions, "icftu").y);
    });
  });
});
