/**
 * `revertChange(id)` (editor): a new change that puts back every record the change touched as it was
 * before. Each record must still be as the change left it (same version, or still absent);
 * otherwise a later change touched it, and the revert is a CONFLICT naming the record.
 */
import { requireRole, type Viewer } from "../auth/viewer.js";
import type { Database, TxRunner } from "../db/database.js";
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

/**
 * A source the revert would remove must not be cited by any record or story outside the revert (their
 * citations would point at nothing); a change that created a source with the records citing it (an
 * import) reverts as a whole.
 */
async function refuseOrphanedCitations(run: TxRunner, records: RecordWrite[]): Promise<void> {
  const removed = records.filter((r) => r.kind === "source" && r.before && !r.after).map((r) => r.id);
  if (!removed.length) return;
  // Records this revert puts back as they were before the source existed cite it no longer.
  const restored = new Set(records.map((r) => r.id));
  const citing = (await run(QUERIES.citingRecords, { ids: removed }))
    .map((row) => ({ ...row, records: row.records.filter((id) => !restored.has(id)) }))
    .filter((row) => row.records.length);
  for (const story of await run(QUERIES.exportStories)) {
    type Step = { citations?: { source: string }[] };
    const cited = new Set((JSON.parse(story.steps) as Step[]).flatMap((step) => (step.citations ?? []).map((c) => c.source)));
    for (const source of removed) if (cited.has(source)) citing.push({ source, records: [`story ${story.id}`] });
  }
  if (!citing.length) return;
  const [first] = citing;
  const citedBy = [...new Set(citing.flatMap((row) => row.records))];
  const shown = citedBy.slice(0, 10).join(", ") + (citedBy.length > 10 ? ` and ${citedBy.length - 10} more` : "");
  throw apiError("CONFLICT", `Source '${first.source}' is cited by ${shown}: remove those citations before reverting its creation`, {
    id: first.source,
    citedBy,
  });
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
    await refuseOrphanedCitations(run, records);
    return commit(
      run,
      "revertChange",
      { records, revertOf: change.id },
      { actor, comment: comment ?? `revert of ${change.operation} ${change.id}` },
    );
  });
}
