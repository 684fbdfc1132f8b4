/** Binds a framework-free store to React. */
import { useSyncExternalStore } from "react";

import type { Store } from "../state/store";

export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
