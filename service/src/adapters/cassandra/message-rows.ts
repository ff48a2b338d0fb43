import type { Message, Reply } from '../../domain/entities.js';
import type { Row } from './cassandra-session.js';

/** The columns every message read selects (reply counts come from `reply_counts`). */
export const MESSAGE_COLUMNS = 'channel_id, message_id, user_id, username, content, created_at, client_msg_id';

/** Snowflakes cross the driver as BigInt (`useBigIntAsLong`) and the domain as decimal strings. */
export const id = (value: string): bigint => BigInt(value);

export const toMessage = (r: Row, replyCount = 0): Message => ({
  messageId: (r.get('message_id') as bigint).toString(),
  channelId: r.get('channel_id'),
  userId: r.get('user_id'),
  username: r.get('username'),
  content: r.get('content'),
  createdAt: r.get('created_at'),
  clientMsgId: r.get('client_msg_id'),
  replyCount,
});

export const toReply = (r: Row): Reply => ({
  replyId: (r.get('reply_id') as bigint).toString(),
  messageId: (r.get('message_id') as bigint).toString(),
  channelId: r.get('channel_id'),
  userId: r.get('user_id'),
  username: r.get('username'),
  content: r.get('content'),
  createdAt: r.get('created_at'),
  clientMsgId: r.get('client_msg_id'),
});
