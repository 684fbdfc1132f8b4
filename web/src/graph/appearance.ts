/**
 * How nodes look: colour scales (colour-blind-safe Okabe–Ito hues; at most eight classes plus grey,
 * so type and community colour their eight largest classes and grey the rest), size scales over
 * degree or the API's metrics, and the legend, generated from the same tables.
 */
import { type MetricKey, METRICS } from "../../../core/metrics";
import type { ColorMode, SizeMode } from "../../../core/view-modes";
import type { AtlasDataset, AtlasNode } from "./types";
import type { VisibleView } from "./view";
import { COALITION_TYPES, humanise, NODE_KINDS, ORGANISATION_TYPES, SECTORS } from "./vocabulary";

/** Okabe & Ito (2008), ordered so the first classes get the most distinct hues. */
export const OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"] as const;
export const OTHER_COLOR = "#9E9E9E";
export const NOT_APPLICABLE_COLOR = "#CFCFCF";

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  /** Visible nodes in this class. */
  count: number;
}

export interface ColorScale {
  title: string;
  colorOf(i: number): string;
  /** Classes with at least one visible node, in the scale's order. */
  legend(view: VisibleView): LegendEntry[];
}

/** One node's metrics (core/metrics.ts) and its Louvain community. */
export type NodeMetrics = Record<MetricKey, number> & { community: number };

export type MetricsTable = Map<string, NodeMetrics>;

/** The default classes: the union–NGO divide for organisations, the kind for everything else. */
export const CATEGORIES = [
  { key: "LABOUR", label: "Unions & labour bodies", color: "#D55E00" },
  { key: "CIVIL_SOCIETY", label: "NGOs, migrant groups & networks", color: "#0072B2" },
  { key: "STATE", label: "States & intergovernmental bodies", color: "#009E73" },
  { key: "OTHER_ORG", label: "Research, donors & business", color: "#CC79A7" },
  { key: "FORUM", label: "Forums & meetings", color: "#E69F00" },
  { key: "CAMPAIGN", label: "Campaigns", color: "#56B4E9" },
  { key: "INSTRUMENT", label: "Conventions & other instruments", color: "#6E6E6E" },
  { key: "PERSON", label: "People", color: "#000000" },
  { key: "ISSUE", label: "Issues", color: "#B4B4B4" },
] as const;

export type CategoryKey = (typeof CATEGORIES)[number]["key"];

/**
 * Sector colours agree with the default categories (unions vermillion, NGOs blue, states green), so
 * switching between the two — as story steps do — does not swap the hues of the union–NGO divide.
 */
export const SECTOR_COLORS: Record<(typeof SECTORS)[number], string> = {
  LABOUR: "#D55E00",
  CIVIL_SOCIETY: "#0072B2",
  ACADEMIA: "#CC79A7",
  STATE: "#009E73",
  INTERGOVERNMENTAL: "#56B4E9",
  DONOR: "#E69F00",
  BUSINESS: "#000000",
};

export function categoryOf(node: Pick<AtlasNode, "kind" | "sector">): CategoryKey {
  if (node.kind !== "ORGANISATION") return node.kind;
  switch (node.sector) {
    case "LABOUR":
      return "LABOUR";
    case "CIVIL_SOCIETY":
      return "CIVIL_SOCIETY";
    case "STATE":
    case "INTERGOVERNMENTAL":
      return "STATE";
    default:
      return "OTHER_ORG";
  }
}

interface ClassTable {
  title: string;
  classes: { key: string; label: string; color: string }[];
  classOf(i: number): string;
}

function legendOf(table: ClassTable, view: VisibleView): LegendEntry[] {
  const counts = new Map<string, number>();
  view.nodeVisible.forEach((shown, i) => {
    if (!shown) return;
    const key = table.classOf(i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return table.classes.filter((c) => counts.has(c.key)).map((c) => ({ ...c, count: counts.get(c.key)! }));
}

function scaleOf(table: ClassTable): ColorScale {
  const colors = new Map(table.classes.map((c) => [c.key, c.color]));
  return {
    title: table.title,
    colorOf: (i) => colors.get(table.classOf(i)) ?? OTHER_COLOR,
    legend: (view) => legendOf(table, view),
  };
}

/** The eight most common values get a hue (most common first), the rest share grey. */
function rankedClasses(values: (string | null)[], label: (value: string) => string, otherLabel: string) {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  const coloured = new Map<string, string>(ranked.slice(0, OKABE_ITO.length).map((v, i) => [v, OKABE_ITO[i]]));
  const classes = [...coloured].map(([key, color]) => ({ key, label: label(key), color }));
  if (ranked.length > coloured.size) classes.push({ key: "OTHER", label: otherLabel, color: OTHER_COLOR });
  return { classes, keyOf: (v: string | null) => (v === null ? "NA" : coloured.has(v) ? v : "OTHER") };
}

export function createColorScale(dataset: AtlasDataset, mode: ColorMode, metrics: MetricsTable | null): ColorScale {
  const { nodes } = dataset;
  switch (mode) {
    case "category":
      return scaleOf({ title: "Colour: sector / kind", classes: [...CATEGORIES], classOf: (i) => categoryOf(nodes[i]) });
    case "kind":
      return scaleOf({
        title: "Colour: kind of node",
        classes: NODE_KINDS.map((k, i) => ({ key: k, label: humanise(k), color: OKABE_ITO[i] })),
        classOf: (i) => nodes[i].kind,
      });
    case "sector":
      return scaleOf({
        title: "Colour: sector",
        classes: [
          ...SECTORS.map((s) => ({ key: s, label: humanise(s), color: SECTOR_COLORS[s] })),
          { key: "NA", label: "Not an organisation", color: NOT_APPLICABLE_COLOR },
        ],
        classOf: (i) => nodes[i].sector ?? "NA",
      });
    case "type": {
      const ranked = rankedClasses(
        nodes.map((n) => n.type),
        humanise,
        "Other types",
      );
      const order = new Map(ORGANISATION_TYPES.map((t, i) => [t as string, i]));
      ranked.classes.sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
      return scaleOf({
        title: "Colour: organisation type",
        classes: [...ranked.classes, { key: "NA", label: "Not an organisation", color: NOT_APPLICABLE_COLOR }],
        classOf: (i) => ranked.keyOf(nodes[i].type),
      });
    }
    case "community": {
      const communityOf = (i: number) => {
        const c = metrics?.get(nodes[i].id)?.community;
        return c === undefined ? null : String(c);
      };
      const ranked = rankedClasses(
        nodes.map((_, i) => communityOf(i)),
        (c) => `Community ${Number(c) + 1}`,
        "Smaller communities",
      );
      return scaleOf({
        title: metrics ? "Colour: community (Louvain)" : "Colour: community (loading…)",
        classes: [...ranked.classes, { key: "NA", label: "Not in the measured graph", color: NOT_APPLICABLE_COLOR }],
        classOf: (i) => ranked.keyOf(communityOf(i)),
      });
    }
  }
}

export const SIZE_LABELS = Object.fromEntries(METRICS.map((m) => [m.key, m.label])) as Record<SizeMode, string>;

export const COLOR_LABELS: Record<ColorMode, string> = {
  category: "Sector / kind",
  kind: "Kind of node",
  type: "Organisation type",
  sector: "Sector",
  community: "Community",
};

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 20;

export interface SizeScale {
  title: string;
  sizeOf(i: number): number;
  /** The largest value among visible nodes (for the legend), or null while metrics load. */
  max: number | null;
}

/** Area grows with the value, so hubs stand out without swallowing their neighbours. */
export const sizeFor = (value: number, max: number) =>
  max > 0 ? MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(Math.max(0, value) / max) : MIN_NODE_SIZE;

/** A collapsed network is sized by how many members it stands for. */
export const groupSize = (memberCount: number) => Math.min(MAX_NODE_SIZE + 8, MIN_NODE_SIZE + 6 + 4 * Math.sqrt(memberCount));

/** Degree among the visible ties (proxy edges of collapsed networks included). */
export function visibleDegree(dataset: AtlasDataset, view: VisibleView): Int32Array {
  const degree = new Int32Array(dataset.nodes.length);
  dataset.edges.forEach((e, j) => {
    if (!view.edgeVisible[j]) return;
    degree[e.source]++;
    degree[e.target]++;
  });
  for (const p of view.proxies) {
    degree[dataset.index.get(p.source)!] += p.weight;
    degree[dataset.index.get(p.target)!] += p.weight;
  }
  return degree;
}

export function createSizeScale(dataset: AtlasDataset, mode: SizeMode, view: VisibleView, metrics: MetricsTable | null): SizeScale {
  const values = new Float64Array(dataset.nodes.length);
  let known = true;
  if (mode === "degree") {
    visibleDegree(dataset, view).forEach((d, i) => (values[i] = d));
  } else if (metrics) {
    dataset.nodes.forEach((node, i) => (values[i] = metrics.get(node.id)?.[mode] ?? 0));
  } else {
    known = false;
    visibleDegree(dataset, view).forEach((d, i) => (values[i] = d));
  }
  let max = 0;
  view.nodeVisible.forEach((shown, i) => {
    if (shown && values[i] > max) max = values[i];
  });
  return {
    title: known ? `Size: ${SIZE_LABELS[mode]}` : `Size: ${SIZE_LABELS[mode]} (loading…)`,
    sizeOf: (i) => sizeFor(values[i], max),
    max: known ? max : null,
  };
}

const SCOPE_RANK: Record<string, number> = { GLOBAL: 0, REGIONAL: 1, NATIONAL: 2, LOCAL: 3 };

/**
 * The coalitions the atlas is built around (docs: DESIGN.md, the explorer issue): the opening view
 * labels them before any other, so the structure around them reads at a glance. Ids missing from
 * the data are ignored.
 */
export const FEATURED_IDS: readonly string[] = ["mfa", "gcm", "pga", "idwf", "ituc", "via-campesina"];
/** The movement's own worlds: unions and civil society. */
const MOVEMENT_SECTORS = new Set(["LABOUR", "CIVIL_SOCIETY"]);

/**
 * Networks of networks whose labels come first, in priority order: the featured coalitions, then
 * coalition-type organisations (networks, federations, confederations, movements) of the
 * movement's sectors before others,
 * global before regional (once scopes are known), then the best connected; at most `limit`.
 */
export function landmarkIds(dataset: AtlasDataset, limit = 60): Set<string> {
  const candidates = dataset.nodes
    .map((node, i) => ({
      node,
      i,
      featured: FEATURED_IDS.includes(node.id) ? 0 : 1,
      movement: MOVEMENT_SECTORS.has(node.sector ?? "") ? 0 : 1,
      scope: SCOPE_RANK[dataset.scopes?.get(node.id) ?? ""] ?? 2,
    }))
    .filter(
      ({ node, featured }) => featured === 0 || (node.kind === "ORGANISATION" && node.type !== null && COALITION_TYPES.includes(node.type)),
    );
  candidates.sort(
    (a, b) =>
      a.featured - b.featured ||
      a.movement - b.movement ||
      a.scope - b.scope ||
      dataset.degree[b.i] - dataset.degree[a.i] ||
      a.node.id.localeCompare(b.node.id),
  );
  return new Set(candidates.slice(0, limit).map(({ node }) => node.id));
}

/** Short label: the API's label, cut to a readable length. */
export function labelOf(node: Pick<AtlasNode, "label" | "name">): string {
  const text = node.label || node.name;
  return text.length > 28 ? `${text.slice(0, 26).trimEnd()}…` : text;
}
