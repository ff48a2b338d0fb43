import type { EventBus } from '../ports/event-bus.port.js';
import type { Metrics } from '../ports/metrics.port.js';
import { SpanKind, tracingActive, withSpan } from './tracing.js';

/**
 * Wraps a store so every async method records its latency and outcome as
 * `parley_store_duration_seconds{operation="<prefix>.<method>"}` (and a span when tracing is on).
 * Each method's wrapper is made once, on first use, not on every call.
 */
export function instrumentStore<T extends object>(store: T, prefix: string, metrics: Metrics): T {
  const wrappers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const wrap = (method: (...args: unknown[]) => unknown, target: T, operation: string) => {
    const timed = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        const result = await method.apply(target, args);
        metrics.store(operation, (performance.now() - start) / 1000, true);
        return result;
      } catch (err) {
        metrics.store(operation, (performance.now() - start) / 1000, false);
        throw err;
      }
    };
    const name = `store ${operation}`;
    const attributes = { 'db.operation.name': operation };
    return (...args: unknown[]) =>
      tracingActive() ? withSpan(name, attributes, () => timed(...args)) : timed(...args);
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      let wrapper = wrappers.get(prop);
      if (!wrapper) {
        wrapper = wrap(value as (...args: unknown[]) => unknown, target, `${prefix}.${prop}`);
        wrappers.set(prop, wrapper);
      }
      return wrapper;
    },
  });
}

/** Wraps a bus so publishes record `parley_bus_publish_duration_seconds`. */
export function instrumentBus(bus: EventBus, metrics: Metrics): EventBus {
  return {
    publish(event) {
      const attributes = { 'parley.event': event.kind, 'parley.channel_id': event.channelId };
      return withSpan(
        'bus publish',
        attributes,
        async () => {
          const start = performance.now();
          try {
            await bus.publish(event);
            metrics.busPublish((performance.now() - start) / 1000, true);
          } catch (err) {
            metrics.busPublish((performance.now() - start) / 1000, false);
            throw err;
          }
        },
        SpanKind.PRODUCER,
      );
    },
    subscribe: (handler) => bus.subscribe(handler),
    ready: () => bus.ready(),
    close: () => bus.close(),
  };
}
