/**
 * The four structural analyses of issue 13 (brokerage roles, change between two years, forum
 * co-presence, what-if removal) behind one request type, so the API runs any of them the same way:
 * on the worker thread, over the filtered read model's columns, with a sentence for people beside the
 * figures. Pure apart from `AnalysisMemo`, which keeps the last graph seen and its costly what-if index.
 */
import { type BrokeragePartition, type BrokerageResult, brokerageRoles, brokerageSummary } from "./brokerage.js";
import { type ColumnGraph, indexColumns } from "./column-graph.js";
import { type CoPresenceOptions, type CoPresenceResult, coPresence, coPresenceSummary } from "./co-presence.js";
import { buildUndirectedGraph } from "./graph.js";
import { computeMetrics, type MetricsOptions } from "./metrics.js";
import { type WhatIfIndex, whatIfIndex, type WhatIfResult, whatIfRemove, whatIfSummary } from "./what-if.js";
import { metricChanges, type NodeMetricChange, type YearDiff, yearDiff, yearDiffSummary } from "./year-diff.js";
import { lifespans, snapshot, snapshotTopology } from "./year-snapshot.js";
import type { SubgraphColumns } from "../read/columns.js";

export type AnalysisRequest =
  | { analysis: "brokerage"; partition: BrokeragePartition }
  | { analysis: "diff"; from: number; to: number; metrics: MetricsOptions | null }
  | { analysis: "coPresence"; options: CoPresenceOptions }
  | { analysis: "whatIf"; remove: string[]; withMembers: boolean; listLimit: number };

export type AnalysisAnswer =
  | { analysis: "brokerage"; summary: string; result: BrokerageResult }
  | { analysis: "diff"; summary: string; result: YearDiff & { metricChanges: NodeMetricChange[] | null } }
  | { analysis: "coPresence"; summary: string; result: CoPresenceResult }
  | { analysis: "whatIf"; summary: string; result: WhatIfResult };

/**
 * The last graph analysed (by its cache key: data version, visibility levels, filter), indexed, and
 * its what-if index once a removal asked for it (building that is most of a removal's cost).
 */
export interface AnalysisMemo {
  key: string;
  graph: ColumnGraph;
  whatIf?: WhatIfIndex;
}

/**
 * Runs one analysis over the graph `key` names: the memo's when it is that graph, else `columns`
 * indexed and remembered. Null when the memo holds another graph and no columns came: the caller
 * sends them (so the columns, about 60k relationships at 10k organisations, cross to a worker
 * thread once per graph rather than once per request).
 */
export function runAnalysis(
  memo: { last?: AnalysisMemo },
  key: string,
  columns: SubgraphColumns | null,
  request: AnalysisRequest,
): AnalysisAnswer | null {
  if (memo.last?.key !== key) {
    if (!columns) return null;
    memo.last = { key, graph: indexColumns(columns) };
  }
  const last = memo.last;
  const graph = last.graph;
  switch (request.analysis) {
    case "brokerage": {
      const result = brokerageRoles(graph, request.partition);
      return { analysis: "brokerage", summary: brokerageSummary(result), result };
    }
    case "diff": {
      const diff = yearDiff(graph, request.from, request.to);
      const changes = request.metrics ? yearMetricChanges(graph, request.from, request.to, request.metrics) : null;
      return { analysis: "diff", summary: yearDiffSummary(diff, changes ?? []), result: { ...diff, metricChanges: changes } };
    }
    case "coPresence": {
      const result = coPresence(graph, request.options);
      return { analysis: "coPresence", summary: coPresenceSummary(result), result };
    }
    case "whatIf": {
      last.whatIf ??= whatIfIndex(graph);
      const result = whatIfRemove(last.whatIf, request.remove, { withMembers: request.withMembers, listLimit: request.listLimit });
      return { analysis: "whatIf", summary: whatIfSummary(result), result };
    }
  }
}

/** Every node's metrics in both years' snapshots (the timeline's rules), and how its community changed. */
function yearMetricChanges(graph: ColumnGraph, from: number, to: number, options: MetricsOptions): NodeMetricChange[] {
  const spans = lifespans(graph);
  const metricsIn = (year: number) => {
    const { nodes, edges } = snapshotTopology(graph, snapshot(graph, spans, year));
    return computeMetrics(buildUndirectedGraph(nodes, edges), options);
  };
  return metricChanges(graph, metricsIn(from), metricsIn(to));
}
