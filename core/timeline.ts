/**
 * Whether a record is on the map in a given year: the one rule the explorer's timeline
 * (web/src/graph/view.ts) and the server's year snapshots (server/analytics/year-snapshot.ts) share.
 *
 * - A record is there from its first year (its own, or the one derived from its ties: core/dataset.ts
 *   `deriveStarts`) and gone after its last year (a dissolution, an end, an `until`).
 * - One-off events (a forum, an appearance: first year = last year) stay as history.
 * - A record with no first year is "undated": the documents do not say when it was there. The map
 *   draws it faded and says "date unknown"; the "leave out what has no date" filter hides it.
 */

export type Presence = "present" | "undated" | "absent";

/** The last year a record is on the map (null: it never ends, or it is a one-off event). */
export function lastYear(activeFrom: number | null | undefined, activeTo: number | null | undefined): number | null {
  if (activeTo === null || activeTo === undefined || activeTo === activeFrom) return null;
  return activeTo;
}

/**
 * A record's presence in `year` (null: every year, so everything is present), given its first year
 * (null: undated) and its `lastYear`.
 */
export function presenceIn(year: number | null, start: number | null, last: number | null): Presence {
  if (year === null) return "present";
  if (last !== null && last < year) return "absent";
  if (start === null) return "undated";
  return start <= year ? "present" : "absent";
}
