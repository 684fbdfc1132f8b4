import { describe, expect, it } from "vitest";

import { buildAdjacency, neighbourhoodOf } from "../../server/analytics/adjacency.js";
import { mulberry32 } from "../../server/analytics/random.js";

/** c is the centre; a and b are its neighbours (b the busier); x, y hang off b, z off x. */
const ids = ["a", "b", "c", "x", "y", "z"];
const edges = [
  ["c", "a"],
  ["b", "c"],
  ["b", "x"],
  ["y", "b"],
  ["x", "z"],
  ["b", "outside"],
];
const adjacency = buildAdjacency(
  ids,
  edges.map((e) => e[0]),
  edges.map((e) => e[1]),
);
const names = (positions: number[]) => positions.map((i) => ids[i]);

describe("adjacency", () => {
  describe("#buildAdjacency", () => {
    it("should count degrees both ways and ignore ends outside the nodes", () => {
      expect([...adjacency.degree]).toEqual([1, 3, 2, 2, 1, 1]);
      expect(adjacency.targets[5]).toBe(-1);
    });
  });

  describe("#neighbourhoodOf", () => {
    const c = adjacency.index.get("c")!;

    it("should rank by distance, then degree, then id", () => {
      const hood = neighbourhoodOf(adjacency, c, 3, 100);
      expect(names(hood.nodes)).toEqual(["c", "b", "a", "x", "y", "z"]);
      expect(hood.truncated).toBe(false);
      expect(hood.edges.sort()).toEqual([0, 1, 2, 3, 4]);
    });

    it("should cut at the limit, keep only edges among the kept nodes, and say so", () => {
      const hood = neighbourhoodOf(adjacency, c, 2, 3);
      expect(names(hood.nodes)).toEqual(["c", "b", "a"]);
      expect(hood.truncated).toBe(true);
      expect(hood.edges.sort()).toEqual([0, 1]);
    });

    it("should rank like a plain sort by distance, degree and id on a random graph with many ties", () => {
      const rng = mulberry32(3);
      const randomIds = Array.from({ length: 400 }, (_, i) => `n${(i * 7919) % 400}`);
      const pairs = Array.from({ length: 1200 }, () => [
        randomIds[Math.floor(rng() * 400)],
        randomIds[Math.floor(rng() * rng() * 400)],
      ]).filter(([a, b]) => a !== b);
      const graph = buildAdjacency(
        randomIds,
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
      const start = graph.index.get("n1")!;
      const hood = neighbourhoodOf(graph, start, 2, 10_000);
      const distance = new Map([[start, 0]]);
      let frontier = [start];
      for (let d = 1; d <= 2; d++) {
        frontier = frontier.flatMap((at) => [...graph.neighbours[at]].filter((n) => !distance.has(n) && distance.set(n, d)));
      }
      const expected = [...distance.keys()].sort(
        (a, b) => distance.get(a)! - distance.get(b)! || graph.degree[b] - graph.degree[a] || (randomIds[a] < randomIds[b] ? -1 : 1),
      );
      expect(hood.nodes).toEqual(expected);
      expect(neighbourhoodOf(graph, start, 2, 25).nodes).toEqual(expected.slice(0, 25));
    });

    it("should stop at the depth", () => {
      expect(names(neighbourhoodOf(adjacency, c, 1, 100).nodes)).toEqual(["c", "b", "a"]);
      expect(neighbourhoodOf(adjacency, c, 1, 100).truncated).toBe(false);
    });
  });
});
