/**
 * Which members fold into which collapsed networks: one rule for the API (`groupBy: MEMBERSHIP`)
 * and the explorer (collapsing networks one by one), so the two always agree. Pure.
 *
 * - A member folds into a collapsed network when that is the only collapsed network it belongs to.
 * - A member of two or more collapsed networks is shared: it stays visible, tied to each of them
 *   by its own memberships, so overlaps between coalitions stay in sight.
 * - A member that is itself collapsed (a network inside a network) never folds: it stays visible
 *   as a collapsed node of its own, tied to the networks it belongs to. Nor does a member the
 *   caller keeps (`keep`: expanded into the view on purpose, or not shown at all).
 * - A member that is a network but not collapsed folds like any other member; its own members,
 *   unless collapsed elsewhere, stay visible and their ties are re-pointed to where it folded.
 */

export interface GroupFolding {
  /** Direct members that fold into the network (members of no other collapsed network). */
  folded: string[];
  /** Direct members kept visible because another collapsed network holds them too. */
  shared: string[];
}

export interface Folding {
  /** Each folded member and the collapsed network it folds into. */
  foldInto: Map<string, string>;
  /** Each shared member and the collapsed networks (sorted) it belongs to. */
  shared: Map<string, string[]>;
  /** Per collapsed network, by id: its folded and shared members, sorted. */
  byGroup: Map<string, GroupFolding>;
}

/**
 * Folds the direct members (`members`: network id → member ids) of the `collapsed` networks.
 * Networks absent from `members` have nothing to fold and are left out of `byGroup`.
 */
export function foldMembers(
  members: ReadonlyMap<string, readonly string[]>,
  collapsed: Iterable<string>,
  keep: (id: string) => boolean = () => false,
): Folding {
  // Sorted, so the answer is the same whatever order the networks were collapsed in.
  const closed = new Set([...collapsed].filter((id) => members.has(id)).sort());
  const holders = new Map<string, string[]>();
  for (const group of closed) {
    for (const member of new Set(members.get(group))) {
      if (member === group || closed.has(member) || keep(member)) continue;
      holders.set(member, [...(holders.get(member) ?? []), group]);
    }
  }
  const foldInto = new Map<string, string>();
  const shared = new Map<string, string[]>();
  const byGroup = new Map<string, GroupFolding>([...closed].map((id) => [id, { folded: [], shared: [] }]));
  for (const [member, groups] of holders) {
    if (groups.length === 1) {
      foldInto.set(member, groups[0]);
      byGroup.get(groups[0])!.folded.push(member);
    } else {
      shared.set(member, [...groups].sort());
      for (const group of groups) byGroup.get(group)!.shared.push(member);
    }
  }
  for (const entry of byGroup.values()) {
    entry.folded.sort();
    entry.shared.sort();
  }
  return { foldInto, shared, byGroup };
}
