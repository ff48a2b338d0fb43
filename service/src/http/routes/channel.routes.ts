import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { LIMITS } from '../../domain/entities.js';
import { authenticate, identityOf } from '../auth.js';
import type { Contract } from '../contract.js';
import { success, toWireChannel, toWireMember } from '../mappers.js';

interface Deps {
  services: Services;
  contract: Contract;
}

export function channelRoutes(app: FastifyInstance, { services, contract }: Deps): void {
  const onRequest = authenticate(services);

  app.get<{ Querystring: { cursor?: string; limit?: number } }>(
    '/api/channel',
    { onRequest, schema: contract.route('get', '/api/channel') },
    async (request) => {
      const page = await services.channels.list(request.query.cursor, request.query.limit ?? LIMITS.channelPageDefault);
      return success('get channels successfully', page.items.map(toWireChannel), page.nextCursor || undefined);
    },
  );

  app.post<{ Body: { name: string } }>(
    '/api/channel',
    { onRequest, schema: contract.route('post', '/api/channel') },
    async (request) =>
      success(
        'create channel successfully',
        toWireChannel(await services.channels.create(identityOf(request), request.body.name)),
      ),
  );

  app.get('/api/user/channel', { onRequest }, async (request) =>
    success(
      'get user channels successfully',
      (await services.channels.listMine(identityOf(request))).map(toWireChannel),
    ),
  );

  app.post<{ Body: { channel_id: string } }>(
    '/api/channel/join',
    { onRequest, schema: contract.route('post', '/api/channel/join') },
    async (request) => {
      await services.channels.join(identityOf(request), request.body.channel_id);
      return success('join channel successfully');
    },
  );

  app.post<{ Body: { channel_id: string } }>(
    '/api/channel/leave',
    { onRequest, schema: contract.route('post', '/api/channel/leave') },
    async (request) => {
      await services.channels.leave(identityOf(request), request.body.channel_id);
      return success('leave channel successfully');
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/channel/:id/members',
    { onRequest, schema: contract.route('get', '/api/channel/{id}/members') },
    async (request) =>
      success(
        'get members successfully',
        (await services.channels.members(identityOf(request), request.params.id)).map(toWireMember),
      ),
  );
}
