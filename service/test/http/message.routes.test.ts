import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ann: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;
let outsider: Awaited<ReturnType<typeof signUp>>;
let channel: string;

beforeAll(async () => {
  t = await buildTestApp();
  ann = await signUp(t.app, 'ann');
  bob = await signUp(t.app, 'bob');
  outsider = await signUp(t.app, 'eve');
  channel = await createChannel(t.app, ann.auth);
  await joinChannel(t.app, bob.auth, channel);
});
afterAll(() => t.close());

const post = (auth: object, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: auth as Record<string, string>, payload });
const get = (auth: object, url: string) =>
  t.app.inject({ method: 'GET', url, headers: auth as Record<string, string> });

describe('messages over HTTP', () => {
  it('stores a message with identity from the token, ignoring user_id and username in the body', async () => {
    const res = await post(ann.auth, '/api/message', {
      channel_id: channel,
      content: 'hello',
      user_id: bob.id,
      username: 'mallory',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.message).toBe('create message successfully');
    expect(body.data).toMatchObject({ channel_id: channel, user_id: ann.id, username: 'ann', content: 'hello' });
    expect(body.data.reply_count).toBe(0);
    expect(typeof body.data.message_id).toBe('string');
    expect(body.data.message_id).toMatch(/^[1-9]\d+$/);
    expect(body.data.client_msg_id).toBe(`srv-${body.data.message_id}`);
  });

  it('keeps quotes, newlines, emoji and markup byte for byte', async () => {
    const content = 'She said "hi"\nline two\t\u{1F389}\u{1F468}\u200D\u{1F469} <b>&amp;</b> \\ \u00e9';
    const res = await post(ann.auth, '/api/message', { channel_id: channel, content });
    expect(res.json().data.content).toBe(content);
    const page = await get(ann.auth, `/api/message?channel_id=${channel}&limit=1`);
    expect(page.json().data.messages[0].content).toBe(content);
  });

  it('is idempotent on client_msg_id: a retry returns the original and stores nothing new', async () => {
    const first = await post(bob.auth, '/api/message', {
      channel_id: channel,
      content: 'once',
      client_msg_id: 'bob-1',
    });
    const retry = await post(bob.auth, '/api/message', {
      channel_id: channel,
      content: 'once',
      client_msg_id: 'bob-1',
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().data).toEqual(first.json().data);
    const page = await get(bob.auth, `/api/message?channel_id=${channel}&limit=100`);
    const copies = page.json().data.messages.filter((m: { client_msg_id: string }) => m.client_msg_id === 'bob-1');
    expect(copies).toHaveLength(1);
  });

  it.each([
    [{ channel_id: undefined, content: 'x' }, 'channel_id'],
    [{ channel_id: 'nope', content: 'x' }, 'channel_id'],
    [{ content: '' }, 'content'],
    [{ content: ' \n\t ' }, 'content'],
    [{ content: 'x'.repeat(4001) }, 'content'],
    [{ content: 42 }, 'content'],
    [{ content: 'x', client_msg_id: 'has space' }, 'client_msg_id'],
    [{ content: 'x', client_msg_id: 'x'.repeat(65) }, 'client_msg_id'],
  ])('rejects %j with 400 naming the field', async (payload, field) => {
    const res = await post(ann.auth, '/api/message', { channel_id: channel, ...payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 'fail', code: 'invalid_input', field });
  });

  it('accepts exactly 4000 characters, counting emoji as one', async () => {
    const content = '\u{1F600}'.repeat(4000);
    const res = await post(ann.auth, '/api/message', { channel_id: channel, content });
    expect(res.statusCode).toBe(200);
  });

  it('forbids non-members to read or write, and 404s an unknown channel', async () => {
    expect((await post(outsider.auth, '/api/message', { channel_id: channel, content: 'x' })).statusCode).toBe(403);
    expect((await get(outsider.auth, `/api/message?channel_id=${channel}`)).statusCode).toBe(403);
    const unknown = await post(ann.auth, '/api/message', { channel_id: randomUUID(), content: 'x' });
    expect(unknown.statusCode).toBe(404);
  });

  it('pages history newest first, 10 by default, with "" at the end', async () => {
    const fresh = await createChannel(t.app, ann.auth, 'paging');
    const sent: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      sent.push((await post(ann.auth, '/api/message', { channel_id: fresh, content: `m${i}` })).json().data.message_id);
    }
    const seen: string[] = [];
    let cursor = '';
    const sizes: number[] = [];
    do {
      const res = await get(ann.auth, `/api/message?channel_id=${fresh}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.json().message).toBe('get messages successfully');
      const { messages, next_cursor } = res.json().data;
      sizes.push(messages.length);
      seen.push(...messages.map((m: { message_id: string }) => m.message_id));
      cursor = next_cursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual([...sent].reverse());
    const big = await get(ann.auth, `/api/message?channel_id=${fresh}&limit=100`);
    expect(big.json().data.messages).toHaveLength(25);
    expect(big.json().data.next_cursor).toBe('');
  });

  it('rejects a malformed cursor, a missing channel_id and a limit over 100', async () => {
    expect((await get(ann.auth, `/api/message?channel_id=${channel}&cursor=abc`)).json().field).toBe('cursor');
    expect((await get(ann.auth, '/api/message')).json().field).toBe('channel_id');
    const over = await get(ann.auth, `/api/message?channel_id=${channel}&limit=101`);
    expect(over.statusCode).toBe(400);
    expect(over.json().field).toBe('limit');
  });
});

describe('replies over HTTP', () => {
  it('replies to a message, counts replies and pages them newest first', async () => {
    const parent = (await post(ann.auth, '/api/message', { channel_id: channel, content: 'thread' })).json().data;
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await post(bob.auth, '/api/reply', { message_id: parent.message_id, content: `r${i}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().message).toBe('create reply successfully');
      expect(res.json().data).toMatchObject({ message_id: parent.message_id, channel_id: channel, user_id: bob.id });
      ids.push(res.json().data.reply_id);
    }
    const first = await get(ann.auth, `/api/reply?message_id=${parent.message_id}`);
    expect(first.json().message).toBe('get replies successfully');
    expect(first.json().data.replies.map((r: { reply_id: string }) => r.reply_id)).toEqual(ids.slice(2).reverse());
    const second = await get(
      ann.auth,
      `/api/reply?message_id=${parent.message_id}&cursor=${first.json().data.next_cursor}`,
    );
    expect(second.json().data.replies.map((r: { reply_id: string }) => r.reply_id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.json().data.next_cursor).toBe('');
    const history = await get(ann.auth, `/api/message?channel_id=${channel}&limit=1`);
    expect(history.json().data.messages[0]).toMatchObject({ message_id: parent.message_id, reply_count: 12 });
  });

  it('is idempotent on client_msg_id for replies', async () => {
    const parent = (await post(ann.auth, '/api/message', { channel_id: channel, content: 'p' })).json().data;
    const a = await post(bob.auth, '/api/reply', { message_id: parent.message_id, content: 'r', client_msg_id: 'r-1' });
    const b = await post(bob.auth, '/api/reply', { message_id: parent.message_id, content: 'r', client_msg_id: 'r-1' });
    expect(b.json().data).toEqual(a.json().data);
    const list = await get(bob.auth, `/api/reply?message_id=${parent.message_id}`);
    expect(list.json().data.replies).toHaveLength(1);
  });

  it('404s an unknown message, 403s a non-member and 400s a bad id', async () => {
    expect((await post(ann.auth, '/api/reply', { message_id: '123456789', content: 'x' })).statusCode).toBe(404);
    const parent = (await post(ann.auth, '/api/message', { channel_id: channel, content: 'p' })).json().data;
    expect((await post(outsider.auth, '/api/reply', { message_id: parent.message_id, content: 'x' })).statusCode).toBe(
      403,
    );
    expect((await get(outsider.auth, `/api/reply?message_id=${parent.message_id}`)).statusCode).toBe(403);
    const bad = await post(ann.auth, '/api/reply', { message_id: '12ab', content: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('message_id');
  });
});
