/**
 * Private records (issue 10): a MEMBERS or EDITORS node or relationship is absent from every answer
 * a viewer below that level gets, down to counts, metrics, timeline events, paths and ally scores,
 * and a hidden id is NOT_FOUND exactly as a missing one. The fixture adds a few private records to
 * the bundled data through the data/ format (so `visibility` is loaded as written) and the bundled
 * data is loaded back afterwards. Every anonymous answer after the fixture must equal the answer
 * before it: nothing of a hidden record shows, not even in a total. Requests go through the whole app
 * (identification, caches, ETags), signed in for real: a reader by session cookie, an editor by token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { loadDataset } from "../../server/import/load.js";
import type { Dataset, OrganisationRecord, RelationshipRecord } from "../../server/import/schema.js";
import type { StoryRecord } from "../../server/import/stories.js";
import { relationshipId } from "../../server/import/validate.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, createUser, type Credentials, removeTestUsers, signInCookie } from "./_auth.js";
import { biggestNetwork, data, distance } from "./_data.js";

let db: Database;
/** Signed-in requests, for real: a reader by session cookie, an editor by API token. */
let READER: Credentials;
let EDITOR: Credentials;

// ── the fixture: private records tied into the bundled graph ──────────────────────────────────

const citation = { source: data.sources[0].id, locator: "Test fixture", evidence: "Written for the privacy test only." };
const orgs = data.organisations.map((o) => o.id).sort();
/** Two organisations more than two steps apart (or unconnected), distinct from `avoid`. */
function farPair(avoid: string[]): [string, string] {
  for (const a of orgs)
    for (const b of orgs) {
      if (a >= b || avoid.includes(a) || avoid.includes(b)) continue;
      const d = distance(a, b);
      if (d === undefined || d > 2) return [a, b];
    }
  throw new Error("the bundled data has no two organisations more than two steps apart");
}

const HUB = biggestNetwork().id;
const ISSUE = [...data.issues]
  .map((i) => ({ id: i.id, n: data.relationships.filter((r) => r.type === "WORKS_ON" && r.target === i.id).length }))
  .sort((x, y) => y.n - x.n || x.id.localeCompare(y.id))[0].id;
/** Linked only through the hidden organisation (its partners). */
const [P1, P2] = farPair([HUB]);
/** Linked only by a MEMBERS relationship. */
const [A, B] = farPair([HUB, P1, P2]);

const HIDDEN = "zz-private-members";
// Names that sort first, so both lead a page of members.
const HIDDEN_NAME = "Aardwolf Quillwort Collective";
const SECRET = "zz-private-editors";
const MISSING = "zz-no-such-node";
const { type, sector, scope } = data.organisations[0];
const org = (id: string, name: string, visibility: "MEMBERS" | "EDITORS"): OrganisationRecord => ({
  id,
  name,
  type,
  sector,
  scope,
  founded: 2001,
  citations: [citation],
  visibility,
});
const rel = (r: Omit<RelationshipRecord, "citations">): RelationshipRecord => ({ ...r, citations: [citation] });

const privateRelationships: RelationshipRecord[] = [
  rel({ type: "MEMBER_OF", source: HIDDEN, target: HUB, since: 2002 }),
  rel({ type: "WORKS_ON", source: HIDDEN, target: ISSUE }),
  rel({ type: "PARTNERS_WITH", source: HIDDEN, target: P1, since: 2003 }),
  rel({ type: "PARTNERS_WITH", source: HIDDEN, target: P2 }),
  // Between two public organisations, hidden itself.
  rel({ type: "PARTNERS_WITH", source: A, target: B, since: 2004, visibility: "MEMBERS" }),
  rel({ type: "MEMBER_OF", source: SECRET, target: HUB }),
];
const story: StoryRecord = {
  type: "coalition-atlas/story",
  version: 1,
  id: "zz-private-story",
  title: "A story naming a private record",
  summary: "A fixture.",
  steps: [
    {
      title: "The hub",
      body: "Where it starts.",
      focus: [HIDDEN, HUB],
      view: { collapsed: [HIDDEN, HUB] },
      citations: [citation],
      exercise: { question: "Which?", answers: [HIDDEN, HUB], explanation: "Either." },
    },
  ],
};
const withPrivate: Dataset = {
  ...data,
  organisations: [...data.organisations, org(HIDDEN, HIDDEN_NAME, "MEMBERS"), org(SECRET, "Aardvark Bladderwort Circle", "EDITORS")],
  relationships: [...data.relationships, ...privateRelationships],
  stories: [...data.stories, story],
};

// ── asking ───────────────────────────────────────────────────────────────────────────────────────

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL request through the whole app (its identification, caches and ETags) as `who`. */
function post(app: App, query: string, variables: Record<string, unknown>, who: Credentials, etag?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (who && "cookie" in who) headers.cookie = who.cookie;
  if (who && "bearer" in who) headers.authorization = `Bearer ${who.bearer}`;
  if (etag) headers["if-none-match"] = etag;
  return app.yoga.fetch("http://atlas.test/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
}

async function ask(query: string, variables: Record<string, unknown>, who: Credentials, app: App): Promise<Answer> {
  return (await (await post(app, query, variables, who)).json()) as Answer;
}

/** Every answer the issue lists, asked one after another through the given app. */
const QUESTIONS: Record<string, [string, Record<string, unknown>]> = {
  search: [`query ($t: String!) { search(text: $t, limit: 50) { node { id } } }`, { t: HIDDEN_NAME }],
  searchSecret: [`query ($t: String!) { search(text: $t, limit: 50) { node { id } } }`, { t: "Aardvark Bladderwort Circle" }],
  node: [`query ($id: ID!) { node(id: $id) { id } }`, { id: HIDDEN }],
  // Cypher first (nothing cached yet), then in memory once `network` filled the cache.
  pathsCypher: [
    `query ($f: ID!, $t: ID!) { paths(from: $f, to: $t, maxLength: 6, limit: 10) { length nodes { id } edges { id } } }`,
    { f: P1, t: P2 },
  ],
  pathsHiddenTieCypher: [
    `query ($f: ID!, $t: ID!) { paths(from: $f, to: $t, maxLength: 4, limit: 10) { nodes { id } edges { id } } }`,
    { f: A, t: B },
  ],
  neighbourhoodCypher: [`query ($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id } edges { id } truncated } }`, { id: P1 }],
  network: [`{ network { nodes { id } edges { id source target } } }`, {}],
  networkFull: [`{ network { nodes { id description } edges { id citations { locator } } } }`, {}],
  networkGrouped: [`{ network(groupBy: MEMBERSHIP) { nodes { id } edges { id weight } groups { id memberIds } } }`, {}],
  networkCompact: [`{ networkCompact { ids sources targets edgeIds } }`, {}],
  networkCompactGrouped: [`{ networkCompact(groupBy: MEMBERSHIP) { ids sources targets edgeIds } }`, {}],
  pathsMemory: [
    `query ($f: ID!, $t: ID!) { paths(from: $f, to: $t, maxLength: 6, limit: 10) { length nodes { id } edges { id } } }`,
    { f: P1, t: P2 },
  ],
  pathsHiddenTieMemory: [
    `query ($f: ID!, $t: ID!) { paths(from: $f, to: $t, maxLength: 4, limit: 10) { nodes { id } edges { id } } }`,
    { f: A, t: B },
  ],
  neighbourhoodMemory: [`query ($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id } edges { id } truncated } }`, { id: P1 }],
  neighbourhoodOfA: [`query ($id: ID!) { neighbourhood(id: $id, depth: 1) { nodes { id } edges { id } } }`, { id: A }],
  expand: [`query ($id: ID!) { expand(id: $id) { nodes { id } edges { id } memberIds } }`, { id: HUB }],
  hub: [`query ($id: ID!) { node(id: $id) { ... on Organisation { memberCount members(first: 1) { totalCount } } } }`, { id: HUB }],
  hubMembers: [`query ($id: ID!) { node(id: $id) { ... on Organisation { members(first: 5) { edges { node { id } } } } } }`, { id: HUB }],
  hubRelationships: [`query ($id: ID!) { node(id: $id) { id relationships { id other { id } } } }`, { id: HUB }],
  partners: [`query ($id: ID!) { node(id: $id) { id relationships { id other { id } } citations { locator } } }`, { id: A }],
  partnersOfP1: [`query ($id: ID!) { node(id: $id) { id relationships { id other { id } } } }`, { id: P1 }],
  alliesP1: [`query ($id: ID!) { allies(id: $id, limit: 50) { node { id } score reasons shared { id } } }`, { id: P1 }],
  alliesA: [`query ($id: ID!) { allies(id: $id, limit: 50) { node { id } score reasons } }`, { id: A }],
  compare: [
    `query ($ids: [ID!]!) { compare(ids: $ids) { nodes { id } items { node { id } category holders } shared { node { id } } distinct { items { node { id } } } } }`,
    { ids: [A, B] },
  ],
  compareP: [
    `query ($ids: [ID!]!) { compare(ids: $ids) { items { node { id } category holders } shared { node { id } } } }`,
    { ids: [P1, P2] },
  ],
  coMembership: [`{ coMembership { nodes { id } edges { source target weight shared { id } } } }`, {}],
  metrics: [`{ metrics { density modularity components communities nodes { node { id } degree betweenness pagerank bridgeScore } } }`, {}],
  timeline: [`{ timeline { year kind label nodes { id } relationshipId } }`, {}],
  stories: [`{ stories { id steps { focus focusNodes { id } view { collapsed } exercise { answers } } } }`, {}],
  sources: [`{ sources { id } }`, {}],
  brokerage: [
    `{ brokerage(partition: SECTOR) { summary organisations arcs nodes { id group total raw { coordinator itinerant representative gatekeeper liaison } normalised { liaison } } groups { value size ei expectedEi } network { ei expectedEi internalTies externalTies } } }`,
    {},
  ],
  diff: [
    `{ diff(from: 2000, to: 2010, withMetrics: true) { summary appeared { id datedBy { recordId } } gone { id } tiesAppeared { id } tiesEnded { id } coalitions { id joined { id } left { id } } metricChanges { id from { pagerank community } to { pagerank community } communityContinuity } } }`,
    {},
  ],
  coPresence: [
    `{ coPresence { summary organisations ties { source target weight occurrences } occurrences { id appearances { organisation relationshipIds } } } }`,
    {},
  ],
  whatIf: [
    `query ($id: ID!) { whatIf(remove: [$id], listLimit: 500) { summary missing removed { id } components { before after } largestComponent { before after } cutOff { id } averageReach { before after } unionNgoPairs { connectedBefore lost lengthened disconnected examples { labour civil before after } mostAffected { id lostPairs } } } }`,
    { id: HUB },
  ],
};

/** With a new app by default: its caches hold nothing yet, so Cypher answers before the cache does. */
async function askAll(who: Credentials, app: App = createApp(db)): Promise<Record<string, Answer>> {
  const answers: Record<string, Answer> = {};
  for (const [name, [query, variables]] of Object.entries(QUESTIONS)) answers[name] = await ask(query, variables, who, app);
  return answers;
}

/** The questions naming a hidden id, with the missing id's answer to compare. */
const BY_ID: Record<string, (id: string) => [string, Record<string, unknown>]> = {
  neighbourhood: (id) => [`query ($id: ID!) { neighbourhood(id: $id) { nodes { id } } }`, { id }],
  expand: (id) => [`query ($id: ID!) { expand(id: $id) { nodes { id } } }`, { id }],
  pathsFrom: (id) => [`query ($f: ID!, $t: ID!) { paths(from: $f, to: $t) { length } }`, { f: id, t: P1 }],
  pathsTo: (id) => [`query ($f: ID!, $t: ID!) { paths(from: $f, to: $t) { length } }`, { f: P1, t: id }],
  allies: (id) => [`query ($id: ID!) { allies(id: $id) { score } }`, { id }],
  compare: (id) => [`query ($ids: [ID!]!) { compare(ids: $ids) { __typename } }`, { ids: [id, A] }],
  node: (id) => [`query ($id: ID!) { node(id: $id) { id ... on Organisation { memberCount } } }`, { id }],
};

/** An answer with the id replaced, so a hidden id's answer can be compared to a missing one's. */
const naming = (answer: Answer, id: string, as: string) => JSON.parse(JSON.stringify(answer).replaceAll(id, as)) as Answer;
const text = (answer: Answer) => JSON.stringify(answer);

let before: Record<string, Answer>;
let anonymous: Record<string, Answer>;
let reader: Record<string, Answer>;
let editor: Record<string, Answer>;

beforeAll(async () => {
  db = await connectTestDb();
  READER = await signInCookie(createApp(db), await createUser(db, "reader"));
  EDITOR = await bearerFor(db, await createUser(db, "editor"));
  before = await askAll(null);
  await loadDataset(db, withPrivate);
  anonymous = await askAll(null);
  reader = await askAll(READER);
  editor = await askAll(EDITOR);
}, 600_000);
afterAll(async () => {
  await loadDataset(db, data);
  await removeTestUsers(db);
  await db.close();
});

describe("private records", () => {
  it("should answer every question without errors", () => {
    for (const answers of [before, anonymous, reader, editor])
      for (const [name, answer] of Object.entries(answers)) expect(answer.errors, name).toBeUndefined();
  });

  it("should give an anonymous visitor exactly the answers of the graph without the private records", () => {
    for (const name of Object.keys(QUESTIONS)) {
      expect(text(anonymous[name]), name).not.toContain(HIDDEN);
      expect(text(anonymous[name]), name).not.toContain(SECRET);
      expect(text(anonymous[name]), name).not.toContain("Quillwort");
      // Counts, totals, scores, metrics and the timeline included: nothing of them shows. (The
      // fixture's story is the one new answer: it shows without the hidden ids, see below.)
      if (name === "stories") continue;
      expect(anonymous[name], name).toEqual(before[name]);
    }
  });

  it("should tell a story without the records the viewer may not see", () => {
    type Stories = { stories: { id: string; steps: unknown[] }[] };
    const stories = (answer: Answer) => (answer.data as Stories).stories;
    expect(stories(anonymous.stories).filter((s) => s.id !== story.id)).toEqual(stories(before.stories));
    const step = (answer: Answer) => stories(answer).find((s) => s.id === story.id)!.steps[0];
    expect(step(anonymous.stories)).toEqual({
      focus: [HUB],
      focusNodes: [{ id: HUB }],
      view: { collapsed: [HUB] },
      exercise: { answers: [HUB] },
    });
    expect(step(reader.stories)).toEqual({
      focus: [HIDDEN, HUB],
      focusNodes: [{ id: HIDDEN }, { id: HUB }],
      view: { collapsed: [HIDDEN, HUB] },
      exercise: { answers: [HIDDEN, HUB] },
    });
  });

  it("should show a reader the MEMBERS records, in every answer", () => {
    const has = (name: string, what: string) => expect(text(reader[name]), name).toContain(what);
    for (const name of ["search", "node", "network", "networkFull", "networkCompact", "networkGrouped"]) has(name, HIDDEN);
    for (const name of [
      "pathsCypher",
      "pathsMemory",
      "neighbourhoodCypher",
      "neighbourhoodMemory",
      "expand",
      "hubMembers",
      "hubRelationships",
    ])
      has(name, HIDDEN);
    for (const name of ["alliesP1", "coMembership", "metrics", "timeline", "stories", "compareP", "partnersOfP1"]) has(name, HIDDEN);
    // The hidden tie between two public organisations.
    const tie = relationshipId({ type: "PARTNERS_WITH", source: A, target: B });
    for (const name of ["network", "networkCompact", "pathsHiddenTieCypher", "pathsHiddenTieMemory", "neighbourhoodOfA", "partners"])
      has(name, tie);
    expect(text(reader.timeline)).toContain(tie);
    const members = (a: Answer) => (a.data!.node as { memberCount: number; members: { totalCount: number } }).members.totalCount;
    expect(members(reader.hub)).toBe(members(anonymous.hub) + 1);
    expect((reader.hub.data!.node as { memberCount: number }).memberCount).toBe(members(anonymous.hub) + 1);
    expect(members(editor.hub)).toBe(members(anonymous.hub) + 2);
    // Through the hidden partner, P1 and P2 are two steps apart.
    type Paths = { paths: { length: number; nodes: { id: string }[] }[] };
    for (const name of ["pathsMemory", "pathsCypher"]) {
      const [shortest] = (reader[name].data as Paths).paths;
      expect(shortest.length, name).toBe(2);
      expect(
        shortest.nodes.map((n) => n.id),
        name,
      ).toEqual([P1, HIDDEN, P2]);
    }
    expect(reader.alliesP1).not.toEqual(anonymous.alliesP1);
    expect(reader.compare).not.toEqual(anonymous.compare);
    // The analyses count the hidden member: it brokers, it appears in 2001, and removing the hub reaches it.
    for (const name of ["brokerage", "diff"]) has(name, HIDDEN);
    expect(reader.whatIf).not.toEqual(anonymous.whatIf);
  });

  it("should hide EDITORS records from a reader and show them to an editor", () => {
    for (const name of Object.keys(QUESTIONS)) expect(text(reader[name]), name).not.toContain(SECRET);
    for (const name of ["network", "networkCompact", "expand", "hubMembers", "metrics", "timeline"])
      expect(text(editor[name]), name).toContain(SECRET);
    expect(editor.search).toEqual(reader.search);
    expect(text(editor.searchSecret)).toContain(SECRET);
    expect(text(reader.searchSecret)).not.toContain(SECRET);
  });

  it("should answer a hidden id exactly as a missing one: NOT_FOUND, same message", async () => {
    const app = createApp(db);
    for (const [name, question] of Object.entries(BY_ID)) {
      for (const hidden of [HIDDEN, SECRET]) {
        const [q, v] = question(hidden);
        const [mq, mv] = question(MISSING);
        const answer = await ask(q, v, null, app);
        const missing = await ask(mq, mv, null, app);
        expect(naming(answer, hidden, MISSING), `${name} ${hidden}`).toEqual(missing);
        if (name !== "node") expect(answer.errors?.[0]?.extensions?.code, `${name} ${hidden}`).toBe("NOT_FOUND");
      }
      const [q, v] = question(SECRET);
      expect((await ask(q, v, READER, app)).errors?.[0]?.extensions?.code ?? "none", `${name} as a reader`).toBe(
        name === "node" ? "none" : "NOT_FOUND",
      );
    }
  }, 240_000);

  it("should answer a what-if removal of a hidden id exactly as of a missing one: nothing removed", async () => {
    const app = createApp(db);
    const [q] = QUESTIONS.whatIf;
    for (const hidden of [HIDDEN, SECRET]) {
      const answer = await ask(q, { id: hidden }, null, app);
      expect(naming(answer, hidden, MISSING)).toEqual(await ask(q, { id: MISSING }, null, app));
      expect(answer.data!.whatIf).toMatchObject({ missing: [hidden], removed: [] });
    }
  });

  it("should keep the read-model cache apart per level: an editor's answer never reaches an anonymous visitor", async () => {
    const app = createApp(db);
    // With a field beside them that is not a whole-graph answer, these skip the result cache (see
    // the next test) and are served from the read models.
    const q = `{ sources { id } network { nodes { id } edges { id source target } } }`;
    const network = (answer: Answer) => ({ data: { network: answer.data!.network } });
    expect(text(await ask(q, {}, EDITOR, app))).toContain(SECRET);
    expect(network(await ask(q, {}, null, app))).toEqual(anonymous.network);
    expect(network(await ask(q, {}, READER, app))).toEqual(reader.network);
    const m = `{ sources { id } metrics { density modularity components communities nodes { node { id } degree betweenness pagerank bridgeScore } } }`;
    expect(text(await ask(m, {}, EDITOR, app))).toContain(SECRET);
    expect((await ask(m, {}, null, app)).data!.metrics).toEqual(anonymous.metrics.data!.metrics);
  });

  it("should keep the result cache and ETags apart per level", async () => {
    const app = createApp(db);
    const [q, v] = QUESTIONS.networkCompact;
    const asEditor = await post(app, q, v, EDITOR);
    const editorTag = asEditor.headers.get("etag")!;
    expect(editorTag).toBeTruthy();
    expect(await asEditor.text()).toContain(SECRET);
    // Cached now: the same query anonymously gets its own answer, and the editor's tag is no match.
    const asAnonymous = await post(app, q, v, null, editorTag);
    expect(asAnonymous.status).toBe(200);
    expect(asAnonymous.headers.get("etag")).not.toBe(editorTag);
    const body = await asAnonymous.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain(HIDDEN);
    expect(JSON.parse(body)).toEqual(anonymous.networkCompact);
    // Each level still revalidates its own tag.
    expect((await post(app, q, v, EDITOR, editorTag)).status).toBe(304);
    expect((await post(app, q, v, null, asAnonymous.headers.get("etag")!)).status).toBe(304);
  });
});
