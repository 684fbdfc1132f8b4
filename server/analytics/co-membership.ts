/**
 * Co-membership projection: organisations linked when they are members of the same coalitions,
 * weighted by how many they share. Pure. Counting pairs in typed arrays here costs a fraction of
 * grouping millions of (a, b, coalition) rows in Cypher: a coalition with m members yields m²/2
 * pairs, and the biggest generated ones have thousands of members.
 */
export interface CoMembershipPair {
  /** The smaller id of the two. */
  source: string;
  target: string;
  /** Ids of the shared coalitions, sorted. */
  shared: string[];
}

/**
 * Pairs of members sharing at least `minShared` coalitions, from parallel lists of memberships
 * (`members[k]` is MEMBER_OF `coalitions[k]`; repeats count once). Ordered by source, then target.
 */
export function coMembershipPairs(members: readonly string[], coalitions: readonly string[], minShared: number): CoMembershipPair[] {
  const memberIds = [...new Set(members)].sort();
  const memberIndex = new Map(memberIds.map((id, i) => [id, i]));
  const coalitionIds = [...new Set(coalitions)].sort();
  const coalitionIndex = new Map(coalitionIds.map((id, i) => [id, i]));

  const membersOf: Set<number>[] = coalitionIds.map(() => new Set());
  const coalitionsOf: Set<number>[] = memberIds.map(() => new Set());
  members.forEach((member, k) => {
    const m = memberIndex.get(member)!;
    const c = coalitionIndex.get(coalitions[k])!;
    membersOf[c].add(m);
    coalitionsOf[m].add(c);
  });
  // A pair can share minShared coalitions only if both ends belong to that many.
  const eligible = coalitionsOf.map((set) => set.size >= minShared);
  const memberLists = membersOf.map((set) => [...set].filter((m) => eligible[m]).sort((x, y) => x - y));

  const count = new Int32Array(memberIds.length);
  const first = new Int32Array(memberIds.length);
  const more = new Map<number, number[]>();
  const pairs: CoMembershipPair[] = [];
  for (let a = 0; a < memberIds.length; a++) {
    if (!eligible[a]) continue;
    const touched: number[] = [];
    for (const c of coalitionsOf[a]) {
      for (const b of memberLists[c]) {
        if (b <= a) continue;
        if (count[b] === 0) {
          touched.push(b);
          first[b] = c;
        } else {
          const list = more.get(b);
          if (list) list.push(c);
          else more.set(b, [c]);
        }
        count[b] += 1;
      }
    }
    touched.sort((x, y) => x - y);
    for (const b of touched) {
      if (count[b] >= minShared) {
        const shared = [first[b], ...(more.get(b) ?? [])].map((c) => coalitionIds[c]).sort();
        pairs.push({ source: memberIds[a], target: memberIds[b], shared });
      }
      count[b] = 0;
    }
    more.clear();
  }
  return pairs;
}
