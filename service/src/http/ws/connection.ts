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
  readonly #corked = new Set<Socket>();
  #scheduled = false;

  cork(socket: Socket): void {
    if (this.#corked.has(socket)) return;
    socket.cork();
    this.#corked.add(socket);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  #flush(): void {
    this.#scheduled = false;
    for (const socket of this.#corked) if (!socket.destroyed) socket.uncork();
    this.#corked.clear();
  }
}

const corker = new Corker();

export interface ConnectionLimits {
  /** Send buffer (bytes) past which the socket is closed with 4008. */
  maxBufferedBytes: number;
}

/** One WebSocket: writes with coalescing and backpressure, closes with a grace period. */
export class Connection {
  readonly id = randomUUID();
  readonly socket: WebSocket;
  readonly #limits: ConnectionLimits;
  readonly #raw: Socket | undefined;
  /** Set by any frame or pong; cleared by each heartbeat. */
  alive = true;
  #closing = false;
  onSlow: (() => void) | undefined;

  constructor(socket: WebSocket, limits: ConnectionLimits) {
    this.socket = socket;
    this.#limits = limits;
    this.#raw = (socket as unknown as { _socket?: Socket })._socket;
  }

  get open(): boolean {
    return !this.#closing && this.socket.readyState === this.socket.OPEN;
  }

  /** Writes one text frame; a socket whose buffer is over its limit is closed with 4008 instead. */
  send(data: Buffer | string): boolean {
    if (!this.open) return false;
    if (this.socket.bufferedAmount > this.#limits.maxBufferedBytes) {
      this.onSlow?.();
      this.close(CloseCode.SlowConsumer, 'too slow a consumer');
      return false;
    }
    if (this.#raw) corker.cork(this.#raw);
    this.socket.send(data, { binary: false });
    return true;
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
