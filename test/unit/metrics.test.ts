import Graph from "graphology";
import { describe, expect, it } from "vitest";

import { buildUndirectedGraph } from "../../server/analytics/graph.js";
import { brandesDependencies, bridgeScores, computeMetrics, countComponents } from "../../server/analytics/metrics.js";

/**
 * A star (h with leaves l1, l2 LABOUR and c1 CIVIL_SOCIETY) and a separate pair (x LABOUR – y
 * CIVIL_SOCIETY): 6 nodes, 4 edges, 2 components. Hand computation:
 * - density 4 / (6·5/2) = 4/15;
 * - betweenness(h): the 3 leaf pairs all pass through h, normalised by (5·4)/2 → 0.3; others 0;
 * - bridgeScore(h): connected LABOUR–CIVIL pairs (l1,c1), (l2,c1), (x,y) → 2 of 3 through h;
 * - PageRank (d = 0.85, N = 6): the pair gets 1/6 each; leaves p = 0.025 + 0.85·h/3 and
 *   h = 0.025 + 0.85·3p → p = 0.0320833/0.2775 ≈ 0.115616, h ≈ 0.319820;
 * - Louvain finds the two components: Q = (3/4 − (6/8)²) + (1/4 − (2/8)²) = 0.375.
 */
function fixture(): Graph {
  return buildUndirectedGraph(
    [
      { id: "h", sector: null },
      { id: "l1", sector: "LABOUR" },
      { id: "l2", sector: "LABOUR" },
      { id: "c1", sector: "CIVIL_SOCIETY" },
      { id: "x", sector: "LABOUR" },
      { id: "y", sector: "CIVIL_SOCIETY" },
    ],
    [
      { source: "l1", target: "h" },
      { source: "h", target: "l2" },
      { source: "c1", target: "h" },
      { source: "x", target: "y" },
      { source: "y", target: "x" }, // a parallel relationship the other way: still one edge
      { source: "h", target: "h" }, // a self-loop: dropped
    ],
  );
}

const leaf = 0.0320833333 / 0.2775;

describe("metrics", () => {
  describe("#buildUndirectedGraph", () => {
    it("should merge parallel relationships and drop self-loops", () => {
      const graph = fixture();
      expect(graph.order).toBe(6);
      expect(graph.size).toBe(4);
      expect(graph.nodes()).toEqual(["c1", "h", "l1", "l2", "x", "y"]);
    });
  });

  describe("#computeMetrics", () => {
    const metrics = computeMetrics(fixture(), { exactLimit: 100, samples: 10, seed: 7 });
    const at = (id: string) => metrics.nodes.get(id)!;

    it("should match the hand computation", () => {
      expect(metrics.density).toBeCloseTo(4 / 15, 12);
      expect(metrics.components).toBe(2);
      expect(at("h").degree).toBe(3);
      expect(at("l1").degree).toBe(1);
      expect(at("h").betweenness).toBeCloseTo(0.3, 12);
      for (const id of ["l1", "l2", "c1", "x", "y"]) expect(at(id).betweenness).toBe(0);
      expect(at("h").bridgeScore).toBeCloseTo(2 / 3, 12);
      expect(at("x").bridgeScore).toBe(0);
      expect(at("x").pagerank).toBeCloseTo(1 / 6, 5);
      expect(at("l1").pagerank).toBeCloseTo(leaf, 5);
      expect(at("h").pagerank).toBeCloseTo(0.025 + 2.55 * leaf, 5);
      expect(metrics.betweennessMethod).toBe("EXACT");
      expect(metrics.betweennessSamples).toBeNull();
    });

    it("should find the two communities, numbered by first node id", () => {
      expect(metrics.communities).toBe(2);
      expect(metrics.modularity).toBeCloseTo(0.375, 12);
      expect(["c1", "h", "l1", "l2"].map((id) => at(id).community)).toEqual([0, 0, 0, 0]);
      expect(["x", "y"].map((id) => at(id).community)).toEqual([1, 1]);
    });

    it("should sample past the limit, and equal the exact values when every node is sampled", () => {
      const sampled = computeMetrics(fixture(), { exactLimit: 3, samples: 6, seed: 7 });
      expect(sampled.betweennessMethod).toBe("SAMPLED");
      expect(sampled.betweennessSamples).toBe(6);
      for (const [id, values] of metrics.nodes) {
        expect(sampled.nodes.get(id)!.betweenness).toBeCloseTo(values.betweenness, 12);
        expect(sampled.nodes.get(id)!.bridgeScore).toBeCloseTo(values.bridgeScore, 12);
      }
    });

    it("should give the same numbers on every run", () => {
      const big = new Graph({ type: "undirected" });
      for (let i = 0; i < 60; i++) big.addNode(`n${i}`, { sector: i % 3 === 0 ? "LABOUR" : "CIVIL_SOCIETY" });
      for (let i = 0; i < 60; i++)
        for (const j of [i + 1, i + 7, i * 3]) if (j < 60 && j !== i && !big.hasEdge(`n${i}`, `n${j}`)) big.addEdge(`n${i}`, `n${j}`);
      const options = { exactLimit: 10, samples: 12, seed: 3 };
      expect(computeMetrics(big, options)).toEqual(computeMetrics(big, options));
      expect(computeMetrics(big, options).betweennessMethod).toBe("SAMPLED");
    });
  });

  describe("#brandesDependencies", () => {
    it("should split dependencies between equally short paths", () => {
      // A 4-cycle a-b-c-d-a: from a, c is reached through b and d equally.
      const cycle = buildUndirectedGraph(
        ["a", "b", "c", "d"].map((id) => ({ id })),
        [
          { source: "a", target: "b" },
          { source: "b", target: "c" },
          { source: "c", target: "d" },
          { source: "d", target: "a" },
        ],
      );
      const fromA = brandesDependencies(cycle, ["a"]);
      expect(fromA.get("b")).toBeCloseTo(0.5, 12);
      expect(fromA.get("d")).toBeCloseTo(0.5, 12);
      expect(fromA.get("c")).toBe(0);
      expect(countComponents(cycle)).toBe(1);
    });

    it("should give no bridge score without both sectors", () => {
      const graph = buildUndirectedGraph([{ id: "a", sector: "LABOUR" }, { id: "b" }], [{ source: "a", target: "b" }]);
      expect([...bridgeScores(graph).values()]).toEqual([0, 0]);
    });
  });
});
