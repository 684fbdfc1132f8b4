/** Keeps the address bar in step with the view (replaceState, debounced), so the URL is always a link to it. */
import type { AtlasState } from "../state/atlas";
import type { Store } from "../state/store";
import { toQueryString } from "../state/url";

export function bindUrl(store: Store<AtlasState>, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const query = toQueryString(store.get());
    if (query !== window.location.search)
      window.history.replaceState(null, "", `${window.location.pathname}${query}${window.location.hash}`);
  };
  const unsubscribe = store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
