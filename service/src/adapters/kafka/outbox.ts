const noop = (): void => undefined;

interface Entry<T> {
  value: T;
  /** Resolves the publisher's promise (idempotent). */
  settle: () => void;
}

/**
 * The Kafka bus's outbox: events in publish order, sent from the head in batches. The batch in
 * flight stays at the head until Kafka acknowledges it, so a retry resends exactly the same
 * records (the idempotent producer then drops any it already wrote) and newer events wait behind
 * older ones. Bounded: past `max`, the oldest event not in flight is dropped (and counted).
 */
export class Outbox<T> {
  readonly #entries: Array<Entry<T>> = [];
  readonly #max: number;
  readonly #onDepth: (depth: number) => void;
  #inFlight = 0;
  dropped = 0;

  constructor(max: number, onDepth: (depth: number) => void = () => undefined) {
    this.#max = max;
    this.#onDepth = onDepth;
  }

  get depth(): number {
    return this.#entries.length;
  }

  /**
   * Queues an event. The promise resolves once it is sent, or earlier through {@link release};
   * at once when `wait` is false (the bus is known to be down: the publisher must not hang).
   */
  push(value: T, wait = true): Promise<void> {
    return new Promise((resolve) => {
      this.#entries.push({ value, settle: wait ? resolve : noop });
      if (!wait) resolve();
      if (this.#entries.length > this.#max && this.#entries.length > this.#inFlight) {
        this.#entries.splice(this.#inFlight, 1)[0]?.settle();
        this.dropped += 1;
      }
      this.#onDepth(this.#entries.length);
    });
  }

  /** The batch to send: the one already in flight, or up to `max` events from the head. */
  head(max: number): T[] {
    if (this.#inFlight === 0) this.#inFlight = Math.min(max, this.#entries.length);
    return this.#entries.slice(0, this.#inFlight).map((e) => e.value);
  }

  /** The batch in flight was acknowledged. */
  sent(): void {
    for (const entry of this.#entries.splice(0, this.#inFlight)) entry.settle();
    this.#inFlight = 0;
    this.#onDepth(this.#entries.length);
  }

  /** Lets every waiting publisher go on (the events stay queued): the bus is degraded. */
  release(): void {
    for (const entry of this.#entries) {
      entry.settle();
      entry.settle = noop;
    }
  }
}
