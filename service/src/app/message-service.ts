import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import type { Identity, Message, Page, Reply } from '../domain/entities.js';
import { LIMITS } from '../domain/entities.js';
import { ErrorCode, ParleyError } from '../domain/errors.js';
import type { ChatEvent } from '../domain/events.js';
import { RecoveryBuffer } from '../domain/recovery-buffer.js';
import { RecoveryWindow } from '../domain/recovery-window.js';
import type { SnowflakeGenerator } from '../domain/snowflake.js';
import { compareIds, isSnowflake } from '../domain/snowflake.js';
import type { EventBus } from '../ports/event-bus.port.js';
import type { MessageStore } from '../ports/message-store.port.js';
import type { Metrics, SendOutcome } from '../ports/metrics.port.js';
import type { ReadStateStore } from '../ports/read-state-store.port.js';
import type { Membership } from './membership.js';
import type { RealtimeService } from './realtime-service.js';

export interface MessageServiceDeps {
  messages: MessageStore;
  readState: ReadStateStore;
  membership: Membership;
  bus: EventBus;
  ids: SnowflakeGenerator;
  realtime: RealtimeService;
  metrics: Metrics;
  /** Always replay at least this much (ms) below `since`: the clock skew between instances. */
  recoveryWindowMs?: number;
  now?: () => Date;
}

export interface SendInput {
  channelId: string;
  content: string;
  clientMsgId?: string | undefined;
  /** The socket that sent it, carried on the event so the seed dialect can skip it. */
  origin?: string | undefined;
}

export interface ReplyInput {
  messageId: string;
  content: string;
  clientMsgId?: string | undefined;
  origin?: string | undefined;
}

/** Who a message is from: a signed-in user, or a bot/system author named by a host backend. */
export interface Author {
  userId: string;
  name: string;
}

export interface Sent<T> {
  value: T;
  /** False when the `client_msg_id` was seen before: `value` is the original (published again, see EventBus). */
  created: boolean;
}

export interface Recovery {
  messages: Message[];
  /** More than the cap was missed: the client must reload the newest page. */
  gap: boolean;
}

function page<T>(rows: T[], limit: number, key: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ after: key(last) }) : '' };
}

export class MessageService {
  readonly #deps: MessageServiceDeps;
  readonly #now: () => Date;
  readonly #window: RecoveryWindow;

  constructor(deps: MessageServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
    this.#window = new RecoveryWindow({ minWindowMs: deps.recoveryWindowMs ?? 0 });
    // Every message of every channel reaches this instance through the bus: measure how late.
    deps.bus.subscribe((event) => {
      if (event.kind === 'message') this.#window.observe(event.channelId, event.message.messageId);
    });
  }

  /** Persists first (idempotent on `client_msg_id`), then publishes. Members only. */
  async send(identity: Identity, input: SendInput): Promise<Sent<Message>> {
    return this.#counted('message', async () => {
      await this.#deps.membership.require(input.channelId, identity.userId);
      return this.#store({ userId: identity.userId, name: identity.name }, input);
    });
  }

  /**
   * A bot or system message from a host backend (gRPC `PostMessage`): no membership needed,
   * the channel must exist; idempotent on `client_msg_id` like every send.
   */
  async post(author: Author, input: SendInput): Promise<Sent<Message>> {
    return this.#counted('message', async () => {
      await this.#deps.membership.requireChannel(input.channelId);
      return this.#store(author, input);
    });
  }

  /** Records `parley_sends_total{kind, outcome}` for every send, whatever the delivery layer. */
  async #counted<T>(kind: 'message' | 'reply', fn: () => Promise<Sent<T>>): Promise<Sent<T>> {
    let outcome: SendOutcome = 'failed';
    try {
      const sent = await fn();
      outcome = sent.created ? 'stored' : 'duplicate';
      return sent;
    } catch (err) {
      if (err instanceof ParleyError && !err.retryable) outcome = 'rejected';
      throw err;
    } finally {
      this.#deps.metrics.send(kind, outcome);
    }
  }

  async #store(author: Author, input: SendInput): Promise<Sent<Message>> {
    const messageId = this.#deps.ids.next();
    const stored = await this.#deps.messages.insertMessage({
      messageId,
      channelId: input.channelId,
      userId: author.userId,
      username: author.name,
      content: input.content,
      createdAt: this.#now(),
      clientMsgId: input.clientMsgId ?? `srv-${messageId}`,
      replyCount: 0,
    });
    // A retried send publishes the original again: if the instance that stored it died before
    // publishing, this is its only delivery; instances that delivered it drop the repeat.
    await this.#deps.bus.publish({
      kind: 'message',
      channelId: input.channelId,
      message: stored.value,
      ...(input.origin ? { origin: input.origin } : {}),
      ...(stored.created ? {} : { repeat: true }),
    });
    if (stored.created) await this.#deps.realtime.stopTyping(input.channelId, author.userId);
    return { value: stored.value, created: stored.created };
  }

  reply(identity: Identity, input: ReplyInput): Promise<Sent<Reply>> {
    return this.#counted('reply', () => this.#reply(identity, input));
  }

  async #reply(identity: Identity, input: ReplyInput): Promise<Sent<Reply>> {
    const parent = await this.#deps.messages.getMessage(input.messageId);
    if (!parent) throw new ParleyError(ErrorCode.NotFound, 'message not found');
    await this.#deps.membership.require(parent.channelId, identity.userId);
    const replyId = this.#deps.ids.next();
    const stored = await this.#deps.messages.insertReply({
      replyId,
      messageId: parent.messageId,
      channelId: parent.channelId,
      userId: identity.userId,
      username: identity.name,
      content: input.content,
      createdAt: this.#now(),
      clientMsgId: input.clientMsgId ?? `srv-${replyId}`,
    });
    await this.#deps.bus.publish({
      kind: 'reply',
      channelId: parent.channelId,
      reply: stored.value,
      ...(input.origin ? { origin: input.origin } : {}),
      ...(stored.created ? {} : { repeat: true }),
    });
    return { value: stored.value, created: stored.created };
  }

  async history(
    identity: Identity,
    channelId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<Message>> {
    const before = decodeCursor(cursor, isSnowflake)?.after;
    await this.#deps.membership.require(channelId, identity.userId);
    const rows = await this.#deps.messages.history(channelId, before, limit + 1);
    return page(rows, limit, (m) => m.messageId);
  }

  /** History for a host backend (gRPC `ListMessages`): the channel must exist. */
  async channelHistory(channelId: string, cursor: string | undefined, limit: number): Promise<Page<Message>> {
    const before = decodeCursor(cursor, isSnowflake)?.after;
    await this.#deps.membership.requireChannel(channelId);
    const rows = await this.#deps.messages.history(channelId, before, limit + 1);
    return page(rows, limit, (m) => m.messageId);
  }

  /**
   * A channel's events from `since` on, for a host backend (gRPC `StreamChannelEvents`): listens
   * first, replays what the caller missed (see `recover`), then flushes what arrived meanwhile
   * without duplicates. `emit` receives every event of the channel in order; call `close` to stop.
   */
  async openFeed(
    channelId: string,
    since: string | undefined,
    have: readonly string[],
    emit: (event: ChatEvent) => void,
  ): Promise<{ recovered: number; gap: boolean; close: () => void }> {
    await this.#deps.membership.requireChannel(channelId);
    const buffer = new RecoveryBuffer(have);
    const close = this.#deps.bus.subscribe((event) => {
      if (event.channelId === channelId && !buffer.hold(event)) emit(event);
    });
    try {
      let recovered = 0;
      let gap = false;
      if (since) {
        const recovery = await this.recover(channelId, since, have);
        gap = recovery.gap;
        for (const message of recovery.messages) {
          emit({ kind: 'message', channelId, message });
          buffer.replayed(message.messageId);
          recovered += 1;
        }
      }
      for (const event of buffer.flush()) emit(event);
      return { recovered, gap: gap || buffer.overflowed, close };
    } catch (err) {
      close();
      throw err;
    }
  }

  async replies(
    identity: Identity,
    messageId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<Reply>> {
    const before = decodeCursor(cursor, isSnowflake)?.after;
    const parent = await this.#deps.messages.getMessage(messageId);
    if (!parent) throw new ParleyError(ErrorCode.NotFound, 'message not found');
    await this.#deps.membership.require(parent.channelId, identity.userId);
    const rows = await this.#deps.messages.replies(messageId, before, limit + 1);
    return page(rows, limit, (r) => r.replyId);
  }

  /**
   * What a client that has seen `since` may have missed, oldest first, capped; the caller must
   * already be a member. That is every message after `since`, and also the messages of a short
   * window before it (a message can reach clients after one with a newer id: RecoveryWindow)
   * except those the client lists in `have`. A client that lists nothing gets that window again
   * and drops the repeats by id.
   */
  async recover(
    channelId: string,
    since: string,
    have: Iterable<string> = [],
    cap: number = LIMITS.recoveryCap,
  ): Promise<Recovery> {
    const known = new Set(have);
    const floor = this.#window.floor(channelId, since);
    const limit = cap + known.size + 1;
    const rows = await this.#deps.messages.after(channelId, floor, limit);
    const missed = rows.filter((m) => !known.has(m.messageId));
    const gap = rows.length >= limit || missed.length > cap;
    this.#deps.metrics.recovery(gap ? 0 : missed.length, gap);
    return gap ? { messages: [], gap } : { messages: missed, gap };
  }

  async markRead(identity: Identity, channelId: string, messageId: string): Promise<string> {
    await this.#deps.membership.require(channelId, identity.userId);
    const position = await this.#deps.readState.markRead(identity.userId, channelId, messageId);
    if (compareIds(position, messageId) === 0) {
      await this.#deps.bus.publish({ kind: 'read', channelId, userId: identity.userId, messageId });
    }
    return position;
  }

  /**
   * The caller's read position and how many messages by others follow it (capped), counted up to
   * the channel's newest message at the time, which is returned as `unreadThrough` so a client
   * knows which later messages to add.
   */
  async readState(
    userId: string,
    channelId: string,
  ): Promise<{ readMessageId: string; unreadCount: number; unreadThrough: string }> {
    const readMessageId = (await this.#deps.readState.get(userId, channelId)) ?? '';
    const unreadThrough = (await this.#deps.messages.history(channelId, undefined, 1))[0]?.messageId ?? '';
    if (!unreadThrough) return { readMessageId, unreadCount: 0, unreadThrough };
    const unreadCount = await this.#deps.messages.countAfter(
      channelId,
      readMessageId || undefined,
      userId,
      LIMITS.unreadCap,
      unreadThrough,
    );
    return { readMessageId, unreadCount, unreadThrough };
  }
}
