/** A tiny observable store: state changes are pure producers `(state) => state`, applied with `update`. */

export type Producer<S> = (state: S) => S;

export interface Store<S> {
  get(): S;
  update(producer: Producer<S>): void;
  subscribe(listener: (state: S) => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
  return {
    get: () => state,
    update(producer) {
      const next = producer(state);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
