import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp, waitFor } from '../support/test-app.js';
import { TestSocket } from '../support/ws-client.js';

let t: TestApp;
let ann: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;
let eve: Awaited<ReturnType<typeof signUp>>;
let channel: string;
const sockets: TestSocket[] = [];

/** Opens a seed-dialect socket (no subprotocol) and sends the auth line. */
const seed = async (token: string) => {
  const s = new TestSocket(t.wsUrl, null);
  sockets.push(s);
  await s.opened;
  s.send(`Authorization: Bearer ${token}`);
  return s;
};

beforeAll(async () => {
  t = await buildTestApp();
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

describe('seed dialect (no subprotocol)', () => {
  it('acks the sender, broadcasts to every other member socket, and takes identity from the token', async () => {
    const a = await seed(ann.token);
    const b = await seed(bob.token);
    const e = await seed(eve.token);
    const v1 = await TestSocket.connect(t.wsUrl, bob.token);
    sockets.push(v1);
    await v1.subscribe(channel);
    expect(a.ws.protocol).toBe('');
    a.send({
      action: 'CreateMessage',
      data: { channel_id: channel, content: 'from "seed"\n\u{1F600}', user_id: bob.id, username: 'mallory' },
    });
    const ack = await a.next((f) => f.status === 'success');
    expect(ack).toMatchObject({
      status: 'success',
      message: 'create message successfully',
      data: { channel_id: channel, user_id: ann.id, username: 'ann', content: 'from "seed"\n\u{1F600}' },
    });
    const data = ack.data as { message_id: string };
    expect(typeof data.message_id).toBe('string');
    const atBob = await b.next((f) => f.status === 'success');
    expect(atBob).toEqual({ status: 'success', message: 'send message successfully', data: ack.data });
    await v1.next((f) => f.type === 'message');
    // The sender gets only its ack; the outsider gets nothing.
    a.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'second' } });
    await a.next((f) => f.status === 'success' && (f.data as { content: string }).content === 'second');
    await b.next((f) => (f.data as { content?: string } | undefined)?.content === 'second');
    expect(a.frames.filter((f) => f.message === 'send message successfully')).toHaveLength(0);
    expect(e.frames).toHaveLength(0);
  });

  it('replies with CreateReply and broadcasts the reply', async () => {
    const a = await seed(ann.token);
    const b = await seed(bob.token);
    a.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'parent' } });
    const parent = (await a.next((f) => f.message === 'create message successfully')).data as { message_id: string };
    b.send({ action: 'CreateReply', data: { channel_id: channel, message_id: parent.message_id, content: 'child' } });
    const ack = await b.next((f) => f.message === 'create reply successfully');
    expect(ack.data).toMatchObject({ message_id: parent.message_id, user_id: bob.id, content: 'child' });
    const atAnn = await a.next((f) => f.message === 'send message successfully');
    expect(atAnn.data).toEqual(ack.data);
  });

  it('handles frames sent before auth completes, in order, after it', async () => {
    const s = new TestSocket(t.wsUrl, null);
    sockets.push(s);
    await s.opened;
    s.send(`Authorization: Bearer ${ann.token}`);
    s.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'one' } });
    s.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'two' } });
    await waitFor(() => s.frames.length === 2);
    expect(s.frames.map((f) => (f.data as { content: string }).content)).toEqual(['one', 'two']);
  });

  it('hears channels joined after connecting, and stops hearing channels left', async () => {
    const fresh = await createChannel(t.app, ann.auth, 'later');
    const b = await seed(bob.token);
    await new Promise((r) => setTimeout(r, 50));
    await joinChannel(t.app, bob.auth, fresh);
    const a = await seed(ann.token);
    a.send({ action: 'CreateMessage', data: { channel_id: fresh, content: 'welcome' } });
    await b.next((f) => (f.data as { content?: string } | undefined)?.content === 'welcome');
    await t.app.inject({
      method: 'POST',
      url: '/api/channel/leave',
      headers: bob.auth,
      payload: { channel_id: fresh },
    });
    a.send({ action: 'CreateMessage', data: { channel_id: fresh, content: 'bye' } });
    await a.next((f) => (f.data as { content?: string } | undefined)?.content === 'bye');
    a.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'marker' } });
    await b.next((f) => (f.data as { content?: string } | undefined)?.content === 'marker');
    expect(b.frames.some((f) => (f.data as { content?: string } | undefined)?.content === 'bye')).toBe(false);
  });

  it('answers failures with fail frames without closing', async () => {
    const a = await seed(ann.token);
    a.send('not json');
    expect(await a.next((f) => f.status === 'fail')).toMatchObject({ message: 'invalid JSON' });
    a.send({ action: 'Dance', data: {} });
    await waitFor(() => a.frames.length === 2);
    a.send({ action: 'CreateMessage', data: { channel_id: channel, content: '' } });
    await waitFor(() => a.frames.length === 3);
    expect(a.frames[2]).toMatchObject({ status: 'fail', message: 'data.content must not be empty' });
    const e = await seed(eve.token);
    e.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'let me in' } });
    expect(await e.next((f) => f.status === 'fail')).toMatchObject({ code: 'forbidden' });
    a.send({ action: 'CreateMessage', data: { channel_id: channel, content: 'still open' } });
    await a.next((f) => f.status === 'success');
  });

  it('sends a fail frame and closes with 4500 on a bad auth line', async () => {
    const s = new TestSocket(t.wsUrl, null);
    await s.opened;
    s.send('Authorization: Bearer not-a-token');
    expect(await s.closed).toBe(4500);
    expect(s.frames[0]).toMatchObject({ status: 'fail' });
    const s2 = new TestSocket(t.wsUrl, null);
    await s2.opened;
    s2.send('hello');
    expect(await s2.closed).toBe(4500);
  });
});
