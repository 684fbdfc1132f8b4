import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { TIE_SEMANTICS } from "../../server/analytics/tie-semantics.js";
import { whatIfIndex, whatIfRemove, whatIfSummary } from "../../server/analytics/what-if.js";
import { columnGraph, type FixtureEdge, type FixtureNode } from "./_column-graph.js";

/**
 * Two unions (u1, u2), three NGOs (n1, n2, n3), a network (hub), a state body alone (s1, whose only
 * tie is a topic, which does not connect), a forum and a topic. Ties, either direction:
 *   u1–hub  u2–hub  n1–hub (members)  n1–n2  u1–n2  n3–n1 (partners)  u2–forum  n3–forum
 * Distances before: u1→n1 2, u1→n2 1, u1→n3 3; u2→n1 2 (hub), u2→n2 3, u2→n3 2 (forum).
 * Without hub, u2 goes round by the forum: u2→n1 3, u2→n2 4; u1's are unchanged (n1 via n2).
 * Without hub and forum, u2 is alone: its three pairs have no route left.
 */
const NODES: FixtureNode[] = [
  { id: "u1", sector: "LABOUR" },
  { id: "u2", sector: "LABOUR" },
  { id: "n1", sector: "CIVIL_SOCIETY" },
  { id: "n2", sector: "CIVIL_SOCIETY" },
  { id: "n3", sector: "CIVIL_SOCIETY" },
  { id: "hub", sector: "CIVIL_SOCIETY", acronym: "Hub" },
  { id: "s1", sector: "STATE" },
  { id: "forum", kind: "FORUM", name: "Forum 2010" },
  { id: "topic", kind: "ISSUE" },
];
const EDGES: FixtureEdge[] = [
  { type: "MEMBER_OF", source: "u1", target: "hub" },
  { type: "MEMBER_OF", source: "u2", target: "hub" },
  { type: "MEMBER_OF", source: "n1", target: "hub" },
  { type: "PARTNERS_WITH", source: "n1", target: "n2" },
  { type: "PARTNERS_WITH", source: "u1", target: "n2" },
  { type: "PARTNERS_WITH", source: "n3", target: "n1" },
  { type: "APPEARED_AT", source: "u2", target: "forum", year: 2010 },
  { type: "APPEARED_AT", source: "n3", target: "forum", year: 2010 },
  { type: "WORKS_ON", source: "s1", target: "topic" },
  { type: "WORKS_ON", source: "u1", target: "topic" },
];
const graph = columnGraph(NODES, EDGES);
const index = whatIfIndex(graph);
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe("what-if", () => {
  describe("#whatIfRemove", () => {
    it("should find the longer routes when a broker goes", () => {
      const result = whatIfRemove(index, ["hub"]);
      expect(ids(result.removed)).toEqual(["hub"]);
      expect(result.components).toEqual({ before: 2, after: 2 });
      expect(result.largestComponent).toEqual({ before: 6, after: 5 });
      expect(result.cutOff).toEqual([]);
      expect(result.averageReach).toEqual({ before: 20 / 6, after: 20 / 6 });
      expect(result.unionNgoPairs).toEqual({
        connectedBefore: 6,
        lost: 2,
        lengthened: 2,
        disconnected: 0,
        examples: [
          { labour: "u2", labourLabel: "u2", civil: "n1", civilLabel: "n1", before: 2, after: 3 },
          { labour: "u2", labourLabel: "u2", civil: "n2", civilLabel: "n2", before: 3, after: 4 },
        ],
        mostAffected: [
          { id: "u2", label: "u2", kind: "ORGANISATION", lostPairs: 2 },
          { id: "n1", label: "n1", kind: "ORGANISATION", lostPairs: 1 },
          { id: "n2", label: "n2", kind: "ORGANISATION", lostPairs: 1 },
        ],
      });
    });

    it("should cut off the organisations separated from the largest part", () => {
      const result = whatIfRemove(index, ["hub", "forum", "nobody"]);
      expect(ids(result.removed)).toEqual(["forum", "hub"]);
      expect(result.missing).toEqual(["nobody"]);
      expect(result.components).toEqual({ before: 2, after: 3 });
      expect(result.largestComponent).toEqual({ before: 6, after: 4 });
      expect(ids(result.cutOff)).toEqual(["u2"]);
      expect(result.averageReach).toEqual({ before: 20 / 6, after: 2 });
      expect(result.unionNgoPairs).toMatchObject({ connectedBefore: 6, lost: 3, lengthened: 0, disconnected: 3 });
      expect(result.unionNgoPairs.examples.map((p) => [p.civil, p.before, p.after])).toEqual([
        ["n1", 2, null],
        ["n2", 3, null],
        ["n3", 2, null],
      ]);
    });

    it("should remove a coalition's members with it, and cut off every part when parts tie", () => {
      const result = whatIfRemove(index, ["hub"], { withMembers: true });
      expect(ids(result.removed)).toEqual(["hub", "n1", "u1", "u2"]);
      // n2 and n3 end up alone, one organisation each: neither part is the larger.
      expect(ids(result.cutOff)).toEqual(["n2", "n3"]);
      expect(result.components).toEqual({ before: 2, after: 3 });
      expect(result.unionNgoPairs).toMatchObject({ connectedBefore: 0, lost: 0 });
    });

    it("should walk topic ties only when asked to", () => {
      expect(whatIfRemove(index, []).components.before).toBe(2);
      expect(whatIfRemove(whatIfIndex(graph, { tieTypes: "ALL" }), []).components.before).toBe(1);
      // Only u2 and n3 meet (at the forum); the five other organisations are each on their own.
      expect(whatIfRemove(whatIfIndex(graph, { tieTypes: ["APPEARED_AT"] }), []).components.before).toBe(6);
    });

    it("should follow routes longer than 255 steps (distances are kept modulo 256)", () => {
      // A ring of 700: the union at 0, the NGO at 300; without node 150 the way round is 400 steps.
      const ring = Array.from({ length: 700 }, (_, i) => ({
        id: `c${String(i).padStart(3, "0")}`,
        sector: i === 0 ? "LABOUR" : i === 300 ? "CIVIL_SOCIETY" : "STATE",
      }));
      const ties = ring.map((node, i) => ({ type: "PARTNERS_WITH", source: node.id, target: ring[(i + 1) % ring.length].id }));
      const result = whatIfRemove(whatIfIndex(columnGraph(ring, ties)), ["c150"]);
      expect(result.unionNgoPairs).toMatchObject({ connectedBefore: 1, lost: 1, lengthened: 1, disconnected: 0 });
      expect(result.unionNgoPairs.examples.map((p) => [p.before, p.after])).toEqual([[300, 400]]);
      expect(whatIfRemove(whatIfIndex(columnGraph(ring, ties)), ["c450"]).unionNgoPairs.lost).toBe(0);
    });

    it("should list no more pairs and organisations than the limit, and still count them all", () => {
      const result = whatIfRemove(index, ["hub"], { listLimit: 1 });
      expect(result.unionNgoPairs.lost).toBe(2);
      expect(result.unionNgoPairs.examples.map((p) => p.civil)).toEqual(["n1"]);
      expect(ids(result.unionNgoPairs.mostAffected)).toEqual(["u2"]);
    });
  });

  describe("#whatIfRemove against networkx", () => {
    interface Expected {
      removed: string[];
      missing: string[];
      components: { before: number; after: number };
      largestComponent: { before: number; after: number };
      cutOff: string[];
      averageReach: { before: number; after: number };
      connectedBefore: number;
      lost: number;
      lostPairs: { labour: string; civil: string; before: number; after: number | null }[];
      disconnected: number;
      mostAffected: [string, number][];
    }
    const fixture = JSON.parse(readFileSync(new URL("../fixtures/what-if/cases.json", import.meta.url), "utf8")) as {
      connecting: string[];
      graphs: {
        name: string;
        nodes: FixtureNode[];
        edges: FixtureEdge[];
        cases: { remove: string[]; withMembers: boolean; tieTypes: "ALL" | null; expected: Expected }[];
      }[];
    };

    it("should have been generated with the connecting types of TIE_SEMANTICS", () => {
      expect([...fixture.connecting].sort()).toEqual(
        Object.keys(TIE_SEMANTICS)
          .filter((t) => TIE_SEMANTICS[t].connects)
          .sort(),
      );
    });

    for (const { name, nodes, edges, cases } of fixture.graphs) {
      const fixtureGraph = columnGraph(nodes, edges);
      cases.forEach(({ remove, withMembers, tieTypes, expected }, k) => {
        // Every case twice: with the unions' distances kept in the index, and recomputed per removal.
        it.each([
          ["kept", undefined],
          ["recomputed", 0],
        ])(`should match on the ${name} graph, case ${k + 1}, distances %s`, (_, distanceBudgetBytes) => {
          const fixtureIndex = whatIfIndex(fixtureGraph, { tieTypes: tieTypes ?? undefined, distanceBudgetBytes });
          expect(fixtureIndex.distances === null).toBe(distanceBudgetBytes === 0);
          const result = whatIfRemove(fixtureIndex, remove, { withMembers, listLimit: expected.lostPairs.length });
          expect(ids(result.removed)).toEqual(expected.removed);
          expect(result.missing).toEqual(expected.missing);
          expect(result.components).toEqual(expected.components);
          expect(result.largestComponent).toEqual(expected.largestComponent);
          expect(ids(result.cutOff)).toEqual(expected.cutOff);
          expect(result.averageReach.before).toBeCloseTo(expected.averageReach.before, 9);
          expect(result.averageReach.after).toBeCloseTo(expected.averageReach.after, 9);
          const pairs = result.unionNgoPairs;
          expect(pairs.connectedBefore).toBe(expected.connectedBefore);
          expect(pairs.lost).toBe(expected.lost);
          expect(pairs.disconnected).toBe(expected.disconnected);
          expect(pairs.lengthened).toBe(expected.lost - expected.disconnected);
          expect(pairs.examples.map(({ labour, civil, before, after }) => ({ labour, civil, before, after }))).toEqual(expected.lostPairs);
          expect(pairs.mostAffected.map((o) => [o.id, o.lostPairs])).toEqual(expected.mostAffected.slice(0, expected.lostPairs.length));
        });
      });
    }
  });

  describe("#whatIfSummary", () => {
    it("should say what the network loses, in words", () => {
      expect(whatIfSummary(whatIfRemove(index, ["hub"]))).toBe(
        "Removing Hub cuts no organisation off; 2 union–NGO pairs lose their shortest route.",
      );
      expect(whatIfSummary(whatIfRemove(index, ["hub", "forum"]))).toBe(
        "Removing Forum 2010 and Hub leaves 1 organisation cut off; 3 union–NGO pairs lose their shortest route (3 of them every route); average reach falls from 3.3 to 2.0 organisations.",
      );
      expect(whatIfSummary(whatIfRemove(index, ["s1"]))).toBe(
        "Removing s1 cuts no organisation off; no union–NGO pair loses its shortest route.",
      );
      expect(whatIfSummary(whatIfRemove(index, ["hub"], { withMembers: true }))).toBe(
        "Removing Hub, n1 and 2 more leaves 2 organisations cut off; no union–NGO pair loses its shortest route; average reach falls from 0.7 to 0.0 organisations.",
      );
    });
  });
});
