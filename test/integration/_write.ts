/** Plumbing of the write tests: a viewer per role, and putting the shared database back as the bundled dataset. */
import type { Role } from "../../core/access.js";
import type { Viewer } from "../../server/auth/viewer.js";
import type { Database } from "../../server/db/database.js";
import { loadDataset } from "../../server/import/load.js";
import { data } from "./_data.js";
import { connectTestDb } from "../_helpers.js";

export const viewerAs = (role: Role, username: string = role): Viewer => ({ userId: `user-${username}`, username, role });

export const reader = viewerAs("reader");
export const contributor = viewerAs("contributor", "connie");
export const editor = viewerAs("editor", "edna");
export const admin = viewerAs("admin", "ada");

/** Nodes the bundled stories show (focus, collapsed, answers): deleting or merging them away is refused. */
export const SHOWN_BY_STORIES: ReadonlySet<string> = new Set(
  data.stories.flatMap((story) =>
    story.steps.flatMap((step) => [...step.focus, ...(step.view?.collapsed ?? []), ...(step.exercise?.answers ?? [])]),
  ),
);

/** A citation of a bundled document, in the writer's own words. */
export const citation = (evidence = "The report lists this organisation among the coalition's members.") => ({
  source: data.sources[0].id,
  locator: "Annex 2, list of members",
  evidence,
});

/**
 * Users' work outlives a reload by design, so a test that wrote must wipe the atlas (and the
 * curation record) and load the bundled dataset into the empty database, as the global setup did.
 * The data version (DatasetMeta) is kept: it keys caches, so it must never repeat for other data.
 */
export async function resetAtlas(db: Database): Promise<void> {
  await db.driver.executeQuery(
    "MATCH (n) WHERE n:Entity OR n:Source OR n:Change OR n:Proposal OR n:Tombstone DETACH DELETE n",
    {},
    { database: db.database },
  );
  await loadDataset(db, data);
}

/** Every node and relationship with its properties (the curation record apart), to compare stores. */
export async function atlasSnapshot(db: Database): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (n) WHERE n:Entity OR n:Source
     OPTIONAL MATCH (n)-[r]->(m:Entity)
     RETURN n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out`,
    {},
    { database: db.database },
  );
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort()
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  // Bookkeeping of the curation model apart; a record without visibility is PUBLIC (a revert writes it out).
  const clean = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props).filter(
        ([k, v]) => !["version", "origin", "userChanged"].includes(k) && !(k === "visibility" && v === "PUBLIC"),
      ),
    );
  return records
    .map((r) =>
      JSON.stringify([
        r.get("id"),
        sorted(clean(r.get("props"))),
        sorted(
          (r.get("out") as unknown[][])
            .filter((o) => o[0] !== null)
            .map((o) => [o[0], o[1], clean(o[2] as Record<string, unknown>)])
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        ),
      ]),
    )
    .sort();
}

/** A connection to the shared test database with the bundled atlas reloaded, for a file that writes (`beforeAll`). */
export async function openFreshAtlas(): Promise<Database> {
  const db = await connectTestDb();
  await resetAtlas(db);
  return db;
}

/** Leaves the bundled atlas as it was for the next file, and closes the connection (`afterAll`). */
export async function closeFreshAtlas(db: Database): Promise<void> {
  await resetAtlas(db);
  await db.close();
}
