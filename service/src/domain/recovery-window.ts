import { compareIds, snowflakeAt, snowflakeTime } from './snowflake.js';

export interface RecoveryWindowOptions {
  /** The smallest window below `since` that is always replayed (covers clock skew between instances). */
  minWindowMs: number;
  /** How long an observed delivery lag keeps widening its channel's window. */
  horizonMs?: number;
  /** Channels remembered at most (the oldest observation is forgotten first). */
  maxChannels?: number;
  now?: () => number;
}

interface ChannelOrder {
  /** The newest message id that arrived here. */
  newest: string;
  /** The largest delay (id time to arrival) of a message that arrived after a newer one. */
  lagMs: number;
  /** When `lagMs` was recorded. */
  at: number;
}

/**
 * How far below a client's `since` recovery must read.
 *
 * Ids are taken before the store write, so with several writers a message can reach clients
 * after one with a newer id: X gets its id, Y gets a newer one on another instance, Y is stored
 * and delivered first. A client that saw Y and then lost its instance resumes with `since` = Y;
 * reading only ids after Y would miss X for good.
 *
 * Every instance sees each channel's messages in the same order (one Kafka partition per
 * channel), so the instance the client resumes on saw X arrive after Y too, and X's delay (its
 * arrival here minus its id time) is at least the distance from X to Y. This class records, per
 * channel, the largest delay of a message that arrived after a newer one; recovery reads from
 * `since` minus that (never less than the configured minimum, which covers clock skew) and skips
 * what the client lists as held. Messages still in flight arrive live, through the subscription
 * opened before the read. A channel where nothing was ever overtaken keeps the minimum window.
 */
export class RecoveryWindow {
  readonly #minMs: number;
  readonly #horizonMs: number;
  readonly #maxChannels: number;
  readonly #now: () => number;
  readonly #channels = new Map<string, ChannelOrder>();

  constructor(options: RecoveryWindowOptions) {
    this.#minMs = options.minWindowMs;
    this.#horizonMs = options.horizonMs ?? 3_600_000;
    this.#maxChannels = options.maxChannels ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /** Records the arrival of a message event (bus delivery) on this instance. */
  observe(channelId: string, messageId: string): void {
    const known = this.#channels.get(channelId);
    if (!known) {
      this.#remember(channelId, { newest: messageId, lagMs: 0, at: 0 });
      return;
    }
    if (compareIds(messageId, known.newest) > 0) {
      known.newest = messageId;
      return;
    }
    const now = this.#now();
    const lag = now - snowflakeTime(messageId);
    if (lag > known.lagMs || now - known.at >= this.#horizonMs) {
      known.lagMs = lag;
      known.at = now;
    }
  }

  /** The window (ms) below `since` that recovery reads for this channel now. */
  windowMs(channelId: string): number {
    const known = this.#channels.get(channelId);
    if (!known || this.#now() - known.at >= this.#horizonMs) return this.#minMs;
    return Math.max(this.#minMs, known.lagMs);
  }

  /** The id recovery reads after: `windowMs` below the time of `since`. */
  floor(channelId: string, since: string): string {
    const windowMs = this.windowMs(channelId);
    return windowMs === 0 ? since : snowflakeAt(snowflakeTime(since) - windowMs);
  }

  #remember(channelId: string, order: ChannelOrder): void {
    this.#channels.set(channelId, order);
    if (this.#channels.size > this.#maxChannels) {
      const oldest = this.#channels.keys().next().value;
      if (oldest !== undefined) this.#channels.delete(oldest);
    }
  }
}
