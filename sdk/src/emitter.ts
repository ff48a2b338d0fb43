/** A listener of one typed event. */
export type Listener<T> = (payload: T) => void;

/** Typed events: `on` returns its own unsubscribe. A throwing listener does not stop the others. */
export interface Emitter<Events extends object> {
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
}

export function createEmitter<Events extends object>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as Listener<typeof payload>)(payload);
        } catch (err) {
          reportLater(err);
        }
      }
    },
  };
}

/** Rethrows outside the caller's stack, so a broken UI listener is visible but harmless. */
export function reportLater(err: unknown): void {
  setTimeout(() => {
    throw err;
  });
}
