/**
 * Keyboard walking on the map, as plain functions over the dataset and the visible view (the
 * component in GraphView only wires keys to them). The order is documented in the map's
 * instructions and must stay predictable: a node's visible neighbours sorted by label, as a screen
 * reader user hears them; with nothing selected, the visible nodes with the most ties first.
 */
import type { AtlasDataset, VisibleView } from "../graph";

/** How a label is compared: by the locale's rules, case and accents folded, so the order is the one read aloud. */
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Visible neighbours of `id` (through any tie, either direction), sorted by label, then id. */
export function orderedNeighbours(dataset: AtlasDataset, view: VisibleView, id: string): string[] {
  const i = dataset.index.get(id);
  if (i === undefined) return [];
  const seen = new Set<number>();
  for (const e of dataset.incident[i]) {
    const edge = dataset.edges[e];
    const other: number = edge.source === i ? edge.target : edge.source;
    if (other !== i && view.nodeVisible[other]) seen.add(other);
  }
  return [...seen]
    .sort(
      (a, b) =>
        collator.compare(dataset.nodes[a].label, dataset.nodes[b].label) || collator.compare(dataset.nodes[a].id, dataset.nodes[b].id),
    )
    .map((k) => dataset.nodes[k].id);
}

/** With nothing selected, the walk goes through the visible nodes with the most ties first (then by label). */
export function nodesByTies(dataset: AtlasDataset, view: VisibleView): string[] {
  const visible: number[] = [];
  for (let i = 0; i < dataset.nodes.length; i++) if (view.nodeVisible[i]) visible.push(i);
  return visible
    .sort((a, b) => dataset.degree[b] - dataset.degree[a] || collator.compare(dataset.nodes[a].label, dataset.nodes[b].label))
    .map((i) => dataset.nodes[i].id);
}

/** The next (step +1) or previous (−1) entry of `list` after `current`, wrapping; the first or last when `current` is not in it. */
export function cycle(list: string[], current: string | null, step: 1 | -1): string | null {
  if (list.length === 0) return null;
  const at = current === null ? -1 : list.indexOf(current);
  if (at < 0) return step === 1 ? list[0] : list[list.length - 1];
  return list[(at + step + list.length) % list.length];
}

/**
 * Whether a node is a union–NGO broker, read from the server's bridgeScore (share of shortest
 * labour ↔ civil-society paths through the node, 0–1): a positive score in the top tenth of the
 * positive scores. A rank, not a fixed cut, so it means the same on the 200-node atlas and at 10k.
 */
export interface BrokerInfo {
  broker: boolean;
  /** 1 = highest bridge score among the nodes with one. */
  rank: number;
  score: number;
}

export function brokerInfo(scores: ReadonlyMap<string, number>, id: string): BrokerInfo | null {
  const score = scores.get(id);
  if (score === undefined) return null;
  if (score <= 0) return { broker: false, rank: 0, score };
  let positive = 0;
  let above = 0;
  for (const s of scores.values()) {
    if (s <= 0) continue;
    positive++;
    if (s > score) above++;
  }
  const rank = above + 1;
  return { broker: rank <= Math.max(1, Math.ceil(positive / 10)), rank, score };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The sentence the live region reads for a node: name, kind, ties, the coalitions it is a member
 * of, and whether it brokers between unions and NGOs (unknown while the scores load).
 */
export function nodeSummary(
  dataset: AtlasDataset,
  id: string,
  broker: BrokerInfo | null,
  position?: { index: number; of: number; from: string },
): string {
  const i = dataset.index.get(id);
  if (i === undefined) return "";
  const node = dataset.nodes[i];
  const coalitions = new Set<string>();
  for (const e of dataset.incident[i]) {
    const edge = dataset.edges[e];
    if (edge.type === "MEMBER_OF" && edge.source === i) coalitions.add(dataset.nodes[edge.target].label);
  }
  const member = [...coalitions].sort(collator.compare);
  const parts = [
    position ? `${node.name}, neighbour ${position.index} of ${position.of} of ${position.from}` : node.name,
    node.kind.toLowerCase(),
    plural(dataset.degree[i], "tie"),
    member.length ? `member of ${member.join(", ")}` : "member of no coalition",
    broker === null
      ? "broker score loading"
      : broker.broker
        ? `union–NGO broker (bridge score rank ${broker.rank})`
        : "not a union–NGO broker",
  ];
  return `${parts.join("; ")}.`;
}
