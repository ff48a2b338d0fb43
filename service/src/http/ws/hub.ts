import type { ChatEvent } from '../../domain/events.js';
import { withSpanSync } from '../../observability/tracing.js';
import type { EventBus } from '../../ports/event-bus.port.js';
import type { Metrics } from '../../ports/metrics.port.js';
import { CloseCode, type Connection } from './connection.js';
import { EventFrames } from './event-frames.js';

/** A socket's protocol handler, as the hub sees it. */
export interface Session {
  readonly conn: Connection;
  readonly userId: string;
  /** Receives an event for a channel the session joined in the hub; true when a frame was written. */
  deliver(frames: EventFrames): boolean;
  /** The session's user joined or left a channel (possibly on another socket or instance). */
  memberChanged(channelId: string, joined: boolean): void;
}

export interface HubStats {
  connections: number;
  sessions: number;
  channels: number;
  slowConsumersClosed: number;
}

/** This instance's sockets: who listens to which channel, fan-out of bus events, heartbeats. */
export class Hub {
  readonly #channels = new Map<string, Set<Session>>();
  readonly #users = new Map<string, Set<Session>>();
  readonly #connections = new Set<Connection>();
  readonly #unsubscribe: () => void;
  readonly #heartbeat: NodeJS.Timeout;
  #slowClosed = 0;

  readonly #metrics: Metrics;

  constructor(bus: EventBus, metrics: Metrics, options: { pingIntervalMs: number }) {
    this.#metrics = metrics;
    this.#unsubscribe = bus.subscribe((event) => this.dispatch(event));
    this.#heartbeat = setInterval(() => this.#beat(), options.pingIntervalMs);
    this.#heartbeat.unref();
  }

  track(conn: Connection): void {
    this.#connections.add(conn);
    conn.onSlow = () => {
      this.#slowClosed += 1;
    };
  }

  untrack(conn: Connection): void {
    this.#connections.delete(conn);
  }

  /** Registers an authenticated session under its user. */
  attach(session: Session): void {
    const set = this.#users.get(session.userId) ?? new Set<Session>();
    this.#users.set(session.userId, set);
    set.add(session);
  }

  detach(session: Session): void {
    const set = this.#users.get(session.userId);
    set?.delete(session);
    if (set?.size === 0) this.#users.delete(session.userId);
  }

  join(session: Session, channelId: string): void {
    const set = this.#channels.get(channelId) ?? new Set<Session>();
    this.#channels.set(channelId, set);
    set.add(session);
  }

  leave(session: Session, channelId: string): void {
    const set = this.#channels.get(channelId);
    set?.delete(session);
    if (set?.size === 0) this.#channels.delete(channelId);
  }

  dispatch(event: ChatEvent): void {
    // The user's own sockets follow their membership first (one who left is unsubscribed and
    // does not hear it); the channel's other subscribers then get a `member` frame.
    if (event.kind === 'member') {
      for (const session of this.#users.get(event.userId) ?? []) session.memberChanged(event.channelId, event.joined);
    }
    const listeners = this.#channels.get(event.channelId);
    if (!listeners) return;
    const frames = new EventFrames(event);
    const written = withSpanSync(
      'ws fan-out',
      { 'parley.event': event.kind, 'parley.listeners': listeners.size },
      (span) => {
        let n = 0;
        for (const session of listeners) if (session.deliver(frames)) n += 1;
        span.setAttribute('parley.frames_written', n);
        return n;
      },
    );
    if (written === 0) return;
    this.#metrics.framesOut(written);
    if (event.kind === 'message') this.#metrics.fanOut((Date.now() - event.message.createdAt.getTime()) / 1000);
  }

  stats(): HubStats {
    return {
      connections: this.#connections.size,
      sessions: [...this.#users.values()].reduce((n, s) => n + s.size, 0),
      channels: this.#channels.size,
      slowConsumersClosed: this.#slowClosed,
    };
  }

  close(): void {
    clearInterval(this.#heartbeat);
    this.#unsubscribe();
  }

  #beat(): void {
    for (const conn of this.#connections) {
      if (!conn.alive) {
        conn.close(CloseCode.HeartbeatMissed, 'heartbeat missed', 1000);
        continue;
      }
      conn.alive = false;
      if (conn.open) conn.socket.ping();
    }
  }
}
