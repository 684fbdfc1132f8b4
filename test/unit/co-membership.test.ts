import { describe, expect, it } from "vitest";

import { coMembershipPairs } from "../../server/analytics/co-membership.js";
import { mulberry32 } from "../../server/analytics/random.js";

/** Every pair of members and the coalitions they share, by brute force. */
function bruteForce(members: string[], coalitions: string[], minShared: number) {
  const of = new Map<string, Set<string>>();
  members.forEach((m, k) => of.set(m, (of.get(m) ?? new Set()).add(coalitions[k])));
  const ids = [...of.keys()].sort();
  const pairs = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const shared = [...of.get(ids[i])!].filter((c) => of.get(ids[j])!.has(c)).sort();
      if (shared.length >= minShared) pairs.push({ source: ids[i], target: ids[j], shared });
    }
  }
  return pairs;
}

describe("co-membership", () => {
  describe("#coMembershipPairs", () => {
    it("should pair members of the same coalitions, counting a repeated membership once", () => {
      const members = ["a", "b", "c", "a", "b", "a"];
      const coalitions = ["n1", "n1", "n1", "n2", "n2", "n2"];
      expect(coMembershipPairs(members, coalitions, 1)).toEqual([
        { source: "a", target: "b", shared: ["n1", "n2"] },
        { source: "a", target: "c", shared: ["n1"] },
        { source: "b", target: "c", shared: ["n1"] },
      ]);
      expect(coMembershipPairs(members, coalitions, 2)).toEqual([{ source: "a", target: "b", shared: ["n1", "n2"] }]);
      expect(coMembershipPairs(members, coalitions, 3)).toEqual([]);
    });

    it("should agree with brute force on random memberships", () => {
      const rng = mulberry32(7);
      for (const minShared of [1, 2, 3]) {
        const members: string[] = [];
        const coalitions: string[] = [];
        for (let k = 0; k < 400; k++) {
          members.push(`m${Math.floor(rng() * 60)}`);
          coalitions.push(`c${Math.floor(rng() * rng() * 12)}`);
        }
        expect(coMembershipPairs(members, coalitions, minShared)).toEqual(bruteForce(members, coalitions, minShared));
      }
    });
  });
});
