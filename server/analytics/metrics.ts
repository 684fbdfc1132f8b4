/**
 * Network metrics over an undirected simple graphology graph: degree, betweenness (exact with
 * graphology-metrics, or sampled Brandes past a size limit), PageRank, seeded Louvain communities,
 * and bridgeScore — the share of shortest paths between LABOUR and CIVIL_SOCIETY organisations
 * that run through a node. Pure: the same graph and options always give the same numbers.
 */
import type { MetricKey } from "../../core/metrics.js";
import type Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import { undirectedDensity } from "graphology-metrics/graph/density.js";

import { mulberry32, sampleWithoutReplacement } from "./random.js";

export interface MetricsNodeAttributes {
  sector?: string | null;
  kind?: string;
}

export interface MetricsOptions {
  /** Up to this many nodes, betweenness and bridgeScore are exact; above, sampled. */
  exactLimit: number;
  /** Source nodes sampled when the graph is larger than `exactLimit`. */
  samples: number;
  /** Seed of Louvain and of the sampling. */
  seed: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { exactLimit: 10_000, samples: 256, seed: 42 };

/** One node's metrics (the keys of core/metrics.ts) and its Louvain community. */
export type NodeMetricValues = Record<MetricKey, number> & { community: number };

export interface GraphMetrics {
  nodes: Map<string, NodeMetricValues>;
  density: number;
  modularity: number;
  components: number;
  communities: number;
  betweennessMethod: "EXACT" | "SAMPLED";
  betweennessSamples: number | null;
}

export const BRIDGE_SECTORS = { from: "LABOUR", to: "CIVIL_SOCIETY" } as const;

/** Number of connected components (BFS). */
export function countComponents(graph: Graph): number {
  const seen = new Set<string>();
  let components = 0;
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    components += 1;
    seen.add(start);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      graph.forEachNeighbor(queue[i], (next) => {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      });
    }
  });
  return components;
}

/**
 * Brandes' dependency accumulation from the given sources over an undirected graph. With
 * `isTarget`, only shortest paths ending at a target count (a pair-restricted betweenness).
 * Returns, per node, the sum over sources s of δ_s(v) — ordered pairs, endpoints excluded.
 */
export function brandesDependencies(
  graph: Graph,
  sources: Iterable<string>,
  isTarget: (node: string) => boolean = () => true,
): Map<string, number> {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const neighbours = ids.map((id) => graph.neighbors(id).map((n) => index.get(n)!));
  const target = ids.map((id) => (isTarget(id) ? 1 : 0));
  const total = new Float64Array(ids.length);
  const sigma = new Float64Array(ids.length);
  const dist = new Int32Array(ids.length);
  const delta = new Float64Array(ids.length);
  const order = new Int32Array(ids.length);
  for (const sourceId of sources) {
    const s = index.get(sourceId);
    if (s === undefined) continue;
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++];
      for (const w of neighbours[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const carried = (target[w] + delta[w]) / sigma[w];
      for (const v of neighbours[w]) if (dist[v] === dist[w] - 1) delta[v] += sigma[v] * carried;
      total[w] += delta[w];
    }
  }
  return new Map(ids.map((id, i) => [id, total[i]]));
}

/**
 * Share of shortest paths between LABOUR and CIVIL_SOCIETY organisations through each node:
 * Σ over connected pairs (s in LABOUR, t in CIVIL_SOCIETY) of σ_st(v)/σ_st, divided by the number
 * of connected pairs. `sampled` sources (LABOUR organisations) estimate it on large graphs.
 */
export function bridgeScores(graph: Graph, options: { samples?: number; seed?: number } = {}): Map<string, number> {
  const sectorOf = (node: string) => graph.getNodeAttribute(node, "sector") as string | null | undefined;
  const labour = graph.filterNodes((n) => sectorOf(n) === BRIDGE_SECTORS.from);
  const isCivil = (node: string) => sectorOf(node) === BRIDGE_SECTORS.to;
  const sources =
    options.samples !== undefined && options.samples < labour.length
      ? sampleWithoutReplacement(labour, options.samples, mulberry32(options.seed ?? 0))
      : labour;
  const dependencies = brandesDependencies(graph, sources, isCivil);
  // Connected pairs from the same sources: BFS reachability counts, reusing the component structure.
  const component = new Map<string, number>();
  let c = 0;
  graph.forEachNode((start) => {
    if (component.has(start)) return;
    const queue = [start];
    component.set(start, c);
    for (let i = 0; i < queue.length; i++) {
      graph.forEachNeighbor(queue[i], (next) => {
        if (!component.has(next)) {
          component.set(next, c);
          queue.push(next);
        }
      });
    }
    c += 1;
  });
  const civilPerComponent = new Map<number, number>();
  graph.forEachNode((n) => {
    if (isCivil(n)) civilPerComponent.set(component.get(n)!, (civilPerComponent.get(component.get(n)!) ?? 0) + 1);
  });
  const pairs = sources.reduce((sum, s) => sum + (civilPerComponent.get(component.get(s)!) ?? 0), 0);
  return new Map([...dependencies].map(([node, value]) => [node, pairs > 0 ? value / pairs : 0]));
}

export function computeMetrics(graph: Graph, options: MetricsOptions = DEFAULT_METRICS_OPTIONS): GraphMetrics {
  const n = graph.order;
  const exact = n <= options.exactLimit;
  let betweenness: Record<string, number>;
  if (exact) {
    betweenness = betweennessCentrality(graph, { normalized: true });
  } else {
    // Sampled Brandes: dependencies from k random sources, scaled by n / k, normalised like graphology.
    const sources = sampleWithoutReplacement(graph.nodes(), options.samples, mulberry32(options.seed));
    const scale = n / sources.length / ((n - 1) * (n - 2));
    betweenness = Object.fromEntries([...brandesDependencies(graph, sources)].map(([node, value]) => [node, value * scale]));
  }
  const bridge = bridgeScores(graph, exact ? {} : { samples: options.samples, seed: options.seed });
  const ranks = n > 0 ? pagerank(graph, { getEdgeWeight: null }) : {};
  const partition = n > 0 && graph.size > 0 ? louvain.detailed(graph, { rng: mulberry32(options.seed), getEdgeWeight: null }) : undefined;

  // Louvain numbers communities in discovery order; renumber by first member in node order so the
  // numbers do not depend on anything but the graph.
  const renumber = new Map<number, number>();
  const nodes = new Map<string, NodeMetricValues>();
  graph.forEachNode((node) => {
    const raw = partition ? partition.communities[node] : renumber.size;
    if (!renumber.has(raw)) renumber.set(raw, renumber.size);
    nodes.set(node, {
      degree: graph.degree(node),
      betweenness: betweenness[node] ?? 0,
      pagerank: ranks[node] ?? 0,
      community: renumber.get(raw)!,
      bridgeScore: bridge.get(node) ?? 0,
    });
  });
  return {
    nodes,
    density: n > 1 ? undirectedDensity(graph) : 0,
    modularity: partition?.modularity ?? 0,
    components: countComponents(graph),
    communities: renumber.size,
    betweennessMethod: exact ? "EXACT" : "SAMPLED",
    betweennessSamples: exact ? null : Math.min(options.samples, n),
  };
}
