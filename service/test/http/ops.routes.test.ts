import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWidgetDist, widgetRoutes } from '../../src/http/routes/widget.routes.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('operations routes', () => {
  it('answers /healthz and /readyz with the state of store and bus', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { store: 'ok', bus: 'ok' } });
  });

  it('serves rendered API docs at /docs and the spec itself', async () => {
    const docs = await t.app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.body).toContain('swagger');
    const spec = await t.app.inject('/docs/json');
    expect(spec.json().info.title).toBe('Parley chat API');
    expect(spec.json().paths).toHaveProperty('/api/message/ws');
    const yaml = await t.app.inject('/openapi.yaml');
    expect(yaml.body).toContain('openapi: 3.1.0');
  });

  it('shows the widget demo at / once the widget is built, else a page linking the docs', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(findWidgetDist() ? 'chat-widget' : 'href="/docs"');
  });

  it('serves a built widget and its demo page with validators', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-widget-'));
    writeFileSync(join(dir, 'chat-widget.js'), 'customElements.define("chat-widget", class extends HTMLElement {});');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><chat-widget></chat-widget>');
    mkdirSync(join(dir, 'locales'));
    writeFileSync(join(dir, 'locales', 'fr.js'), 'export const fr = {};');
    writeFileSync(join(dir, 'locales', 'notes.txt'), 'not served');
    const app = Fastify();
    expect(widgetRoutes(app, dir)).toBe(true);
    const js = await app.inject('/chat-widget.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.body).toContain('chat-widget');
    const again = await app.inject({ url: '/chat-widget.js', headers: { 'if-none-match': String(js.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject('/')).body).toContain('<chat-widget>');
    const fr = await app.inject('/locales/fr.js');
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toContain('text/javascript');
    expect((await app.inject('/locales/notes.txt')).statusCode).toBe(404);
    expect(widgetRoutes(Fastify(), join(dir, 'missing'))).toBe(false);
    await app.close();
  });

  it('allows any origin by default, without credentials', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/login',
      headers: { origin: 'https://host.example', 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('answers unknown routes with a 404 envelope', async () => {
    const res = await t.app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 'fail', code: 'not_found' });
  });

  it('answers a wrong content type with 4xx, never 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 'fail', code: 'invalid_input' });
  });
});
