import { describe, expect, it } from "vitest";

import { coPresence, coPresenceSummary } from "../../server/analytics/co-presence.js";
import { mulberry32 } from "../../server/analytics/random.js";
import { columnGraph, type FixtureEdge, type FixtureNode } from "./_column-graph.js";

/**
 * Four organisations at three forum occurrences and two campaigns:
 *   f2005 (2005): p, q, r            f2010 (2010): p (twice: speaker and organiser), q
 *   camp (2008–2012): p, q (since 2011), s (until 2008)
 *   undated campaign: r, s           f2018 (2018): p, s
 * A person at f2005 and q's appearance at a forum the filter hid do not count.
 * Shared occurrences, all years (earliest first, undated last):
 *   p–q: f2005, camp, f2010 = 3    p–r: f2005 = 1    p–s: camp, f2018 = 2
 *   q–r: f2005 = 1                 q–s: camp = 1     r–s: undated = 1
 * 2009–2015 (active unless its dates fall outside): f2005 and f2018 are out, and so is s in camp
 * (until 2008), the undated campaign stays in: p–q: camp, f2010 = 2; r–s: undated = 1.
 */
const NODES: FixtureNode[] = [
  { id: "p", acronym: "P" },
  { id: "q", acronym: "Q" },
  { id: "r" },
  { id: "s" },
  { id: "someone", kind: "PERSON" },
  { id: "f2005", kind: "FORUM", activeFrom: 2005, activeTo: 2005 },
  { id: "f2010", kind: "FORUM", activeFrom: 2010, activeTo: 2010 },
  { id: "f2018", kind: "FORUM", activeFrom: 2018, activeTo: 2018 },
  { id: "camp", kind: "CAMPAIGN", activeFrom: 2008, activeTo: 2012 },
  { id: "undated", kind: "CAMPAIGN" },
];
const EDGES: FixtureEdge[] = [
  { type: "APPEARED_AT", source: "p", target: "f2005", year: 2005 },
  { type: "APPEARED_AT", source: "q", target: "f2005", year: 2005 },
  { type: "APPEARED_AT", source: "r", target: "f2005" },
  { type: "APPEARED_AT", source: "someone", target: "f2005" },
  { type: "APPEARED_AT", source: "p", target: "f2010", role: "SPEAKER", year: 2010 },
  { type: "APPEARED_AT", source: "p", target: "f2010", role: "ORGANISER", year: 2010 },
  { type: "APPEARED_AT", source: "q", target: "f2010", year: 2010 },
  { type: "APPEARED_AT", source: "q", target: "hidden-forum", year: 2010 },
  { type: "CAMPAIGNED_IN", source: "p", target: "camp" },
  { type: "CAMPAIGNED_IN", source: "q", target: "camp", since: 2011 },
  { type: "CAMPAIGNED_IN", source: "s", target: "camp", until: 2008 },
  { type: "CAMPAIGNED_IN", source: "r", target: "undated" },
  { type: "CAMPAIGNED_IN", source: "s", target: "undated" },
  { type: "APPEARED_AT", source: "s", target: "f2018", year: 2018 },
  { type: "APPEARED_AT", source: "p", target: "f2018", year: 2018 },
  { type: "MEMBER_OF", source: "p", target: "q" },
];
const graph = columnGraph(NODES, EDGES);
const weights = (ties: { source: string; target: string; weight: number; occurrences: string[] }[]) =>
  ties.map((t) => [`${t.source}–${t.target}`, t.weight, t.occurrences]);

describe("co-presence", () => {
  describe("#coPresence", () => {
    it("should weight each pair by the occurrences it shared, all years", () => {
      const result = coPresence(graph);
      expect(weights(result.ties)).toEqual([
        ["p–q", 3, ["f2005", "camp", "f2010"]],
        ["p–r", 1, ["f2005"]],
        ["p–s", 2, ["camp", "f2018"]],
        ["q–r", 1, ["f2005"]],
        ["q–s", 1, ["camp"]],
        ["r–s", 1, ["undated"]],
      ]);
      expect(result.organisations).toBe(4);
      expect(result.ties[0]).toMatchObject({ sourceLabel: "P", targetLabel: "Q" });
      expect(result.occurrences.map((o) => [o.id, o.kind, o.yearFrom, o.yearTo])).toEqual([
        ["f2005", "FORUM", 2005, 2005],
        ["camp", "CAMPAIGN", 2008, 2012],
        ["f2010", "FORUM", 2010, 2010],
        ["f2018", "FORUM", 2018, 2018],
        ["undated", "CAMPAIGN", null, null],
      ]);
      expect(result.occurrences.find((o) => o.id === "f2010")!.appearances).toEqual([
        { organisation: "p", relationshipIds: ["appeared_at:p:f2010:organiser", "appeared_at:p:f2010:speaker"] },
        { organisation: "q", relationshipIds: ["appeared_at:q:f2010"] },
      ]);
    });

    it("should keep what is active in the year range, undated occurrences included", () => {
      const result = coPresence(graph, { yearFrom: 2009, yearTo: 2015 });
      expect(weights(result.ties)).toEqual([
        ["p–q", 2, ["camp", "f2010"]],
        ["r–s", 1, ["undated"]],
      ]);
      expect(result.occurrences.map((o) => o.id)).toEqual(["camp", "f2010", "undated"]);
      expect(result.occurrences.find((o) => o.id === "camp")!.appearances.map((a) => a.organisation)).toEqual(["p", "q"]);
    });

    it("should leave out pairs below the minimum shared count", () => {
      expect(weights(coPresence(graph, { minShared: 2 }).ties)).toEqual([
        ["p–q", 3, ["f2005", "camp", "f2010"]],
        ["p–s", 2, ["camp", "f2018"]],
      ]);
      expect(weights(coPresence(graph, { yearFrom: 2009, yearTo: 2015, minShared: 2 }).ties)).toEqual([["p–q", 2, ["camp", "f2010"]]]);
      expect(coPresence(graph, { minShared: 4 }).ties).toEqual([]);
    });

    it("should list and explain only the heaviest ties, counting every one", () => {
      // Weights: p–q 3, p–s 2, then four of 1 (p–r, q–r, q–s, r–s): the two heaviest, then the first of the ones.
      const two = coPresence(graph, { limit: 2 });
      expect(weights(two.ties)).toEqual([
        ["p–q", 3, ["f2005", "camp", "f2010"]],
        ["p–s", 2, ["camp", "f2018"]],
      ]);
      expect([two.tieCount, two.occurrenceCount, two.organisations]).toEqual([6, 5, 4]);
      // Only the occurrences behind the listed ties, with only the listed ties' organisations (r was at f2005 too).
      expect(two.occurrences.map((o) => o.id)).toEqual(["f2005", "camp", "f2010", "f2018"]);
      expect(two.occurrences[0].appearances.map((a) => a.organisation)).toEqual(["p", "q"]);
      expect(weights(coPresence(graph, { limit: 3 }).ties).map(([pair]) => pair)).toEqual(["p–q", "p–r", "p–s"]);
      expect(coPresenceSummary(two)).toBe(coPresenceSummary(coPresence(graph)));
    });

    it("should count only the kinds of occurrence asked for", () => {
      expect(weights(coPresence(graph, { kinds: ["FORUM"] }).ties)).toEqual([
        ["p–q", 2, ["f2005", "f2010"]],
        ["p–r", 1, ["f2005"]],
        ["p–s", 1, ["f2018"]],
        ["q–r", 1, ["f2005"]],
      ]);
    });

    it("should agree with a pair-by-pair count on random graphs", () => {
      const rng = mulberry32(7);
      for (let round = 0; round < 25; round++) {
        const orgs = 3 + Math.floor(rng() * 40);
        const occurrences = 1 + Math.floor(rng() * 12);
        const nodes: FixtureNode[] = [
          ...Array.from({ length: orgs }, (_, i) => ({ id: `o${String(i).padStart(2, "0")}` })),
          ...Array.from({ length: occurrences }, (_, k) => {
            const year = rng() < 0.2 ? undefined : 2000 + Math.floor(rng() * 20);
            return rng() < 0.5
              ? { id: `x${k}`, kind: "FORUM", activeFrom: year ?? null, activeTo: year ?? null }
              : {
                  id: `x${k}`,
                  kind: "CAMPAIGN",
                  activeFrom: year ?? null,
                  activeTo: year === undefined ? null : year + Math.floor(rng() * 5),
                };
          }),
        ];
        const edges: FixtureEdge[] = Array.from({ length: Math.floor(rng() * orgs * 4) }, () => {
          const k = Math.floor(rng() * occurrences);
          const forum = nodes[orgs + k].kind === "FORUM";
          return {
            type: forum ? "APPEARED_AT" : "CAMPAIGNED_IN",
            source: nodes[Math.floor(rng() * orgs)].id,
            target: `x${k}`,
            role: rng() < 0.3 ? "SPEAKER" : undefined,
            since: !forum && rng() < 0.3 ? 2005 + Math.floor(rng() * 10) : undefined,
          };
        });
        const yearFrom = rng() < 0.5 ? null : 2000 + Math.floor(rng() * 15);
        const yearTo = rng() < 0.5 ? null : (yearFrom ?? 2000) + Math.floor(rng() * 10);
        const minShared = 1 + Math.floor(rng() * 3);
        const limit = 1 + Math.floor(rng() * 8);

        // Reference: the set of occurrences of each organisation, then every pair's intersection.
        const fixture = columnGraph(nodes, edges);
        const inRange = (from: unknown, to: unknown) =>
          (yearTo === null || from == null || (from as number) <= yearTo) &&
          (yearFrom === null || to == null || (to as number) >= yearFrom);
        const at = new Map<string, Set<string>>();
        for (const e of edges) {
          const occurrence = nodes.find((n) => n.id === e.target)!;
          if (!inRange(e.since ?? e.year, e.until ?? e.year) || !inRange(occurrence.activeFrom, occurrence.activeTo)) continue;
          at.set(e.source, (at.get(e.source) ?? new Set()).add(e.target));
        }
        const ids = [...at.keys()].sort();
        const order = (x: string) => {
          const year = nodes.find((n) => n.id === x)!.activeFrom as number | null;
          return [year ?? Infinity, x] as const;
        };
        const expected = ids.flatMap((a, i) =>
          ids.slice(i + 1).flatMap((b) => {
            const shared = [...at.get(a)!].filter((x) => at.get(b)!.has(x)).sort((x, y) => order(x)[0] - order(y)[0] || (x < y ? -1 : 1));
            return shared.length >= minShared ? [[`${a}–${b}`, shared.length, shared]] : [];
          }),
        );
        const all = coPresence(fixture, { yearFrom, yearTo, minShared });
        expect(weights(all.ties), `round ${round}`).toEqual(expected);
        expect(all.tieCount, `round ${round}`).toBe(expected.length);
        const behind = new Set(expected.flatMap(([, , shared]) => shared as string[]));
        expect(all.occurrenceCount, `round ${round}`).toBe(behind.size);
        // The `limit` heaviest, of equal weights the first in order, listed in order.
        const heaviest = expected
          .map((tie, k) => ({ tie, k }))
          .sort((x, y) => (y.tie[1] as number) - (x.tie[1] as number) || x.k - y.k)
          .slice(0, limit)
          .sort((x, y) => x.k - y.k)
          .map(({ tie }) => tie);
        const limited = coPresence(fixture, { yearFrom, yearTo, minShared, limit });
        expect(weights(limited.ties), `round ${round}, limit ${limit}`).toEqual(heaviest);
        expect([limited.tieCount, limited.occurrenceCount, limited.organisations], `round ${round}`).toEqual([
          expected.length,
          behind.size,
          all.organisations,
        ]);
      }
    });
  });

  describe("#coPresenceSummary", () => {
    it("should say who met most, and where nobody met", () => {
      expect(coPresenceSummary(coPresence(graph))).toBe(
        "Over all years, 4 organisations met at 5 forums and campaigns, forming 6 co-presence ties; P and Q were together most often (3 times).",
      );
      expect(coPresenceSummary(coPresence(graph, { yearFrom: 2009, yearTo: 2015, minShared: 2 }))).toBe(
        "From 2009 to 2015, 2 organisations met at least 2 times at 2 forums and campaigns, forming 1 co-presence tie; P and Q were together most often (2 times).",
      );
      expect(coPresenceSummary(coPresence(graph, { yearFrom: 2030 }))).toBe(
        "From 2030 on, 2 organisations met at 1 forum or campaign, forming 1 co-presence tie; no two of them met more than once.",
      );
      expect(coPresenceSummary(coPresence(graph, { yearFrom: 2030, kinds: ["FORUM"] }))).toBe(
        "From 2030 on, no two organisations met at the same forum or campaign.",
      );
      expect(coPresenceSummary(coPresence(graph, { yearTo: 2005, minShared: 2 }))).toBe(
        "Up to 2005, no two organisations met at least 2 times at the same forum or campaign.",
      );
    });
  });
});
