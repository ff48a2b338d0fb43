import type { ChatEvent } from '../../domain/events.js';
import type { EventBus, EventHandler } from '../../ports/event-bus.port.js';

/** The embedded bus: events go straight to this process's handlers, in publish order. */
export class MemoryEventBus implements EventBus {
  readonly #handlers = new Set<EventHandler>();
  readonly #onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void = () => undefined) {
    this.#onError = onError;
  }

  publish(event: ChatEvent): Promise<void> {
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
