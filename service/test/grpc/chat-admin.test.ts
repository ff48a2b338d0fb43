import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateChannelResponse, IssueUserTokenResponse, WireMessage } from '../../src/grpc/index.js';
import { createChannelFor, type GrpcStack, issueUser, startGrpcStack } from './grpc-fixture.js';

type Msg = WireMessage;

describe('ChatAdminService unary RPCs', () => {
  let stack: GrpcStack;
  beforeAll(async () => {
    stack = await startGrpcStack();
  });
  afterAll(() => stack.close());

  it('issues a token for a new host user, then the same user again for the same external id', async () => {
    const first = await stack.admin.call<IssueUserTokenResponse>('IssueUserToken', {
      external_id: 'shop-user-42',
      name: 'Alice',
      email: 'Alice@Shop.example',
    });
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({ name: 'Alice', email: 'alice@shop.example' });
    expect(first.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(first.user.created_at).toISOString()).toBe(first.user.created_at);
    expect(Date.parse(first.expires_at)).toBeGreaterThan(Date.now());

    const again = await stack.admin.call<IssueUserTokenResponse>('IssueUserToken', {
      external_id: 'shop-user-42',
      name: 'A',
    });
    expect(again.created).toBe(false);
    expect(again.user.id).toBe(first.user.id);
    expect(again.token).not.toBe('');
  });

  it('issues a token the REST API accepts as the user', async () => {
    const issued = await issueUser(stack.admin, 'rest-check');
    const channelId = await createChannelFor(stack.admin, issued.user.id, 'rest-visible');
    const res = await stack.test.app.inject({
      method: 'GET',
      url: '/api/user/channel',
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((c: { id: string }) => c.id)).toEqual([channelId]);
  });

  it('creates a channel owned and joined by the named creator', async () => {
    const owner = await issueUser(stack.admin);
    const res = await stack.admin.call<CreateChannelResponse>('CreateChannel', {
      name: 'support',
      creator_user_id: owner.user.id,
    });
    expect(res.channel).toMatchObject({ name: 'support', user_id: owner.user.id });
    const added = await stack.admin.call('AddMember', { channel_id: res.channel.id, user_id: owner.user.id });
    expect(added).toEqual({ added: false });
  });

  it('adds a member once and removes them once', async () => {
    const owner = await issueUser(stack.admin);
    const guest = await issueUser(stack.admin);
    const channelId = await createChannelFor(stack.admin, owner.user.id);
    const req = { channel_id: channelId, user_id: guest.user.id };

    expect(await stack.admin.call('AddMember', req)).toEqual({ added: true });
    expect(await stack.admin.call('AddMember', req)).toEqual({ added: false });
    const members = await stack.test.app.inject({
      method: 'GET',
      url: `/api/channel/${channelId}/members`,
      headers: { authorization: `Bearer ${guest.token}` },
    });
    expect(members.statusCode).toBe(200);

    expect(await stack.admin.call('RemoveMember', req)).toEqual({ removed: true });
    expect(await stack.admin.call('RemoveMember', req)).toEqual({ removed: false });
    const after = await stack.test.app.inject({
      method: 'GET',
      url: `/api/channel/${channelId}/members`,
      headers: { authorization: `Bearer ${guest.token}` },
    });
    expect(after.statusCode).toBe(403);
  });

  it('posts a system message when no author is named, and a bot message when one is', async () => {
    const owner = await issueUser(stack.admin);
    const channelId = await createChannelFor(stack.admin, owner.user.id);

    const system = await stack.admin.call<{ message: Msg; created: boolean }>('PostMessage', {
      channel_id: channelId,
      content: 'Welcome!',
    });
    expect(system.created).toBe(true);
    expect(system.message).toMatchObject({
      channel_id: channelId,
      user_id: '00000000-0000-0000-0000-000000000000',
      username: 'system',
      content: 'Welcome!',
    });
    expect(system.message.message_id).toMatch(/^[1-9][0-9]{15,19}$/);

    const bot = await stack.admin.call<{ message: Msg }>('PostMessage', {
      channel_id: channelId,
      content: 'beep',
      author_user_id: owner.user.id,
      author_name: 'Order bot',
    });
    expect(bot.message).toMatchObject({ user_id: owner.user.id, username: 'Order bot' });
  });

  it('returns the original message when a client_msg_id is posted again, without storing a second one', async () => {
    const owner = await issueUser(stack.admin);
    const channelId = await createChannelFor(stack.admin, owner.user.id);
    const req = { channel_id: channelId, content: 'order #1 shipped', client_msg_id: 'order-1:shipped' };

    const first = await stack.admin.call<{ message: Msg; created: boolean }>('PostMessage', req);
    const retry = await stack.admin.call<{ message: Msg; created: boolean }>('PostMessage', req);
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.message.message_id).toBe(first.message.message_id);

    const page = await stack.admin.call<{ messages: Msg[] }>('ListMessages', { channel_id: channelId });
    expect(page.messages.map((m) => m.message_id)).toEqual([first.message.message_id]);
  });

  it('pages through history newest first with opaque cursors, ending with an empty next_cursor', async () => {
    const owner = await issueUser(stack.admin);
    const channelId = await createChannelFor(stack.admin, owner.user.id);
    const posted: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const res = await stack.admin.call<{ message: Msg }>('PostMessage', { channel_id: channelId, content: `m${i}` });
      posted.push(res.message.message_id);
    }

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor = '';
    do {
      const page = await stack.admin.call<{ messages: Msg[]; next_cursor: string }>('ListMessages', {
        channel_id: channelId,
        cursor,
        limit: 10,
      });
      sizes.push(page.messages.length);
      seen.push(...page.messages.map((m) => m.message_id));
      cursor = page.next_cursor;
    } while (cursor !== '');

    expect(sizes).toEqual([10, 10, 3]);
    expect(seen).toEqual([...posted].reverse());
  });

  it('serves 10 messages by default', async () => {
    const owner = await issueUser(stack.admin);
    const channelId = await createChannelFor(stack.admin, owner.user.id);
    for (let i = 0; i < 12; i += 1) await stack.admin.call('PostMessage', { channel_id: channelId, content: `n${i}` });
    const page = await stack.admin.call<{ messages: Msg[]; next_cursor: string }>('ListMessages', {
      channel_id: channelId,
    });
    expect(page.messages).toHaveLength(10);
    expect(page.next_cursor).not.toBe('');
  });

  it('records every call in parley_grpc_calls_total by method and status code', async () => {
    const before = await scrape(stack);
    await stack.admin.call('ListMessages', { channel_id: '7b7c6a32-6f1f-4d3e-9b7e-0d3d6c1c2f11' }).catch(() => 0);
    await stack.admin.call('IssueUserToken', { external_id: 'metrics-user', name: 'M' });
    const after = await scrape(stack);
    const count = (text: string, labels: string) =>
      Number(new RegExp(`^parley_grpc_calls_total\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    expect(count(after, 'method="ListMessages",code="NOT_FOUND"')).toBe(
      count(before, 'method="ListMessages",code="NOT_FOUND"') + 1,
    );
    expect(count(after, 'method="IssueUserToken",code="OK"')).toBe(
      count(before, 'method="IssueUserToken",code="OK"') + 1,
    );
    expect(after).toMatch(/^parley_grpc_call_duration_seconds_count\{method="IssueUserToken"\} [1-9]/m);
  });
});

async function scrape(stack: GrpcStack): Promise<string> {
  const res = await stack.test.app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  return res.body;
}
