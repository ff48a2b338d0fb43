import type { Message, Reply } from '../domain/entities.js';

export interface StoredResult<T> {
  value: T;
  /** False when `client_msg_id` matched an earlier write: `value` is that original. */
  created: boolean;
}

export interface MessageStore {
  /** Persists a message, idempotent on (channelId, clientMsgId). */
  insertMessage(message: Message): Promise<StoredResult<Message>>;
  getMessage(messageId: string): Promise<Message | undefined>;
  /** Newest first, ids strictly below `before` when given. Bucket-aware in every adapter. */
  history(channelId: string, before: string | undefined, limit: number): Promise<Message[]>;
  /** Oldest first, ids strictly above `since`: recovery after a reconnect. */
  after(channelId: string, since: string, limit: number): Promise<Message[]>;
  /** Persists a reply (bumping the parent's reply count), idempotent on (channelId, clientMsgId). */
  insertReply(reply: Reply): Promise<StoredResult<Reply>>;
  /** Newest first, ids strictly below `before` when given. */
  replies(messageId: string, before: string | undefined, limit: number): Promise<Reply[]>;
  /**
   * How many messages after `since` (and up to `through`, inclusive, when given) were written by
   * someone other than `excludeUserId`, counting at most `cap`.
   */
  countAfter(
    channelId: string,
    since: string | undefined,
    excludeUserId: string,
    cap: number,
    through?: string,
  ): Promise<number>;
}
