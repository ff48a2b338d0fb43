import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Hs256TokenIssuer } from '../../src/adapters/crypto/hs256-token-issuer.js';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { TestSocket } from '../support/ws-client.js';

let t: TestApp | undefined;
const sockets: TestSocket[] = [];

async function start(env: Record<string, string> = {}) {
  t = await buildTestApp({ env });
  await t.listen();
  return t;
}
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.terminate();
  await t?.close();
  t = undefined;
});

describe('gateway limits and close codes', () => {
  it('closes with 4501 when no auth frame arrives in time', async () => {
    const app = await start({ PARLEY_WS_AUTH_TIMEOUT_MS: '200' });
    const s = new TestSocket(app.wsUrl);
    await s.opened;
    expect(await s.closed).toBe(4501);
    const seed = new TestSocket(app.wsUrl, null);
    await seed.opened;
    expect(await seed.closed).toBe(4501);
  });

  it('closes with 1009 when a frame exceeds maxPayload', async () => {
    const app = await start({ PARLEY_WS_MAX_PAYLOAD_BYTES: '2048' });
    const ann = await signUp(app.app);
    const s = await TestSocket.connect(app.wsUrl, ann.token);
    s.send({ type: 'ping', pad: 'x'.repeat(4096) });
    expect(await s.closed).toBe(1009);
  });

  it('closes a slow consumer with 4008 without stalling the others in its channel', { timeout: 60_000 }, async () => {
    const app = await start({ PARLEY_WS_MAX_BUFFERED_BYTES: '65536' });
    const ann = await signUp(app.app, 'ann');
    const slowUser = await signUp(app.app, 'slow');
    const fastUser = await signUp(app.app, 'fast');
    const channel = await createChannel(app.app, ann.auth);
    await joinChannel(app.app, slowUser.auth, channel);
    await joinChannel(app.app, fastUser.auth, channel);
    const slow = await TestSocket.connect(app.wsUrl, slowUser.token);
    const fast = await TestSocket.connect(app.wsUrl, fastUser.token);
    sockets.push(slow, fast);
    await slow.subscribe(channel);
    await fast.subscribe(channel);
    // The slow client stops reading: its kernel buffers fill, then the server's send buffer grows.
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    // Messages arrive over many ticks, as they do from clients or the bus.
    const stored = await app.services.messages.send(app.services.auth.authenticate(ann.token), {
      channelId: channel,
      content: 'x'.repeat(3900),
    });
    const total = 3000;
    for (let i = 0; i < total; i += 1) {
      await app.services.bus.publish({
        kind: 'message',
        channelId: channel,
        message: { ...stored.value, messageId: `${BigInt(stored.value.messageId) + BigInt(i + 1)}` },
      });
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => fast.of('message').length === total + 1, 20_000, 'fast consumer to get everything');
    await waitFor(() => app.app.hub.stats().slowConsumersClosed === 1, 10_000, 'slow consumer to be closed');
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed).toBe(4008);
    expect(slow.of('message').length).toBeLessThan(total + 1);
  });

  it('rate-limits sends per user with an error frame carrying the wait', async () => {
    const app = await start({ PARLEY_RATE_SENDS_PER_MINUTE: '3' });
    const ann = await signUp(app.app);
    const channel = await createChannel(app.app, ann.auth);
    const s = await TestSocket.connect(app.wsUrl, ann.token);
    sockets.push(s);
    for (let i = 0; i < 4; i += 1)
      s.send({ type: 'send', channel_id: channel, content: `m${i}`, client_msg_id: `rl-${i}` });
    const err = await s.next((f) => f.type === 'error');
    expect(err).toMatchObject({ code: 'rate_limited', client_msg_id: 'rl-3' });
    expect(err.retry_after_ms as number).toBeGreaterThan(0);
    expect(s.of('ack')).toHaveLength(3);
    const http = await app.app.inject({
      method: 'POST',
      url: '/api/message',
      headers: ann.auth,
      payload: { channel_id: channel, content: 'over http' },
    });
    expect(http.statusCode).toBe(429);
    expect(http.json()).toMatchObject({ status: 'fail', code: 'rate_limited' });
    expect(Number(http.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rate-limits login attempts per IP with 429 and Retry-After', async () => {
    const app = await start({ PARLEY_RATE_AUTH_PER_MINUTE: '2' });
    const attempt = () =>
      app.app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { email: 'a@example.test', password: 'password-1' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ status: 'fail', code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a WebSocket from an origin that is not allowed, and allows listed ones', async () => {
    const app = await start({ PARLEY_CORS_ORIGINS: 'https://good.example' });
    const bad = new TestSocket(app.wsUrl, 'parley.v1', { origin: 'https://evil.example' });
    await expect(bad.opened).rejects.toThrow(/403/);
    const good = new TestSocket(app.wsUrl, 'parley.v1', { origin: 'https://good.example' });
    sockets.push(good);
    await good.opened;
    const preflight = await app.app.inject({
      method: 'OPTIONS',
      url: '/api/message',
      headers: { origin: 'https://good.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('https://good.example');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('closes with 4009 when the client stops answering heartbeats', async () => {
    const app = await start({ PARLEY_WS_PING_INTERVAL_MS: '400' });
    const ann = await signUp(app.app);
    const ws = new WebSocket(app.wsUrl, 'parley.v1', { autoPong: false });
    const code = new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'auth', token: ann.token }));
    expect(await code).toBe(4009);
    // A client that answers pings stays connected across several intervals.
    const ok = await TestSocket.connect(app.wsUrl, ann.token);
    sockets.push(ok);
    await new Promise((r) => setTimeout(r, 1500));
    expect(ok.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes with 4401 when the token expires during the connection', async () => {
    const app = await start();
    const ann = await signUp(app.app);
    const secret = readFileSync(join(app.config.dataDir, 'jwt-secret'), 'utf8').trim();
    // `exp` has whole seconds: a 3 s lifetime leaves at least 2 s to authenticate on a busy machine.
    const { token } = new Hs256TokenIssuer(secret, 3).issue({ sub: ann.id, name: 'x', email: ann.email });
    const s = await TestSocket.connect(app.wsUrl, token);
    expect(await s.closed).toBe(4401);
  });

  it('closes every socket with 1001 on shutdown', async () => {
    const app = await start();
    const ann = await signUp(app.app);
    const a = await TestSocket.connect(app.wsUrl, ann.token);
    const seed = new TestSocket(app.wsUrl, null);
    await seed.opened;
    await app.close();
    t = undefined;
    expect(await a.closed).toBe(1001);
    expect(await seed.closed).toBe(1001);
  });
});
