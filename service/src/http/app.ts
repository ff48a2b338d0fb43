import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Services } from '../app/services.js';
import { Contract } from './contract.js';
import { registerErrorHandling } from './errors.js';
import { type RateLimitOptions, SendLimits } from './rate-limits.js';
import { authRoutes } from './routes/auth.routes.js';
import { channelRoutes } from './routes/channel.routes.js';
import { messageRoutes } from './routes/message.routes.js';
import { opsRoutes } from './routes/ops.routes.js';
import { traceRoutes } from './tracing.js';
import { CloseCode } from './ws/connection.js';
import { handleProtocols, registerGateway } from './ws/gateway.js';
import type { Hub } from './ws/hub.js';

export interface AppOptions {
  corsOrigins: '*' | string[];
  rateLimit: RateLimitOptions;
  ws: { maxPayloadBytes: number; maxBufferedBytes: number; pingIntervalMs: number; authTimeoutMs: number };
  logger?: FastifyServerOptions['logger'];
  /** Trust `X-Forwarded-For` from a load balancer in front. */
  trustProxy?: boolean;
  /** Cluster mode: an ioredis client, so rate limits are counted across instances (`parley:rl:*`). */
  rateLimitRedis?: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: Hub;
  }
}

/** Builds the HTTP + WebSocket delivery layer on the app services. Does not listen. */
export async function buildApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  const contract = new Contract();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? contract.bodies : contract.params).compile(schema),
  );
  app.decorateRequest('identity', null);
  registerErrorHandling(app);
  traceRoutes(app);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    services.metrics.httpRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register(cors, {
    origin: options.corsOrigins === '*' ? '*' : options.corsOrigins,
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type'],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    ...(options.rateLimitRedis
      ? { redis: options.rateLimitRedis as never, skipOnError: true, nameSpace: 'parley:rl:' }
      : {}),
  });
  await app.register(swagger, { mode: 'static', specification: { document: contract.spec as never } });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, {
    options: { maxPayload: options.ws.maxPayloadBytes, handleProtocols },
    // Graceful shutdown: every socket hears 1001 (going away) and may reconnect elsewhere.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(CloseCode.GoingAway, 'server shutting down');
      done();
    },
  });

  const limits = new SendLimits(app, options.rateLimit);
  authRoutes(app, { services, contract, rateLimit: options.rateLimit });
  channelRoutes(app, { services, contract });
  messageRoutes(app, { services, contract, limits });
  opsRoutes(app, { services, specText: contract.text });
  const hub = registerGateway(app, {
    services,
    contract,
    limits,
    options: { ...options.ws, corsOrigins: options.corsOrigins },
  });
  app.decorate('hub', hub);
  return app;
}
