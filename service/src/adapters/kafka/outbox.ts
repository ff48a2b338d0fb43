const noop = (): void => undefined;

interface Entry<T> {
  value: T;
  /** Resolves the publisher's promise: true once sent, false when released unsent (idempotent). */
  settle: (sent: boolean) => void;
  /** Its place in the journal (see KafkaEventBus), `''` when it has none. */
  seq: string;
  /** Written to the journal (or being written). */
  journaled: boolean;
  /** Sent or dropped: no longer in the outbox. */
  done: boolean;
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
  /**
   * Entries with a seq not journaled yet, in push order (sent ones are trimmed from the head),
   * so journaling while Kafka is down costs what is new, not a scan of the whole outbox.
   */
  #unjournaled: Array<Entry<T>> = [];
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
      const entry: Entry<T> = { value, settle: wait ? resolve : noop, seq, journaled: false, done: false };
      this.#entries.push(entry);
      if (seq !== '') this.#unjournaled.push(entry);
      if (!wait) resolve(false);
      if (this.#entries.length > this.#max && this.#entries.length > this.#inFlight) {
        const dropped = this.#entries.splice(this.#inFlight, 1)[0];
        if (dropped) {
          dropped.done = true;
          dropped.settle(false);
        }
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
    for (const entry of done) {
      entry.done = true;
      entry.settle(true);
    }
    let trim = 0;
    while (trim < this.#unjournaled.length && this.#unjournaled[trim]?.done) trim += 1;
    if (trim > 0) this.#unjournaled.splice(0, trim);
    this.#inFlight = 0;
    this.#onDepth(this.#entries.length);
    return done.filter((e) => e.journaled).map((e) => e.seq);
  }

  /** Puts entries left in the journal by a previous process at the head (nothing is in flight yet). */
  prepend(items: ReadonlyArray<Sequenced<T>>): void {
    if (this.#inFlight > 0) throw new Error('cannot prepend while a batch is in flight');
    this.#entries.unshift(
      ...items.map((i) => ({ value: i.value, seq: i.seq, settle: noop, journaled: true, done: false })),
    );
    this.#onDepth(this.#entries.length);
  }

  /** The entries not journaled yet, marked as journaled now. */
  takeUnjournaled(): Array<Sequenced<T>> {
    const out: Array<Sequenced<T>> = [];
    for (const entry of this.#unjournaled) {
      if (entry.journaled || entry.done) continue;
      entry.journaled = true;
      out.push({ value: entry.value, seq: entry.seq });
    }
    this.#unjournaled = [];
    return out;
  }

  /** Writing these to the journal failed: they may be taken again (a rare path: one scan). */
  unjournal(seqs: ReadonlySet<string>): void {
    const again = this.#entries.filter((e) => seqs.has(e.seq));
    for (const entry of again) entry.journaled = false;
    this.#unjournaled = [...again, ...this.#unjournaled];
  }

  /** Lets every waiting publisher go on (the events stay queued): the bus is degraded. */
  release(): void {
    for (const entry of this.#entries) {
      entry.settle(false);
      entry.settle = noop;
    }
  }
}
