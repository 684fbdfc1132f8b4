/**
 * `revertChange(id)` (editor): a new change that puts back every record the change touched as it was
 * before. Each record must still be as the change left it (same version, or still absent);
 * otherwise a later change touched it, and the revert is a CONFLICT naming the record.
 */
import { requireRole, type Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { apiError, notFound } from "../graphql/errors.js";
import { versionOf } from "./records.js";
import { commit, lockRecords } from "./store.js";
import type { ChangeProps, RecordWrite, StoredRecord } from "./types.js";

type Half = { kind: StoredRecord["kind"]; id: string; state: StoredRecord | null }[];

function sameState(a: StoredRecord, b: StoredRecord): boolean {
  if (a.kind !== "source") return versionOf(a) === versionOf(b);
  return JSON.stringify(Object.entries(a.props).sort()) === JSON.stringify(Object.entries(b.props).sort());
}

export async function revertChange(db: Database, viewer: Viewer | null, id: string, comment?: string | null): Promise<ChangeProps> {
  const actor = requireRole(viewer, "editor");
  const [row] = await db.read(QUERIES.changeById, { id, levels: ["PUBLIC", "MEMBERS", "EDITORS"] });
  if (!row) throw notFound("change", id);
  const change = row.change;
  const before = JSON.parse(change.before) as Half;
  const after = JSON.parse(change.after) as Half;
  return db.writeTransaction(async (run) => {
    const current = await lockRecords(run, after);
    const records: RecordWrite[] = after.map((left, i) => {
      const now = current.get(`${left.kind}:${left.id}`) ?? null;
      const untouched = left.state === null ? now === null : now !== null && sameState(now, left.state);
      if (!untouched) {
        const state = now ? `is at version ${versionOf(now)}` : "was deleted";
        throw apiError("CONFLICT", `A later change touched ${left.kind} '${left.id}', which ${state}: revert that change first`, {
          id: left.id,
          currentVersion: now ? versionOf(now) : null,
        });
      }
      return { kind: left.kind, id: left.id, before: now, after: before[i].state };
    });
    return commit(
      run,
      "revertChange",
      { records, revertOf: change.id },
      { actor, comment: comment ?? `revert of ${change.operation} ${change.id}` },
    );
  });
}
