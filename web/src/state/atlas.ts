/**
 * The explorer's view state and its producers: pure `(args) => (state) => state` functions, tested
 * without a DOM. A producer that changes nothing returns the same object, so bindings skip work.
 */
import { DEFAULT_FILTERS, FILTER_FACETS, type FilterFacet, type FiltersState, getAllFilters, normaliseFacet, sameFilters } from "./filters";
import type { ColorMode, LayoutMode, ShapeMode, SizeMode } from "../../../core/view-modes";
import type { Producer } from "./store";

// The modes are defined once in core/ (the story format reads them too).
export {
  COLOR_MODES,
  type ColorMode,
  LAYOUT_MODES,
  type LayoutMode,
  SHAPE_MODES,
  type ShapeMode,
  SIZE_MODES,
  type SizeMode,
} from "../../../core/view-modes";

/** Where the player is: a story and a step (0-based); a draft being previewed is kept out of links. */
export interface StoryPosition {
  id: string;
  step: number;
  draft: boolean;
}

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

/**
 * Transient emphasis set by the path and ally finders and by a story step: these nodes and ties
 * stand out. A path or an ally suggestion is shown even where the view hides it; a story step's
 * nodes keep the step's view (a body that does not exist yet in the step's year stays hidden), and
 * the step frames them with its own camera when it has one.
 */
export type Emphasis =
  | { type: "none" }
  | { type: "path"; nodes: string[]; edges: string[] }
  | { type: "ally"; nodes: string[]; edges: string[] }
  /** What an analysis points at: top brokers, what changed, who shared a room, what a removal cuts off. */
  | { type: "analysis"; nodes: string[]; edges: string[]; marks?: AnalysisMarks }
  /** A story step's focus; a what-if step adds what it removes and cuts off, marked (analysis/StoryWhatIf.tsx). */
  | { type: "story"; nodes: string[]; edges: string[]; camera: CameraState | null; marks?: AnalysisMarks };

/**
 * How an analysis marks what it points at, so a change or a removal reads at a glance: what appeared
 * between two years, what is gone (or removed in a what-if), what a removal cuts off. Unmarked
 * emphasised items are simply highlighted.
 */
export const ANALYSIS_MARKS = ["added", "removed", "cutOff"] as const;
export type AnalysisMark = (typeof ANALYSIS_MARKS)[number];
export interface AnalysisMarks {
  nodes: Record<string, AnalysisMark>;
  edges: Record<string, AnalysisMark>;
}

export interface AppearanceState {
  colorBy: ColorMode;
  sizeBy: SizeMode;
}

export interface AtlasState {
  /** The node whose details are open, highlighted with its neighbours. */
  selectedId: string | null;
  /** The node under the pointer (or focused in the table), highlighted while hovered. */
  hoveredId: string | null;
  filters: FiltersState;
  appearance: AppearanceState;
  /** Networks collapsed into one node standing for their members (sorted ids). */
  collapsed: string[];
  /** Nodes whose neighbourhood was expanded into the view, whatever the filters (in order). */
  revealed: string[];
  /** Timeline: the network as of this year; null = every year. */
  year: number | null;
  /** Timeline: leave out bodies and ties the documents give no year for. */
  datedOnly: boolean;
  layout: LayoutMode;
  /** Coalitions drawn as shaded regions behind the nodes, with semantic zoom (web/src/shapes). */
  shapes: ShapeMode;
  /** Last camera position (null = fit the whole graph). */
  camera: CameraState | null;
  emphasis: Emphasis;
  /** The story being played and its step, if any (stories/story.ts). */
  story: StoryPosition | null;
}

export const DEFAULT_APPEARANCE: AppearanceState = Object.freeze({ colorBy: "category", sizeBy: "degree" }) as AppearanceState;

export function getEmptyAtlasState(): AtlasState {
  return {
    selectedId: null,
    hoveredId: null,
    filters: DEFAULT_FILTERS,
    appearance: DEFAULT_APPEARANCE,
    collapsed: [],
    revealed: [],
    year: null,
    datedOnly: false,
    layout: "force",
    shapes: "none",
    camera: null,
    emphasis: { type: "none" },
    story: null,
  };
}

const NO_EMPHASIS: Emphasis = { type: "none" };

export const selectNode =
  (id: string | null): Producer<AtlasState> =>
  (state) =>
    state.selectedId === id ? state : { ...state, selectedId: id };

export const hoverNode =
  (id: string | null): Producer<AtlasState> =>
  (state) =>
    state.hoveredId === id ? state : { ...state, hoveredId: id };

/** Shows or hides one value of a facet. */
export const toggleFilterValue =
  (facet: FilterFacet, value: string, shown: boolean): Producer<AtlasState> =>
  (state) => {
    const current: readonly string[] = state.filters[facet] ?? FILTER_FACETS[facet].values;
    const next = shown ? [...current, value] : current.filter((v) => v !== value);
    return setFacet(facet, next)(state);
  };

export const setFacet =
  (facet: FilterFacet, values: readonly string[] | null): Producer<AtlasState> =>
  (state) => {
    const normalised = values === null ? null : normaliseFacet(facet, values);
    const filters = { ...state.filters, [facet]: normalised } as FiltersState;
    return sameFilters(filters, state.filters) ? state : { ...state, filters };
  };

export const setFilters =
  (filters: FiltersState): Producer<AtlasState> =>
  (state) =>
    sameFilters(filters, state.filters) ? state : { ...state, filters };

export const resetFilters = (): Producer<AtlasState> => setFilters(DEFAULT_FILTERS);
export const showEverything = (): Producer<AtlasState> => setFilters(getAllFilters());

export const setColorBy =
  (colorBy: ColorMode): Producer<AtlasState> =>
  (state) =>
    state.appearance.colorBy === colorBy ? state : { ...state, appearance: { ...state.appearance, colorBy } };

export const setSizeBy =
  (sizeBy: SizeMode): Producer<AtlasState> =>
  (state) =>
    state.appearance.sizeBy === sizeBy ? state : { ...state, appearance: { ...state.appearance, sizeBy } };

const sortedUnique = (ids: Iterable<string>) => [...new Set(ids)].sort();

export const collapseGroups =
  (ids: string[]): Producer<AtlasState> =>
  (state) => {
    const collapsed = sortedUnique([...state.collapsed, ...ids]);
    return collapsed.length === state.collapsed.length ? state : { ...state, collapsed };
  };

export const expandGroups =
  (ids: string[] | "all"): Producer<AtlasState> =>
  (state) => {
    const collapsed = ids === "all" ? [] : state.collapsed.filter((id) => !ids.includes(id));
    return collapsed.length === state.collapsed.length ? state : { ...state, collapsed };
  };

/** Adds a node's neighbourhood to the view (it stays there whatever the filters). */
export const revealNeighbourhood =
  (id: string): Producer<AtlasState> =>
  (state) =>
    state.revealed.includes(id) ? state : { ...state, revealed: [...state.revealed, id] };

export const clearRevealed = (): Producer<AtlasState> => (state) => (state.revealed.length === 0 ? state : { ...state, revealed: [] });

export const setYear =
  (year: number | null): Producer<AtlasState> =>
  (state) =>
    state.year === year ? state : { ...state, year };

export const setDatedOnly =
  (datedOnly: boolean): Producer<AtlasState> =>
  (state) =>
    state.datedOnly === datedOnly ? state : { ...state, datedOnly };

export const setLayout =
  (layout: LayoutMode): Producer<AtlasState> =>
  (state) =>
    state.layout === layout ? state : { ...state, layout };

export const setShapes =
  (shapes: ShapeMode): Producer<AtlasState> =>
  (state) =>
    state.shapes === shapes ? state : { ...state, shapes };

const CAMERA_EPSILON = 1e-6;

export const setCamera =
  (camera: CameraState | null): Producer<AtlasState> =>
  (state) => {
    const a = state.camera;
    if (a === camera) return state;
    if (a && camera && (["x", "y", "ratio", "angle"] as const).every((k) => Math.abs(a[k] - camera[k]) < CAMERA_EPSILON)) return state;
    return { ...state, camera };
  };

export const setEmphasis =
  (emphasis: Emphasis): Producer<AtlasState> =>
  (state) =>
    state.emphasis === emphasis ? state : { ...state, emphasis };

export const clearEmphasis = (): Producer<AtlasState> => (state) =>
  state.emphasis.type === "none" ? state : { ...state, emphasis: NO_EMPHASIS };

/** Ready-made views for the questions the atlas is built for. */
export const VIEW_PRESETS = {
  /** Analysts: who bridges the union world and the NGO world. */
  brokers: { label: "Union–NGO brokers", layout: "sectors", appearance: { colorBy: "category", sizeBy: "bridgeScore" } },
  /** Analysts: clusters and who is central in them. */
  communities: { label: "Communities", layout: "force", appearance: { colorBy: "community", sizeBy: "pagerank" } },
  /** The opening picture. */
  opening: { label: "Opening view", layout: "force", appearance: { colorBy: "category", sizeBy: "degree" } },
} as const satisfies Record<string, { label: string; layout: LayoutMode; appearance: AppearanceState }>;

export type ViewPreset = keyof typeof VIEW_PRESETS;

export const applyPreset =
  (preset: ViewPreset): Producer<AtlasState> =>
  (state) => {
    const p = VIEW_PRESETS[preset];
    const appearance =
      p.appearance.colorBy === state.appearance.colorBy && p.appearance.sizeBy === state.appearance.sizeBy
        ? state.appearance
        : { ...p.appearance };
    const next = {
      ...state,
      layout: p.layout,
      appearance,
      ...(preset === "opening" ? { filters: DEFAULT_FILTERS, collapsed: [], revealed: [], year: null } : {}),
    };
    return next.layout === state.layout && next.appearance === state.appearance && preset !== "opening" ? state : next;
  };
