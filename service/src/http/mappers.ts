import type { Channel, Member, Message, Reply, User } from '../domain/entities.js';

/** Wire JSON is snake_case; these are the only places the two shapes meet on the service side. */
export const toWireUser = (u: User) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  created_at: u.createdAt.toISOString(),
});

export const toWireChannel = (c: Channel) => ({
  id: c.id,
  name: c.name,
  user_id: c.userId,
  created_at: c.createdAt.toISOString(),
});

export const toWireMember = (m: Member & { online: boolean }) => ({
  user_id: m.userId,
  name: m.name,
  joined_at: m.joinedAt.toISOString(),
  online: m.online,
});

export const toWireMessage = (m: Message) => ({
  message_id: m.messageId,
  channel_id: m.channelId,
  user_id: m.userId,
  username: m.username,
  content: m.content,
  created_at: m.createdAt.toISOString(),
  client_msg_id: m.clientMsgId,
  reply_count: m.replyCount,
});

export const toWireReply = (r: Reply) => ({
  reply_id: r.replyId,
  message_id: r.messageId,
  channel_id: r.channelId,
  user_id: r.userId,
  username: r.username,
  content: r.content,
  created_at: r.createdAt.toISOString(),
  client_msg_id: r.clientMsgId,
});

export type WireMessage = ReturnType<typeof toWireMessage>;
export type WireReply = ReturnType<typeof toWireReply>;

export const success = <T>(message: string, data?: T, nextCursor?: string) => ({
  status: 'success' as const,
  message,
  ...(data === undefined ? {} : { data }),
  ...(nextCursor === undefined ? {} : { next_cursor: nextCursor }),
});
