import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { SqliteMessageStore } from '../../src/adapters/sqlite/sqlite-message-store.js';
import { compareIds } from '../../src/domain/snowflake.js';
import type { MessageStore } from '../../src/ports/message-store.port.js';
import { buildTestApp, type TestApp, waitFor } from '../support/test-app.js';
import { type Frame, subscribedMembers, TestSocket } from '../support/ws-client.js';

/**
 * A store where writing a message whose content starts with `slow` takes `delayMs`, as a busy
 * remote database's write may: a message sent after it gets a newer id and is delivered first.
 */
function slowWrites(store: MessageStore, delayMs: number): MessageStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'insertMessage') return value.bind(target);
      return async (...args: Parameters<MessageStore['insertMessage']>) => {
        if (args[0].content.startsWith('slow')) await new Promise((r) => setTimeout(r, delayMs));
        return value.apply(target, args);
      };
    },
  });
}

let t: TestApp;
const sockets: TestSocket[] = [];
const idOf = (f: Frame) => (f.message as { message_id: string }).message_id;
const contentOf = (f: Frame) => (f.message as { content: string }).content;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-overtaken-'));
  t = await buildTestApp({
    dataDir,
    overrides: { messages: slowWrites(new SqliteMessageStore(openSqlite(dataDir)), 300) },
  });
  await t.listen();
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t.close();
});

async function setup(name: string) {
  // ann and carl write (two writers), bob reads.
  const { channel, members } = await subscribedMembers(t, [`${name}-ann`, `${name}-carl`, `${name}-bob`]);
  const [a, a2, b1] = members.map((m) => m.socket) as [TestSocket, TestSocket, TestSocket];
  const bob = members[2]?.user as { token: string };
  sockets.push(a, a2, b1);
  a.send({ type: 'send', channel_id: channel, content: 'm0', client_msg_id: 'm0' });
  await waitFor(() => b1.of('message').length === 1);
  // X takes its id first but is stored late; Y, sent after by another writer, is delivered first.
  a.send({ type: 'send', channel_id: channel, content: 'slow-x', client_msg_id: 'x' });
  await new Promise((r) => setTimeout(r, 20));
  a2.send({ type: 'send', channel_id: channel, content: 'y', client_msg_id: 'y' });
  await waitFor(() => b1.of('message').length === 2);
  // b1 saw m0 and Y, and is gone before X arrives.
  b1.ws.terminate();
  const have = b1.of('message').map(idOf);
  const since = have.reduce((x, y) => (compareIds(x, y) > 0 ? x : y));
  expect(b1.of('message').map(contentOf)).toEqual(['m0', 'y']);
  return { a, bob, channel, have, since };
}

describe('recovery after a message overtaken by a newer id', () => {
  it('replays the older message that arrived after since, once, when the client resumes later', async () => {
    const { a, bob, channel, have, since } = await setup('late');
    await waitFor(() => a.of('ack').length === 2, 5000);
    const x = a.of('ack').find((f) => f.client_msg_id === 'x') as Frame;
    expect(compareIds(idOf(x), since)).toBeLessThan(0); // X's id is older than since

    const b2 = await TestSocket.connect(t.wsUrl, bob.token);
    sockets.push(b2);
    b2.send({ type: 'subscribe', channel_id: channel, since, have });
    const subscribed = await b2.next((f) => f.type === 'subscribed');
    expect(subscribed).toMatchObject({ recovered: 1, gap: false });
    b2.send({ type: 'ping' });
    await b2.next((f) => f.type === 'pong');
    expect(b2.of('message').map(contentOf)).toEqual(['slow-x']);
  });

  it('delivers it live when the client resumes while it is still being written', async () => {
    const { a, bob, channel, have, since } = await setup('inflight');
    const b2 = await TestSocket.connect(t.wsUrl, bob.token);
    sockets.push(b2);
    b2.send({ type: 'subscribe', channel_id: channel, since, have });
    await b2.next((f) => f.type === 'subscribed');
    await waitFor(() => a.of('ack').length === 2, 5000);
    await waitFor(() => b2.of('message').length >= 1, 5000);
    b2.send({ type: 'ping' });
    await b2.next((f) => f.type === 'pong');
    expect(b2.of('message').map(contentOf)).toEqual(['slow-x']);
  });

  it('without `have`, replays the window before since too: the client drops repeats by id', async () => {
    const { a, bob, channel, since } = await setup('nohave');
    await waitFor(() => a.of('ack').length === 2, 5000);
    const b2 = await TestSocket.connect(t.wsUrl, bob.token);
    sockets.push(b2);
    b2.send({ type: 'subscribe', channel_id: channel, since });
    await b2.next((f) => f.type === 'subscribed');
    // The window is X's delay (~300 ms): m0 and Y, which the client had, come again, in id order.
    expect(b2.of('message').map(contentOf)).toEqual(['m0', 'slow-x', 'y']);
  });
});
