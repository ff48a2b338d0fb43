import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from '../src/emitter.js';
import { createStore } from '../src/index.js';

describe('createStore', () => {
  it('notifies subscribers with the new and previous state, not for a no-op set', () => {
    const store = createStore({ n: 0 });
    const seen: Array<[number, number]> = [];
    store.subscribe((s, prev) => seen.push([s.n, prev.n]));
    store.set((s) => ({ n: s.n + 1 }));
    store.set((s) => s);
    store.set({ n: 5 });
    expect(seen).toEqual([
      [1, 0],
      [5, 1],
    ]);
  });

  it('select calls back only when the selected value changes', () => {
    const store = createStore({ a: 1, b: { x: 1 } });
    const listener = vi.fn();
    const stop = store.select((s) => s.b, listener);
    store.set((s) => ({ ...s, a: 2 }));
    expect(listener).not.toHaveBeenCalled();
    const b = { x: 2 };
    store.set((s) => ({ ...s, b }));
    expect(listener).toHaveBeenCalledWith(b, { x: 1 });
    stop();
    store.set((s) => ({ ...s, b: { x: 3 } }));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('select honours a custom equality and fires immediately when asked', () => {
    const store = createStore({ list: [1, 2] });
    const listener = vi.fn();
    store.select((s) => s.list.length, listener, { immediate: true, equals: (a, b) => a === b });
    expect(listener).toHaveBeenCalledWith(2, 2);
    store.set({ list: [3, 4] });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps notifying the others when a listener throws', () => {
    vi.useFakeTimers();
    try {
      const store = createStore(0);
      const good = vi.fn();
      store.subscribe(() => {
        throw new Error('ui bug');
      });
      store.subscribe(good);
      store.set(1);
      expect(good).toHaveBeenCalledWith(1, 0);
      expect(() => vi.runAllTimers()).toThrow('ui bug');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createEmitter', () => {
  it('delivers typed events until the listener unsubscribes', () => {
    const events = createEmitter<{ ping: number }>();
    const listener = vi.fn();
    const off = events.on('ping', listener);
    events.emit('ping', 1);
    off();
    events.emit('ping', 2);
    expect(listener.mock.calls).toEqual([[1]]);
  });
});
