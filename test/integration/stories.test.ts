import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { DATA_DIR } from "../../server/db/open.js";
import { loadDataset } from "../../server/import/load.js";
import { readDataset } from "../../server/import/read-dataset.js";
import type { StoryRecord } from "../../server/import/stories.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";

let db: Database;
let app: ReturnType<typeof createApp>;
const data = readDataset(DATA_DIR);

/** A story added on top of the bundled ones for this test, and removed again afterwards. */
const fixture: StoryRecord = {
  type: "coalition-atlas/story",
  version: 1,
  id: "zz-test-story",
  title: "Test story",
  summary: "A fixture.",
  steps: [
    {
      title: "The PGA",
      body: "Where it starts.",
      focus: ["pga", "gcm"],
      year: 2010,
      view: { collapsed: ["gcm"], colorBy: "sector", camera: { x: 0.5, y: 0.5, ratio: 1 } },
      citations: [{ source: "piper-2015", locator: "Introduction", evidence: "Test evidence." }],
      exercise: { question: "Which body grew out of the PGA?", answers: ["gcm"], explanation: "The GCM." },
    },
  ],
};

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
  await loadDataset(db, { ...data, stories: [...data.stories, fixture] });
});
afterAll(async () => {
  await loadDataset(db, data);
  await db.close();
});

const STORIES = gql(`query TestStories { stories { id } }`);
const STORY = gql(`query TestStory($id: ID!) {
  story(id: $id) {
    id title summary
    steps {
      title body focus focusNodes { id name } year
      view { collapsed colorBy camera { x y ratio } }
      citations { source { id } locator evidence }
      exercise { question answers explanation }
    }
  }
}`);

describe("stories", () => {
  it("should list the bundled stories in order, then the fixture", async () => {
    const { data: result } = await graphql(app, STORIES);
    expect(result!.stories.map((s) => s.id)).toEqual([...data.stories.map((s) => s.id), fixture.id]);
  });

  it("should serve a story with resolved focus nodes, citations and exercise", async () => {
    const { data: result } = await graphql(app, STORY, { id: fixture.id });
    const step = result!.story!.steps[0];
    expect(step.focus).toEqual(["pga", "gcm"]);
    expect(step.focusNodes.map((n) => n.id)).toEqual(["pga", "gcm"]);
    expect(step.year).toBe(2010);
    expect(step.view).toEqual({ collapsed: ["gcm"], colorBy: "sector", camera: { x: 0.5, y: 0.5, ratio: 1 } });
    expect(step.citations).toEqual([{ source: { id: "piper-2015" }, locator: "Introduction", evidence: "Test evidence." }]);
    expect(step.exercise).toEqual({ question: "Which body grew out of the PGA?", answers: ["gcm"], explanation: "The GCM." });
  });

  it("should return null for an unknown story", async () => {
    const { data: result } = await graphql(app, STORY, { id: "nope" });
    expect(result!.story).toBeNull();
  });
});
