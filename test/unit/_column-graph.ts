/**
 * Small hand-written graphs as the read model the analyses take: the `networkColumns` columns
 * (through the bench's in-memory copy of that read) indexed by `indexColumns`. Edges get
 * `activeFrom`/`activeTo` as the loader derives them (since ?? year, until ?? year).
 */
import { columnsOfRows } from "../../bench/read-model.js";
import { type ColumnGraph, indexColumns } from "../../server/analytics/column-graph.js";

export interface FixtureNode {
  id: string;
  /** Default ORGANISATION. */
  kind?: string;
  [field: string]: unknown;
}

export interface FixtureEdge {
  type: string;
  source: string;
  target: string;
  role?: string;
  since?: number;
  until?: number;
  year?: number;
}

export function columnGraph(nodes: readonly FixtureNode[], edges: readonly FixtureEdge[]): ColumnGraph {
  return indexColumns(
    columnsOfRows({
      nodes: nodes.map((n) => ({ id: n.id, label: "", props: { name: n.id, kind: "ORGANISATION", ...n } as never })),
      relationships: edges.map((e, j) => ({
        id: `r${j}`,
        type: e.type,
        source: e.source,
        target: e.target,
        props: {
          role: e.role ?? null,
          since: e.since ?? null,
          until: e.until ?? null,
          year: e.year ?? null,
          activeFrom: e.since ?? e.year ?? null,
          activeTo: e.until ?? e.year ?? null,
        },
      })),
    }),
  );
}
