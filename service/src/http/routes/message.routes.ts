import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { LIMITS } from '../../domain/entities.js';
import { authenticate, identityOf } from '../auth.js';
import type { Contract } from '../contract.js';
import { success, toWireMessage, toWireReply } from '../mappers.js';
import type { SendLimits } from '../rate-limits.js';

interface Deps {
  services: Services;
  contract: Contract;
  limits: SendLimits;
}

export function messageRoutes(app: FastifyInstance, { services, contract, limits }: Deps): void {
  const onRequest = authenticate(services);
  const limited = async (request: { identity: { userId: string } | null; ip: string }) => {
    await limits.check({ userId: request.identity?.userId ?? '', ip: request.ip });
  };

  app.get<{ Querystring: { channel_id: string; cursor?: string; limit?: number } }>(
    '/api/message',
    { onRequest, schema: contract.route('get', '/api/message') },
    async (request) => {
      const { channel_id, cursor, limit } = request.query;
      const page = await services.messages.history(
        identityOf(request),
        channel_id,
        cursor,
        limit ?? LIMITS.pageDefault,
      );
      return success('get messages successfully', {
        messages: page.items.map(toWireMessage),
        next_cursor: page.nextCursor,
      });
    },
  );

  app.post<{ Body: { channel_id: string; content: string; client_msg_id?: string } }>(
    '/api/message',
    { onRequest, preHandler: limited, schema: contract.route('post', '/api/message') },
    async (request) => {
      const { channel_id, content, client_msg_id } = request.body;
      const sent = await services.messages.send(identityOf(request), {
        channelId: channel_id,
        content,
        clientMsgId: client_msg_id,
      });
      return success('create message successfully', toWireMessage(sent.value));
    },
  );

  app.get<{ Querystring: { message_id: string; cursor?: string; limit?: number } }>(
    '/api/reply',
    { onRequest, schema: contract.route('get', '/api/reply') },
    async (request) => {
      const { message_id, cursor, limit } = request.query;
      const page = await services.messages.replies(
        identityOf(request),
        message_id,
        cursor,
        limit ?? LIMITS.pageDefault,
      );
      return success('get replies successfully', {
        replies: page.items.map(toWireReply),
        next_cursor: page.nextCursor,
      });
    },
  );

  app.post<{ Body: { message_id: string; content: string; client_msg_id?: string } }>(
    '/api/reply',
    { onRequest, preHandler: limited, schema: contract.route('post', '/api/reply') },
    async (request) => {
      const { message_id, content, client_msg_id } = request.body;
      const sent = await services.messages.reply(identityOf(request), {
        messageId: message_id,
        content,
        clientMsgId: client_msg_id,
      });
      return success('create reply successfully', toWireReply(sent.value));
    },
  );
}
