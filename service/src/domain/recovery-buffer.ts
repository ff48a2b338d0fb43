import type { ChatEvent } from './events.js';
import { compareIds } from './snowflake.js';

/**
 * The heart of "no gap, no duplicate": a live subscription is registered before the store is
 * read, its events wait here while the replay is sent, and the flush drops every message the
 * replay already covered. Used by the WebSocket gateway and the gRPC event stream alike.
 */
export class RecoveryBuffer {
  readonly #max: number;
  #events: ChatEvent[] = [];
  #live = false;
  #overflow = false;
  /** The newest message id already handed to the client (the `since` to start with). */
  lastId: string;

  constructor(since: string | undefined, maxBuffered = 10_000) {
    this.lastId = since ?? '';
    this.#max = maxBuffered;
  }

  get live(): boolean {
    return this.#live;
  }

  /** True when more events arrived during the replay than could be held: treat as a gap. */
  get overflowed(): boolean {
    return this.#overflow;
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
    this.lastId = messageId;
  }

  /** Ends the replay: returns the held events still to send, in arrival order, and goes live. */
  flush(): ChatEvent[] {
    const out = this.#events.filter(
      (e) => !(e.kind === 'message' && this.lastId && compareIds(e.message.messageId, this.lastId) <= 0),
    );
    this.#events = [];
    this.#live = true;
    return out;
  }
}
