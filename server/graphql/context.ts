/**
 * Per-request GraphQL context: the database facade plus DataLoaders, so that field resolvers on
 * lists (a node's relationships, a citation's source) cost one batched query per request, not one per node.
 */
import DataLoader from "dataloader";

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
  /** Shared by every request of one app; keyed by the dataset hash and data version, so never stale. */
  caches: Caches;
  /** The signed-in user making this request; null for an anonymous visitor. */
  viewer: Viewer | null;
  /** The request as sign-in sees it (address, HTTPS, session) and the cookies it sets (server/auth). */
  auth: RequestAuth;
  /**
   * The cache key of the data: the loaded dataset's hash and the data version every write bumps, read
   * from Neo4j at most once per request (undefined before any load). Every write so invalidates the
   * whole-graph caches, in this server and in any other serving the same Neo4j.
   */
  datasetHash(): Promise<string | undefined>;
}

export function createLoaders(db: Database): Loaders {
  return {
    nodes: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.nodesByIds, { ids });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relationships: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.relationshipsOfNodes, { ids });
      const byId = new Map<string, RelationshipRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) byId.get(row.id)?.push({ relationship: row.relationship, other: row.other });
      return ids.map((id) => byId.get(id) ?? []);
    }),
    sources: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.sourcesByIds, { ids });
      const byId = new Map(rows.map((r) => [r.source.id, r.source]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    memberCounts: new DataLoader(async (ids) => {
      const rows = await db.read(QUERIES.memberCounts, { ids });
      const byId = new Map(rows.map((r) => [r.id, r.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    memberPages: new DataLoader(
      async (requests) => {
        const keyed = requests.map((r) => ({ ...r, key: membersRequestKey(r) }));
        const rows = await db.read(QUERIES.membersPages, { requests: keyed });
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
  return {
    db,
    loaders: createLoaders(db),
    analytics,
    caches,
    viewer,
    auth,
    datasetHash: () => (hash ??= db.read(QUERIES.datasetMeta).then(([meta]) => (meta?.hash ? `${meta.hash}@${meta.version}` : undefined))),
  };
}
