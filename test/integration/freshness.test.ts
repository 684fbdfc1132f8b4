/**
 * Freshness after writes: the whole-graph read models follow this server's writes without
 * re-reading the graph (the change is applied to the cached columns of each visibility level), the
 * answer equals a full rebuild's, a hidden record never enters a lower level's models, the opening
 * layout keeps every position, and metrics answer the previous figures marked stale until the
 * background recomputation lands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { visibleLevels } from "../../core/access.js";
import { DEFAULT_METRICS_OPTIONS } from "../../server/analytics/metrics.js";
import { cachedReadModel } from "../../server/cache/read-model.js";
import { levelContext, refreshLevel } from "../../server/graphql/refresh.js";
import { filterParams } from "../../server/read/filter.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, type Credentials, createUser, graphqlAs, removeTestUsers } from "./_auth.js";
import { citation, resetAtlas } from "./_write.js";

let db: Database;
let app: App;
let editor: Credentials;
let reader: Credentials;
/** Whole-graph reads (`networkColumns`) sent to Neo4j by `app`. */
let wholeGraphReads = 0;

beforeAll(async () => {
  db = await connectTestDb();
  await resetAtlas(db);
  const counting = new Proxy(db, {
    get(target, key, receiver) {
      if (key !== "read") return Reflect.get(target, key, receiver);
      return (query: unknown, ...params: unknown[]) => {
        if (query === QUERIES.networkColumns) wholeGraphReads += 1;
        return (target.read as (...args: unknown[]) => unknown)(query, ...params);
      };
    },
  });
  app = createApp(counting);
  editor = await bearerFor(db, await createUser(db, "editor"));
  reader = await bearerFor(db, await createUser(db, "reader"));
});
afterAll(async () => {
  await removeTestUsers(db);
  await resetAtlas(db);
  await db.close();
});

interface Compact {
  ids: string[];
  edgeIds: string[];
  sources: number[];
  targets: number[];
  layout: number[];
}
const NETWORK = `{ networkCompact { ids edgeIds sources targets layout } }`;
/** The cold app's answer is only compared by ids and edges: its layout would cost seconds per level. */
const NETWORK_WITHOUT_LAYOUT = `{ networkCompact { ids edgeIds sources targets } }`;

async function network(credentials: Credentials, on: App = app): Promise<Compact> {
  const { body } = await graphqlAs<{ networkCompact: Compact }>(on, credentials, on === app ? NETWORK : NETWORK_WITHOUT_LAYOUT);
  expect(body.errors).toBeUndefined();
  return body.data!.networkCompact;
}

/** Edges as `source→target` ids, comparable between two answers whatever their row order. */
const edgeSet = (c: Compact) => new Set(c.sources.map((s, j) => `${c.edgeIds[j]}:${c.ids[s]}:${c.ids[c.targets[j]]}`));

async function write(mutation: string, input: Record<string, unknown>) {
  const { body } = await graphqlAs<Record<string, { status: string; change: { id: string } }>>(
    app,
    editor,
    `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { status change { id } } }`,
    { input },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data![mutation].status).toBe("APPLIED");
  return body.data![mutation].change.id;
}

const orgInput = (id: string, visibility = "PUBLIC") => ({
  id,
  kind: "ORGANISATION",
  fields: { name: `Org ${id}`, type: "NGO", sector: "CIVIL_SOCIETY", scope: "LOCAL", visibility, citations: [citation()] },
});

describe("read models after a write", () => {
  it("follow creates, updates and deletes without re-reading the graph, as a full rebuild would read them", async () => {
    // Start-up warms the signed-in and editor levels' own read models (one whole-graph read each) …
    await app.warmSignedIn();
    expect(wholeGraphReads).toBe(2);
    // … so only the anonymous level reads the graph here.
    const before = { anonymous: await network(null), reader: await network(reader), editor: await network(editor) };
    const reads = wholeGraphReads;
    expect(reads).toBe(3);

    await write("createNode", orgInput("fresh-public-org"));
    await write("createRelationship", {
      type: "MEMBER_OF",
      source: "fresh-public-org",
      target: "mfa",
      fields: { role: "MEMBER", citations: [citation()] },
    });
    await write("createNode", orgInput("fresh-members-org", "MEMBERS"));
    await write("createNode", orgInput("fresh-editors-org", "EDITORS"));
    await write("createRelationship", {
      type: "MEMBER_OF",
      source: "fresh-editors-org",
      target: "mfa",
      fields: { role: "MEMBER", citations: [citation()] },
    });
    await write("updateNode", { id: "fresh-public-org", version: 1, fields: { name: "Renamed public org" } });

    const after = { anonymous: await network(null), reader: await network(reader), editor: await network(editor) };
    expect(wholeGraphReads).toBe(reads);

    // A second app starts cold: its answers are read from Neo4j.
    const cold = createApp(db);
    for (const [who, credentials] of [
      ["anonymous", null],
      ["reader", reader],
      ["editor", editor],
    ] as const) {
      const rebuilt = await network(credentials, cold);
      expect(new Set(after[who].ids), who).toEqual(new Set(rebuilt.ids));
      expect(edgeSet(after[who]), who).toEqual(edgeSet(rebuilt));
      // Every node that was there keeps its position.
      const old = new Map(before[who].ids.map((id, i) => [id, [before[who].layout[2 * i], before[who].layout[2 * i + 1]]]));
      after[who].ids.forEach((id, i) => {
        if (old.has(id)) expect([after[who].layout[2 * i], after[who].layout[2 * i + 1]]).toEqual(old.get(id));
        else expect(Number.isFinite(after[who].layout[2 * i])).toBe(true);
      });
    }
    expect(after.anonymous.ids).toContain("fresh-public-org");
    expect(after.anonymous.ids).not.toContain("fresh-members-org");
    expect(after.anonymous.ids).not.toContain("fresh-editors-org");
    expect(after.reader.ids).toContain("fresh-members-org");
    expect(after.reader.ids).not.toContain("fresh-editors-org");
    expect(after.editor.ids).toContain("fresh-editors-org");
    expect([...edgeSet(after.anonymous)].some((e) => e.includes("fresh-editors-org"))).toBe(false);

    await write("deleteNode", { id: "fresh-public-org", version: 2, removeTies: true });
    const deleted = await network(null);
    expect(wholeGraphReads).toBe(reads);
    expect(new Set(deleted.ids)).toEqual(new Set(before.anonymous.ids));
    expect(edgeSet(deleted)).toEqual(edgeSet(before.anonymous));
  }, 120_000);

  it("drop a node from a level that may no longer see it, with the ties leaving it", async () => {
    await write("createNode", orgInput("fresh-soon-hidden"));
    await write("createRelationship", {
      type: "MEMBER_OF",
      source: "fresh-soon-hidden",
      target: "mfa",
      fields: { role: "MEMBER", citations: [citation()] },
    });
    expect((await network(null)).ids).toContain("fresh-soon-hidden");
    await write("updateNode", { id: "fresh-soon-hidden", version: 1, fields: { visibility: "EDITORS" } });
    const anonymous = await network(null);
    expect(anonymous.ids).not.toContain("fresh-soon-hidden");
    expect([...edgeSet(anonymous)].some((e) => e.includes("fresh-soon-hidden"))).toBe(false);
    expect((await network(editor)).ids).toContain("fresh-soon-hidden");
  });
});

describe("metrics after a write", () => {
  const METRICS = `{ metrics { asOfVersion stale nodes { node { id } } } }`;
  type Metrics = { asOfVersion: number; stale: boolean; nodes: { node: { id: string } }[] };
  const metrics = async () => {
    const { body, headers } = await graphqlAs<{ metrics: Metrics }>(app, null, METRICS);
    expect(body.errors).toBeUndefined();
    return { ...body.data!.metrics, etag: headers.get("etag") };
  };

  it("answers the previous figures marked stale while the current ones are computed", async () => {
    const first = await metrics();
    expect(first.stale).toBe(false);
    expect(first.etag).not.toBeNull();
    // Written through another server: this one has nothing to apply, only a newer version to compute.
    const other = createApp(db);
    await graphqlAs(other, editor, `mutation($input: CreateNodeInput!) { createNode(input: $input) { status } }`, {
      input: orgInput("fresh-elsewhere-org"),
    });

    const stale = await metrics();
    expect(stale.stale).toBe(true);
    expect(stale.asOfVersion).toBe(first.asOfVersion);
    expect(stale.nodes.map((n) => n.node.id)).not.toContain("fresh-elsewhere-org");
    // A stale answer is neither tagged nor kept: a revalidation must not hold on to it.
    expect(stale.etag).toBeNull();

    await expect.poll(async () => (await metrics()).stale).toBe(false);
    const fresh = await metrics();
    expect(fresh.asOfVersion).toBeGreaterThan(first.asOfVersion);
    expect(fresh.nodes.map((n) => n.node.id)).toContain("fresh-elsewhere-org");
  });

  it("stop a level's refresh between steps once a newer write has arrived", async () => {
    // A server of its own, so nothing else computes into its caches.
    const fresh = createApp(db);
    const context = () => levelContext(db, { metricsOptions: DEFAULT_METRICS_OPTIONS }, fresh.caches, visibleLevels(null));
    const computed = async () => ({
      metrics: (await cachedReadModel(context(), "metrics", filterParams({}))) !== undefined,
      grouping:
        (await cachedReadModel(context(), "networkCompact", { params: filterParams(undefined), groupBy: "MEMBERSHIP" })) !== undefined,
    });
    await refreshLevel(context(), [{}], () => true);
    expect(await computed()).toEqual({ metrics: false, grouping: false });
    let checks = 0;
    await refreshLevel(context(), [{}], () => checks++ > 0); // superseded once the metrics are done
    expect(await computed()).toEqual({ metrics: true, grouping: false });
    await refreshLevel(context(), [{}], () => false);
    expect(await computed()).toEqual({ metrics: true, grouping: true });
  });

  it("are recomputed in the background after this server's write", async () => {
    const first = await metrics();
    await write("createNode", orgInput("fresh-metrics-org"));
    await app.caches.freshness!.settled();
    const { data } = await db.read(QUERIES.datasetMeta).then(([meta]) => ({ data: meta }));
    const fresh = await metrics();
    expect(fresh.stale).toBe(false);
    expect(fresh.asOfVersion).toBe(data.version);
    expect(fresh.asOfVersion).toBeGreaterThan(first.asOfVersion);
    expect(fresh.nodes.map((n) => n.node.id)).toContain("fresh-metrics-org");
  });
});
