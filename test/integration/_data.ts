/** The bundled dataset as the tests read it, so expectations follow from data/ rather than fixed counts. */
import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import type { Dataset } from "../../server/import/schema.js";

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
