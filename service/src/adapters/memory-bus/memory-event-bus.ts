import { type ChatEvent, eventKey } from '../../domain/events.js';
import { RecentKeys } from '../../domain/recent-keys.js';
import type { EventBus, EventHandler } from '../../ports/event-bus.port.js';

/**
 * The embedded bus: events go straight to this process's handlers, in publish order. A message
 * or reply published again is dropped, as the Kafka bus drops it.
 */
export class MemoryEventBus implements EventBus {
  readonly #handlers = new Set<EventHandler>();
  readonly #recent = new RecentKeys(20_000);
  readonly #onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void = () => undefined) {
    this.#onError = onError;
  }

  publish(event: ChatEvent): Promise<void> {
    const key = eventKey(event);
    if (key !== undefined && !this.#recent.add(key)) return Promise.resolve();
    for (const handler of this.#handlers) {
      try {
        handler(event);
      } catch (err) {
        this.#onError(err);
      }
    }
    return Promise.resolve();
  }

  subscribe(handler: EventHandler): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  ready(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    this.#handlers.clear();
    return Promise.resolve();
  }
}
