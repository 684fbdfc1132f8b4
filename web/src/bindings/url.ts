/**
 * Keeps the address bar and the browser history in step with the view, so the URL is always a link
 * to it and Back/Forward walk through what a person did. A meaningful step — selecting a node, a
 * story step, showing a path or an ally — is a new history entry; anything else (camera moves,
 * slider drags, filters) rewrites the current one. Writes are debounced, so a burst is one entry.
 */
import type { AtlasState } from "../state/atlas";
import type { Store } from "../state/store";
import { toQueryString } from "../state/url";

/** What a history entry holds: the whole view, so Back restores what the URL cannot say (a path's highlight). */
interface Entry {
  atlas: Omit<AtlasState, "hoveredId">;
}

/** The parts of the view whose change is a step a person would want Back to undo. */
export function stepKey(state: AtlasState): string {
  const story = state.story && !state.story.draft ? `${state.story.id}#${state.story.step}` : "";
  const emphasis =
    state.emphasis.type === "path" || state.emphasis.type === "ally" ? `${state.emphasis.type}:${state.emphasis.nodes.join(",")}` : "";
  return [state.selectedId ?? "", story, emphasis].join("|");
}

function entryOf(state: AtlasState): Entry {
  const { hoveredId: _hovered, ...atlas } = state;
  return { atlas };
}

function isEntry(value: unknown): value is Entry {
  return typeof value === "object" && value !== null && typeof (value as Entry).atlas === "object";
}

export function bindUrl(store: Store<AtlasState>, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = stepKey(store.get());
  const urlOf = (state: AtlasState) => `${window.location.pathname}${toQueryString(state)}${window.location.hash}`;
  window.history.replaceState(entryOf(store.get()), "", urlOf(store.get()));

  const write = () => {
    const state = store.get();
    const key = stepKey(state);
    if (key !== written) window.history.pushState(entryOf(state), "", urlOf(state));
    else window.history.replaceState(entryOf(state), "", urlOf(state));
    written = key;
  };
  const unsubscribe = store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });

  const restore = (event: PopStateEvent) => {
    if (!isEntry(event.state)) return;
    clearTimeout(timer);
    const atlas = event.state.atlas;
    written = stepKey({ ...atlas, hoveredId: null });
    store.update(() => ({ ...atlas, hoveredId: null }));
  };
  window.addEventListener("popstate", restore);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener("popstate", restore);
  };
}
