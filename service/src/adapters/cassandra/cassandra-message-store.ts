import { bucketOf } from '../../domain/buckets.js';
import type { Message, Reply } from '../../domain/entities.js';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import { snowflakeTime } from '../../domain/snowflake.js';
import type { MessageStore, StoredResult } from '../../ports/message-store.port.js';
import type { CassandraSession, Row } from './cassandra-session.js';
import { ChannelBuckets, type Direction } from './channel-buckets.js';
import { id, MESSAGE_COLUMNS, toMessage, toReply } from './message-rows.js';

const Q = {
  claim: `INSERT INTO client_ids (channel_id, client_msg_id, kind, target_id, parent_id) VALUES (?, ?, ?, ?, ?)
    IF NOT EXISTS`,
  insert: `INSERT INTO messages_by_channel (channel_id, bucket, message_id, user_id, username, content, created_at,
    client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  insertById: 'INSERT INTO messages_by_id (message_id, channel_id) VALUES (?, ?)',
  channelOf: 'SELECT channel_id FROM messages_by_id WHERE message_id = ?',
  one: `SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ? AND message_id = ?`,
  counts: `SELECT message_id, replies FROM reply_counts WHERE channel_id = ? AND bucket = ? AND message_id >= ?
    AND message_id <= ?`,
  bump: 'UPDATE reply_counts SET replies = replies + 1 WHERE channel_id = ? AND bucket = ? AND message_id = ?',
  insertReply: `INSERT INTO replies_by_message (message_id, reply_id, channel_id, user_id, username, content,
    created_at, client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  reply: 'SELECT * FROM replies_by_message WHERE message_id = ? AND reply_id = ?',
  replies: 'SELECT * FROM replies_by_message WHERE message_id = ? LIMIT ?',
  repliesBefore: 'SELECT * FROM replies_by_message WHERE message_id = ? AND reply_id < ? LIMIT ?',
};

/**
 * Messages in `messages_by_channel ((channel_id, bucket), message_id DESC)`. A send first claims
 * `(channel_id, client_msg_id)` with a lightweight transaction, so a retry, even one racing on
 * another instance, returns the original; the row and its by-id pointer are then written side by side.
 */
export class CassandraMessageStore implements MessageStore {
  readonly #s: CassandraSession;
  readonly #buckets: ChannelBuckets;
  readonly #beforeWrite: () => Promise<void>;

  /** `beforeWrite` runs before every insert (compose passes the instance lease's check). */
  constructor(session: CassandraSession, options: { beforeWrite?: () => Promise<void> } = {}) {
    this.#s = session;
    this.#buckets = new ChannelBuckets(session);
    this.#beforeWrite = options.beforeWrite ?? (() => Promise.resolve());
  }

  async insertMessage(input: Message): Promise<StoredResult<Message>> {
    await this.#beforeWrite();
    let m = input;
    const claimed = await this.#claim(m.channelId, m.clientMsgId, 'message', m.messageId, undefined);
    if (claimed && claimed.target !== m.messageId) {
      const original = await this.#get(m.channelId, claimed.target);
      if (original) {
        await this.#pointTo(original);
        return { value: original, created: false };
      }
      // Claimed by a writer that failed before storing it: store it now, under the claimed id.
      m = { ...m, messageId: claimed.target, createdAt: new Date(snowflakeTime(claimed.target)) };
    }
    const bucket = bucketOf(m.messageId);
    await this.#buckets.record(m.channelId, bucket);
    // Two idempotent writes side by side (cheaper than a logged batch): a send that fails between
    // them is retried by its client, and the retry (the duplicate path) restores the pointer.
    await Promise.all([
      this.#s.execute(
        'message.insert',
        Q.insert,
        [m.channelId, bucket, id(m.messageId), m.userId, m.username, m.content, m.createdAt, m.clientMsgId],
        { idempotent: true },
      ),
      this.#pointTo(m),
    ]);
    return { value: { ...m, replyCount: 0 }, created: true };
  }

  #pointTo(m: Message): Promise<unknown> {
    return this.#s.execute('message.insert', Q.insertById, [id(m.messageId), m.channelId], { idempotent: true });
  }

  /** Claims a client id; returns the earlier claim when there was one. */
  async #claim(channelId: string, clientMsgId: string, kind: 'message' | 'reply', target: string, parent?: string) {
    const result = await this.#s.execute('message.claim', Q.claim, [
      channelId,
      clientMsgId,
      kind,
      id(target),
      parent === undefined ? undefined : id(parent),
    ]);
    if (result.wasApplied()) return undefined;
    const row = result.first();
    if (row.get('kind') !== kind) {
      throw new ParleyError(ErrorCode.Conflict, `client_msg_id already used by a ${row.get('kind')}`, {
        field: 'client_msg_id',
      });
    }
    return { target: (row.get('target_id') as bigint).toString(), parent: row.get('parent_id') as bigint | null };
  }

  async getMessage(messageId: string): Promise<Message | undefined> {
    const pointer = await this.#s.execute('message.get', Q.channelOf, [id(messageId)], { idempotent: true });
    const channelId = pointer.first()?.get('channel_id') as string | undefined;
    return channelId === undefined ? undefined : this.#get(channelId, messageId);
  }

  async #get(channelId: string, messageId: string): Promise<Message | undefined> {
    const bucket = bucketOf(messageId);
    const row = (
      await this.#s.execute('message.get', Q.one, [channelId, bucket, id(messageId)], { idempotent: true })
    ).first();
    return row ? (await this.#withCounts(channelId, bucket, [row]))[0] : undefined;
  }

  history(channelId: string, before: string | undefined, limit: number): Promise<Message[]> {
    return this.#read(channelId, before, 'newest-first', limit);
  }

  after(channelId: string, since: string, limit: number): Promise<Message[]> {
    return this.#read(channelId, since, 'oldest-first', limit);
  }

  async #read(channelId: string, from: string | undefined, direction: Direction, limit: number): Promise<Message[]> {
    const boundary = from === undefined ? undefined : { id: from, bucket: bucketOf(from) };
    const rows: Row[] = [];
    if (limit > 0) {
      for await (const row of this.#buckets.rows(channelId, boundary, direction, limit)) {
        rows.push(row);
        if (rows.length >= limit) break;
      }
    }
    // Reply counts: one range read per bucket the page touched, all at once.
    const byBucket = new Map<number, Row[]>();
    for (const row of rows) {
      const bucket = bucketOf((row.get('message_id') as bigint).toString());
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), row]);
    }
    const counted = new Map<Row, Message>();
    await Promise.all(
      [...byBucket].map(async ([bucket, group]) => {
        const messages = await this.#withCounts(channelId, bucket, group);
        for (const [i, row] of group.entries()) counted.set(row, messages[i] as Message);
      }),
    );
    return rows.map((row) => counted.get(row) as Message);
  }

  async #withCounts(channelId: string, bucket: number, rows: Row[]): Promise<Message[]> {
    const ids = rows.map((r) => r.get('message_id') as bigint).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const [lo, hi] = [ids[0], ids.at(-1)];
    const counts = await this.#s.execute('message.replyCounts', Q.counts, [channelId, bucket, lo, hi], {
      idempotent: true,
    });
    const byId = new Map(
      counts.rows.map((r) => [(r.get('message_id') as bigint).toString(), Number(r.get('replies'))]),
    );
    return rows.map((r) => toMessage(r, byId.get((r.get('message_id') as bigint).toString()) ?? 0));
  }

  async countAfter(
    channelId: string,
    since: string | undefined,
    excludeUserId: string,
    cap: number,
    through?: string,
  ): Promise<number> {
    if (cap <= 0) return 0;
    // With `since`, walk up from it and stop past `through`; without, walk down from `through`.
    const last = through === undefined ? undefined : BigInt(through);
    const upper = last === undefined ? undefined : (last + 1n).toString();
    const [boundary, direction]: [string | undefined, Direction] =
      since === undefined ? [upper, 'newest-first'] : [since, 'oldest-first'];
    let count = 0;
    const rows = this.#buckets.rows(
      channelId,
      boundary === undefined ? undefined : { id: boundary, bucket: bucketOf(boundary) },
      direction,
      Math.min(500, cap + 50),
    );
    for await (const row of rows) {
      if (since !== undefined && last !== undefined && (row.get('message_id') as bigint) > last) break;
      if (row.get('user_id') !== excludeUserId) count += 1;
      if (count >= cap) break;
    }
    return count;
  }

  async insertReply(input: Reply): Promise<StoredResult<Reply>> {
    await this.#beforeWrite();
    let r = input;
    const claimed = await this.#claim(r.channelId, r.clientMsgId, 'reply', r.replyId, r.messageId);
    if (claimed && claimed.target !== r.replyId) {
      const parent = (claimed.parent ?? id(r.messageId)).toString();
      const original = (
        await this.#s.execute('reply.insert', Q.reply, [id(parent), id(claimed.target)], { idempotent: true })
      ).first();
      if (original) return { value: toReply(original), created: false };
      r = { ...r, replyId: claimed.target, messageId: parent, createdAt: new Date(snowflakeTime(claimed.target)) };
    }
    await this.#s.execute(
      'reply.insert',
      Q.insertReply,
      [id(r.messageId), id(r.replyId), r.channelId, r.userId, r.username, r.content, r.createdAt, r.clientMsgId],
      { idempotent: true },
    );
    await this.#s.execute('reply.insert', Q.bump, [r.channelId, bucketOf(r.messageId), id(r.messageId)]);
    return { value: r, created: true };
  }

  async replies(messageId: string, before: string | undefined, limit: number): Promise<Reply[]> {
    const result =
      before === undefined
        ? await this.#s.execute('reply.list', Q.replies, [id(messageId), limit], { idempotent: true })
        : await this.#s.execute('reply.list', Q.repliesBefore, [id(messageId), id(before), limit], {
            idempotent: true,
          });
    return result.rows.map(toReply);
  }
}
