/**
 * Where the co-presence network draws things (analysis/CoPresenceNetwork.tsx): the heaviest ties
 * (then by ids, so the picture is stable), their organisations on a circle in id order, and each
 * tie's stroke width growing with the occurrences shared. Pure, tested in Node.
 */
import type { CoPresenceAnswer } from "../api";

/** Ties drawn at most: beyond this a circle of lines stops being readable. */
export const CO_PRESENCE_TIES_DRAWN = 40;

export interface LaidOutTie {
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  weight: number;
  occurrenceLabels: string[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface CoPresenceLayout {
  nodes: { id: string; label: string; x: number; y: number }[];
  ties: LaidOutTie[];
}

export function coPresenceLayout(answer: Pick<CoPresenceAnswer, "ties" | "occurrences">, size: number): CoPresenceLayout {
  const ties = [...answer.ties]
    .sort((a, b) => b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1))
    .slice(0, CO_PRESENCE_TIES_DRAWN);
  const labels = new Map<string, string>();
  for (const t of ties) labels.set(t.source, t.sourceLabel).set(t.target, t.targetLabel);
  const ids = [...labels.keys()].sort();
  const centre = size / 2;
  const radius = size / 2 - 12;
  const at = new Map(
    ids.map((id, k) => {
      const angle = (2 * Math.PI * k) / ids.length - Math.PI / 2;
      return [id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) }];
    }),
  );
  const heaviest = ties[0]?.weight ?? 1;
  const occurrence = new Map(answer.occurrences.map((o) => [o.id, o.label]));
  return {
    nodes: ids.map((id) => ({ id, label: labels.get(id)!, ...at.get(id)! })),
    ties: ties.map((t) => ({
      source: t.source,
      target: t.target,
      sourceLabel: t.sourceLabel,
      targetLabel: t.targetLabel,
      weight: t.weight,
      occurrenceLabels: t.occurrences.map((id) => occurrence.get(id) ?? id),
      x1: at.get(t.source)!.x,
      y1: at.get(t.source)!.y,
      x2: at.get(t.target)!.x,
      y2: at.get(t.target)!.y,
      width: 1 + (4 * (t.weight - 1)) / Math.max(1, heaviest - 1),
    })),
  };
}
