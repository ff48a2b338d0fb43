import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIds } from '../../src/domain/snowflake.js';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { type Frame, TestSocket } from '../support/ws-client.js';

let t: TestApp;
let ann: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;
const sockets: TestSocket[] = [];

const connect = async (token: string) => {
  const s = await TestSocket.connect(t.wsUrl, token);
  sockets.push(s);
  return s;
};
const idOf = (f: Frame) => (f.message as { message_id: string }).message_id;
const messageIds = (s: TestSocket, channelId: string) =>
  s
    .of('message')
    .filter((f) => (f.message as { channel_id: string }).channel_id === channelId)
    .map(idOf);

beforeAll(async () => {
  t = await buildTestApp();
  await t.listen();
  ann = await signUp(t.app, 'ann');
  bob = await signUp(t.app, 'bob');
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t.close();
});

async function sendAll(s: TestSocket, channelId: string, n: number, prefix: string): Promise<string[]> {
  for (let i = 0; i < n; i += 1)
    s.send({ type: 'send', channel_id: channelId, content: `${prefix}${i}`, client_msg_id: `${prefix}${i}` });
  await waitFor(() => s.of('ack').filter((f) => String(f.client_msg_id).startsWith(prefix)).length === n, 10_000);
  return s
    .of('ack')
    .filter((f) => String(f.client_msg_id).startsWith(prefix))
    .map((f) => idOf(f));
}

describe('recovery with since', () => {
  it('replays what was missed across a disconnect, in order, then goes live with no duplicate', async () => {
    const channel = await createChannel(t.app, ann.auth, 'recover');
    await joinChannel(t.app, bob.auth, channel);
    const a = await connect(ann.token);
    const b1 = await connect(bob.token);
    await b1.subscribe(channel);
    const before = await sendAll(a, channel, 3, 'before-');
    await waitFor(() => messageIds(b1, channel).length === 3);
    const lastSeen = messageIds(b1, channel).at(-1) as string;
    b1.ws.terminate();
    const missed = await sendAll(a, channel, 5, 'missed-');

    const b2 = await connect(bob.token);
    const subscribed = await b2.subscribe(channel, lastSeen);
    expect(subscribed).toMatchObject({ recovered: 5, gap: false });
    expect(messageIds(b2, channel)).toEqual(missed);
    const after = await sendAll(a, channel, 2, 'after-');
    await waitFor(() => messageIds(b2, channel).length === 7);
    expect([...before, ...messageIds(b2, channel)]).toEqual([...before, ...missed, ...after]);
  });

  it('loses and doubles nothing when messages keep arriving while the client resubscribes', async () => {
    const channel = await createChannel(t.app, ann.auth, 'race');
    await joinChannel(t.app, bob.auth, channel);
    const a = await connect(ann.token);
    const b1 = await connect(bob.token);
    await b1.subscribe(channel);
    const total = 300;
    for (let i = 0; i < total; i += 1)
      a.send({ type: 'send', channel_id: channel, content: `m${i}`, client_msg_id: `race-${i}` });
    await waitFor(() => messageIds(b1, channel).length >= 40, 10_000);
    b1.ws.terminate();
    const seenBefore = messageIds(b1, channel);
    const b2 = await connect(bob.token);
    b2.send({ type: 'subscribe', channel_id: channel, since: seenBefore.at(-1) });
    await waitFor(() => a.of('ack').length === total, 20_000);
    await waitFor(() => seenBefore.length + messageIds(b2, channel).length >= total, 10_000);
    const all = [...seenBefore, ...messageIds(b2, channel)];
    const acked = a.of('ack').map(idOf);
    expect(all).toEqual(acked);
    expect(new Set(all).size).toBe(total);
    expect([...all].sort(compareIds)).toEqual(all);
  });

  it('says gap when more than the cap was missed, replaying nothing', async () => {
    const channel = await createChannel(t.app, ann.auth, 'gap');
    const identity = t.services.auth.authenticate(ann.token);
    const first = await t.services.messages.send(identity, { channelId: channel, content: 'first' });
    for (let i = 0; i < 1001; i += 1)
      await t.services.messages.send(identity, { channelId: channel, content: `g${i}` });
    const a = await connect(ann.token);
    expect(await a.subscribe(channel, first.value.messageId)).toMatchObject({ recovered: 0, gap: true });
    expect(messageIds(a, channel)).toHaveLength(0);
    const ok = await connect(ann.token);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/message?channel_id=${channel}&limit=2`,
      headers: ann.auth,
    });
    const secondNewest = page.json().data.messages[1].message_id as string;
    expect(await ok.subscribe(channel, secondNewest)).toMatchObject({ recovered: 1, gap: false });
  });

  it('recovers 50 clients reconnecting at once, each exactly once and in order', async () => {
    const channel = await createChannel(t.app, ann.auth, 'crowd');
    const users = await Promise.all(Array.from({ length: 50 }, (_, i) => signUp(t.app, `crowd${i}`)));
    await Promise.all(users.map((u) => joinChannel(t.app, u.auth, channel)));
    const clients = await Promise.all(users.map((u) => connect(u.token)));
    await Promise.all(clients.map((c) => c.subscribe(channel)));
    const a = await connect(ann.token);
    const first = await sendAll(a, channel, 2, 'crowd-a-');
    await waitFor(() => clients.every((c) => messageIds(c, channel).length === 2), 10_000);
    for (const c of clients) c.ws.terminate();
    const missed = await sendAll(a, channel, 10, 'crowd-b-');
    const again = await Promise.all(users.map((u) => connect(u.token)));
    const subscribed = await Promise.all(again.map((c) => c.subscribe(channel, first[1])));
    expect(subscribed.every((s) => s.recovered === 10 && s.gap === false)).toBe(true);
    const live = await sendAll(a, channel, 3, 'crowd-c-');
    await waitFor(() => again.every((c) => messageIds(c, channel).length === 13), 10_000);
    for (const c of again) expect(messageIds(c, channel)).toEqual([...missed, ...live]);
  });
});
