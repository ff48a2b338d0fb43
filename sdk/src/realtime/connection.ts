import type { ClientFrame, ServerFrame } from '../contract.js';
import { createEmitter, type Listener } from '../emitter.js';
import { type TokenSource, UnauthorizedError } from '../token-source.js';
import { backoff } from './backoff.js';
import { CloseAction, closeAction, StateCode } from './codes.js';
import { decodeFrame, encodeFrame } from './frame-codec.js';

export const SUBPROTOCOL = 'parley.v1';

export const ConnectionState = {
  Disconnected: 'disconnected',
  Connecting: 'connecting',
  Connected: 'connected',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

/** The one event of the state machine: where it went, from where, and why. */
export interface StateEvent {
  state: ConnectionState;
  previous: ConnectionState;
  /** A WebSocket close code (1001, 4401, 4500, ...) or a `StateCode` (below 1000). */
  code: number;
  reason: string;
}

/** What the client needs of a WebSocket; the browser's and the `ws` package's both fit. */
export interface WebSocketBase {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketBase;

/** The handlers the client sets (typed loosely above so both implementations are accepted). */
interface Socket extends WebSocketBase {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: (() => void) | null;
}

export interface ConnectionOptions {
  url: string;
  tokens: TokenSource;
  /** Defaults to `globalThis.WebSocket`, read when connecting, never at import. */
  WebSocket?: WebSocketConstructor | undefined;
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Idle time after which the client pings the server. */
  pingIntervalMs?: number;
  /** Time a ping (or the `ready` after connecting) may take before the socket counts as dead. */
  timeoutMs?: number;
  /** For tests: the jitter source. */
  random?: () => number;
}

export interface ConnectionEvents {
  state: StateEvent;
  frame: ServerFrame;
}

/**
 * The `parley.v1` connection: three states, one transition function, one `state` event.
 * disconnected -> connecting (connect) -> connected (`ready`) -> connecting (socket lost,
 * reconnect with full-jitter backoff) ... -> disconnected (disconnect, a 4500-4999 close, or an
 * unauthorized token provider).
 */
export class Connection {
  readonly #options: ConnectionOptions;
  readonly #events = createEmitter<ConnectionEvents>();
  #state: ConnectionState = ConnectionState.Disconnected;
  #socket: Socket | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #epoch = 0;

  constructor(options: ConnectionOptions) {
    this.#options = options;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  on<K extends keyof ConnectionEvents>(event: K, listener: Listener<ConnectionEvents[K]>): () => void {
    return this.#events.on(event, listener);
  }

  connect(): void {
    if (this.#state !== ConnectionState.Disconnected) return;
    if (!(this.#options.WebSocket ?? globalThis.WebSocket)) {
      throw new TypeError('no WebSocket here: pass options.WebSocket (e.g. from the "ws" package)');
    }
    this.#transition(ConnectionState.Connecting, StateCode.ConnectCalled, 'connect called');
  }

  disconnect(): void {
    this.#transition(ConnectionState.Disconnected, StateCode.DisconnectCalled, 'disconnect called');
  }

  /** Writes a frame when connected; false otherwise (the caller keeps it for the next `ready`). */
  send(frame: ClientFrame): boolean {
    return this.#state === ConnectionState.Connected && this.#write(frame);
  }

  /** The transition function: every state change and its side effects happen here. */
  #transition(next: ConnectionState, code: number, reason: string): void {
    const previous = this.#state;
    this.#state = next;
    clearTimeout(this.#timer);
    if (next === ConnectionState.Connected) {
      this.#attempt = 0;
      this.#heartbeat();
    } else {
      this.#release();
      if (next === ConnectionState.Disconnected) this.#attempt = 0;
      else {
        const { minReconnectDelayMs = 500, maxReconnectDelayMs = 20_000, random } = this.#options;
        const delay =
          previous === ConnectionState.Disconnected
            ? 0
            : backoff(this.#attempt++, minReconnectDelayMs, maxReconnectDelayMs, random);
        this.#timer = setTimeout(() => void this.#open(), delay);
      }
    }
    if (next !== previous) this.#events.emit('state', { state: next, previous, code, reason });
  }

  async #open(): Promise<void> {
    const epoch = this.#epoch;
    let token: string;
    try {
      token = await this.#options.tokens.get();
    } catch (err) {
      if (epoch !== this.#epoch) return;
      if (err instanceof UnauthorizedError)
        this.#transition(ConnectionState.Disconnected, StateCode.Unauthorized, err.message);
      else this.#transition(ConnectionState.Connecting, StateCode.TokenError, String(err));
      return;
    }
    if (epoch !== this.#epoch) return;
    const Ctor = (this.#options.WebSocket ?? globalThis.WebSocket) as WebSocketConstructor;
    const socket = new Ctor(this.#options.url, SUBPROTOCOL) as Socket;
    this.#socket = socket;
    socket.onerror = () => undefined;
    socket.onopen = () => this.#write({ type: 'auth', token });
    socket.onmessage = (event) => this.#receive(event.data);
    socket.onclose = (event) => this.#lost(event.code, event.reason);
    this.#timer = setTimeout(() => this.#lost(StateCode.ConnectTimeout, 'no ready in time'), this.#timeoutMs());
  }

  #receive(data: unknown): void {
    const frame = decodeFrame(data);
    if (!frame) return;
    if (this.#state === ConnectionState.Connected) this.#heartbeat();
    this.#events.emit('frame', frame);
    if (frame.type === 'ready' && this.#state === ConnectionState.Connecting) {
      this.#transition(ConnectionState.Connected, StateCode.Ready, 'ready');
    }
  }

  /** The socket is gone (or presumed dead): the close code decides reconnect, refresh or stop. */
  #lost(code: number, reason: string): void {
    let action = closeAction(code);
    if (action === CloseAction.Refresh && !this.#options.tokens.invalidate()) action = CloseAction.Stop;
    const next = action === CloseAction.Stop ? ConnectionState.Disconnected : ConnectionState.Connecting;
    this.#transition(next, code, reason);
  }

  /** Re-armed by every frame: after `pingIntervalMs` of silence, ping; no answer in time, reconnect. */
  #heartbeat(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#write({ type: 'ping' });
      this.#timer = setTimeout(() => this.#lost(StateCode.NoPong, 'no pong in time'), this.#timeoutMs());
    }, this.#options.pingIntervalMs ?? 25_000);
  }

  #timeoutMs(): number {
    return this.#options.timeoutMs ?? 10_000;
  }

  #write(frame: ClientFrame): boolean {
    try {
      this.#socket?.send(encodeFrame(frame));
      return this.#socket !== undefined;
    } catch {
      return false;
    }
  }

  /** Detaches and closes the current socket; late events from it are ignored. */
  #release(): void {
    this.#epoch += 1;
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    socket.onopen = socket.onmessage = socket.onclose = null;
    try {
      socket.close(1000);
    } catch {
      // already closed
    }
  }
}
