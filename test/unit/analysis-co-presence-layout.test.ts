/** The co-presence network's drawing (web/src/analysis/co-presence-layout.ts): which ties, where, how thick. */
import { describe, expect, it } from "vitest";

import { CO_PRESENCE_TIES_DRAWN, coPresenceLayout } from "../../web/src/analysis/co-presence-layout.js";

const tie = (source: string, target: string, weight: number, occurrences: string[]) => ({
  source,
  target,
  sourceLabel: source.toUpperCase(),
  targetLabel: target.toUpperCase(),
  weight,
  occurrences,
});

describe("co-presence layout", () => {
  describe("#coPresenceLayout", () => {
    const answer = {
      ties: [tie("a", "b", 1, ["f1"]), tie("b", "c", 3, ["f1", "f2", "c1"]), tie("a", "c", 2, ["f2", "c1"])],
      occurrences: [
        { id: "f1", label: "Forum 2010" },
        { id: "f2", label: "Forum 2012" },
        { id: "c1", label: "Campaign" },
      ],
    };

    it("should draw the heaviest ties first, explained by their occurrences' names", () => {
      const layout = coPresenceLayout(answer, 300);
      expect(layout.ties.map((t) => [t.source, t.target, t.weight])).toEqual([
        ["b", "c", 3],
        ["a", "c", 2],
        ["a", "b", 1],
      ]);
      expect(layout.ties[0].occurrenceLabels).toEqual(["Forum 2010", "Forum 2012", "Campaign"]);
      expect(layout.ties.map((t) => t.width)).toEqual([5, 3, 1]);
    });

    it("should put each organisation on the circle once, each tie between its two ends", () => {
      const layout = coPresenceLayout(answer, 300);
      expect(layout.nodes.map((n) => n.id)).toEqual(["a", "b", "c"]);
      for (const n of layout.nodes) expect(Math.hypot(n.x - 150, n.y - 150)).toBeCloseTo(138, 6);
      const at = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const t of layout.ties) {
        expect([t.x1, t.y1]).toEqual([at.get(t.source)!.x, at.get(t.source)!.y]);
        expect([t.x2, t.y2]).toEqual([at.get(t.target)!.x, at.get(t.target)!.y]);
      }
    });

    it("should draw at most the cap of ties, and their organisations only", () => {
      const many = Array.from({ length: CO_PRESENCE_TIES_DRAWN + 10 }, (_, k) => tie(`o${k}`, `p${k}`, k + 1, ["f1"]));
      const layout = coPresenceLayout({ ties: many, occurrences: answer.occurrences }, 300);
      expect(layout.ties).toHaveLength(CO_PRESENCE_TIES_DRAWN);
      expect(layout.ties[0].weight).toBe(CO_PRESENCE_TIES_DRAWN + 10);
      expect(layout.nodes).toHaveLength(2 * CO_PRESENCE_TIES_DRAWN);
    });
  });
});
