import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { TestSocket } from '../support/ws-client.js';

let t: TestApp;
let ann: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;
let eve: Awaited<ReturnType<typeof signUp>>;
let channel: string;
const sockets: TestSocket[] = [];

const connect = async (token: string) => {
  const s = await TestSocket.connect(t.wsUrl, token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  t = await buildTestApp({ env: { PARLEY_TYPING_TTL_MS: '300' } });
  await t.listen();
  ann = await signUp(t.app, 'ann');
  bob = await signUp(t.app, 'bob');
  eve = await signUp(t.app, 'eve');
  channel = await createChannel(t.app, ann.auth);
  await joinChannel(t.app, bob.auth, channel);
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t.close();
});

describe('parley.v1 gateway', () => {
  it('answers auth with ready and the user, and selects the subprotocol', async () => {
    const s = await connect(ann.token);
    expect(s.ws.protocol).toBe('parley.v1');
    expect(s.of('ready')[0]).toMatchObject({ type: 'ready', user: { id: ann.id, name: 'ann', email: ann.email } });
    expect(s.of('ready')[0]?.user).not.toHaveProperty('token');
  });

  it('fans a message out to subscribed members only, the sender included, and acks the sender', async () => {
    const a = await connect(ann.token);
    const b = await connect(bob.token);
    const e = await connect(eve.token);
    await a.subscribe(channel);
    await b.subscribe(channel);
    const from = e.frames.length;
    e.send({ type: 'subscribe', channel_id: channel });
    const denied = await e.next((f) => f.type === 'error', 5000, from);
    expect(denied).toMatchObject({ code: 'forbidden', channel_id: channel });

    a.send({ type: 'send', channel_id: channel, content: 'hi "bob"\nline 2 \u{1F44B}', client_msg_id: 'a-1' });
    const ack = await a.next((f) => f.type === 'ack' && f.client_msg_id === 'a-1');
    const message = ack.message as { message_id: string; content: string; user_id: string };
    expect(message.content).toBe('hi "bob"\nline 2 \u{1F44B}');
    expect(message.user_id).toBe(ann.id);
    const atBob = await b.next(
      (f) => f.type === 'message' && (f.message as { message_id: string }).message_id === message.message_id,
    );
    expect(atBob.message).toEqual(message);
    await a.next(
      (f) => f.type === 'message' && (f.message as { message_id: string }).message_id === message.message_id,
    );
    // eve gets nothing but her error, even after a moment
    e.send({ type: 'ping' });
    await e.next((f) => f.type === 'pong', 5000, from);
    expect(e.of('message')).toHaveLength(0);
  });

  it('delivers to every socket of a user', async () => {
    const b1 = await connect(bob.token);
    const b2 = await connect(bob.token);
    await b1.subscribe(channel);
    await b2.subscribe(channel);
    const a = await connect(ann.token);
    a.send({ type: 'send', channel_id: channel, content: 'to both', client_msg_id: 'both-1' });
    const id = ((await a.next((f) => f.type === 'ack')).message as { message_id: string }).message_id;
    for (const s of [b1, b2])
      await s.next((f) => f.type === 'message' && (f.message as { message_id: string }).message_id === id);
  });

  it('acks a retried client_msg_id with the original, without a second broadcast or row', async () => {
    const a = await connect(ann.token);
    const b = await connect(bob.token);
    await b.subscribe(channel);
    a.send({ type: 'send', channel_id: channel, content: 'dedupe me', client_msg_id: 'dup-1' });
    const first = await a.next((f) => f.type === 'ack' && f.client_msg_id === 'dup-1');
    const count = a.of('ack').length;
    a.send({ type: 'send', channel_id: channel, content: 'dedupe me', client_msg_id: 'dup-1' });
    await waitFor(() => a.of('ack').length === count + 1);
    expect(a.of('ack').at(-1)).toEqual(first);
    a.send({ type: 'ping' });
    await a.next((f) => f.type === 'pong');
    const id = (first.message as { message_id: string }).message_id;
    await waitFor(() => b.of('message').some((f) => (f.message as { message_id: string }).message_id === id));
    b.send({ type: 'ping' });
    await b.next((f) => f.type === 'pong');
    expect(b.of('message').filter((f) => (f.message as { message_id: string }).message_id === id)).toHaveLength(1);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/message?channel_id=${channel}&limit=100`,
      headers: ann.auth,
    });
    expect(
      page.json().data.messages.filter((m: { client_msg_id: string }) => m.client_msg_id === 'dup-1'),
    ).toHaveLength(1);
  });

  it('assigns a client_msg_id when the client gives none and returns it in the ack', async () => {
    const a = await connect(ann.token);
    a.send({ type: 'send', channel_id: channel, content: 'no id' });
    const ack = await a.next((f) => f.type === 'ack');
    expect(ack.client_msg_id).toMatch(/^srv-\d+$/);
    expect((ack.message as { client_msg_id: string }).client_msg_id).toBe(ack.client_msg_id);
  });

  it('sends replies to subscribers and acks them', async () => {
    const a = await connect(ann.token);
    const b = await connect(bob.token);
    await b.subscribe(channel);
    a.send({ type: 'send', channel_id: channel, content: 'parent', client_msg_id: 'p-1' });
    const parent = (await a.next((f) => f.type === 'ack' && f.client_msg_id === 'p-1')).message as {
      message_id: string;
    };
    a.send({ type: 'reply', message_id: parent.message_id, content: 'child', client_msg_id: 'c-1' });
    const ack = await a.next((f) => f.type === 'ack' && f.client_msg_id === 'c-1');
    expect(ack.reply).toMatchObject({ message_id: parent.message_id, content: 'child', user_id: ann.id });
    const got = await b.next((f) => f.type === 'reply');
    expect(got.reply).toEqual(ack.reply);
  });

  it('answers bad frames with error frames naming the field and keeps the socket open', async () => {
    const a = await connect(ann.token);
    const cases: Array<[unknown, string, string | undefined]> = [
      ['not json', 'frame', undefined],
      ['[1,2]', 'frame', undefined],
      [{ type: 'dance' }, 'type', undefined],
      [{ channel_id: channel }, 'type', undefined],
      [{ type: 'send', channel_id: channel, content: '', client_msg_id: 'e-1' }, 'content', 'e-1'],
      [{ type: 'send', channel_id: channel, content: 'x'.repeat(4001), client_msg_id: 'e-2' }, 'content', 'e-2'],
      [{ type: 'send', channel_id: 'bad', content: 'x', client_msg_id: 'e-3' }, 'channel_id', 'e-3'],
      [{ type: 'subscribe', channel_id: channel, since: '12abc' }, 'since', undefined],
      [{ type: 'subscribe', channel_id: channel, extra: 1 }, 'extra', undefined],
      [{ type: 'subscribe', channel_id: channel, since: '42', have: ['42', 'x'] }, 'have.1', undefined],
      [{ type: 'subscribe', channel_id: channel, since: '42', have: Array(1001).fill('42') }, 'have', undefined],
      [{ type: 'read', channel_id: channel }, 'message_id', undefined],
    ];
    for (const [frame, field, clientMsgId] of cases) {
      const from = a.frames.length;
      a.send(frame);
      const err = await a.next((f) => f.type === 'error', 5000, from);
      expect(err, JSON.stringify(frame)).toMatchObject({ code: 'invalid_input', field });
      if (clientMsgId) expect(err.client_msg_id).toBe(clientMsgId);
      else expect(err).not.toHaveProperty('client_msg_id');
    }
    a.send({ type: 'ping' });
    await a.next((f) => f.type === 'pong');
    expect(a.ws.readyState).toBe(a.ws.OPEN);
  });

  it('refuses frames before auth with an unauthorized error, then accepts auth', async () => {
    const s = new TestSocket(t.wsUrl);
    sockets.push(s);
    await s.opened;
    s.send({ type: 'subscribe', channel_id: channel });
    expect(await s.next((f) => f.type === 'error')).toMatchObject({ code: 'unauthorized' });
    s.send({ type: 'auth', token: ann.token });
    await s.next((f) => f.type === 'ready');
  });

  it('handles frames pipelined behind auth in order', async () => {
    const s = new TestSocket(t.wsUrl);
    sockets.push(s);
    await s.opened;
    s.send({ type: 'auth', token: ann.token });
    s.send({ type: 'subscribe', channel_id: channel });
    s.send({ type: 'send', channel_id: channel, content: 'pipelined', client_msg_id: 'pipe-1' });
    await s.next((f) => f.type === 'ack' && f.client_msg_id === 'pipe-1');
    const types = s.frames.map((f) => f.type);
    expect(types.indexOf('ready')).toBeLessThan(types.indexOf('subscribed'));
    expect(types.indexOf('subscribed')).toBeLessThan(types.indexOf('ack'));
  });

  it('closes with 4500 after an error frame when the token is bad', async () => {
    const s = new TestSocket(t.wsUrl);
    await s.opened;
    s.send({ type: 'auth', token: 'nope' });
    expect(await s.closed).toBe(4500);
    expect(s.of('error')[0]).toMatchObject({ code: 'unauthorized' });
  });

  it('expires typing on the server and never echoes it to the typer', async () => {
    const a = await connect(ann.token);
    const b = await connect(bob.token);
    await a.subscribe(channel);
    await b.subscribe(channel);
    a.send({ type: 'typing', channel_id: channel });
    a.send({ type: 'typing', channel_id: channel });
    expect(await b.next((f) => f.type === 'typing' && f.typing === true)).toMatchObject({
      channel_id: channel,
      user_id: ann.id,
    });
    expect(await b.next((f) => f.type === 'typing' && f.typing === false, 3000)).toMatchObject({ user_id: ann.id });
    expect(b.of('typing').filter((f) => f.typing === true)).toHaveLength(1);
    expect(a.of('typing')).toHaveLength(0);
  });

  it('stops typing when the typer sends, long before the indicator would expire', async () => {
    const slow = await buildTestApp({ env: { PARLEY_TYPING_TTL_MS: '60000' } });
    try {
      await slow.listen();
      const u1 = await signUp(slow.app, 'typer');
      const u2 = await signUp(slow.app, 'watcher');
      const ch = await createChannel(slow.app, u1.auth);
      await joinChannel(slow.app, u2.auth, ch);
      const a = await TestSocket.connect(slow.wsUrl, u1.token);
      const b = await TestSocket.connect(slow.wsUrl, u2.token);
      sockets.push(a, b);
      await b.subscribe(ch);
      a.send({ type: 'typing', channel_id: ch });
      await b.next((f) => f.type === 'typing' && f.typing === true);
      const from = b.frames.length;
      a.send({ type: 'send', channel_id: ch, content: 'done typing' });
      expect(await b.next((f) => f.type === 'typing', 5000, from)).toMatchObject({ typing: false, user_id: u1.id });
    } finally {
      await slow.close();
    }
  });

  it('announces presence when a user comes online and goes offline', async () => {
    const carl = await signUp(t.app, 'carl');
    await joinChannel(t.app, carl.auth, channel);
    const a = await connect(ann.token);
    await a.subscribe(channel);
    const c = await connect(carl.token);
    expect(await a.next((f) => f.type === 'presence' && f.user_id === carl.id)).toMatchObject({
      channel_id: channel,
      online: true,
    });
    const members = await t.app.inject({ method: 'GET', url: `/api/channel/${channel}/members`, headers: ann.auth });
    expect(members.json().data.find((m: { user_id: string }) => m.user_id === carl.id).online).toBe(true);
    await c.close();
    await a.next((f) => f.type === 'presence' && f.user_id === carl.id && f.online === false);
  });

  it('keeps read state, broadcasts it and reports unread counts on subscribe', async () => {
    const fresh = await createChannel(t.app, ann.auth, 'reads');
    await joinChannel(t.app, bob.auth, fresh);
    const a = await connect(ann.token);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      a.send({ type: 'send', channel_id: fresh, content: `r${i}`, client_msg_id: `read-${i}` });
      ids.push(
        ((await a.next((f) => f.type === 'ack' && f.client_msg_id === `read-${i}`)).message as { message_id: string })
          .message_id,
      );
    }
    const b = await connect(bob.token);
    expect(await b.subscribe(fresh)).toMatchObject({ read_message_id: '', unread_count: 4, unread_through: ids[3] });
    b.send({ type: 'read', channel_id: fresh, message_id: ids[1] });
    expect(await b.next((f) => f.type === 'read')).toMatchObject({
      channel_id: fresh,
      user_id: bob.id,
      message_id: ids[1],
    });
    b.send({ type: 'read', channel_id: fresh, message_id: ids[0] }); // never moves back
    b.send({ type: 'ping' });
    await b.next((f) => f.type === 'pong');
    const b2 = await connect(bob.token);
    expect(await b2.subscribe(fresh)).toMatchObject({ read_message_id: ids[1], unread_count: 2 });
  });

  it('unsubscribes on request and when the user leaves the channel', async () => {
    const fresh = await createChannel(t.app, ann.auth, 'leaving');
    await joinChannel(t.app, bob.auth, fresh);
    const b = await connect(bob.token);
    await b.subscribe(fresh);
    await t.app.inject({
      method: 'POST',
      url: '/api/channel/leave',
      headers: bob.auth,
      payload: { channel_id: fresh },
    });
    expect(await b.next((f) => f.type === 'unsubscribed')).toMatchObject({ channel_id: fresh });
    const a = await connect(ann.token);
    await a.subscribe(fresh);
    a.send({ type: 'unsubscribe', channel_id: fresh });
    await a.next((f) => f.type === 'unsubscribed');
    a.send({ type: 'send', channel_id: fresh, content: 'after unsubscribe', client_msg_id: 'after-unsub' });
    await a.next((f) => f.type === 'ack' && f.client_msg_id === 'after-unsub');
    expect(a.of('message')).toHaveLength(0);
    expect(b.of('message')).toHaveLength(0);
  });

  it('tells the subscribers of a channel who joined and who left; the leaver does not hear it', async () => {
    const fresh = await createChannel(t.app, ann.auth, 'comings and goings');
    const a = await connect(ann.token);
    await a.subscribe(fresh);
    await joinChannel(t.app, bob.auth, fresh);
    expect(await a.next((f) => f.type === 'member')).toEqual({
      type: 'member',
      channel_id: fresh,
      user_id: bob.id,
      joined: true,
    });
    const b = await connect(bob.token);
    await b.subscribe(fresh);
    const from = a.frames.length;
    await t.app.inject({
      method: 'POST',
      url: '/api/channel/leave',
      headers: bob.auth,
      payload: { channel_id: fresh },
    });
    expect(await a.next((f) => f.type === 'member', 5000, from)).toMatchObject({ user_id: bob.id, joined: false });
    await b.next((f) => f.type === 'unsubscribed');
    expect(b.of('member')).toEqual([]);
  });
});
