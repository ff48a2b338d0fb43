/**
 * The history queries Parley's stores prepare, copied verbatim so the bare-driver peers issue the
 * same statements: service/src/adapters/sqlite/sqlite-message-store.ts (`newest`, `before`) and
 * service/src/adapters/cassandra/channel-buckets.ts (`newest`, `below`). Keep them in step.
 */
const SQLITE_COLUMNS = 'channel_id, message_id, user_id, username, content, created_at, client_msg_id, reply_count';

export const HISTORY_SQL = {
  newest: `SELECT ${SQLITE_COLUMNS} FROM messages_by_channel WHERE channel_id = ?
        ORDER BY bucket DESC, message_id DESC LIMIT ?`,
  before: `SELECT ${SQLITE_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND (bucket, message_id) < (?, ?)
        ORDER BY bucket DESC, message_id DESC LIMIT ?`,
};

const CQL_COLUMNS = 'channel_id, message_id, user_id, username, content, created_at, client_msg_id';

export const HISTORY_CQL = {
  newest: `SELECT ${CQL_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ? LIMIT ?`,
  below: `SELECT ${CQL_COLUMNS} FROM messages_by_channel WHERE channel_id = ? AND bucket = ? AND message_id < ?
    LIMIT ?`,
};

/** Parley's bucket arithmetic (service/src/domain/buckets.ts, snowflake.ts). */
export const PARLEY_EPOCH_MS = 1_704_067_200_000;
export const BUCKET_MS = 10 * 24 * 60 * 60 * 1000;
export const bucketOfId = (id) => Math.floor(Number(BigInt(id) >> 22n) / BUCKET_MS);
export const snowflake = (ms, seq) => ((BigInt(ms - PARLEY_EPOCH_MS) << 22n) | BigInt(seq & 0xfff)).toString();

/** Parley's opaque cursor (service/src/domain/cursor.ts): base64url of {"a": id}. */
export const cursorFor = (id) => Buffer.from(JSON.stringify({ a: id }), 'utf8').toString('base64url');
