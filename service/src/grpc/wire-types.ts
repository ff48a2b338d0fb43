/**
 * The shapes of proto/parley/chat/v1 as @grpc/proto-loader hands them over (keepCase, longs as
 * strings, defaults filled in): snake_case, `""` / `0` for unset fields. Kept in step with the
 * .proto files by the tests in service/test/grpc, which go through the real loader.
 */
export interface WireUser {
  id: string;
  name: string;
  email: string;
  created_at: string;
}

export interface WireChannel {
  id: string;
  name: string;
  user_id: string;
  created_at: string;
}

export interface WireMessage {
  message_id: string;
  channel_id: string;
  user_id: string;
  username: string;
  content: string;
  created_at: string;
  client_msg_id: string;
  reply_count: number;
}

export interface WireReply {
  reply_id: string;
  message_id: string;
  channel_id: string;
  user_id: string;
  username: string;
  content: string;
  created_at: string;
  client_msg_id: string;
}

/** `ChannelEvent`: `channel_id` plus exactly one case of the `event` oneof. */
export type WireChannelEvent = { channel_id: string } & (
  | { message: WireMessage }
  | { reply: WireReply }
  | { typing: { user_id: string; typing: boolean } }
  | { presence: { user_id: string; online: boolean } }
  | { read: { user_id: string; message_id: string } }
  | { member_joined: { user_id: string } }
  | { member_left: { user_id: string } }
);

export interface IssueUserTokenRequest {
  external_id: string;
  name: string;
  email: string;
}

export interface IssueUserTokenResponse {
  user: WireUser;
  token: string;
  expires_at: string;
  created: boolean;
}

export interface CreateChannelRequest {
  name: string;
  creator_user_id: string;
}

export interface CreateChannelResponse {
  channel: WireChannel;
}

export interface MembershipRequest {
  channel_id: string;
  user_id: string;
}

export interface PostMessageRequest {
  channel_id: string;
  content: string;
  client_msg_id: string;
  author_user_id: string;
  author_name: string;
}

export interface PostMessageResponse {
  message: WireMessage;
  created: boolean;
}

export interface ListMessagesRequest {
  channel_id: string;
  cursor: string;
  limit: number;
}

export interface ListMessagesResponse {
  messages: WireMessage[];
  next_cursor: string;
}

export interface StreamChannelEventsRequest {
  channel_id: string;
  since: string;
  have: string[];
}

export type StreamChannelEventsResponse =
  | { subscribed: { recovered: number; gap: boolean } }
  | { event: WireChannelEvent };
