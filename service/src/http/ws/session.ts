import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../../app/services.js';
import type { Identity, User } from '../../domain/entities.js';
import { ErrorCode, isParleyError, ParleyError } from '../../domain/errors.js';
import type { Contract } from '../contract.js';
import type { SendLimits } from '../rate-limits.js';
import { CloseCode, type Connection } from './connection.js';
import type { EventFrames } from './event-frames.js';
import type { Hub, Session } from './hub.js';

export interface SessionContext {
  services: Services;
  hub: Hub;
  contract: Contract;
  limits: SendLimits;
  ip: string;
  authTimeoutMs: number;
  log: FastifyBaseLogger;
}

/** The longest delay a Node timer takes without overflowing. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Past this many rate-limited frames in a row, the socket is closed with 4429. */
const RATE_LIMIT_STRIKES = 50;

/**
 * What both dialects share: frames handled one at a time in arrival order (so frames sent
 * before auth completes wait for it), the auth deadline, token expiry and presence.
 */
export abstract class BaseSession implements Session {
  readonly conn: Connection;
  protected readonly ctx: SessionContext;
  protected identity: Identity | undefined;
  #queue: Promise<void> = Promise.resolve();
  #authTimer: NodeJS.Timeout | undefined;
  #expiryTimer: NodeJS.Timeout | undefined;
  #strikes = 0;
  #closed = false;

  constructor(conn: Connection, ctx: SessionContext) {
    this.conn = conn;
    this.ctx = ctx;
    this.#authTimer = setTimeout(() => {
      if (!this.identity) this.conn.close(CloseCode.AuthTimeout, 'no auth frame in time', 1000);
    }, ctx.authTimeoutMs);
    this.#authTimer.unref();
  }

  get userId(): string {
    return this.identity?.userId ?? '';
  }

  /** Queues a raw frame; frames are handled strictly in order. */
  receive(data: Buffer, isBinary: boolean): void {
    this.#queue = this.#queue
      .then(() => (this.#closed ? undefined : this.handle(data, isBinary)))
      .catch((err: unknown) => this.ctx.log.error({ err }, 'websocket frame handler failed'));
  }

  abstract deliver(frames: EventFrames): boolean;
  abstract memberChanged(channelId: string, joined: boolean): void;
  protected abstract handle(data: Buffer, isBinary: boolean): Promise<void>;

  /** Verifies the token and registers the session; undefined (and a 4500 close) when it fails. */
  protected async authenticate(token: string | undefined): Promise<{ user: User; channelIds: string[] } | undefined> {
    const { services } = this.ctx;
    let identity: Identity;
    let user: User;
    try {
      identity = services.auth.authenticate(token);
      user = await services.auth.user(identity.userId);
    } catch (err) {
      this.rejectAuth(isParleyError(err) ? err.message : 'authentication failed');
      this.conn.close(CloseCode.AuthFailed, 'authentication failed', 1000);
      return undefined;
    }
    const channelIds = (await services.channels.listMine(identity)).map((c) => c.id);
    if (this.#closed) return undefined;
    this.identity = identity;
    clearTimeout(this.#authTimer);
    this.#armExpiry(identity.expiresAt * 1000);
    this.ctx.hub.attach(this);
    await services.realtime.connect(identity.userId, this.conn.id, channelIds);
    return { user, channelIds };
  }

  /** Closes with 4401 when the token expires; re-arms in steps, as timers overflow past 2^31 ms. */
  #armExpiry(expiresAtMs: number): void {
    const msLeft = expiresAtMs - Date.now();
    const step = Math.min(Math.max(msLeft, 0), MAX_TIMER_MS);
    this.#expiryTimer = setTimeout(() => {
      if (msLeft > MAX_TIMER_MS) this.#armExpiry(expiresAtMs);
      else this.conn.close(CloseCode.TokenExpired, 'token expired');
    }, step);
    this.#expiryTimer.unref();
  }

  /** Tells the client why auth failed, in its dialect. */
  protected abstract rejectAuth(message: string): void;

  /** Enforces the send limits; repeated abuse closes the socket with 4429. */
  protected async checkSendLimit(): Promise<void> {
    try {
      await this.ctx.limits.check({ userId: this.userId, ip: this.ctx.ip });
      this.#strikes = 0;
    } catch (err) {
      this.#strikes += 1;
      if (this.#strikes > RATE_LIMIT_STRIKES) this.conn.close(CloseCode.RateLimited, 'rate limited');
      throw err;
    }
  }

  /** Converts an unknown failure to a ParleyError, logging what a client should not see. */
  protected toParleyError(err: unknown): ParleyError {
    if (isParleyError(err)) return err;
    this.ctx.log.error({ err }, 'websocket handler error');
    return new ParleyError(ErrorCode.Internal, 'internal error');
  }

  /** Called once when the socket closes. */
  async closed(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#authTimer);
    clearTimeout(this.#expiryTimer);
    this.leaveAll();
    const identity = this.identity;
    if (!identity) return;
    this.ctx.hub.detach(this);
    const { services } = this.ctx;
    try {
      const channelIds = (await services.channels.listMine(identity)).map((c) => c.id);
      await services.realtime.disconnect(identity.userId, this.conn.id, channelIds);
    } catch (err) {
      this.ctx.log.warn({ err }, 'presence cleanup failed');
    }
  }

  /** Removes the session from every channel in the hub. */
  protected abstract leaveAll(): void;
}

/** Parses a text frame as JSON; undefined when it is not JSON. */
export function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    return undefined;
  }
}
