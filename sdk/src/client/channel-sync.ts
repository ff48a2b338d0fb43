import { camelize } from '../camelize.js';
import type { ChatError, ChatMessage, Result, ServerFrameOf } from '../contract.js';
import { settle } from '../rest-client.js';
import { type ChannelState, emptyChannel, type LocalMessage, withChannel } from '../state/chat-state.js';
import {
  compareIds,
  countAfter,
  MessageStatus,
  maxId,
  mergeItems,
  mergeNewest,
  newestId,
  newestIds,
  oldestId,
} from '../state/message-list.js';
import type { ClientContext } from './client-context.js';

/**
 * Ids a resuming `subscribe` lists as held: the server replays a short window before `since`
 * (a message can arrive after a newer one) and skips these. Repeats beyond them merge by id.
 */
const HAVE_MAX = 200;
/** The server caps unread counts here; so does the client, to agree with it. */
const UNREAD_CAP = 1000;

const idOf = (m: LocalMessage) => m.messageId;
/** Reply counts only grow: a stale copy of a message never lowers one. */
const combine = (old: LocalMessage, next: LocalMessage) =>
  next.replyCount > old.replyCount ? { ...old, replyCount: next.replyCount } : old;
export const sent = (m: ChatMessage): LocalMessage => ({ ...m, status: MessageStatus.Sent });

interface Meta {
  watched: boolean;
  /** Where paging backwards continues (`''`: no page loaded yet, or none left). */
  cursor: string;
  /** Bumped when the list is reset, so an older page in flight is dropped. */
  generation: number;
  /** The server's unread count at the last `subscribed`, and the newest id that count covers. */
  base: number;
  anchor: string | undefined;
  unsentRead: boolean;
  typingAt: number;
  /** `unsubscribe` frames sent and not yet answered. */
  leaving: number;
}

/**
 * Watched channels as state: (re)subscribe with `since` on every `ready`, recovery and `gap`
 * reloads, history paging, typing, read state and unread counts.
 */
export class ChannelSync {
  readonly #ctx: ClientContext;
  readonly #typingThrottleMs: number;
  readonly #meta = new Map<string, Meta>();
  /** Channels whose `subscribe` awaits its answer, in the order sent (frames are answered in order). */
  #awaiting: string[] = [];

  constructor(ctx: ClientContext, typingThrottleMs: number) {
    this.#ctx = ctx;
    this.#typingThrottleMs = typingThrottleMs;
  }

  watch(id: string): void {
    const meta = this.#metaOf(id);
    if (meta.watched) return;
    meta.watched = true;
    this.#put(this.#channel(id));
    this.#subscribe(id);
  }

  unwatch(id: string): void {
    const meta = this.#metaOf(id);
    meta.watched = false;
    if (this.#ctx.conn.send({ type: 'unsubscribe', channelId: id })) meta.leaving += 1;
    this.#update(id, (c) => ({ ...c, live: false, typing: [] }));
  }

  /** After `ready`: unsent read positions first, then every watched channel resubscribes. */
  onReady(): void {
    this.#awaiting = [];
    for (const [id, meta] of this.#meta) {
      if (!meta.watched) continue;
      if (meta.unsentRead) this.#sendRead(id);
      this.#subscribe(id);
      if (this.#channel(id).members) void this.loadMembers(id);
    }
  }

  /** The connection left `connected`: nothing is live, nobody is known to be typing. */
  onOffline(): void {
    this.#awaiting = [];
    for (const meta of this.#meta.values()) meta.leaving = 0;
    for (const id of Object.keys(this.#ctx.store.get().channels)) {
      this.#update(id, (c) => (c.live || c.typing.length ? { ...c, live: false, typing: [] } : c));
    }
  }

  onSubscribed(frame: ServerFrameOf<'subscribed'>): void {
    const id = frame.channelId;
    this.#settleSubscribe(id);
    const meta = this.#metaOf(id);
    const newest = newestId(this.#channel(id).messages, idOf);
    meta.base = frame.unreadCount;
    // The server's count covers messages up to `unreadThrough`; later ones are counted here.
    meta.anchor = frame.unreadThrough || (frame.gap || !newest ? undefined : newest);
    this.#update(id, (c) => ({
      ...c,
      live: meta.watched,
      error: undefined,
      readMessageId: maxId(c.readMessageId, frame.readMessageId),
    }));
    if (frame.gap || !newest) void this.#loadNewest(id, newest);
  }

  /** The answer to `unwatch`, or the server ending a subscription (the user left the channel). */
  onUnsubscribed(id: string): void {
    const meta = this.#metaOf(id);
    if (meta.leaving > 0) {
      meta.leaving -= 1;
      return;
    }
    meta.watched = false;
    this.#update(id, (c) => ({ ...c, live: false, typing: [] }));
  }

  /** A refused `subscribe` (errors without a `client_msg_id` answer the oldest one pending). */
  onError(error: ChatError): string | undefined {
    const id = this.#awaiting.shift();
    if (id === undefined) return undefined;
    this.#metaOf(id).watched = false;
    this.#update(id, (c) => ({ ...c, live: false, loading: false, error }));
    return id;
  }

  /** A confirmed message (live, replayed or acked): placed by id, once; replaces its local copy. */
  onMessage(message: ChatMessage): void {
    const c = this.#channel(message.channelId);
    // Older than the loaded pages while more history exists (a recovery window can replay one):
    // paging back brings it, in place; inserting it now would hide the hole before it.
    const oldest = oldestId(c.messages, idOf);
    if (oldest && this.#metaOf(message.channelId).cursor && compareIds(message.messageId, oldest) < 0) return;
    const { items, added } = mergeItems(c.messages, [sent(message)], idOf, combine);
    const typing = c.typing.filter((u) => u !== message.userId);
    if (items !== c.messages || typing.length !== c.typing.length) this.#put({ ...c, messages: items, typing });
    if (added.length) this.#ctx.events.emit('message', message);
  }

  onTyping({ channelId, userId, typing }: ServerFrameOf<'typing'>): void {
    if (userId === this.#ctx.me()) return;
    this.#update(channelId, (c) => {
      const others = c.typing.filter((u) => u !== userId);
      return { ...c, typing: typing ? [...others, userId] : others };
    });
  }

  /** Keeps a loaded member list current: a leaver is dropped, a newcomer is fetched with the list. */
  onMember({ channelId, userId, joined }: ServerFrameOf<'member'>): void {
    const members = this.#channel(channelId).members;
    if (!members) return;
    if (joined) void this.loadMembers(channelId);
    else this.#update(channelId, (c) => ({ ...c, members: members.filter((m) => m.userId !== userId) }));
  }

  onRead({ channelId, userId, messageId }: ServerFrameOf<'read'>): void {
    if (userId !== this.#ctx.me()) {
      this.#update(channelId, (c) => ({
        ...c,
        reads: { ...c.reads, [userId]: maxId(c.reads[userId] ?? '', messageId) },
      }));
      return;
    }
    const c = this.#channel(channelId);
    if (compareIds(messageId, c.readMessageId) <= 0) return;
    this.#put({ ...c, readMessageId: messageId });
    this.#refreshIfNeeded(channelId);
  }

  bumpReplies(channelId: string, messageId: string): void {
    this.#update(channelId, (c) => ({
      ...c,
      messages: c.messages.map((m) => (m.messageId === messageId ? { ...m, replyCount: m.replyCount + 1 } : m)),
    }));
  }

  /** Moves the read position forward (default: to the newest message); never back. */
  markRead(id: string, messageId = newestId(this.#channel(id).messages, idOf)): void {
    const c = this.#channel(id);
    if (!messageId || compareIds(messageId, c.readMessageId) <= 0) return;
    this.#put({ ...c, readMessageId: messageId });
    this.#sendRead(id);
    this.#refreshIfNeeded(id);
  }

  /** Sends `typing` at most once per throttle interval (the server expires it). */
  typing(id: string): void {
    const meta = this.#metaOf(id);
    const now = Date.now();
    if (!this.#channel(id).live || now - meta.typingAt < this.#typingThrottleMs) return;
    if (this.#ctx.conn.send({ type: 'typing', channelId: id })) meta.typingAt = now;
  }

  /** The user sent: the server ended their typing, so the next keystroke announces it again. */
  resetTyping(id: string): void {
    this.#metaOf(id).typingAt = 0;
  }

  /** Loads the page before the oldest loaded message (the newest page first). */
  async loadOlder(id: string): Promise<ChatError | undefined> {
    const meta = this.#metaOf(id);
    const before = this.#channel(id);
    if (before.loading || !before.hasMore) return undefined;
    if (!meta.cursor) return this.#loadNewest(id, '');
    const generation = meta.generation;
    this.#update(id, (c) => ({ ...c, loading: true }));
    const page = await this.#page(id, meta.cursor);
    const c = this.#channel(id);
    if (generation !== meta.generation) return this.#put({ ...c, loading: false });
    if (page.error) return this.#fail(id, page.error);
    meta.cursor = page.data.cursor;
    const { items } = mergeItems(c.messages, page.data.items, idOf, combine);
    this.#put({ ...c, messages: items, hasMore: page.data.cursor !== '', loading: false, error: undefined });
    return undefined;
  }

  async loadMembers(id: string): Promise<ChatError | undefined> {
    const result = await settle(this.#ctx.rest.GET('/api/channel/{id}/members', { params: { path: { id } } }));
    if (result.error) return result.error;
    const members = camelize(result.data.data);
    this.#ctx.store.set((s) => {
      const presence = { ...s.presence };
      for (const m of members) presence[m.userId] = m.online;
      return withChannel({ ...s, presence }, id, (c) => ({ ...c, members }));
    });
    return undefined;
  }

  /** Loads the newest page: the first load, and after a `gap` past `since` (dropping what precedes the hole). */
  async #loadNewest(id: string, since: string): Promise<ChatError | undefined> {
    const meta = this.#metaOf(id);
    this.#update(id, (c) => ({ ...c, loading: true }));
    const page = await this.#page(id, '');
    if (page.error) return this.#fail(id, page.error);
    const c = this.#channel(id);
    const merged = mergeNewest(c.messages, page.data.items, page.data.cursor, since, idOf, combine);
    if (merged.reset) meta.generation += 1;
    if (merged.paged) meta.cursor = page.data.cursor;
    const hasMore = merged.paged ? page.data.cursor !== '' : c.hasMore;
    this.#put({ ...c, messages: merged.items, hasMore, loading: false, error: undefined });
    this.#refreshIfNeeded(id);
    return undefined;
  }

  async #page(id: string, cursor: string): Promise<Result<{ items: LocalMessage[]; cursor: string }>> {
    const query = { channel_id: id, limit: this.#ctx.pageSize, ...(cursor ? { cursor } : {}) };
    const result = await settle(this.#ctx.rest.GET('/api/message', { params: { query } }));
    if (result.error) return result;
    const { messages, next_cursor } = result.data.data;
    return { data: { items: camelize(messages).map(sent).reverse(), cursor: next_cursor } };
  }

  #fail(id: string, error: ChatError): ChatError {
    this.#update(id, (c) => ({ ...c, loading: false, error }));
    this.#ctx.events.emit('error', { ...error, channelId: id });
    return error;
  }

  #subscribe(id: string): void {
    const messages = this.#channel(id).messages;
    const since = newestId(messages, idOf);
    const resume = since ? { since, have: newestIds(messages, idOf, HAVE_MAX) } : {};
    if (this.#ctx.conn.send({ type: 'subscribe', channelId: id, ...resume })) this.#awaiting.push(id);
  }

  #settleSubscribe(id: string): void {
    const at = this.#awaiting.indexOf(id);
    if (at >= 0) this.#awaiting.splice(at, 1);
  }

  #sendRead(id: string): void {
    const messageId = this.#channel(id).readMessageId;
    this.#metaOf(id).unsentRead = !(messageId && this.#ctx.conn.send({ type: 'read', channelId: id, messageId }));
  }

  /**
   * When the loaded messages do not reach back to the read position, the client cannot count
   * unread messages itself: a fresh `subscribe` (since the newest) asks the server again.
   */
  #refreshIfNeeded(id: string): void {
    const c = this.#channel(id);
    if (!c.live || this.#covered(c)) return;
    this.#metaOf(id).anchor = undefined;
    this.#subscribe(id);
  }

  /** True when every message after the read position is loaded. */
  #covered(c: ChannelState): boolean {
    const oldest = oldestId(c.messages, idOf);
    return !c.hasMore || (c.readMessageId !== '' && oldest !== '' && compareIds(oldest, c.readMessageId) <= 0);
  }

  /** Unread messages: counted from the list when it covers them, else the server's count plus what came since. */
  #unread(c: ChannelState): number {
    const me = this.#ctx.me();
    if (this.#covered(c)) return countAfter(c.messages, c.readMessageId, idOf, me, UNREAD_CAP);
    const { base, anchor } = this.#metaOf(c.id);
    if (anchor === undefined) return base;
    return Math.min(UNREAD_CAP, base + countAfter(c.messages, anchor, idOf, me, UNREAD_CAP));
  }

  #channel(id: string): ChannelState {
    return this.#ctx.store.get().channels[id] ?? emptyChannel(id);
  }

  #metaOf(id: string): Meta {
    let meta = this.#meta.get(id);
    if (!meta) {
      meta = {
        watched: false,
        cursor: '',
        generation: 0,
        base: 0,
        anchor: undefined,
        unsentRead: false,
        typingAt: 0,
        leaving: 0,
      };
      this.#meta.set(id, meta);
    }
    return meta;
  }

  #update(id: string, update: (c: ChannelState) => ChannelState): void {
    this.#put(update(this.#channel(id)));
  }

  /** Stores a channel with its unread count brought up to date. */
  #put(channel: ChannelState): undefined {
    const unreadCount = this.#unread(channel);
    const next = unreadCount === channel.unreadCount ? channel : { ...channel, unreadCount };
    this.#ctx.store.set((s) => withChannel(s, next.id, () => next));
    return undefined;
  }
}
