/**
 * Per-request GraphQL context: the database facade plus DataLoaders, so that field resolvers on
 * lists (a node's relationships, a citation's source) cost one batched query per request, not one per node.
 * The viewer is fixed when the context is made: the levels it may see (`visible`) are derived from
 * it once, and every read, loader and cache key of the request uses them.
 */
import DataLoader from "dataloader";

import { type Visibility, visibleLevels } from "../../core/access.js";
import { anonymousRequest, type RequestAuth } from "../auth/request.js";
import type { Viewer } from "../auth/viewer.js";
import type { MetricsOptions } from "../analytics/metrics.js";
import type { Caches } from "../cache/index.js";
import type { Database } from "../db/database.js";
import { type MemberRow, type MembersRequest, membersRequestKey } from "../read/members.js";
import type { NodeProps, RelationshipRow, SourceProps } from "../read/rows.js";
import { QUERIES } from "../db/registry.js";

export interface Loaders {
  nodes: DataLoader<string, NodeProps | null>;
  relationships: DataLoader<string, RelationshipRow[]>;
  sources: DataLoader<string, SourceProps | null>;
  memberCounts: DataLoader<string, number>;
  memberPages: DataLoader<MembersRequest, MemberRow[], string>;
}

/** Shared by every request of one app: how to compute analytics. */
export interface Analytics {
  metricsOptions: MetricsOptions;
}

export interface Context {
  db: Database;
  loaders: Loaders;
  analytics: Analytics;
  /** Shared by every request of one app; keyed by the dataset hash, the data version and the viewer's levels, so never stale or leaked. */
  caches: Caches;
  /** The signed-in user making this request; null for an anonymous visitor. */
  viewer: Viewer | null;
  /** The visibility levels the viewer may read (visibleLevels of its role): every read query's $visible. */
  visible: readonly Visibility[];
  /** The request as sign-in sees it (address, HTTPS, session) and the cookies it sets (server/auth). */
  auth: RequestAuth;
  /**
   * The cache key of the data: the loaded dataset's hash and the data version every write bumps, read
   * from Neo4j at most once per request (undefined before any load). Every write so invalidates the
   * whole-graph caches, in this server and in any other serving the same Neo4j.
   */
  datasetHash(): Promise<string | undefined>;
  /** Set by a resolver whose answer predates the data (stale metrics): the result cache and ETags skip it. */
  uncacheable?: boolean;
}

export function createLoaders(db: Database, visible: readonly Visibility[]): Loaders {
  return {
    nodes: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.nodesByIds, { ids, visible });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relationships: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.relationshipsOfNodes, { ids, visible });
      const byId = new Map<string, RelationshipRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) byId.get(row.id)?.push({ relationship: row.relationship, other: row.other });
      return ids.map((id) => byId.get(id) ?? []);
    }),
    sources: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.sourcesByIds, { ids, visible });
      const byId = new Map(rows.map((r) => [r.source.id, r.source]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    memberCounts: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.memberCounts, { ids, visible });
      const byId = new Map(rows.map((r) => [r.id, r.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    memberPages: new DataLoader(
      async (requests) => {
        const keyed = requests.map((r) => ({ ...r, key: membersRequestKey(r) }));
        const rows = await db.read(QUERIES.membersPages, { requests: keyed, visible });
        const byKey = new Map(rows.map((r) => [r.key, r.page]));
        return keyed.map((r) => byKey.get(r.key) ?? []);
      },
      { cacheKeyFn: membersRequestKey },
    ),
  };
}

export function createContext(
  db: Database,
  analytics: Analytics,
  caches: Caches,
  viewer: Viewer | null = null,
  auth: RequestAuth = anonymousRequest(),
): Context {
  let hash: Promise<string | undefined> | undefined;
  const visible = visibleLevels(viewer?.role ?? null);
  return {
    db,
    loaders: createLoaders(db, visible),
    analytics,
    caches,
    viewer,
    visible,
    auth,
    datasetHash: () => (hash ??= db.read(QUERIES.datasetMeta).then(([meta]) => (meta?.hash ? `${meta.hash}@${meta.version}` : undefined))),
  };
}
