import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { SpanKind, withSpan } from '../observability/tracing.js';

const UNTRACED = new Set(['/metrics', '/healthz', '/readyz']);

/**
 * Runs every HTTP handler inside a server span, so the store and bus spans it causes join the
 * request's trace. Must be registered before the routes.
 */
export function traceRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if ((route as { websocket?: boolean }).websocket || UNTRACED.has(route.url) || route.url.startsWith('/docs'))
      return;
    const handler = route.handler as RouteHandlerMethod;
    const name = `HTTP ${route.method} ${route.url}`;
    route.handler = function traced(this: FastifyInstance, request, reply) {
      return withSpan(
        name,
        { 'http.request.method': request.method, 'http.route': route.url },
        async (span) => {
          const result = await handler.call(this, request, reply);
          span.setAttribute('http.response.status_code', reply.statusCode);
          return result;
        },
        SpanKind.SERVER,
      );
    };
  });
}
