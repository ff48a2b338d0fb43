import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createChannel, joinChannel, signUp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('channels', () => {
  it('creates a channel whose creator is a member', async () => {
    const ann = await signUp(t.app, 'ann');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/channel',
      headers: ann.auth,
      payload: { name: ' lobby ' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'success', message: 'create channel successfully' });
    expect(body.data).toMatchObject({ name: 'lobby', user_id: ann.id });
    const mine = await t.app.inject({ method: 'GET', url: '/api/user/channel', headers: ann.auth });
    expect(mine.json()).toMatchObject({ status: 'success', message: 'get user channels successfully' });
    expect(mine.json().data.map((c: { id: string }) => c.id)).toContain(body.data.id);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: 7 }, 'name'],
  ])('rejects channel body %j with 400', async (payload, field) => {
    const ann = await signUp(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/channel', headers: ann.auth, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_input', field });
  });

  it('pages all channels newest first with an opaque cursor, each exactly once', async () => {
    const isolated = await buildTestApp();
    try {
      const u = await signUp(isolated.app);
      const ids: string[] = [];
      for (let i = 0; i < 7; i += 1) ids.push(await createChannel(isolated.app, u.auth, `c${i}`));
      const seen: string[] = [];
      let cursor = '';
      let pages = 0;
      do {
        const res = await isolated.app.inject({
          method: 'GET',
          url: `/api/channel?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          headers: u.auth,
        });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.message).toBe('get channels successfully');
        seen.push(...body.data.map((c: { id: string }) => c.id));
        cursor = body.next_cursor ?? '';
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect([...seen].sort()).toEqual([...ids].sort());
      // Newest first; channels created in the same millisecond are ordered by id, as one page shows them.
      const all = await isolated.app.inject({ method: 'GET', url: '/api/channel', headers: u.auth });
      expect(all.json().data.map((c: { id: string }) => c.id)).toEqual(seen);
      const times = all.json().data.map((c: { created_at: string }) => Date.parse(c.created_at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    } finally {
      await isolated.close();
    }
  });

  it('uses a default page of 100 channels', async () => {
    const u = await signUp(t.app);
    const res = await t.app.inject({ method: 'GET', url: '/api/channel', headers: u.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).not.toHaveProperty('next_cursor');
  });

  it('rejects a malformed cursor and a bad limit with 400', async () => {
    const u = await signUp(t.app);
    const bad = await t.app.inject({ method: 'GET', url: '/api/channel?cursor=%%%', headers: u.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    for (const limit of ['0', '101', 'ten']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/channel?limit=${limit}`, headers: u.auth });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('limit');
    }
  });

  it('joins a channel once: 409 the second time, 404 for an unknown channel, 400 for a bad id', async () => {
    const owner = await signUp(t.app);
    const bob = await signUp(t.app);
    const id = await createChannel(t.app, owner.auth);
    const join = (channel_id: unknown) =>
      t.app.inject({ method: 'POST', url: '/api/channel/join', headers: bob.auth, payload: { channel_id } });
    const first = await join(id);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ status: 'success', message: 'join channel successfully' });
    expect((await join(id)).statusCode).toBe(409);
    const unknown = await join(randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    const bad = await join('nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('channel_id');
  });

  it('leaves a channel, after which its history is forbidden', async () => {
    const owner = await signUp(t.app);
    const bob = await signUp(t.app);
    const id = await createChannel(t.app, owner.auth);
    await joinChannel(t.app, bob.auth, id);
    const before = await t.app.inject({ method: 'GET', url: `/api/message?channel_id=${id}`, headers: bob.auth });
    expect(before.statusCode).toBe(200);
    const leave = await t.app.inject({
      method: 'POST',
      url: '/api/channel/leave',
      headers: bob.auth,
      payload: { channel_id: id },
    });
    expect(leave.json()).toEqual({ status: 'success', message: 'leave channel successfully' });
    const after = await t.app.inject({ method: 'GET', url: `/api/message?channel_id=${id}`, headers: bob.auth });
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe('forbidden');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/channel/leave',
      headers: bob.auth,
      payload: { channel_id: id },
    });
    expect(again.statusCode).toBe(403);
  });

  it('lists members to members only', async () => {
    const owner = await signUp(t.app, 'owner');
    const bob = await signUp(t.app, 'bob');
    const outsider = await signUp(t.app);
    const id = await createChannel(t.app, owner.auth);
    await joinChannel(t.app, bob.auth, id);
    const res = await t.app.inject({ method: 'GET', url: `/api/channel/${id}/members`, headers: bob.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe('get members successfully');
    const members = res.json().data as Array<{ user_id: string; name: string; online: boolean }>;
    expect(members.map((m) => m.name)).toEqual(['owner', 'bob']);
    expect(members.every((m) => m.online === false)).toBe(true);
    const denied = await t.app.inject({ method: 'GET', url: `/api/channel/${id}/members`, headers: outsider.auth });
    expect(denied.statusCode).toBe(403);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/channel/${randomUUID()}/members`,
      headers: bob.auth,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/channel/xyz/members', headers: bob.auth });
    expect(bad.statusCode).toBe(400);
  });
});
