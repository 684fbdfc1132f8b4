/**
 * The "sectors" layout: horizontal bands — labour, civil society, intergovernmental & states,
 * everything else, themes — so the ties that cross from the union band to the NGO band (the union–NGO
 * bridges) are the short vertical strokes between the first two bands. Within a band, nodes keep
 * the left-to-right order of the current layout; a node is pulled to the edge of its band that faces
 * the bands its ties go to, so brokers line the border. Deterministic; hidden nodes get a place too.
 */
import type { AtlasDataset, AtlasNode } from "../graph/types";

export const BANDS = [
  { key: "LABOUR", label: "Labour: unions & federations", perRow: 14 },
  { key: "CIVIL_SOCIETY", label: "Civil society: NGOs, migrant groups & networks", perRow: 14 },
  { key: "STATE", label: "Intergovernmental bodies & states", perRow: 16 },
  { key: "OTHER", label: "Forums, campaigns, people & other bodies", perRow: 16 },
  // Themes (a third of the graph) are off in the opening view: a wide, shallow band at the bottom.
  { key: "THEMES", label: "Instruments & issues", perRow: 40 },
] as const;

export type BandKey = (typeof BANDS)[number]["key"];

export function bandOf(node: Pick<AtlasNode, "kind" | "sector">): number {
  if (node.kind === "INSTRUMENT" || node.kind === "ISSUE") return 4;
  if (node.kind !== "ORGANISATION") return 3;
  switch (node.sector) {
    case "LABOUR":
      return 0;
    case "CIVIL_SOCIETY":
      return 1;
    case "STATE":
    case "INTERGOVERNMENTAL":
      return 2;
    default:
      return 3;
  }
}

export interface SectorsLayoutOptions {
  /** Horizontal distance between neighbouring columns of the widest band. */
  spacing: number;
}

export const DEFAULT_SECTORS_LAYOUT_OPTIONS: SectorsLayoutOptions = { spacing: 10 };

export interface SectorsLayout {
  positions: Float64Array;
  /** Vertical centre and half height of each band, in graph coordinates (y grows upwards). */
  bands: { key: BandKey; label: string; y: number; halfHeight: number }[];
}

export function computeSectorsLayout(
  dataset: AtlasDataset,
  current: Float64Array,
  options: Partial<SectorsLayoutOptions> = {},
): SectorsLayout {
  const { spacing } = { ...DEFAULT_SECTORS_LAYOUT_OPTIONS, ...options };
  const n = dataset.nodes.length;
  const band = dataset.nodes.map(bandOf);

  // Pull towards the bands a node's ties go to: −1 (all ties upwards) … +1 (all downwards).
  const pull = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let k = 0;
    for (const j of dataset.incident[i]) {
      const e = dataset.edges[j];
      const other = e.source === i ? e.target : e.source;
      sum += Math.sign(band[other] - band[i]);
      k++;
    }
    pull[i] = k ? sum / k : 0;
  }

  const members: number[][] = BANDS.map(() => []);
  for (let i = 0; i < n; i++) members[band[i]].push(i);
  const rows = members.map((list, b) => Math.max(1, Math.ceil(list.length / BANDS[b].perRow)));
  const columns = members.map((list, b) => Math.ceil(list.length / rows[b]));
  const rowGap = spacing * 2.2;
  const bandGap = spacing * 4;
  const height = rows.reduce((sum, r) => sum + (r + 1) * rowGap + bandGap, 0);
  // Wider than tall, like the screens it is read on, so labels get room within their rows.
  const width = Math.max(Math.max(1, ...columns) * spacing, 1.4 * height);

  const positions = new Float64Array(2 * n);
  const bands: SectorsLayout["bands"] = [];
  let top = 0;
  members.forEach((list, b) => {
    const halfHeight = (rows[b] * rowGap + rowGap) / 2;
    const centre = top - halfHeight;
    bands.push({ key: BANDS[b].key, label: BANDS[b].label, y: centre, halfHeight });
    const sorted = [...list].sort((p, q) => current[2 * p] - current[2 * q] || dataset.nodes[p].id.localeCompare(dataset.nodes[q].id));
    const step = width / Math.max(1, columns[b]);
    // Columns of `rows` consecutive nodes (left to right); within a column, nodes whose ties go up
    // take the top rows and those whose ties go down the bottom ones.
    for (let col = 0; col * rows[b] < sorted.length; col++) {
      const column = sorted.slice(col * rows[b], (col + 1) * rows[b]).sort((p, q) => pull[p] - pull[q]);
      column.forEach((i, row) => {
        const rowY = centre + ((rows[b] - 1) / 2 - row) * rowGap;
        positions[2 * i] = (col + 0.5) * step - width / 2;
        // Brokers lean towards the band their ties go to (down is −y), a little, so rows stay readable.
        positions[2 * i + 1] = rowY - pull[i] * rowGap * 0.3;
      });
    }
    top = centre - halfHeight - bandGap;
  });
  return { positions, bands };
}
