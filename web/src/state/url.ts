/**
 * The view in the URL: story step, selection, filters, appearance, collapsed networks, expanded
 * neighbourhoods, year, layout, coalition shapes and camera, as short query parameters. Only what differs from the
 * opening view is written, and anything unknown in a link is ignored rather than trusted.
 */
import { isOneOf } from "../graph/vocabulary";
import {
  type AtlasState,
  COLOR_MODES,
  DEFAULT_APPEARANCE,
  getEmptyAtlasState,
  LAYOUT_MODES,
  SHAPE_MODES,
  SIZE_MODES,
  type CameraState,
} from "./atlas";
import { DEFAULT_FILTERS, FILTER_FACET_KEYS, FILTER_FACETS, type FilterFacet, type FiltersState, normaliseFacet } from "./filters";

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const MAX_IDS = 200;

const ids = (value: string | null) => (value ? [...new Set(value.split(","))].filter((id) => ID.test(id)).slice(0, MAX_IDS) : []);

const sameList = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));

function encodeFacet(values: readonly string[] | null): string {
  if (values === null) return "all";
  return values.length ? values.join(",") : "none";
}

function decodeFacet(facet: FilterFacet, value: string): FiltersState[FilterFacet] {
  if (value === "all") return null;
  if (value === "none") return [] as never;
  const allowed: readonly string[] = FILTER_FACETS[facet].values;
  return normaliseFacet(
    facet,
    value.split(",").filter((v) => allowed.includes(v)),
  );
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function encodeState(state: AtlasState): URLSearchParams {
  const params = new URLSearchParams();
  // A story step is the whole link: opening it sets the step's own view, so the rest would only be
  // overwritten (a draft's preview has no link).
  if (state.story && !state.story.draft) {
    params.set("story", state.story.id);
    params.set("step", String(state.story.step + 1));
    return params;
  }
  if (state.selectedId) params.set("sel", state.selectedId);
  for (const facet of FILTER_FACET_KEYS) {
    if (!sameList(state.filters[facet], DEFAULT_FILTERS[facet])) params.set(FILTER_FACETS[facet].param, encodeFacet(state.filters[facet]));
  }
  if (state.appearance.colorBy !== DEFAULT_APPEARANCE.colorBy) params.set("color", state.appearance.colorBy);
  if (state.appearance.sizeBy !== DEFAULT_APPEARANCE.sizeBy) params.set("size", state.appearance.sizeBy);
  if (state.collapsed.length) params.set("collapsed", state.collapsed.join(","));
  if (state.revealed.length) params.set("expanded", state.revealed.join(","));
  if (state.year !== null) params.set("year", String(state.year));
  if (state.datedOnly) params.set("dated", "only");
  if (state.layout !== "force") params.set("layout", state.layout);
  if (state.shapes !== "none") params.set("shapes", state.shapes);
  if (state.camera) {
    const { x, y, ratio, angle } = state.camera;
    params.set("cam", [round(x, 4), round(y, 4), round(ratio, 4), ...(angle ? [round(angle, 3)] : [])].join(","));
  }
  return params;
}

function decodeCamera(value: string | null): CameraState | null {
  if (!value) return null;
  const parts = value.split(",").map(Number);
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => !Number.isFinite(p))) return null;
  const [x, y, ratio, angle = 0] = parts;
  if (ratio <= 0 || ratio > 100 || Math.abs(x) > 1e3 || Math.abs(y) > 1e3) return null;
  return { x, y, ratio, angle };
}

/** Reads a view from query parameters; what is missing or invalid keeps its opening value. */
export function decodeState(params: URLSearchParams): AtlasState {
  const state = getEmptyAtlasState();
  const sel = params.get("sel");
  if (sel && ID.test(sel)) state.selectedId = sel;
  const filters: FiltersState = { ...DEFAULT_FILTERS };
  for (const facet of FILTER_FACET_KEYS) {
    const value = params.get(FILTER_FACETS[facet].param);
    if (value !== null) (filters as Record<FilterFacet, unknown>)[facet] = decodeFacet(facet, value);
  }
  state.filters = filters;
  const color = params.get("color");
  const size = params.get("size");
  state.appearance = {
    colorBy: isOneOf(COLOR_MODES, color) ? color : DEFAULT_APPEARANCE.colorBy,
    sizeBy: isOneOf(SIZE_MODES, size) ? size : DEFAULT_APPEARANCE.sizeBy,
  };
  state.collapsed = ids(params.get("collapsed")).sort();
  state.revealed = ids(params.get("expanded"));
  const year = Number(params.get("year"));
  if (params.has("year") && Number.isInteger(year) && year >= 1000 && year <= 3000) state.year = year;
  state.datedOnly = params.get("dated") === "only";
  const layout = params.get("layout");
  if (isOneOf(LAYOUT_MODES, layout)) state.layout = layout;
  const shapes = params.get("shapes");
  if (isOneOf(SHAPE_MODES, shapes)) state.shapes = shapes;
  state.camera = decodeCamera(params.get("cam"));
  const story = params.get("story");
  if (story && ID.test(story)) {
    const step = Number(params.get("step") ?? "1");
    state.story = { id: story, step: Number.isInteger(step) && step >= 1 && step <= 1000 ? step - 1 : 0, draft: false };
  }
  return state;
}

/** The query string for a state ("" for the opening view), for links and history entries. */
export function toQueryString(state: AtlasState): string {
  const text = encodeState(state).toString();
  return text ? `?${text.replace(/%2C/g, ",")}` : "";
}
