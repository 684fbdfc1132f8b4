/** The bundled dataset as the tests read it, so expectations follow from data/ rather than fixed counts. */
import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import type { Dataset } from "../../server/import/schema.js";
import type { NodeKind } from "../../core/vocabulary.js";

export const data: Dataset = readDataset(DATA_DIR);

/** MEMBER_OF sources per target. */
export function membersOf(dataset: Dataset = data): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const r of dataset.relationships) {
    if (r.type !== "MEMBER_OF") continue;
    members.set(r.target, [...(members.get(r.target) ?? []), r.source]);
  }
  return members;
}

/** The network with the most members (ties: smallest id). */
export function biggestNetwork(dataset: Dataset = data): { id: string; members: string[] } {
  const [id, members] = [...membersOf(dataset)].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  return { id, members };
}

/** Breadth-first distance between two nodes over every relationship of the data, ignoring direction. */
export function distance(
  from: string,
  to: string,
  dataset: Dataset = data,
  keep: (id: string) => boolean = () => true,
): number | undefined {
  const adjacent = new Map<string, Set<string>>();
  for (const r of dataset.relationships) {
    if (!keep(r.source) && r.source !== from && r.source !== to) continue;
    if (!keep(r.target) && r.target !== from && r.target !== to) continue;
    for (const [a, b] of [
      [r.source, r.target],
      [r.target, r.source],
    ])
      adjacent.set(a, (adjacent.get(a) ?? new Set()).add(b));
  }
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) return seen.get(at);
    for (const next of adjacent.get(at) ?? [])
      if (!seen.has(next)) {
        seen.set(next, seen.get(at)! + 1);
        queue.push(next);
      }
  }
  return undefined;
}

/** Kind of every node id in the data. */
export function kindsById(dataset: Dataset = data): Map<string, NodeKind> {
  return new Map([
    ...dataset.organisations.map((n) => [n.id, "ORGANISATION"] as const),
    ...dataset.forums.map((n) => [n.id, "FORUM"] as const),
    ...dataset.campaigns.map((n) => [n.id, "CAMPAIGN"] as const),
    ...dataset.instruments.map((n) => [n.id, "INSTRUMENT"] as const),
    ...dataset.people.map((n) => [n.id, "PERSON"] as const),
    ...dataset.issues.map((n) => [n.id, "ISSUE"] as const),
  ]);
}
