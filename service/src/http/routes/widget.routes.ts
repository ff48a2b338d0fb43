import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** The built widget (`npm run build`): its folder, or undefined when it has not been built. */
export function findWidgetDist(): string | undefined {
  try {
    const file = createRequire(import.meta.url).resolve('@parley/widget/chat-widget.js');
    return existsSync(file) ? dirname(file) : undefined;
  } catch {
    return undefined;
  }
}

function load(dir: string, name: string, type: string): Asset | undefined {
  const path = join(dir, name);
  if (!existsSync(path)) return undefined;
  const body = readFileSync(path);
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

/**
 * Serves the embeddable widget at `/chat-widget.js`, its translations at `/locales/<lang>.js`
 * and its demo page (the widget filling the page, talking to this server) at `/`. Returns false when the widget is not built.
 */
export function widgetRoutes(app: FastifyInstance, dir: string | undefined = findWidgetDist()): boolean {
  if (!dir) return false;
  const script = load(dir, 'chat-widget.js', 'text/javascript; charset=utf-8');
  const page = load(dir, 'index.html', 'text/html; charset=utf-8');
  if (!script || !page) return false;
  const serve =
    (asset: Asset) => async (request: { headers: Record<string, unknown> }, reply: import('fastify').FastifyReply) => {
      reply.header('etag', asset.etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
      return reply.type(asset.type).send(asset.body);
    };
  app.get('/chat-widget.js', serve(script));
  app.get('/', serve(page));
  // Translations load next to the script: `<script type="module" src="/locales/fr.js">`.
  const locales = join(dir, 'locales');
  if (existsSync(locales)) {
    for (const name of readdirSync(locales).filter((n) => /^[a-z]{2}(-[A-Z]{2})?\.js$/.test(n))) {
      const asset = load(locales, name, 'text/javascript; charset=utf-8');
      if (asset) app.get(`/locales/${name}`, serve(asset));
    }
  }
  return true;
}
