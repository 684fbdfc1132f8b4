/**
 * The view controller: decides what the graph shows for a view state (the visible set from filters,
 * year, collapsed networks and expanded neighbourhoods; colour, size, landmark labels), writes it into
 * the graph, and publishes what the panels read in the `session` store. Kept apart so the session only
 * wires it to the renderer and the other controllers.
 */
import type { NetworkExtras } from "../api";
import {
  type AtlasDataset,
  type AtlasGraph,
  applyView,
  type ColorScale,
  computeView,
  createColorScale,
  createSizeScale,
  landmarkIds,
  type LegendEntry,
  type SizeScale,
  type VisibleView,
  withGroups,
  withScopes,
} from "../graph";
import type { CoalitionList } from "../shapes";
import type { AtlasState } from "../state";
import { createStore, type Store } from "../state/store";
import type { LayoutStatus } from "./layout";
import type { MetricsController, MetricsStatus } from "./metrics";

export interface SessionState {
  /** The data model (replaced when groups or scopes arrive). */
  dataset: AtlasDataset;
  view: VisibleView;
  legend: LegendEntry[];
  colorTitle: string;
  size: SizeScale;
  metrics: MetricsStatus;
  layout: LayoutStatus;
  /** The shapes mode's coalitions (drawn ones and how many in all), null when the mode is off. */
  coalitions: CoalitionList | null;
  /** Bumped whenever node attributes (visibility, colour, size) change, for the table. */
  revision: number;
}

export interface ViewController {
  dataset(): AtlasDataset;
  view(): VisibleView;
  /** What the panels show about the current view. */
  state: Store<SessionState>;
  /** Writes the view for `s` into the graph; whether nodes or edges were shown or hidden (Sigma re-indexes). */
  apply(s: AtlasState, recomputeView: boolean): boolean;
  /** Publishes the last applied view, legend and size, and the metrics status for `s`. */
  publish(s: AtlasState): void;
  /** Attaches membership groups and scopes; the caller re-applies. */
  setExtras(extras: NetworkExtras): void;
}

/** `landmarkLimit` is how many always-on labels fit the screen. */
export function createView(
  graph: AtlasGraph,
  initialDataset: AtlasDataset,
  initial: AtlasState,
  metrics: MetricsController,
  landmarkLimit: () => number,
): ViewController {
  let dataset = initialDataset;
  let landmarks = landmarkIds(dataset, landmarkLimit());
  let view = computeView(dataset, initial);
  let style: { color: ColorScale; size: SizeScale } | null = null;

  const state = createStore<SessionState>({
    dataset,
    view,
    legend: [],
    colorTitle: "",
    size: createSizeScale(dataset, "degree", view, null),
    metrics: { type: "idle" },
    layout: { type: "idle" },
    coalitions: null,
    revision: 0,
  });

  return {
    dataset: () => dataset,
    view: () => view,
    state,
    apply(s, recomputeView) {
      if (recomputeView) view = computeView(dataset, s);
      const table = metrics.table(s);
      const color = createColorScale(dataset, s.appearance.colorBy, table);
      const size = createSizeScale(dataset, s.appearance.sizeBy, view, table);
      style = { color, size };
      return applyView(graph, dataset, view, { color, size, landmarks }).structureChanged;
    },
    publish(s) {
      if (!style) return;
      const { color, size } = style;
      const prev = state.get();
      state.update(() => ({
        ...prev,
        dataset,
        view,
        legend: color.legend(view),
        colorTitle: color.title,
        size,
        metrics: metrics.status(s, prev.metrics),
        revision: prev.revision + 1,
      }));
    },
    setExtras(extras) {
      dataset = withScopes(withGroups(dataset, extras.groups), extras.scopes);
      landmarks = landmarkIds(dataset, landmarkLimit());
    },
  };
}
