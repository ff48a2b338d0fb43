const noop = (): void => undefined;

interface Entry<T> {
  value: T;
  /** Resolves the publisher's promise: true once sent, false when released unsent (idempotent). */
  settle: (sent: boolean) => void;
  /** Its place in the journal (see KafkaEventBus), `''` when it has none. */
  seq: string;
  /** Written to the journal (or being written). */
  journaled: boolean;
}

/** An entry with its journal sequence. */
export interface Sequenced<T> {
  value: T;
  seq: string;
}

/**
 * The Kafka bus's outbox: events in publish order, sent from the head in batches. The batch in
 * flight stays at the head until Kafka acknowledges it, so a retry resends exactly the same
 * records (the idempotent producer then drops any it already wrote) and newer events wait behind
 * older ones. Bounded: past `max`, the oldest event not in flight is dropped (and counted).
 * Entries can be marked as journaled (kept durably elsewhere while the bus is down); `sent`
 * names those that can be forgotten there.
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
   * Queues an event. The promise resolves with true once it is sent, or with false earlier
   * through {@link release}, or at once when `wait` is false (the bus is known to be down: the
   * publisher must not hang).
   */
  push(value: T, wait = true, seq = ''): Promise<boolean> {
    return new Promise((resolve) => {
      this.#entries.push({ value, settle: wait ? resolve : noop, seq, journaled: false });
      if (!wait) resolve(false);
      if (this.#entries.length > this.#max && this.#entries.length > this.#inFlight) {
        this.#entries.splice(this.#inFlight, 1)[0]?.settle(false);
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

  /** The batch in flight was acknowledged; returns the journal seqs of its journaled entries. */
  sent(): string[] {
    const done = this.#entries.splice(0, this.#inFlight);
    for (const entry of done) entry.settle(true);
    this.#inFlight = 0;
    this.#onDepth(this.#entries.length);
    return done.filter((e) => e.journaled).map((e) => e.seq);
  }

  /** Puts entries left in the journal by a previous process at the head (nothing is in flight yet). */
  prepend(items: ReadonlyArray<Sequenced<T>>): void {
    if (this.#inFlight > 0) throw new Error('cannot prepend while a batch is in flight');
    this.#entries.unshift(...items.map((i) => ({ value: i.value, seq: i.seq, settle: noop, journaled: true })));
    this.#onDepth(this.#entries.length);
  }

  /** The entries not journaled yet, marked as journaled now. */
  takeUnjournaled(): Array<Sequenced<T>> {
    const out: Array<Sequenced<T>> = [];
    for (const entry of this.#entries) {
      if (entry.journaled || entry.seq === '') continue;
      entry.journaled = true;
      out.push({ value: entry.value, seq: entry.seq });
    }
    return out;
  }

  /** Writing these to the journal failed: they may be taken again. */
  unjournal(seqs: ReadonlySet<string>): void {
    for (const entry of this.#entries) if (seqs.has(entry.seq)) entry.journaled = false;
  }

  /** Lets every waiting publisher go on (the events stay queued): the bus is degraded. */
  release(): void {
    for (const entry of this.#entries) {
      entry.settle(false);
      entry.settle = noop;
    }
  }
}
