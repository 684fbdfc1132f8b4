import { describe, expect, it } from "vitest";

import { buildAdjacency } from "../../server/analytics/adjacency.js";
import { distancesTo, shortestSimplePaths } from "../../server/analytics/paths.js";
import { mulberry32 } from "../../server/analytics/random.js";
import { allSimplePaths } from "../_paths.js";

function graphOf(edges: [string, string][]) {
  const ids = [...new Set(edges.flat())];
  return buildAdjacency(
    ids,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
  );
}

describe("paths", () => {
  // a–b–d and a–c–d are the two shortest; a–c–e–d is one longer; f hangs off on its own.
  const edges: [string, string][] = [
    ["a", "b"],
    ["b", "d"],
    ["c", "a"],
    ["d", "c"],
    ["c", "e"],
    ["e", "d"],
    ["d", "f"],
  ];
  const graph = graphOf(edges);
  const at = (id: string) => graph.index.get(id)!;
  const names = ({ paths }: { paths: number[][] }) => paths.map((p) => p.map((i) => graph.ids[i]));

  describe("#distancesTo", () => {
    it("should count steps to the target and leave farther nodes at -1", () => {
      const distance = distancesTo(graph, at("a"), 1);
      expect(distance[at("a")]).toBe(0);
      expect(distance[at("b")]).toBe(1);
      expect(distance[at("d")]).toBe(-1);
    });
  });

  describe("#shortestSimplePaths", () => {
    it("should list the shortest paths first, in id order, then longer ones", () => {
      expect(names(shortestSimplePaths(graph, at("a"), at("d"), 4, 10))).toEqual([
        ["a", "b", "d"],
        ["a", "c", "d"],
        ["a", "c", "e", "d"],
      ]);
    });

    it("should stop at the limit and at the length bound", () => {
      expect(names(shortestSimplePaths(graph, at("a"), at("d"), 4, 1))).toEqual([["a", "b", "d"]]);
      expect(names(shortestSimplePaths(graph, at("a"), at("d"), 2, 10))).toEqual([
        ["a", "b", "d"],
        ["a", "c", "d"],
      ]);
      expect(names(shortestSimplePaths(graph, at("a"), at("f"), 2, 10))).toEqual([]);
    });

    it("should say it stopped early when the walk outruns its budget, keeping the beginning of the answer", () => {
      expect(shortestSimplePaths(graph, at("a"), at("d"), 4, 10).complete).toBe(true);
      // The two shortest paths cost 7 neighbour lookups; the search for a longer one runs out.
      const cut = shortestSimplePaths(graph, at("a"), at("d"), 4, 10, 9);
      expect(cut.complete).toBe(false);
      expect(names(cut)).toEqual([
        ["a", "b", "d"],
        ["a", "c", "d"],
      ]);
    });

    it("should equal a brute-force enumeration on random graphs", () => {
      const rng = mulberry32(11);
      for (let round = 0; round < 20; round++) {
        const size = 12 + Math.floor(rng() * 20);
        const randomEdges: [string, string][] = [];
        for (let k = 0; k < size * 2; k++) {
          const a = `n${Math.floor(rng() * size)}`;
          const b = `n${Math.floor(rng() * size)}`;
          if (a !== b) randomEdges.push([a, b]);
        }
        const random = graphOf(randomEdges);
        const [from, to] = [random.ids[0], random.ids[random.ids.length - 1]];
        const maxLength = 2 + (round % 4);
        const limit = 1 + (round % 7);
        const expected = allSimplePaths(randomEdges, from, to, maxLength).slice(0, limit);
        const found = shortestSimplePaths(random, random.index.get(from)!, random.index.get(to)!, maxLength, limit);
        expect(found.complete).toBe(true);
        expect(found.paths.map((p) => p.map((i) => random.ids[i]))).toEqual(expected);
      }
    });
  });
});
