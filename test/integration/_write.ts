/** Plumbing of the write tests: a viewer per role, and putting the shared database back as the bundled dataset. */
import type { Role } from "../../core/access.js";
import type { Viewer } from "../../server/auth/viewer.js";
import type { Database } from "../../server/db/database.js";
import { loadDataset } from "../../server/import/load.js";
import { data } from "./_data.js";

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
