import { describe, expect, it } from "vitest";

import {
  BROKERAGE_ROLES,
  type BrokerageRole,
  brokerageRoles,
  brokerageSummary,
  type RoleCounts,
} from "../../server/analytics/brokerage.js";
import { mulberry32 } from "../../server/analytics/random.js";
import { CO_PRESENCE, tieSemantics } from "../../server/analytics/tie-semantics.js";
import { columnGraph, type FixtureEdge, type FixtureNode } from "./_column-graph.js";

/**
 * Six organisations in three sectors: A = LABOUR (a1, a2, a3), B = CIVIL_SOCIETY (b1, b2),
 * C = ACADEMIA (c1). Arcs after reading the ties (MEMBER_OF and SUPPORTS as written, PARTNERS_WITH
 * both ways; WORKS_ON, EMERGED_FROM, APPEARED_AT, the self-loop and the tie to a hidden node ignored;
 * the second MEMBER_OF a2 → b1 merges):
 *   a1→b1  a2→b1  b1→b2  b1→a2  b2⇄c1  a1→b2  c1→a1  a2⇄a3  a1→a3
 *   out: a1 {b1,b2,a3}  a2 {b1,a3}  a3 {a2}  b1 {b2,a2}  b2 {c1}  c1 {b2,a1}
 *   in:  a1 {c1}  a2 {b1,a3}  a3 {a2,a1}  b1 {a1,a2}  b2 {b1,c1,a1}  c1 {b2}
 * Brokered pairs (x → b → y, x ≠ y, no arc x → y), groups of x, b, y:
 *   a1: c1→a1→b1 (C,A,B liaison); c1→a1→b2 no (c1→b2 exists); c1→a1→a3 (C,A,A gatekeeper)
 *   a2: b1→a2→a3 (B,A,A gatekeeper); a3→a2→b1 (A,A,B representative)
 *   a3: a1→a3→a2 (A,A,A coordinator); a2→a3→a2 is x = y
 *   b1: a1→b1→b2 no (a1→b2 exists); a1→b1→a2 (A,B,A itinerant); a2→b1→b2 (A,B,B gatekeeper)
 *   b2: b1→b2→c1 (B,B,C representative); a1→b2→c1 (A,B,C liaison)
 *   c1: b2→c1→a1 (B,C,A liaison)
 */
const NODES: FixtureNode[] = [
  { id: "a1", sector: "LABOUR", acronym: "A-One" },
  { id: "a2", sector: "LABOUR" },
  { id: "a3", sector: "LABOUR" },
  { id: "b1", sector: "CIVIL_SOCIETY" },
  { id: "b2", sector: "CIVIL_SOCIETY" },
  { id: "c1", sector: "ACADEMIA" },
  { id: "topic", kind: "ISSUE" },
  { id: "forum", kind: "FORUM" },
];
const EDGES: FixtureEdge[] = [
  { type: "MEMBER_OF", source: "a1", target: "b1" },
  { type: "MEMBER_OF", source: "a2", target: "b1" },
  { type: "MEMBER_OF", source: "a2", target: "b1", role: "AFFILIATE" },
  { type: "MEMBER_OF", source: "b1", target: "b2" },
  { type: "SUPPORTS", source: "b1", target: "a2" },
  { type: "PARTNERS_WITH", source: "b2", target: "c1" },
  { type: "SUPPORTS", source: "a1", target: "b2" },
  { type: "MEMBER_OF", source: "c1", target: "a1" },
  { type: "PARTNERS_WITH", source: "a3", target: "a2" },
  { type: "MEMBER_OF", source: "a1", target: "a3" },
  { type: "PARTNERS_WITH", source: "a1", target: "a1" },
  { type: "WORKS_ON", source: "a1", target: "topic" },
  { type: "WORKS_ON", source: "c1", target: "topic" },
  { type: "EMERGED_FROM", source: "c1", target: "b1" },
  { type: "APPEARED_AT", source: "b2", target: "forum" },
  { type: "MEMBER_OF", source: "b2", target: "hidden-by-the-filter" },
];

const counts = (partial: Partial<RoleCounts>): RoleCounts => ({
  coordinator: 0,
  itinerant: 0,
  representative: 0,
  gatekeeper: 0,
  liaison: 0,
  ...partial,
});

describe("brokerage", () => {
  describe("#brokerageRoles", () => {
    const result = brokerageRoles(columnGraph(NODES, EDGES), "SECTOR");
    const node = (id: string) => result.nodes.find((n) => n.id === id)!;

    it("should count the hand-worked roles", () => {
      expect(result.organisations).toBe(6);
      expect(result.arcs).toBe(11);
      expect(node("a1").raw).toEqual(counts({ liaison: 1, gatekeeper: 1 }));
      expect(node("a2").raw).toEqual(counts({ gatekeeper: 1, representative: 1 }));
      expect(node("a3").raw).toEqual(counts({ coordinator: 1 }));
      expect(node("b1").raw).toEqual(counts({ itinerant: 1, gatekeeper: 1 }));
      expect(node("b2").raw).toEqual(counts({ representative: 1, liaison: 1 }));
      expect(node("c1").raw).toEqual(counts({ liaison: 1 }));
      expect(result.nodes.map((n) => [n.id, n.total])).toEqual([
        ["a1", 2],
        ["a2", 2],
        ["b1", 2],
        ["b2", 2],
        ["a3", 1],
        ["c1", 1],
      ]);
      expect(node("a1").label).toBe("A-One");
      expect(node("a1").group).toBe("LABOUR");
    });

    /**
     * N = 6, (N − 1)(N − 2) = 20 ordered pairs of others. Pairs fitting each role, by the broker's group:
     *   A (3): coordinator 2·1 = 2, itinerant B 2·1 + C 1·0 = 2, representative 2·3 = 6, gatekeeper 6, liaison 3·2 − 2 = 4
     *   B (2): coordinator 1·0 = 0, itinerant 3·2 + 0 = 6, representative 1·4 = 4, gatekeeper 4, liaison 4·3 − 6 = 6
     *   C (1): coordinator 0, itinerant 3·2 + 2·1 = 8, representative 0, gatekeeper 0, liaison 5·4 − 8 = 12
     * a1 (A, total 2): expected 0.2, 0.2, 0.6, 0.6, 0.4; c1 (C, total 1): 0, 0.4, 0, 0, 0.6.
     */
    it("should normalise against Gould and Fernandez's expectation", () => {
      const a1 = node("a1");
      for (const [role, value] of Object.entries({
        coordinator: 0.2,
        itinerant: 0.2,
        representative: 0.6,
        gatekeeper: 0.6,
        liaison: 0.4,
      })) {
        expect(a1.expected[role as BrokerageRole], role).toBeCloseTo(value, 12);
      }
      expect(a1.normalised.liaison).toBeCloseTo(1 / 0.4, 12);
      expect(a1.normalised.gatekeeper).toBeCloseTo(1 / 0.6, 12);
      expect(a1.normalised.coordinator).toBe(0);
      const c1 = node("c1");
      expect(c1.expected.liaison).toBeCloseTo(0.6, 12);
      expect(c1.expected.itinerant).toBeCloseTo(0.4, 12);
      expect(c1.normalised).toEqual({
        coordinator: null,
        itinerant: 0,
        representative: null,
        gatekeeper: null,
        liaison: c1.normalised.liaison,
      });
      expect(c1.normalised.liaison).toBeCloseTo(1 / 0.6, 12);
      expect(node("b2").expected.coordinator).toBe(0);
      expect(node("b2").normalised.coordinator).toBeNull();
    });

    /**
     * Dyads (pairs with an arc either way): {a1,b1} {a2,b1} {b1,b2} {b2,c1} {a1,b2} {a1,c1} {a2,a3} {a1,a3}.
     * Internal: {b1,b2}, {a2,a3}, {a1,a3} = 3; external 5. Network E–I (5 − 3)/8 = 0.25; possible
     * internal pairs 3 + 1 + 0 = 4 of 15, so expected (11 − 4)/15.
     * A: internal 2, external {a1,b1} {a2,b1} {a1,b2} {a1,c1} = 4 → 2/6; expected (9 − 3)/12.
     * B: internal 1, external {a1,b1} {a2,b1} {b2,c1} {a1,b2} = 4 → 3/5; expected (8 − 1)/9.
     * C: internal 0, external 2 → 1; expected 1.
     */
    it("should compute the E–I index per group and for the network", () => {
      expect(result.network).toEqual({ internalTies: 3, externalTies: 5, ei: 0.25, expectedEi: 7 / 15 });
      const group = (value: string) => result.groups.find((g) => g.value === value)!;
      expect(result.groups.map((g) => g.value)).toEqual(["ACADEMIA", "CIVIL_SOCIETY", "LABOUR"]);
      expect(group("LABOUR")).toMatchObject({ size: 3, internalTies: 2, externalTies: 4, ei: 1 / 3, expectedEi: 0.5 });
      expect(group("CIVIL_SOCIETY")).toMatchObject({ size: 2, internalTies: 1, externalTies: 4, ei: 0.6, expectedEi: 7 / 9 });
      expect(group("ACADEMIA")).toMatchObject({ size: 1, internalTies: 0, externalTies: 2, ei: 1, expectedEi: 1 });
      expect(group("LABOUR").raw).toEqual(counts({ coordinator: 1, liaison: 1, gatekeeper: 2, representative: 1 }));
    });

    it("should put organisations without a value in a group of their own, listed last", () => {
      const byRegion = brokerageRoles(
        columnGraph([...NODES.slice(0, 5).map((n) => ({ ...n, region: "ASIA_PACIFIC" })), NODES[5]], EDGES),
        "REGION",
      );
      expect(byRegion.groups.map((g) => [g.value, g.size])).toEqual([
        ["ASIA_PACIFIC", 5],
        [null, 1],
      ]);
      // c1 alone in the no-region group: every pair it brokers has both ends in the other group.
      expect(byRegion.nodes.find((n) => n.id === "c1")!.raw).toEqual(counts({ itinerant: 1 }));
    });

    it("should read extra ties such as co-presence both ways", () => {
      const extra = brokerageRoles(columnGraph(NODES, EDGES), "SECTOR", { extraTies: [{ source: "a3", target: "c1", type: CO_PRESENCE }] });
      expect(extra.arcs).toBe(13);
      // New through a3: a2 → a3 → c1 and a1 → a3 → c1 (representative), c1 → a3 → a2 (gatekeeper).
      expect(extra.nodes.find((n) => n.id === "a3")!.raw).toEqual(counts({ coordinator: 1, representative: 2, gatekeeper: 1 }));
    });

    it("should give nothing to a graph without organisations", () => {
      const empty = brokerageRoles(columnGraph([{ id: "topic", kind: "ISSUE" }], []), "TYPE");
      expect(empty).toEqual({
        partition: "TYPE",
        organisations: 0,
        arcs: 0,
        nodes: [],
        groups: [],
        network: { internalTies: 0, externalTies: 0, ei: null, expectedEi: null },
      });
    });
  });

  describe("#brokerageRoles against a reference", () => {
    const TYPES = ["MEMBER_OF", "SUPPORTS", "PARTNERS_WITH", "PART_OF", "EMERGED_FROM", "WORKS_ON"];
    const GROUPS = ["LABOUR", "CIVIL_SOCIETY", "STATE", null];

    /** Straight from the definitions: an adjacency matrix and every ordered triple. */
    function reference(nodes: FixtureNode[], edges: FixtureEdge[]) {
      const orgs = nodes
        .filter((n) => (n.kind ?? "ORGANISATION") === "ORGANISATION")
        .map((n) => n.id)
        .sort();
      const at = new Map(orgs.map((id, i) => [id, i]));
      const groupOf = (i: number) => (nodes.find((n) => n.id === orgs[i])!.sector as string | undefined) ?? null;
      const n = orgs.length;
      const arc = orgs.map(() => new Array<boolean>(n).fill(false));
      for (const e of edges) {
        const s = at.get(e.source);
        const t = at.get(e.target);
        const reading = tieSemantics(e.type).brokerage;
        if (s === undefined || t === undefined || s === t || reading === null) continue;
        arc[s][t] = true;
        if (reading === "BOTH_WAYS") arc[t][s] = true;
      }
      const roleOf = (a: number, b: number, c: number): BrokerageRole => {
        const [ga, gb, gc] = [groupOf(a), groupOf(b), groupOf(c)];
        if (ga === gb && gb === gc) return "coordinator";
        if (ga === gc) return "itinerant";
        if (ga === gb) return "representative";
        if (gb === gc) return "gatekeeper";
        return "liaison";
      };
      const raw = orgs.map(() => counts({}));
      for (let b = 0; b < n; b++)
        for (let a = 0; a < n; a++)
          for (let c = 0; c < n; c++)
            if (a !== b && b !== c && a !== c && arc[a][b] && arc[b][c] && !arc[a][c]) raw[b][roleOf(a, b, c)] += 1;
      // Expected: the share of ordered pairs of other organisations that would give each role.
      const expected = orgs.map((_, b) => {
        const total = BROKERAGE_ROLES.reduce((sum, r) => sum + raw[b][r], 0);
        const fits = counts({});
        for (let a = 0; a < n; a++) for (let c = 0; c < n; c++) if (a !== b && c !== b && a !== c) fits[roleOf(a, b, c)] += 1;
        return Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, (total * fits[r]) / ((n - 1) * (n - 2))]));
      });
      let internal = 0;
      let external = 0;
      for (let a = 0; a < n; a++) {
        for (let c = a + 1; c < n; c++) {
          if (!arc[a][c] && !arc[c][a]) continue;
          if (groupOf(a) === groupOf(c)) internal++;
          else external++;
        }
      }
      return { orgs, raw, expected, internal, external };
    }

    it("should agree on 30 random graphs", () => {
      const rng = mulberry32(2024);
      for (let round = 0; round < 30; round++) {
        const size = 4 + Math.floor(rng() * 20);
        const nodes: FixtureNode[] = Array.from({ length: size }, (_, i) => ({
          id: `o${i}`,
          sector: GROUPS[Math.floor(rng() * GROUPS.length)],
        }));
        nodes.push({ id: "issue", kind: "ISSUE" });
        const edges: FixtureEdge[] = Array.from({ length: Math.floor(rng() * size * 3) }, () => ({
          type: TYPES[Math.floor(rng() * TYPES.length)],
          source: `o${Math.floor(rng() * size)}`,
          target: rng() < 0.1 ? "issue" : `o${Math.floor(rng() * size)}`,
        }));
        const expected = reference(nodes, edges);
        const result = brokerageRoles(columnGraph(nodes, edges), "SECTOR");
        for (const node of result.nodes) {
          const i = expected.orgs.indexOf(node.id);
          expect(node.raw, `round ${round}, ${node.id}`).toEqual(expected.raw[i]);
          for (const role of BROKERAGE_ROLES)
            expect(node.expected[role], `round ${round}, ${node.id} ${role}`).toBeCloseTo(expected.expected[i][role], 9);
        }
        expect(result.network.internalTies, `round ${round}`).toBe(expected.internal);
        expect(result.network.externalTies, `round ${round}`).toBe(expected.external);
      }
    });
  });

  describe("#brokerageSummary", () => {
    it("should name the leading broker, its main role and the E–I index", () => {
      expect(brokerageSummary(brokerageRoles(columnGraph(NODES, EDGES), "SECTOR"))).toBe(
        "Across sectors, A-One brokers most: 2 two-step links, 1 of them as gatekeeper. The E–I index is 0.25: more ties across sectors than within them (0.47 if ties fell at random).",
      );
    });

    it("should say when nobody brokers", () => {
      const pair = columnGraph(
        [
          { id: "x", type: "NGO" },
          { id: "y", type: "NGO" },
        ],
        [{ type: "PARTNERS_WITH", source: "x", target: "y" }],
      );
      expect(brokerageSummary(brokerageRoles(pair, "TYPE"))).toBe(
        "Across organisation types, no organisation brokers between two others. The E–I index is -1.00: more ties within organisation types than across them (-1.00 if ties fell at random).",
      );
    });
  });
});
