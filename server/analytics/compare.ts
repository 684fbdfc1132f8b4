/** Shared and distinct items of 2–5 organisations, from each one's linked items. Pure. */
import type { NodeProps } from "../read/rows.js";

export const COMPARISON_CATEGORIES = ["CAMPAIGN", "FORUM", "ISSUE", "INSTRUMENT", "MEMBERSHIP", "PARTNER"] as const;
export type ComparisonCategory = (typeof COMPARISON_CATEGORIES)[number];

export interface LinkedItems {
  node: NodeProps;
  items: { node: NodeProps; category: ComparisonCategory }[];
}

export interface ComparedItem {
  node: NodeProps;
  category: ComparisonCategory;
  holders: string[];
}

export interface Comparison {
  nodes: NodeProps[];
  items: ComparedItem[];
  shared: ComparedItem[];
  distinct: { node: NodeProps; items: ComparedItem[] }[];
}

/** `organisations` in the order asked for; items ordered by category, then name. */
export function compareOrganisations(organisations: LinkedItems[]): Comparison {
  const byKey = new Map<string, ComparedItem>();
  for (const org of organisations) {
    for (const item of org.items) {
      const key = `${item.category}\u0000${item.node.id}`;
      const entry = byKey.get(key) ?? { node: item.node, category: item.category, holders: [] };
      if (!entry.holders.includes(org.node.id)) entry.holders.push(org.node.id);
      byKey.set(key, entry);
    }
  }
  const order = new Map(COMPARISON_CATEGORIES.map((c, i) => [c, i]));
  const items = [...byKey.values()].sort(
    (a, b) =>
      order.get(a.category)! - order.get(b.category)! || a.node.name.localeCompare(b.node.name) || a.node.id.localeCompare(b.node.id),
  );
  return {
    nodes: organisations.map((o) => o.node),
    items,
    shared: items.filter((i) => i.holders.length === organisations.length),
    distinct: organisations.map((o) => ({
      node: o.node,
      items: items.filter((i) => i.holders.length === 1 && i.holders[0] === o.node.id),
    })),
  };
}
