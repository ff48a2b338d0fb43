import WebSocket from 'ws';
import { compareIds } from '../../src/domain/snowflake.js';
import { waitFor } from '../support/test-app.js';

type Frame = Record<string, unknown> & { type?: string };

/**
 * A `parley.v1` client that sends numbered messages (`client_msg_id` = `<name>-<n>`) into one
 * channel and records everything: acks, received message ids in arrival order, errors. It can
 * reconnect elsewhere with `since` and resend what was never acked (same `client_msg_id`s).
 */
export class LoadClient {
  readonly name: string;
  readonly token: string;
  readonly channelId: string;
  /** Message ids of `message` frames for the channel, in arrival order, over every connection. */
  readonly received: string[] = [];
  /** client_msg_id -> message id, from `ack` frames. */
  readonly acked = new Map<string, string>();
  /** client_msg_ids sent and not acked yet, in send order. */
  readonly pending = new Set<string>();
  readonly errors: Frame[] = [];
  /** Every frame, over every connection. */
  readonly frames: Frame[] = [];
  /** The `subscribed` frame of each connection. */
  readonly subscribed: Frame[] = [];
  /** The newest message id the client had when its latest subscription went live (replay done). */
  liveFrom: string | undefined;
  #ws: WebSocket | undefined;
  #seq = 0;
  #open = false;

  constructor(name: string, token: string, channelId: string) {
    this.name = name;
    this.token = token;
    this.channelId = channelId;
  }

  get connected(): boolean {
    return this.#open;
  }

  /**
   * Opens, authenticates, subscribes (with `since` and `have` when given) and waits for
   * `subscribed`.
   */
  async connect(wsUrl: string, since?: string, have?: string[]): Promise<void> {
    const ws = new WebSocket(wsUrl, 'parley.v1');
    this.#ws = ws;
    const frames: Frame[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      frames.push(frame);
      this.frames.push(frame);
      this.#record(frame);
    });
    ws.on('close', () => {
      if (this.#ws === ws) this.#open = false;
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ type: 'auth', token: this.token }));
    await waitFor(() => frames.some((f) => f.type === 'ready'), 10_000, `${this.name} ready`);
    ws.send(
      JSON.stringify({
        type: 'subscribe',
        channel_id: this.channelId,
        ...(since ? { since } : {}),
        ...(have ? { have } : {}),
      }),
    );
    const sub = await waitFor(() => frames.find((f) => f.type === 'subscribed'), 20_000, `${this.name} subscribed`);
    this.subscribed.push(sub);
    this.liveFrom = this.newest();
    this.#open = true;
  }

  #record(frame: Frame): void {
    if (frame.type === 'message') {
      const message = frame.message as { message_id: string; channel_id: string };
      if (message.channel_id === this.channelId) this.received.push(message.message_id);
    } else if (frame.type === 'ack') {
      const id = frame.client_msg_id as string;
      this.acked.set(id, (frame.message as { message_id: string }).message_id);
      this.pending.delete(id);
    } else if (frame.type === 'error') {
      this.errors.push(frame);
    }
  }

  /** Sends the next numbered message (kept pending until acked); false when not connected. */
  send(): boolean {
    const id = `${this.name}-${++this.#seq}`;
    this.pending.add(id);
    return this.#write(id);
  }

  /** Sends any frame on the current connection. */
  raw(frame: Frame): void {
    this.#ws?.send(JSON.stringify(frame));
  }

  /** Sends every unacked message again, with its original client_msg_id. */
  resendPending(): void {
    for (const id of this.pending) this.#write(id);
  }

  #write(clientMsgId: string): boolean {
    if (!this.#open || !this.#ws) return false;
    this.#ws.send(
      JSON.stringify({ type: 'send', channel_id: this.channelId, content: clientMsgId, client_msg_id: clientMsgId }),
    );
    return true;
  }

  /** The ids of the newest `n` messages seen, what a resuming client lists in `have`. */
  held(n = 1000): string[] {
    return [...new Set(this.received)].sort(compareIds).slice(-n);
  }

  /** The newest message id seen (what a client passes as `since`). */
  newest(): string | undefined {
    return this.received.reduce<string | undefined>(
      (a, b) => (a === undefined || compareIds(b, a) > 0 ? b : a),
      undefined,
    );
  }

  close(): void {
    this.#open = false;
    this.#ws?.close();
  }

  /** Simulates losing the connection without a close handshake (the server it was on died). */
  drop(): void {
    this.#open = false;
    this.#ws?.terminate();
  }
}

/** Sends from every client every `intervalMs` until stopped; returns the stop function. */
export function startLoad(clients: LoadClient[], intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const c of clients) if (c.connected) c.send();
  }, intervalMs);
  return () => clearInterval(timer);
}

/** Ids that occur more than once. */
export function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    if (seen.has(id)) return true;
    seen.add(id);
    return false;
  });
}
