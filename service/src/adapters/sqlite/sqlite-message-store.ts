import { bucketOf } from '../../domain/buckets.js';
import type { Message, Reply } from '../../domain/entities.js';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import type { MessageStore, StoredResult } from '../../ports/message-store.port.js';
import { guard, type SqliteDatabase } from './database.js';

interface MessageRow {
  channel_id: string;
  message_id: bigint;
  user_id: string;
  username: string;
  content: string;
  created_at: bigint;
  client_msg_id: string;
  reply_count: bigint;
}

interface ReplyRow {
  message_id: bigint;
  reply_id: bigint;
  channel_id: string;
  user_id: string;
  username: string;
  content: string;
  created_at: bigint;
  client_msg_id: string;
}

const toMessage = (r: MessageRow): Message => ({
  messageId: r.message_id.toString(),
  channelId: r.channel_id,
  userId: r.user_id,
  username: r.username,
  content: r.content,
  createdAt: new Date(Number(r.created_at)),
  clientMsgId: r.client_msg_id,
  replyCount: Number(r.reply_count),
});

const toReply = (r: ReplyRow): Reply => ({
  replyId: r.reply_id.toString(),
  messageId: r.message_id.toString(),
  channelId: r.channel_id,
  userId: r.user_id,
  username: r.username,
  content: r.content,
  createdAt: new Date(Number(r.created_at)),
  clientMsgId: r.client_msg_id,
});

/** A client id names one write per channel: reusing a message's id for a reply (or back) is a conflict. */
const clientIdTaken = () =>
  new ParleyError(ErrorCode.Conflict, 'client_msg_id is already used in this channel', { field: 'client_msg_id' });

interface PendingInsert {
  message: Message;
  resolve(result: StoredResult<Message>): void;
  reject(err: unknown): void;
}

/** A driver failure as `unavailable` (ParleyErrors, e.g. a conflict, pass through), as `guard` does. */
function unavailable(operation: string, err: unknown): unknown {
  return err instanceof ParleyError
    ? err
    : new ParleyError(ErrorCode.Unavailable, `store unavailable (${operation})`, { cause: err });
}

const MESSAGE_COLUMNS = 'channel_id, message_id, user_id, username, content, created_at, client_msg_id, reply_count';

/**
 * Messages in `(channel_id, bucket, message_id)` order, like the Cassandra table. Snowflakes are
 * 64-bit INTEGERs read as BigInt (`safeIntegers`), so no id ever passes through a JS number.
 */
export class SqliteMessageStore implements MessageStore {
  readonly #db: SqliteDatabase;
  readonly #s;
  readonly #insertOne: (m: Message) => StoredResult<Message>;
  readonly #insertBatch: (
    batch: PendingInsert[],
  ) => Array<{ ok: true; value: StoredResult<Message> } | { ok: false; error: unknown }>;
  #pending: PendingInsert[] = [];

  constructor(db: SqliteDatabase) {
    this.#db = db;
    // Made once: better-sqlite3 builds a wrapper per db.transaction() call.
    this.#insertOne = db.transaction((m: Message) => this.#writeMessage(m));
    this.#insertBatch = db.transaction((batch: PendingInsert[]) =>
      batch.map((p) => {
        try {
          return { ok: true as const, value: this.#insertOne(p.message) }; // nested: a savepoint
        } catch (error) {
          // SQLite rolled the whole transaction back (disk full, I/O): fail the batch, commit nothing.
          if (!db.inTransaction) throw error;
          return { ok: false as const, error };
        }
      }),
    );
    const prep = (sql: string) => db.prepare(sql).safeIntegers(true);
    this.#s = {
      clientId: prep('SELECT kind, target_id, parent_id FROM client_ids WHERE channel_id = ? AND client_msg_id = ?'),
      insertClientId: prep(
        'INSERT INTO client_ids (channel_id, client_msg_id, kind, target_id, parent_id) VALUES (?, ?, ?, ?, ?)',
      ),
      insertMessage: prep(`INSERT INTO messages_by_channel (channel_id, bucket, message_id, user_id, username, content,
        created_at, client_msg_id, reply_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`),
      byId: prep(`SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE message_id = ?`),
      newest: prep(`SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ?
        ORDER BY bucket DESC, message_id DESC LIMIT ?`),
      before:
        prep(`SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND (bucket, message_id) < (?, ?)
        ORDER BY bucket DESC, message_id DESC LIMIT ?`),
      after:
        prep(`SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND (bucket, message_id) > (?, ?)
        ORDER BY bucket ASC, message_id ASC LIMIT ?`),
      count: prep(`SELECT count(*) AS n FROM (SELECT 1 FROM messages_by_channel WHERE channel_id = ?
        AND (bucket, message_id) > (?, ?) AND (bucket, message_id) <= (?, ?) AND user_id <> ? LIMIT ?)`),
      insertReply: prep(`INSERT INTO replies_by_message (message_id, reply_id, channel_id, user_id, username, content,
        created_at, client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      bumpReplies: prep(
        'UPDATE messages_by_channel SET reply_count = reply_count + 1 WHERE channel_id = ? AND bucket = ? AND message_id = ?',
      ),
      replyById: prep('SELECT * FROM replies_by_message WHERE message_id = ? AND reply_id = ?'),
      repliesNewest: prep('SELECT * FROM replies_by_message WHERE message_id = ? ORDER BY reply_id DESC LIMIT ?'),
      repliesBefore: prep(
        'SELECT * FROM replies_by_message WHERE message_id = ? AND reply_id < ? ORDER BY reply_id DESC LIMIT ?',
      ),
    };
  }

  /**
   * Group commit: the sends that arrive in one turn of the event loop are written in one
   * transaction (each in its own savepoint, so one send's conflict does not undo another's) when
   * the loop reaches its check phase. Each promise settles only after that transaction commits;
   * a failed commit rejects every send in it. A repeated `client_msg_id` in the same batch sees
   * the first one's row, as it would in separate transactions.
   */
  insertMessage(m: Message): Promise<StoredResult<Message>> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ message: m, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 1) {
      const only = batch[0] as PendingInsert;
      guard('message.insert', () => this.#insertOne(only.message)).then(only.resolve, only.reject);
      return;
    }
    let outcomes: Array<{ ok: true; value: StoredResult<Message> } | { ok: false; error: unknown }>;
    try {
      outcomes = this.#insertBatch(batch);
    } catch (err) {
      const error = unavailable('message.insert', err);
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(unavailable('message.insert', outcome?.error));
    });
  }

  /** One message in its own transaction, or in a savepoint when called inside `#insertBatch`. */
  #writeMessage(m: Message): StoredResult<Message> {
    const seen = this.#s.clientId.get(m.channelId, m.clientMsgId) as { kind: string; target_id: bigint } | undefined;
    if (seen?.kind === 'message') {
      const original = this.#s.byId.get(seen.target_id) as MessageRow | undefined;
      if (original) return { value: toMessage(original), created: false };
    }
    if (seen) throw clientIdTaken();
    const id = BigInt(m.messageId);
    this.#s.insertMessage.run(
      m.channelId,
      bucketOf(m.messageId),
      id,
      m.userId,
      m.username,
      m.content,
      m.createdAt.getTime(),
      m.clientMsgId,
    );
    this.#s.insertClientId.run(m.channelId, m.clientMsgId, 'message', id, null);
    return { value: { ...m, replyCount: 0 }, created: true };
  }

  getMessage(messageId: string): Promise<Message | undefined> {
    return guard('message.get', () => {
      const row = this.#s.byId.get(BigInt(messageId)) as MessageRow | undefined;
      return row && toMessage(row);
    });
  }

  history(channelId: string, before: string | undefined, limit: number): Promise<Message[]> {
    return guard('message.history', () => {
      const rows =
        before === undefined
          ? this.#s.newest.all(channelId, limit)
          : this.#s.before.all(channelId, bucketOf(before), BigInt(before), limit);
      return (rows as MessageRow[]).map(toMessage);
    });
  }

  after(channelId: string, since: string, limit: number): Promise<Message[]> {
    return guard('message.after', () =>
      (this.#s.after.all(channelId, bucketOf(since), BigInt(since), limit) as MessageRow[]).map(toMessage),
    );
  }

  countAfter(
    channelId: string,
    since: string | undefined,
    excludeUserId: string,
    cap: number,
    through?: string,
  ): Promise<number> {
    return guard('message.countAfter', () => {
      const from = since === undefined ? [-1, 0n] : [bucketOf(since), BigInt(since)];
      const to =
        through === undefined ? [Number.MAX_SAFE_INTEGER, 2n ** 63n - 1n] : [bucketOf(through), BigInt(through)];
      const row = this.#s.count.get(channelId, ...from, ...to, excludeUserId, cap);
      return Number((row as { n: bigint }).n);
    });
  }

  insertReply(r: Reply): Promise<StoredResult<Reply>> {
    return guard('reply.insert', () =>
      this.#db.transaction((): StoredResult<Reply> => {
        const seen = this.#s.clientId.get(r.channelId, r.clientMsgId) as
          | { kind: string; target_id: bigint; parent_id: bigint }
          | undefined;
        if (seen?.kind === 'reply') {
          const original = this.#s.replyById.get(seen.parent_id, seen.target_id) as ReplyRow | undefined;
          if (original) return { value: toReply(original), created: false };
        }
        if (seen) throw clientIdTaken();
        const parent = BigInt(r.messageId);
        const id = BigInt(r.replyId);
        this.#s.insertReply.run(
          parent,
          id,
          r.channelId,
          r.userId,
          r.username,
          r.content,
          r.createdAt.getTime(),
          r.clientMsgId,
        );
        this.#s.bumpReplies.run(r.channelId, bucketOf(r.messageId), parent);
        this.#s.insertClientId.run(r.channelId, r.clientMsgId, 'reply', id, parent);
        return { value: r, created: true };
      })(),
    );
  }

  replies(messageId: string, before: string | undefined, limit: number): Promise<Reply[]> {
    return guard('reply.list', () => {
      const parent = BigInt(messageId);
      const rows =
        before === undefined
          ? this.#s.repliesNewest.all(parent, limit)
          : this.#s.repliesBefore.all(parent, BigInt(before), limit);
      return (rows as ReplyRow[]).map(toReply);
    });
  }
}
