import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { SqliteMessageStore } from '../../src/adapters/sqlite/sqlite-message-store.js';
import { compareIds } from '../../src/domain/snowflake.js';
import type { MessageStore } from '../../src/ports/message-store.port.js';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { type Frame, TestSocket } from '../support/ws-client.js';

/**
 * A store whose recovery read starts late, as a remote database's may: live messages stored in
 * the meantime reach the subscription's buffer *and* the replay, so the gateway's flush must drop
 * what the replay already sent.
 */
function slowRecovery(store: MessageStore, delayMs: number): MessageStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'after' || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        await new Promise((r) => setTimeout(r, delayMs));
        return value.apply(target, args);
      };
    },
  });
}

let t: TestApp;
const sockets: TestSocket[] = [];
const idOf = (f: Frame) => (f.message as { message_id: string }).message_id;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-race-'));
  const store = slowRecovery(new SqliteMessageStore(openSqlite(dataDir)), 100);
  t = await buildTestApp({ dataDir, overrides: { messages: store } });
  await t.listen();
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t.close();
});

describe('recovery racing live sends', () => {
  it('delivers every message exactly once, in order, when sends land during the replay', async () => {
    const ann = await signUp(t.app, 'ann');
    const bob = await signUp(t.app, 'bob');
    const channel = await createChannel(t.app, ann.auth);
    await joinChannel(t.app, bob.auth, channel);
    const a = await TestSocket.connect(t.wsUrl, ann.token);
    const b1 = await TestSocket.connect(t.wsUrl, bob.token);
    sockets.push(a, b1);
    await b1.subscribe(channel);
    a.send({ type: 'send', channel_id: channel, content: 'm0', client_msg_id: 'm0' });
    await waitFor(() => b1.of('message').length === 1);
    const since = idOf(b1.of('message')[0] as Frame);
    b1.ws.terminate();
    for (let i = 1; i <= 5; i += 1)
      a.send({ type: 'send', channel_id: channel, content: `m${i}`, client_msg_id: `m${i}` });
    await waitFor(() => a.of('ack').length === 6);

    const b2 = await TestSocket.connect(t.wsUrl, bob.token);
    sockets.push(b2);
    b2.send({ type: 'subscribe', channel_id: channel, since });
    // While the replay is being read, more messages are stored and published.
    for (let i = 6; i <= 40; i += 1) {
      a.send({ type: 'send', channel_id: channel, content: `m${i}`, client_msg_id: `m${i}` });
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => a.of('ack').length === 41, 10_000);
    await waitFor(() => b2.of('message').length >= 40, 10_000);
    b2.send({ type: 'ping' });
    await b2.next((f) => f.type === 'pong');
    const received = b2.of('message').map(idOf);
    const expected = a.of('ack').slice(1).map(idOf);
    expect(received).toEqual(expected);
    expect([...received].sort(compareIds)).toEqual(received);
    const subscribed = b2.of('subscribed')[0] as Frame;
    // The replay really overlapped live traffic: it holds messages sent after the subscribe began,
    // which the live subscription had buffered too.
    expect(subscribed.recovered as number).toBeGreaterThan(5);
  });
});
