/**
 * The columnar read model → worker tasks: only what a computation reads crosses the thread
 * boundary (node ids, sectors, edges as node indices in transferable typed arrays), and only plain
 * numbers come back.
 */
import type { MetricsOptions } from "../analytics/metrics.js";
import type { SubgraphColumns } from "../read/columns.js";
import type { MetricsTask } from "./tasks.js";

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
