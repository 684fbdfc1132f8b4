import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { relationshipId } from "../../server/import/validate.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { data } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const TIMELINE = gql(
  `query TestTimeline($filter: NetworkFilter) { timeline(filter: $filter) { year kind label relationshipId nodes { id } citations { source { id } evidence } } }`,
);

describe("timeline", () => {
  it("should list dated facts in chronological order, each cited", async () => {
    const { data: result, errors } = await graphql(app, TIMELINE);
    expect(errors).toBeUndefined();
    const events = result!.timeline;
    expect(events.map((e) => e.year)).toEqual([...events.map((e) => e.year)].sort((a, b) => a - b));
    for (const e of events) expect(e.citations.length).toBeGreaterThan(0);
    // Every founding year, forum year and adoption in data/ is there.
    for (const o of data.organisations.filter((o) => o.founded))
      expect(events).toContainEqual(expect.objectContaining({ year: o.founded, kind: "FOUNDED", nodes: [{ id: o.id }] }));
    for (const f of data.forums.filter((f) => f.year))
      expect(events).toContainEqual(expect.objectContaining({ year: f.year, kind: "FORUM", nodes: [{ id: f.id }] }));
    for (const i of data.instruments.filter((i) => i.adopted))
      expect(events).toContainEqual(expect.objectContaining({ year: i.adopted, kind: "INSTRUMENT_ADOPTED" }));
    const dated = data.relationships.filter((r) => r.since ?? r.year);
    expect(events.filter((e) => e.relationshipId).length).toBe(dated.length);
  });

  it("should drop events and bodies after yearTo", async () => {
    const founded = data.organisations.filter((o) => o.founded).sort((a, b) => b.founded! - a.founded!)[0];
    const { data: result } = await graphql(app, TIMELINE, { filter: { yearTo: founded.founded! - 1 } });
    const events = result!.timeline;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.year <= founded.founded! - 1)).toBe(true);
    expect(events.some((e) => e.nodes.some((n) => n.id === founded.id))).toBe(false);
  });

  it("should follow kind filters", async () => {
    const { data: result } = await graphql(app, TIMELINE, { filter: { kinds: ["FORUM"] } });
    const events = result!.timeline;
    const forums = new Set(data.forums.map((f) => f.id));
    // Forum years, and the dated ties between two forums (a meeting that launched a process).
    expect(events.filter((e) => e.kind === "FORUM").length).toBe(data.forums.filter((f) => f.year).length);
    const datedAmongForums = data.relationships.filter((r) => (r.since ?? r.year) && forums.has(r.source) && forums.has(r.target));
    expect(
      events
        .filter((e) => e.relationshipId)
        .map((e) => e.relationshipId)
        .sort(),
    ).toEqual(datedAmongForums.map(relationshipId).sort());
    expect(events.every((e) => e.nodes.every((n) => forums.has(n.id)))).toBe(true);
  });
});
