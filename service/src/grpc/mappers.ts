import type { Channel, Message, Reply, User } from '../domain/entities.js';
import type { ChatEvent } from '../domain/events.js';
import type { WireChannel, WireChannelEvent, WireMessage, WireReply, WireUser } from './wire-types.js';

/** Domain -> proto messages. Times are RFC 3339 strings and ids decimal strings, as in REST. */
export const toProtoUser = (u: User): WireUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  created_at: u.createdAt.toISOString(),
});

export const toProtoChannel = (c: Channel): WireChannel => ({
  id: c.id,
  name: c.name,
  user_id: c.userId,
  created_at: c.createdAt.toISOString(),
});

export const toProtoMessage = (m: Message): WireMessage => ({
  message_id: m.messageId,
  channel_id: m.channelId,
  user_id: m.userId,
  username: m.username,
  content: m.content,
  created_at: m.createdAt.toISOString(),
  client_msg_id: m.clientMsgId,
  reply_count: m.replyCount,
});

export const toProtoReply = (r: Reply): WireReply => ({
  reply_id: r.replyId,
  message_id: r.messageId,
  channel_id: r.channelId,
  user_id: r.userId,
  username: r.username,
  content: r.content,
  created_at: r.createdAt.toISOString(),
  client_msg_id: r.clientMsgId,
});

/** A bus event as a `ChannelEvent`. */
export function toProtoEvent(event: ChatEvent): WireChannelEvent {
  const channel_id = event.channelId;
  switch (event.kind) {
    case 'message':
      return { channel_id, message: toProtoMessage(event.message) };
    case 'reply':
      return { channel_id, reply: toProtoReply(event.reply) };
    case 'typing':
      return { channel_id, typing: { user_id: event.userId, typing: event.typing } };
    case 'presence':
      return { channel_id, presence: { user_id: event.userId, online: event.online } };
    case 'read':
      return { channel_id, read: { user_id: event.userId, message_id: event.messageId } };
    case 'member':
      return event.joined
        ? { channel_id, member_joined: { user_id: event.userId } }
        : { channel_id, member_left: { user_id: event.userId } };
  }
}
