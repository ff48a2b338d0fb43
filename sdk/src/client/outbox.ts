import { newClientMsgId } from '../client-msg-id.js';
import type { ChatError, ServerFrameOf } from '../contract.js';
import { type ChatState, type LocalMessage, type LocalReply, withChannel, withThread } from '../state/chat-state.js';
import { MessageStatus, updateLocal } from '../state/message-list.js';
import type { ChannelSync } from './channel-sync.js';
import type { ClientContext } from './client-context.js';
import type { ThreadSync } from './thread-sync.js';

type Local = LocalMessage | LocalReply;

/** What the server would refuse anyway, refused here (a 64 kB frame would even close the socket). */
export function checkContent(content: string): ChatError | undefined {
  const message = !/\S/.test(content)
    ? 'content must not be blank'
    : Array.from(content).length > 4000
      ? 'content must be at most 4000 characters'
      : '';
  return message ? { code: 'invalid_input', field: 'content', message } : undefined;
}

/**
 * Optimistic sends. A send is a local message (`pending`) until the server acks it, or a copy
 * with the same `client_msg_id` arrives (the ack was lost), or it fails (`failed`, with the
 * error). Every pending item is written again after each `ready`, with the same id, so the
 * server stores it once.
 */
export class Outbox {
  readonly #ctx: ClientContext;
  readonly #channels: ChannelSync;
  readonly #threads: ThreadSync;

  constructor(ctx: ClientContext, channels: ChannelSync, threads: ThreadSync) {
    this.#ctx = ctx;
    this.#channels = channels;
    this.#threads = threads;
  }

  send(channelId: string, content: string): string {
    const local: LocalMessage = { ...this.#local(content), messageId: '', channelId, replyCount: 0 };
    this.#ctx.store.set((s) => withChannel(s, channelId, (c) => ({ ...c, messages: [...c.messages, local] })));
    this.#channels.resetTyping(channelId);
    if (local.status === MessageStatus.Pending) this.#write(local);
    return local.clientMsgId;
  }

  reply(messageId: string, content: string): string {
    const parent = Object.values(this.#ctx.store.get().channels)
      .flatMap((c) => c.messages)
      .find((m) => m.messageId === messageId);
    const local: LocalReply = { ...this.#local(content), replyId: '', messageId, channelId: parent?.channelId ?? '' };
    this.#ctx.store.set((s) => withThread(s, messageId, (t) => ({ ...t, replies: [...t.replies, local] })));
    if (local.status === MessageStatus.Pending) this.#write(local);
    return local.clientMsgId;
  }

  /** After `ready`: every pending item again, in order, with its original id. */
  flush(): void {
    const { channels, threads } = this.#ctx.store.get();
    const items: Local[] = [
      ...Object.values(channels).flatMap((c) => c.messages),
      ...Object.values(threads).flatMap((t) => t.replies),
    ];
    for (const item of items) if (item.status === MessageStatus.Pending) this.#write(item);
  }

  onAck({ message, reply }: ServerFrameOf<'ack'>): void {
    if (message) this.#channels.onMessage(message);
    if (reply) this.#threads.onReply(reply, false);
  }

  /** An `error` frame naming a `client_msg_id`: that item failed. False when it is not ours. */
  onError(clientMsgId: string, error: ChatError): boolean {
    return this.#updateLocal(clientMsgId, (item) => ({ ...item, status: MessageStatus.Failed, error }));
  }

  /** Sends a failed item again (same id). False when there is no failed item with that id. */
  retry(clientMsgId: string): boolean {
    let again: Local | undefined;
    const found = this.#updateLocal(clientMsgId, (item) => {
      if (item.status !== MessageStatus.Failed) return item;
      const { error: _error, ...rest } = item;
      again = { ...rest, status: MessageStatus.Pending } as Local;
      return again;
    });
    if (again) this.#write(again);
    return found && again !== undefined;
  }

  /** Drops a local item. A pending one already written may still arrive from the server. */
  discard(clientMsgId: string): boolean {
    return this.#updateLocal(clientMsgId, () => undefined);
  }

  #local(content: string) {
    const user = this.#ctx.store.get().user;
    const error = checkContent(content);
    return {
      userId: user?.id ?? '',
      username: user?.name ?? '',
      content,
      createdAt: new Date().toISOString(),
      clientMsgId: newClientMsgId(),
      status: error ? MessageStatus.Failed : MessageStatus.Pending,
      ...(error ? { error } : {}),
    };
  }

  #write(item: Local): boolean {
    const { content, clientMsgId } = item;
    return this.#ctx.conn.send(
      'replyId' in item
        ? { type: 'reply', messageId: item.messageId, content, clientMsgId }
        : { type: 'send', channelId: item.channelId, content, clientMsgId },
    );
  }

  /** Applies `update` to the local item with `clientMsgId`, wherever it is. */
  #updateLocal<T extends Local>(clientMsgId: string, update: (item: T) => T | undefined): boolean {
    const state = this.#ctx.store.get();
    let next: ChatState = state;
    for (const c of Object.values(state.channels)) {
      const messages = updateLocal(c.messages, clientMsgId, update as (m: LocalMessage) => LocalMessage | undefined);
      if (messages !== c.messages) next = withChannel(next, c.id, () => ({ ...c, messages }));
    }
    for (const t of Object.values(state.threads)) {
      const replies = updateLocal(t.replies, clientMsgId, update as (r: LocalReply) => LocalReply | undefined);
      if (replies !== t.replies) next = withThread(next, t.messageId, () => ({ ...t, replies }));
    }
    this.#ctx.store.set(next);
    return next !== state;
  }
}
