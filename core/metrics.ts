/**
 * The node metrics the atlas measures, declared once: the key is the field of `NodeMetrics` (GraphQL)
 * and the explorer's "Size by" value; the labels are what the legend, the View panel and the table
 * show. Degree is counted in the browser over the visible ties; the others come from the API's
 * `metrics` query (server/analytics/metrics.ts computes them).
 */
export interface MetricDefinition {
  /** Field of NodeMetrics in the API and value of the explorer's `size` URL parameter. */
  key: string;
  /** Spelled out (legend, View panel, story editor). */
  label: string;
  /** Short column header of the network table. */
  header: string;
  /** How it is computed, for readers of the code and the docs. */
  computed: string;
  /** Counted in the browser over the visible ties rather than fetched from `metrics`. */
  local?: boolean;
}

export const METRICS = [
  {
    key: "degree",
    label: "Degree (visible ties)",
    header: "Degree",
    computed: "ties among the visible nodes, counted in the browser",
    local: true,
  },
  {
    key: "betweenness",
    label: "Betweenness",
    header: "Betweenness",
    computed: "normalised Brandes betweenness, exact or sampled past a size limit",
  },
  { key: "pagerank", label: "PageRank", header: "PageRank", computed: "PageRank (d = 0.85) of the undirected graph, unweighted" },
  {
    key: "bridgeScore",
    label: "Union–NGO bridge score",
    header: "Bridge score",
    computed: "share of shortest paths between LABOUR and CIVIL_SOCIETY organisations through the node",
  },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof METRICS)[number]["key"];
export const METRIC_KEYS = METRICS.map((m) => m.key) as [MetricKey, ...MetricKey[]];
/** Metrics the API computes (every one but the browser's own degree). */
export type ApiMetricKey = Exclude<MetricKey, "degree">;
export const API_METRIC_KEYS = METRICS.filter((m) => !("local" in m)).map((m) => m.key) as ApiMetricKey[];

export const METRIC_OF: Record<MetricKey, MetricDefinition> = Object.fromEntries(METRICS.map((m) => [m.key, m])) as Record<
  MetricKey,
  MetricDefinition
>;
