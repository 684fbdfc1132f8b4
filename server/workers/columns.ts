/**
 * The columnar read model → worker tasks: only what a computation reads crosses the thread
 * boundary (node ids, sectors, edges as node indices in transferable typed arrays), and only plain
 * numbers come back.
 */
import type { MetricsOptions } from "../analytics/metrics.js";
import type { EdgeColumnField, LeanNodeField, SubgraphColumns } from "../read/columns.js";
import type { GroupedCompactTask, MetricsTask } from "./tasks.js";

/** The graph of `columns` for the metrics; edges with an end outside the nodes are left out, as the graph builder would. */
export function metricsTaskOfColumns(columns: SubgraphColumns, options: MetricsOptions): { task: MetricsTask; transfer: ArrayBuffer[] } {
  const ids = columns.nodes.id;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const { source, target } = columns.edges;
  const sources: number[] = [];
  const targets: number[] = [];
  for (let j = 0; j < source.length; j++) {
    const s = index.get(source[j]);
    const t = index.get(target[j]);
    if (s === undefined || t === undefined) continue;
    sources.push(s);
    targets.push(t);
  }
  const task: MetricsTask = {
    kind: "metrics",
    ids,
    sectors: columns.nodes.sector.map((v) => (v as string | null | undefined) ?? null),
    sources: Int32Array.from(sources),
    targets: Int32Array.from(targets),
    options,
  };
  return { task, transfer: [task.sources.buffer as ArrayBuffer, task.targets.buffer as ArrayBuffer] };
}

/** What the grouped compact encoding (read/compact.ts) reads of the columns: 16 of their 32 lists. */
const GROUPING_NODE_FIELDS = [
  "id",
  "name",
  "acronym",
  "shortName",
  "kind",
  "type",
  "sector",
  "region",
  "activeFrom",
  "activeTo",
] as const satisfies readonly LeanNodeField[];
const GROUPING_EDGE_FIELDS = ["type", "source", "target", "role", "activeFrom", "activeTo"] as const satisfies readonly EdgeColumnField[];

export function groupedCompactTaskOfColumns(columns: SubgraphColumns): GroupedCompactTask {
  const pick = <K extends string>(from: Record<string, unknown>, fields: readonly K[]) =>
    Object.fromEntries(fields.map((f) => [f, from[f]]));
  return {
    kind: "groupedCompact",
    columns: {
      nodes: pick(columns.nodes, GROUPING_NODE_FIELDS),
      edges: pick(columns.edges, GROUPING_EDGE_FIELDS),
    } as unknown as SubgraphColumns,
  };
}
