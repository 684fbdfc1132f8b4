/**
 * Reading the record of changes: `history(id)` of a node or relationship and `changes(first, after,
 * actor, since)` of the whole atlas, newest first. A change is shown only to viewers who may read
 * every record it touched (its `visibility`); a hidden record's history is NOT_FOUND, like the record.
 */
import { visibleLevels } from "../../core/access.js";
import type { Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { badInput, intInRange, notFound } from "../graphql/errors.js";
import type { ChangeProps } from "./types.js";

const levelsOf = (viewer: Viewer | null) => visibleLevels(viewer?.role ?? null);

export async function historyOf(db: Database, viewer: Viewer | null, id: string): Promise<ChangeProps[]> {
  const levels = levelsOf(viewer);
  const [record] = await db.read(QUERIES.recordVisibility, { id });
  if (record && !(levels as string[]).includes(record.visibility)) throw notFound("node or relationship", id);
  const changes = (await db.read(QUERIES.historyOf, { id, levels })).map((r) => r.change);
  // A deleted record is known by its history; one with neither never existed (or is hidden).
  if (!record && !changes.length) throw notFound("node or relationship", id);
  return changes;
}

export interface ChangesArgs {
  first?: number | null;
  after?: string | null;
  actor?: string | null;
  since?: string | null;
}

export interface ChangePage {
  changes: ChangeProps[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The cursor is a change's `seq` (the data version it made): stable while changes are appended. */
export async function changesPage(db: Database, viewer: Viewer | null, args: ChangesArgs): Promise<ChangePage> {
  const first = intInRange("first", args.first, 1, 100, 20);
  let after: number | null = null;
  if (args.after) {
    after = Number(args.after);
    if (!Number.isInteger(after) || after < 0) throw badInput("after", "must be a cursor from pageInfo.endCursor");
  }
  let since: string | null = null;
  if (args.since) {
    const time = new Date(args.since);
    if (Number.isNaN(time.getTime())) throw badInput("since", "must be an ISO date or time such as '2026-12-01T00:00:00Z'");
    since = time.toISOString();
  }
  const rows = await db.read(QUERIES.changesPage, { after, actor: args.actor ?? null, since, levels: levelsOf(viewer), limit: first + 1 });
  const changes = rows.slice(0, first).map((r) => r.change);
  return { changes, hasNextPage: rows.length > first, endCursor: changes.length ? String(changes.at(-1)!.seq) : null };
}
