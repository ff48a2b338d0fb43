import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { widgetRoutes } from './widget.routes.js';

const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Parley</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2328}
code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}a{color:#0969da}</style></head>
<body><h1>Parley is running</h1>
<p>Open, self-hostable chat that any website can embed.</p>
<ul>
<li><a href="/docs">API documentation</a> (REST and WebSocket frames)</li>
<li><a href="/openapi.yaml">openapi/chat.yaml</a>, the contract</li>
<li><a href="/healthz">/healthz</a> and <a href="/readyz">/readyz</a></li>
</ul>
<p>WebSocket gateway: <code>/api/message/ws</code> (subprotocol <code>parley.v1</code>, or the seed dialect).</p>
</body></html>`;

export function opsRoutes(
  app: FastifyInstance,
  { services, specText }: { services: Services; specText: string },
): void {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const results = await Promise.all(
      services.health.map(async (h) => ({ h, ok: await h.check().catch(() => false) })),
    );
    const down = results.filter((r) => !r.ok);
    const status = down.length === 0 ? 'ok' : down.every((r) => r.h.degradesOnly) ? 'degraded' : 'unavailable';
    const checks = Object.fromEntries(results.map((r) => [r.h.name, r.ok ? 'ok' : 'unavailable']));
    return reply.status(status === 'unavailable' ? 503 : 200).send({ status, checks });
  });

  app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    const { contentType, body } = await services.metrics.render();
    return reply.type(contentType).send(body);
  });

  app.get('/openapi.yaml', async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(specText));

  // The widget's demo page takes `/` once the widget is built (`npm run build`).
  if (!widgetRoutes(app)) {
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(LANDING));
  }
}
