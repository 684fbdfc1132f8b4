/**
 * What an analysis answer marks on the map (state/atlas.ts AnalysisMarks), as plain functions of the
 * answer and the dataset so they test in Node: the change between two years (appeared / gone) and a
 * what-if removal (removed / cut off). The renderer's reducers draw the marks (render/reducers.ts).
 */
import type { AtlasDataset } from "../graph";
import type { AnalysisMark, Emphasis } from "../state";

type AnalysisEmphasis = Extract<Emphasis, { type: "analysis" }>;
type Ref = { id: string };
type TieRef = { id: string; source: string; target: string };

/**
 * Appeared bodies and ties marked "added", gone ones "removed". The ends of a changed tie are
 * emphasised too (unmarked when they did not change themselves), so a new membership between two
 * old bodies is not drawn between greyed dots.
 */
export function yearChangeEmphasis(answer: {
  appeared: Ref[];
  gone: Ref[];
  tiesAppeared: TieRef[];
  tiesEnded: TieRef[];
}): AnalysisEmphasis {
  const nodes: Record<string, AnalysisMark> = {};
  const edges: Record<string, AnalysisMark> = {};
  for (const n of answer.appeared) nodes[n.id] = "added";
  for (const n of answer.gone) nodes[n.id] = "removed";
  for (const t of answer.tiesAppeared) edges[t.id] = "added";
  for (const t of answer.tiesEnded) edges[t.id] = "removed";
  const ends = [...answer.tiesAppeared, ...answer.tiesEnded].flatMap((t) => [t.source, t.target]);
  return {
    type: "analysis",
    nodes: [...new Set([...Object.keys(nodes), ...ends])],
    edges: Object.keys(edges),
    marks: { nodes, edges },
  };
}

/**
 * The removed bodies marked "removed" with every tie they had on the map, and the organisations the
 * removal cuts off marked "cutOff". (The cut-off list is the answer's, capped by its `listLimit`.)
 */
export function whatIfEmphasis(answer: { removed: Ref[]; cutOff: Ref[] }, dataset: AtlasDataset | null): AnalysisEmphasis {
  const nodes: Record<string, AnalysisMark> = {};
  const edges: Record<string, AnalysisMark> = {};
  for (const n of answer.removed) nodes[n.id] = "removed";
  for (const n of answer.cutOff) nodes[n.id] = "cutOff";
  for (const n of answer.removed) {
    const i = dataset?.index.get(n.id);
    if (i === undefined) continue;
    for (const j of dataset!.incident[i]) edges[dataset!.edges[j].id] = "removed";
  }
  return { type: "analysis", nodes: Object.keys(nodes), edges: Object.keys(edges), marks: { nodes, edges } };
}

/** Plain words for the key beside the map's marks. */
export const MARK_LABELS: Record<AnalysisMark, string> = {
  added: "appeared (green ring and ties)",
  removed: "gone or removed (faded, red ring, pale red ties)",
  cutOff: "cut off by the removal (blue ring)",
};
