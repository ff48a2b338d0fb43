import type { Services } from '../app/services.js';
import { toProtoChannel, toProtoMessage, toProtoUser } from './mappers.js';
import {
  optionalClientMsgId,
  optionalCursor,
  optionalEmail,
  pageLimit,
  requireContent,
  requireExternalId,
  requireName,
  requireUuid,
} from './validate.js';
import type {
  CreateChannelRequest,
  CreateChannelResponse,
  IssueUserTokenRequest,
  IssueUserTokenResponse,
  ListMessagesRequest,
  ListMessagesResponse,
  MembershipRequest,
  PostMessageRequest,
  PostMessageResponse,
} from './wire-types.js';

/** The author of a host backend's message when it names none. */
export const SYSTEM_AUTHOR = { userId: '00000000-0000-0000-0000-000000000000', name: 'system' } as const;

/**
 * The unary RPCs of `ChatAdminService`: validate, call the same app services as HTTP, map the
 * result. Authentication, error mapping and metrics are the server's job (grpc-server.ts).
 */
export function createUnaryHandlers(services: Services) {
  return {
    async IssueUserToken(req: IssueUserTokenRequest): Promise<IssueUserTokenResponse> {
      const issued = await services.auth.issueForExternal({
        externalId: requireExternalId('external_id', req.external_id),
        name: requireName('name', req.name),
        email: optionalEmail('email', req.email),
      });
      return {
        user: toProtoUser(issued),
        token: issued.token,
        expires_at: new Date(issued.expiresAt * 1000).toISOString(),
        created: issued.created,
      };
    },

    async CreateChannel(req: CreateChannelRequest): Promise<CreateChannelResponse> {
      const name = requireName('name', req.name);
      const creator = requireUuid('creator_user_id', req.creator_user_id);
      return { channel: toProtoChannel(await services.channels.create(creator, name)) };
    },

    async AddMember(req: MembershipRequest): Promise<{ added: boolean }> {
      const channelId = requireUuid('channel_id', req.channel_id);
      const added = await services.channels.addMember(channelId, requireUuid('user_id', req.user_id));
      return { added };
    },

    async RemoveMember(req: MembershipRequest): Promise<{ removed: boolean }> {
      const channelId = requireUuid('channel_id', req.channel_id);
      const removed = await services.channels.removeMember(channelId, requireUuid('user_id', req.user_id));
      return { removed };
    },

    async PostMessage(req: PostMessageRequest): Promise<PostMessageResponse> {
      const channelId = requireUuid('channel_id', req.channel_id);
      const content = requireContent('content', req.content);
      const clientMsgId = optionalClientMsgId('client_msg_id', req.client_msg_id);
      const author = {
        userId: req.author_user_id === '' ? SYSTEM_AUTHOR.userId : requireUuid('author_user_id', req.author_user_id),
        name: req.author_name === '' ? SYSTEM_AUTHOR.name : requireName('author_name', req.author_name),
      };
      const sent = await services.messages.post(author, { channelId, content, clientMsgId });
      return { message: toProtoMessage(sent.value), created: sent.created };
    },

    async ListMessages(req: ListMessagesRequest): Promise<ListMessagesResponse> {
      const channelId = requireUuid('channel_id', req.channel_id);
      const cursor = optionalCursor('cursor', req.cursor);
      const page = await services.messages.channelHistory(channelId, cursor, pageLimit('limit', req.limit));
      return { messages: page.items.map(toProtoMessage), next_cursor: page.nextCursor };
    },
  };
}

export type UnaryHandlers = ReturnType<typeof createUnaryHandlers>;
export type UnaryMethod = keyof UnaryHandlers;
