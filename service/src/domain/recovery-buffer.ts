import type { ChatEvent } from './events.js';

/**
 * The heart of "no gap, no duplicate": a live subscription is registered before the store is
 * read, its events wait here while the replay is sent, and the flush drops exactly the messages
 * the client already has: the ids it listed (`have`) and the ids the replay sent. Nothing is
 * dropped by comparing ids, because across writers a message can be delivered after one with a
 * newer id (see RecoveryWindow). Used by the WebSocket gateway and the gRPC event stream alike.
 */
export class RecoveryBuffer {
  readonly #max: number;
  readonly #known: Set<string>;
  #events: ChatEvent[] = [];
  #live = false;
  #overflow = false;

  constructor(have: Iterable<string> = [], maxBuffered = 10_000) {
    this.#known = new Set(have);
    this.#max = maxBuffered;
  }

  get live(): boolean {
    return this.#live;
  }

  /** True when more events arrived during the replay than could be held: treat as a gap. */
  get overflowed(): boolean {
    return this.#overflow;
  }

  /** True when the client already has this message (listed in `have`, or replayed). */
  has(messageId: string): boolean {
    return this.#known.has(messageId);
  }

  /** Holds an event that arrived before the replay finished; false when already live. */
  hold(event: ChatEvent): boolean {
    if (this.#live) return false;
    if (this.#events.length < this.#max) this.#events.push(event);
    else this.#overflow = true;
    return true;
  }

  /** Records a replayed message. */
  replayed(messageId: string): void {
    this.#known.add(messageId);
  }

  /** Ends the replay: returns the held events still to send, in arrival order, and goes live. */
  flush(): ChatEvent[] {
    const out = this.#events.filter((e) => !(e.kind === 'message' && this.#known.has(e.message.messageId)));
    this.#events = [];
    this.#known.clear();
    this.#live = true;
    return out;
  }
}
