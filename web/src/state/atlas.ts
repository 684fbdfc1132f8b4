/** The explorer's view state and its producers (pure, tested without a DOM). */
import type { Producer } from "./store";

export interface AtlasState {
  /** The node whose details are open, highlighted with its neighbours. */
  selectedId: string | null;
  /** The node under the pointer, highlighted with its neighbours while hovered. */
  hoveredId: string | null;
}

export function getEmptyAtlasState(): AtlasState {
  return { selectedId: null, hoveredId: null };
}

export const selectNode =
  (id: string | null): Producer<AtlasState> =>
  (state) =>
    state.selectedId === id ? state : { ...state, selectedId: id };

export const hoverNode =
  (id: string | null): Producer<AtlasState> =>
  (state) =>
    state.hoveredId === id ? state : { ...state, hoveredId: id };
