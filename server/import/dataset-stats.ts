/** Figures data:check prints about the dataset's shape: ties per type and the network-of-networks backbone. */
import type { Dataset, OrganisationRecord } from "./schema.js";

export function relationshipCounts(data: Dataset): [string, number][] {
  const byType = new Map<string, number>();
  for (const r of data.relationships) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  return [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Organisations with no relationship, of any type or direction, to another organisation or to a forum. */
export function organisationsWithoutTies(data: Dataset): OrganisationRecord[] {
  const organisational = new Set([...data.organisations, ...data.forums].map((n) => n.id));
  const tied = new Set<string>();
  for (const r of data.relationships) {
    if (organisational.has(r.source) && organisational.has(r.target)) {
      tied.add(r.source);
      tied.add(r.target);
    }
  }
  return data.organisations.filter((o) => !tied.has(o.id));
}
