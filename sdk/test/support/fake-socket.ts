import type { WebSocketConstructor } from '../../src/index.js';

/** A wire frame as JSON (snake_case), as the server sees it. */
export type WireFrame = { type: string } & Record<string, unknown>;

/**
 * One fake WebSocket, driven from the test (the server side): `accept`, `push`, `drop`.
 * Deliveries to the client are asynchronous (a microtask), like a real socket's.
 */
export class FakeSocket {
  readonly url: string;
  readonly protocols: string | string[] | undefined;
  readyState = 0;
  /** Frames the client wrote, decoded. */
  readonly frames: WireFrame[] = [];
  /** How the client closed it, if it did. */
  closedByClient: { code: number | undefined } | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  /** Called for every frame the client writes. */
  onframe: ((frame: WireFrame) => void) | undefined;

  constructor(url: string, protocols?: string | string[]) {
    this.url = url;
    this.protocols = protocols;
  }

  get protocol(): string {
    return 'parley.v1';
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    const frame = JSON.parse(data) as WireFrame;
    this.frames.push(frame);
    this.onframe?.(frame);
  }

  close(code?: number): void {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    this.closedByClient = { code };
  }

  /** Completes the handshake. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  /** Sends a frame (wire shape) to the client, asynchronously. */
  push(frame: WireFrame): void {
    const data = JSON.stringify(frame);
    queueMicrotask(() => {
      if (this.readyState === 1) this.onmessage?.({ data });
    });
  }

  /** The server closes (or the network drops) the socket. */
  drop(code = 1006, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.({ code, reason }));
  }

  /** The frames of one type the client wrote. */
  sent(type: string): WireFrame[] {
    return this.frames.filter((f) => f.type === type);
  }
}

/** A WebSocket constructor whose sockets the test drives; `created` lists them in order. */
export function createFakeWebSocket(onCreate?: (socket: FakeSocket) => void) {
  const created: FakeSocket[] = [];
  const WebSocket = class extends FakeSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      created.push(this);
      onCreate?.(this);
    }
  } satisfies WebSocketConstructor;
  return {
    WebSocket,
    created,
    last(): FakeSocket {
      const socket = created.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}
