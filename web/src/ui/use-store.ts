/** Binds the framework-free stores to React: re-renders when the selected slice changes. */
import { useSyncExternalStore } from "react";

import type { Session, SessionState } from "../bindings/session";
import type { Store } from "../state/store";

export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

const NO_SUBSCRIPTION = () => () => {};

/** A slice of the session's published state, or `fallback` while there is no session yet. */
export function useSessionState<T>(session: Session | null, select: (state: SessionState) => T, fallback: T): T {
  return useSyncExternalStore(session ? session.state.subscribe : NO_SUBSCRIPTION, () =>
    session ? select(session.state.get()) : fallback,
  );
}
