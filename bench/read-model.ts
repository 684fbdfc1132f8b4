/**
 * The unfiltered `networkColumns` read model built in memory from a dataset's graph rows, exactly as
 * the named query returns it from Neo4j (absent properties as null, one entry per node and per
 * relationship). Benchmarks of the analyses use it to time the computation alone, without a store;
 * an integration test checks it against the real read of the bundled data.
 */
import { EDGE_COLUMN_FIELDS, LEAN_NODE_FIELDS, type SubgraphColumns } from "../server/read/columns.js";
import type { GraphRows } from "../server/import/to-graph.js";

export function columnsOfRows(rows: Pick<GraphRows, "nodes" | "relationships">): SubgraphColumns {
  const nodes: Record<string, unknown[]> = Object.fromEntries(
    LEAN_NODE_FIELDS.map((field) => [field, rows.nodes.map((n) => n.props[field] ?? null)]),
  );
  const edges: Record<string, unknown[]> = Object.fromEntries(
    EDGE_COLUMN_FIELDS.map((field) => [
      field,
      rows.relationships.map((r) =>
        field === "type" ? r.type : field === "source" ? r.source : field === "target" ? r.target : (r.props[field] ?? null),
      ),
    ]),
  );
  return { nodes, edges } as unknown as SubgraphColumns;
}
