import { camelize } from '../camelize.js';
import type { ChatError, ChatReply, Result } from '../contract.js';
import { settle } from '../rest-client.js';
import { emptyThread, type LocalReply, type ThreadState, withThread } from '../state/chat-state.js';
import { MessageStatus, mergeItems, mergeNewest, newestId } from '../state/message-list.js';
import type { ChannelSync } from './channel-sync.js';
import type { ClientContext } from './client-context.js';

const idOf = (r: LocalReply) => r.replyId;
const sent = (r: ChatReply): LocalReply => ({ ...r, status: MessageStatus.Sent });

interface Meta {
  cursor: string;
  generation: number;
}

/**
 * Open threads (the replies of a message) with their own paging. Replies are not replayed by
 * the server, so open threads reload their newest page after every reconnect.
 */
export class ThreadSync {
  readonly #ctx: ClientContext;
  readonly #channels: ChannelSync;
  readonly #meta = new Map<string, Meta>();

  constructor(ctx: ClientContext, channels: ChannelSync) {
    this.#ctx = ctx;
    this.#channels = channels;
  }

  open(messageId: string): Promise<ChatError | undefined> {
    this.#metaOf(messageId);
    return this.#loadNewest(messageId, '');
  }

  close(messageId: string): void {
    this.#meta.delete(messageId);
    this.#ctx.store.set((s) => {
      const { [messageId]: _closed, ...threads } = s.threads;
      return { ...s, threads };
    });
  }

  onReady(reconnected: boolean): void {
    if (!reconnected) return;
    const { threads } = this.#ctx.store.get();
    for (const messageId of this.#meta.keys()) {
      void this.#loadNewest(messageId, newestId(threads[messageId]?.replies ?? [], idOf));
    }
  }

  /** A confirmed reply; a broadcast one (sent once per socket) also bumps its parent's count. */
  onReply(reply: ChatReply, broadcast: boolean): void {
    const thread = this.#ctx.store.get().threads[reply.messageId];
    if (thread) {
      const { items } = mergeItems(thread.replies, [sent(reply)], idOf);
      if (items !== thread.replies) this.#put({ ...thread, replies: items });
    }
    if (!broadcast) return;
    this.#channels.bumpReplies(reply.channelId, reply.messageId);
    this.#ctx.events.emit('reply', reply);
  }

  async loadOlder(messageId: string): Promise<ChatError | undefined> {
    const meta = this.#metaOf(messageId);
    const before = this.#thread(messageId);
    if (before.loading || !before.hasMore) return undefined;
    if (!meta.cursor) return this.#loadNewest(messageId, '');
    const generation = meta.generation;
    this.#put({ ...before, loading: true });
    const page = await this.#page(messageId, meta.cursor);
    const t = this.#thread(messageId);
    if (generation !== meta.generation) return this.#put({ ...t, loading: false });
    if (page.error) return this.#fail(messageId, page.error);
    meta.cursor = page.data.cursor;
    const { items } = mergeItems(t.replies, page.data.items, idOf);
    this.#put({ ...t, replies: items, hasMore: page.data.cursor !== '', loading: false, error: undefined });
    return undefined;
  }

  /** Loads the newest page; replies after `since` may have been missed (a hole), older ones are kept. */
  async #loadNewest(messageId: string, since: string): Promise<ChatError | undefined> {
    const meta = this.#metaOf(messageId);
    this.#put({ ...this.#thread(messageId), loading: true });
    const page = await this.#page(messageId, '');
    if (!this.#meta.has(messageId)) return undefined;
    if (page.error) return this.#fail(messageId, page.error);
    const t = this.#thread(messageId);
    const merged = mergeNewest(t.replies, page.data.items, page.data.cursor, since, idOf);
    if (merged.reset) meta.generation += 1;
    if (merged.paged) meta.cursor = page.data.cursor;
    const hasMore = merged.paged ? page.data.cursor !== '' : t.hasMore;
    this.#put({ ...t, replies: merged.items, hasMore, loading: false, error: undefined });
    return undefined;
  }

  async #page(messageId: string, cursor: string): Promise<Result<{ items: LocalReply[]; cursor: string }>> {
    const query = { message_id: messageId, limit: this.#ctx.pageSize, ...(cursor ? { cursor } : {}) };
    const result = await settle(this.#ctx.rest.GET('/api/reply', { params: { query } }));
    if (result.error) return result;
    const { replies, next_cursor } = result.data.data;
    return { data: { items: camelize(replies).map(sent).reverse(), cursor: next_cursor } };
  }

  #fail(messageId: string, error: ChatError): ChatError {
    this.#put({ ...this.#thread(messageId), loading: false, error });
    this.#ctx.events.emit('error', { ...error });
    return error;
  }

  #thread(messageId: string): ThreadState {
    return this.#ctx.store.get().threads[messageId] ?? emptyThread(messageId);
  }

  #metaOf(messageId: string): Meta {
    let meta = this.#meta.get(messageId);
    if (!meta) {
      meta = { cursor: '', generation: 0 };
      this.#meta.set(messageId, meta);
    }
    return meta;
  }

  #put(thread: ThreadState): undefined {
    this.#ctx.store.set((s) => withThread(s, thread.messageId, () => thread));
    return undefined;
  }
}
