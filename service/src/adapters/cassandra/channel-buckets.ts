import { bucketAt } from '../../domain/buckets.js';
import type { CassandraSession, Row } from './cassandra-session.js';
import { id, MESSAGE_COLUMNS } from './message-rows.js';

const MAX_BUCKET = 2 ** 31 - 1;
const BUCKETS_PER_READ = 16;

const Q = {
  record: 'INSERT INTO channel_buckets (channel_id, bucket) VALUES (?, ?)',
  down: 'SELECT bucket FROM channel_buckets WHERE channel_id = ? AND bucket <= ? LIMIT ?',
  up: 'SELECT bucket FROM channel_buckets WHERE channel_id = ? AND bucket >= ? ORDER BY bucket ASC LIMIT ?',
  newest: `SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ? LIMIT ?`,
  below: `SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ? AND message_id < ?
    LIMIT ?`,
  oldest: `SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ?
    ORDER BY message_id ASC LIMIT ?`,
  above: `SELECT ${MESSAGE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ? AND message_id > ?
    ORDER BY message_id ASC LIMIT ?`,
};

export type Direction = 'newest-first' | 'oldest-first';

/**
 * Reads a channel's messages across its 10-day buckets without scanning empty ones:
 * `channel_buckets` lists the buckets that hold messages (written before the first message of a
 * bucket), and each bucket is read with one clustering-range query in the wanted order.
 */
export class ChannelBuckets {
  readonly #s: CassandraSession;
  /** Buckets this process already recorded (bounded): most sends skip the write. */
  readonly #known = new Set<string>();

  constructor(session: CassandraSession) {
    this.#s = session;
  }

  async record(channelId: string, bucket: number): Promise<void> {
    const key = `${channelId}:${bucket}`;
    if (this.#known.has(key)) return;
    await this.#s.execute('message.insert', Q.record, [channelId, bucket], { idempotent: true });
    if (this.#known.size >= 100_000) this.#known.clear();
    this.#known.add(key);
  }

  /** Buckets holding messages from `from` on, in `direction` order. */
  async *buckets(channelId: string, from: number | undefined, direction: Direction): AsyncGenerator<number> {
    const down = direction === 'newest-first';
    let next = from ?? (down ? MAX_BUCKET : 0);
    for (;;) {
      const result = await this.#s.execute(
        'message.buckets',
        down ? Q.down : Q.up,
        [channelId, next, BUCKETS_PER_READ],
        {
          idempotent: true,
        },
      );
      for (const row of result.rows) yield row.get('bucket') as number;
      const last = result.rows.at(-1)?.get('bucket') as number | undefined;
      if (result.rows.length < BUCKETS_PER_READ || last === undefined) return;
      next = down ? last - 1 : last + 1;
    }
  }

  /**
   * Message rows of a channel strictly past `boundary` (below it newest-first, above it
   * oldest-first), `pageSize` rows per query, across buckets. The caller stops iterating.
   */
  async *rows(
    channelId: string,
    boundary: { id: string; bucket: number } | undefined,
    direction: Direction,
    pageSize: number,
  ): AsyncGenerator<Row> {
    const down = direction === 'newest-first';
    // The bucket listing and the first bucket's read would be two round trips in a row. The
    // first bucket is nearly always the boundary's (or, for the newest page, the current one),
    // so it is read alongside the listing and used when the listing agrees.
    const guess = boundary?.bucket ?? (down ? bucketAt(Date.now()) : undefined);
    let early =
      guess === undefined ? undefined : this.#page(channelId, guess, boundary?.id, down, pageSize).catch((e) => e);
    for await (const bucket of this.buckets(channelId, boundary?.bucket, direction)) {
      let edge = boundary && bucket === boundary.bucket ? boundary.id : undefined;
      for (;;) {
        const pending =
          early !== undefined && bucket === guess ? early : this.#page(channelId, bucket, edge, down, pageSize);
        early = undefined;
        const result = await pending;
        if (result instanceof Error) throw result;
        for (const row of result.rows) yield row;
        const last = result.rows.at(-1);
        if (result.rows.length < pageSize || !last) break;
        edge = (last.get('message_id') as bigint).toString();
      }
    }
  }

  /** One clustering-range read of a bucket, past `edge` when given. */
  #page(channelId: string, bucket: number, edge: string | undefined, down: boolean, pageSize: number) {
    const [query, params] =
      edge === undefined
        ? [down ? Q.newest : Q.oldest, [channelId, bucket, pageSize]]
        : [down ? Q.below : Q.above, [channelId, bucket, id(edge), pageSize]];
    return this.#s.execute('message.read', query, params, { idempotent: true });
  }
}
