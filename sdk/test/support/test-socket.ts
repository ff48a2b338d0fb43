import WS from 'ws';
import type { WebSocketConstructor } from '../../src/index.js';
import type { WireFrame } from './fake-socket.js';

type Handler<E> = ((event: E) => void) | null;

/**
 * Real `ws` sockets the test can interfere with: close the gate (new sockets fail at once, as
 * if offline), cut the current socket, or swallow frames from the server.
 */
export interface SocketControl {
  /** When false, new sockets fail immediately with 1006. */
  open: boolean;
  /** The real sockets, in order. */
  readonly sockets: WS[];
  /** Frames the client wrote, decoded, across sockets. */
  readonly written: WireFrame[];
  /** Sees each frame from the server first; return false to swallow it. */
  onFrame: ((frame: WireFrame, socket: WS) => boolean) | undefined;
  /** Drops the current socket abruptly (no close frame), like a dead network. */
  cut(): void;
}

export function createTestWebSocket(): { WebSocket: WebSocketConstructor; control: SocketControl } {
  const control: SocketControl = {
    open: true,
    sockets: [],
    written: [],
    onFrame: undefined,
    cut() {
      control.sockets.at(-1)?.terminate();
    },
  };

  class TestWebSocket {
    readonly #ws: WS | undefined;
    onopen: Handler<unknown> = null;
    onmessage: Handler<{ data: unknown }> = null;
    onclose: Handler<{ code: number; reason: string }> = null;
    onerror: Handler<unknown> = null;

    constructor(url: string, protocols?: string | string[]) {
      if (!control.open) {
        setTimeout(() => this.onclose?.({ code: 1006, reason: 'offline (test gate)' }));
        return;
      }
      const ws = new WS(url, protocols);
      this.#ws = ws;
      control.sockets.push(ws);
      ws.onopen = (event) => this.onopen?.(event);
      ws.onerror = (event) => this.onerror?.(event);
      ws.onclose = (event) => this.onclose?.({ code: event.code, reason: event.reason });
      ws.onmessage = (event) => {
        const frame = JSON.parse(String(event.data)) as WireFrame;
        if (control.onFrame && !control.onFrame(frame, ws)) return;
        this.onmessage?.({ data: event.data });
      };
    }

    get readyState(): number {
      return this.#ws?.readyState ?? 3;
    }

    send(data: string): void {
      if (!this.#ws) throw new Error('not open');
      this.#ws.send(data);
      control.written.push(JSON.parse(data) as WireFrame);
    }

    close(code?: number, reason?: string): void {
      this.#ws?.close(code, reason);
    }
  }

  return { WebSocket: TestWebSocket, control };
}
