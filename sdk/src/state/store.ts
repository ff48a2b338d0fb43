import { reportLater } from '../emitter.js';

export interface SelectOptions<T> {
  /** When the selected value counts as unchanged (default `Object.is`). */
  equals?: (a: T, b: T) => boolean;
  /** Call the listener once right away with the current value. */
  immediate?: boolean;
}

/** A small immutable state container: replace the state, listeners see the new one. */
export interface Store<S> {
  get(): S;
  set(next: S | ((state: S) => S)): void;
  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: (state: S, previous: S) => void): () => void;
  /** Called when `selector(state)` changes (by `equals`); returns the unsubscribe. */
  select<T>(
    selector: (state: S) => T,
    listener: (value: T, previous: T) => void,
    options?: SelectOptions<T>,
  ): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
  const store: Store<S> = {
    get: () => state,
    set(next) {
      const previous = state;
      state = typeof next === 'function' ? (next as (s: S) => S)(state) : next;
      if (state === previous) return;
      for (const listener of [...listeners]) {
        try {
          listener(state, previous);
        } catch (err) {
          reportLater(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    select(selector, listener, { equals = Object.is, immediate = false } = {}) {
      let current = selector(state);
      if (immediate) listener(current, current);
      return store.subscribe((next) => {
        const value = selector(next);
        if (equals(value, current)) return;
        const previous = current;
        current = value;
        listener(value, previous);
      });
    },
  };
  return store;
}
