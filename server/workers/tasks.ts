/**
 * The whole-graph computations that run in the worker pool (pool.ts), as pure functions of plain
 * data: columns in, typed arrays out. The same functions run in-thread for tests that compare both.
 * Each result says which thread computed it and when (epoch ms), so a test can check where and
 * while what the work happened.
 */
import { threadId } from "node:worker_threads";
import { performance } from "node:perf_hooks";

import type { CompactNetwork } from "../../core/wire.js";
import { type AnalysisAnswer, type AnalysisMemo, type AnalysisRequest, runAnalysis } from "../analytics/analyses.js";
import { buildUndirectedGraph } from "../analytics/graph.js";
import { openingLayout } from "../analytics/layout.js";
import { computeMetrics, type GraphMetrics, type MetricsOptions } from "../analytics/metrics.js";
import type { SubgraphColumns } from "../read/columns.js";
import { compactOfColumns, type CompactSubgraph } from "../read/compact.js";

/** A graph as columns: node i has ids[i] and sectors[i]; edge j joins node sources[j] and targets[j]. */
export interface MetricsTask {
  kind: "metrics";
  ids: string[];
  sectors: (string | null)[];
  sources: Int32Array;
  targets: Int32Array;
  options: MetricsOptions;
}

/** The network the explorer receives (its node and edge columns), to be laid out. */
export interface LayoutTask {
  kind: "openingLayout";
  network: CompactNetwork;
}

/** The columns the grouped compact encoding reads (see groupingColumns in columns.ts). */
export interface GroupedCompactTask {
  kind: "groupedCompact";
  columns: SubgraphColumns;
}

/**
 * One of the structural analyses (analytics/analyses.ts) over a filtered graph named by `key`; its
 * columns may be left out when the thread is likely to hold that graph already (see AnalysisResult).
 */
export interface AnalysisTask {
  kind: "analysis";
  key: string;
  columns: SubgraphColumns | null;
  request: AnalysisRequest;
}

export type Task = MetricsTask | LayoutTask | GroupedCompactTask | AnalysisTask;

export interface Provenance {
  threadId: number;
  /** performance.timeOrigin + performance.now() at the computation's start and end. */
  startedAt: number;
  endedAt: number;
}

/** Per node, in the metrics' node order; `order[k]` is the index in the task's columns of node k. */
export interface MetricsResult extends Omit<GraphMetrics, "nodes">, Provenance {
  kind: "metrics";
  order: Int32Array;
  degree: Float64Array;
  betweenness: Float64Array;
  pagerank: Float64Array;
  community: Int32Array;
  bridgeScore: Float64Array;
}

export interface LayoutResult extends Provenance {
  kind: "openingLayout";
  /** x0, y0, x1, y1 … in node order. */
  positions: Float64Array;
}

export interface GroupedCompactResult extends Provenance {
  kind: "groupedCompact";
  compact: CompactSubgraph;
}

export interface AnalysisResult extends Provenance {
  kind: "analysis";
  /** Null: the columns were left out and this thread does not hold the graph `key` names; send them. */
  answer: AnalysisAnswer | null;
  /**
   * The answer's rough size for the read-model cache's budget (its JSON, 2 bytes a character),
   * measured here: serialising a 13,000-tie diff took up to 150 ms on the event loop.
   */
  weight: number;
}

export type TaskResult<T extends Task> = T extends MetricsTask
  ? MetricsResult
  : T extends LayoutTask
    ? LayoutResult
    : T extends AnalysisTask
      ? AnalysisResult
      : GroupedCompactResult;

/** Kept by this thread between tasks: the pool has one worker per spare core, so repeats find it. */
const analysisMemo: { last?: AnalysisMemo } = {};

const now = () => performance.timeOrigin + performance.now();

function metrics(task: MetricsTask): Omit<MetricsResult, keyof Provenance> {
  const { ids, sectors, sources, targets } = task;
  const edges = Array.from(sources, (s, j) => ({ source: ids[s], target: ids[targets[j]] }));
  const graph = buildUndirectedGraph(
    ids.map((id, i) => ({ id, sector: sectors[i] })),
    edges,
  );
  const { nodes, ...summary } = computeMetrics(graph, task.options);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = nodes.size;
  const result = {
    kind: "metrics" as const,
    ...summary,
    order: new Int32Array(n),
    degree: new Float64Array(n),
    betweenness: new Float64Array(n),
    pagerank: new Float64Array(n),
    community: new Int32Array(n),
    bridgeScore: new Float64Array(n),
  };
  let k = 0;
  for (const [id, v] of nodes) {
    result.order[k] = index.get(id)!;
    result.degree[k] = v.degree;
    result.betweenness[k] = v.betweenness;
    result.pagerank[k] = v.pagerank;
    result.community[k] = v.community;
    result.bridgeScore[k] = v.bridgeScore;
    k += 1;
  }
  return result;
}

function analysis(task: AnalysisTask): Omit<AnalysisResult, keyof Provenance> {
  const answer = runAnalysis(analysisMemo, task.key, task.columns, task.request);
  return { kind: "analysis", answer, weight: answer ? JSON.stringify(answer).length * 2 : 0 };
}

export function runTask<T extends Task>(task: T): TaskResult<T> {
  const startedAt = now();
  const result =
    task.kind === "metrics"
      ? metrics(task)
      : task.kind === "openingLayout"
        ? { kind: "openingLayout" as const, positions: Float64Array.from(openingLayout(task.network)) }
        : task.kind === "analysis"
          ? analysis(task)
          : { kind: "groupedCompact" as const, compact: compactOfColumns(task.columns, "MEMBERSHIP") };
  return { ...result, threadId, startedAt, endedAt: now() } as TaskResult<T>;
}

/** The buffers a result can hand over instead of copying. */
export function transferablesOf(result: MetricsResult | LayoutResult | GroupedCompactResult | AnalysisResult): ArrayBuffer[] {
  if (result.kind === "groupedCompact" || result.kind === "analysis") return [];
  const arrays =
    result.kind === "metrics"
      ? [result.order, result.degree, result.betweenness, result.pagerank, result.community, result.bridgeScore]
      : [result.positions];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
