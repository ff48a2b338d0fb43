import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

export const CloseCode = {
  GoingAway: 1001,
  TooLarge: 1009,
  SlowConsumer: 4008,
  HeartbeatMissed: 4009,
  TokenExpired: 4401,
  RateLimited: 4429,
  AuthFailed: 4500,
  AuthTimeout: 4501,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Coalesces writes: the first frame for a socket in a tick corks it, and one `setImmediate`
 * uncorks every corked socket, so the frames pending for a socket leave in one syscall.
 */
class Corker {
  readonly #corked = new Set<Connection>();
  #scheduled = false;

  add(conn: Connection): void {
    this.#corked.add(conn);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  #flush(): void {
    this.#scheduled = false;
    for (const conn of this.#corked) conn.uncork();
    this.#corked.clear();
  }
}

const corker = new Corker();

export interface ConnectionLimits {
  /** Send buffer (bytes) left over from earlier ticks past which the socket is closed with 4008. */
  maxBufferedBytes: number;
}

/** Within one tick a burst may queue this many times the limit before the socket counts as slow. */
const BURST_FACTOR = 4;

/** One WebSocket: writes with coalescing and backpressure, closes with a grace period. */
export class Connection {
  readonly id = randomUUID();
  readonly socket: WebSocket;
  readonly #limits: ConnectionLimits;
  readonly #raw: Socket | undefined;
  /** Set by any frame or pong; cleared by each heartbeat. */
  alive = true;
  #closing = false;
  #corked = false;
  onSlow: (() => void) | undefined;

  constructor(socket: WebSocket, limits: ConnectionLimits) {
    this.socket = socket;
    this.#limits = limits;
    this.#raw = (socket as unknown as { _socket?: Socket })._socket;
  }

  get open(): boolean {
    return !this.#closing && this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Writes one text frame. A socket is slow when what earlier ticks left unsent is over the limit
   * (or a single burst is far over it): it is closed with 4008 and never holds up its channel.
   */
  send(data: Buffer | string): boolean {
    if (!this.open) return false;
    const limit = this.#corked ? this.#limits.maxBufferedBytes * BURST_FACTOR : this.#limits.maxBufferedBytes;
    if (this.socket.bufferedAmount > limit) {
      this.onSlow?.();
      this.close(CloseCode.SlowConsumer, 'too slow a consumer');
      return false;
    }
    if (!this.#corked && this.#raw) {
      this.#raw.cork();
      this.#corked = true;
      corker.add(this);
    }
    this.socket.send(data, { binary: false });
    return true;
  }

  /** Ends this tick's coalescing: the frames queued since the first one leave together. */
  uncork(): void {
    if (!this.#corked) return;
    this.#corked = false;
    if (this.#raw && !this.#raw.destroyed) this.#raw.uncork();
  }

  sendJson(frame: unknown): boolean {
    return this.send(JSON.stringify(frame));
  }

  /** Sends a close frame; if the peer does not finish the handshake within `graceMs`, drops it. */
  close(code: CloseCode, reason: string, graceMs = 10_000): void {
    if (this.#closing) return;
    this.#closing = true;
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
      return;
    }
    setTimeout(() => this.socket.terminate(), graceMs).unref();
  }
}
