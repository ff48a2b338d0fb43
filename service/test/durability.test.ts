import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from './support/spawn-server.js';
import { TestSocket } from './support/ws-client.js';

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
});

async function api(base: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { data: Record<string, unknown> & { token?: string } } };
}

describe('a real Parley process', () => {
  it('keeps history and tokens across a restart on the same data dir, and shuts down gracefully', {
    timeout: 90_000,
  }, async () => {
    const first = await spawnServer();
    servers.push(first);
    await api(first.url, '/api/register', { username: 'dura', email: 'dura@example.test', password: 'password-1' });
    const token = (await api(first.url, '/api/login', { email: 'dura@example.test', password: 'password-1' })).body.data
      .token as string;
    const channel = (await api(first.url, '/api/channel', { name: 'durable' }, token)).body.data.id as string;
    const socket = await TestSocket.connect(first.wsUrl, token);
    await socket.subscribe(channel);
    socket.send({ type: 'send', channel_id: channel, content: 'kept "forever" \u{1F5C4}', client_msg_id: 'keep-1' });
    const ack = await socket.next((f) => f.type === 'ack');

    expect(await first.stop()).toBe(0);
    expect(await socket.closed).toBe(1001);

    const second = await spawnServer({ dataDir: first.dataDir });
    servers.push(second);
    const history = await api(second.url, `/api/message?channel_id=${channel}`, undefined, token);
    expect(history.status).toBe(200);
    expect((history.body.data.messages as unknown[])[0]).toEqual(ack.message);
    const again = await TestSocket.connect(second.wsUrl, token);
    again.send({ type: 'send', channel_id: channel, content: 'kept "forever" \u{1F5C4}', client_msg_id: 'keep-1' });
    expect((await again.next((f) => f.type === 'ack')).message).toEqual(ack.message);
    again.ws.terminate();
  });
});
