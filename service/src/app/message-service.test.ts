import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from '../compose.js';
import { loadConfig } from '../config.js';
import type { Identity } from '../domain/entities.js';
import type { ChatEvent } from '../domain/events.js';
import type { Services } from './services.js';

let services: Services;
let ann: Identity;
let bob: Identity;
const events: ChatEvent[] = [];

async function identity(name: string): Promise<Identity> {
  const email = `${name}@example.test`;
  await services.auth.register({ username: name, email, password: 'password-1' });
  return services.auth.authenticate((await services.auth.login({ email, password: 'password-1' })).token);
}

beforeAll(async () => {
  const config = loadConfig({
    PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), 'parley-app-')),
    PARLEY_TYPING_TTL_MS: '100',
  });
  services = compose(config, { scrypt: { N: 1024, r: 8, p: 1 } });
  services.bus.subscribe((e) => events.push(e));
  ann = await identity('ann');
  bob = await identity('bob');
});
afterAll(() => services.close());

describe('MessageService on the embedded adapters', () => {
  it('persists, then publishes once, and returns the original on a retried client id', async () => {
    const channel = await services.channels.create(ann, 'app');
    const before = events.length;
    const first = await services.messages.send(ann, { channelId: channel.id, content: 'hi', clientMsgId: 'x1' });
    const again = await services.messages.send(ann, { channelId: channel.id, content: 'hi', clientMsgId: 'x1' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ value: first.value, created: false });
    const published = events.slice(before).filter((e) => e.kind === 'message');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ channelId: channel.id, message: first.value });
  });

  it('refuses non-members and unknown channels with typed errors', async () => {
    const channel = await services.channels.create(ann, 'private');
    await expect(services.messages.send(bob, { channelId: channel.id, content: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      services.messages.history(bob, '00000000-0000-4000-8000-000000000000', undefined, 10),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('admits a member as soon as they join (the membership cache is invalidated)', async () => {
    const channel = await services.channels.create(ann, 'cache');
    await expect(services.messages.history(bob, channel.id, undefined, 10)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await services.channels.join(bob, channel.id);
    await expect(services.messages.history(bob, channel.id, undefined, 10)).resolves.toMatchObject({ items: [] });
    await services.channels.leave(bob, channel.id);
    await expect(services.messages.history(bob, channel.id, undefined, 10)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('recovers after since, and reports a gap past the cap', async () => {
    const channel = await services.channels.create(ann, 'recover');
    const sent = [];
    for (let i = 0; i < 6; i += 1)
      sent.push((await services.messages.send(ann, { channelId: channel.id, content: `${i}` })).value);
    const since = sent[1]?.messageId as string;
    expect((await services.messages.recover(channel.id, since)).messages.map((m) => m.content)).toEqual([
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(await services.messages.recover(channel.id, since, [], 3)).toEqual({ messages: [], gap: true });
  });

  it('derives unread counts from the read position and messages by others', async () => {
    const channel = await services.channels.create(ann, 'unread');
    await services.channels.join(bob, channel.id);
    const m1 = (await services.messages.send(ann, { channelId: channel.id, content: '1' })).value;
    await services.messages.send(ann, { channelId: channel.id, content: '2' });
    const mine = (await services.messages.send(bob, { channelId: channel.id, content: 'mine' })).value;
    expect(await services.messages.readState(bob.userId, channel.id)).toEqual({
      readMessageId: '',
      unreadCount: 2,
      unreadThrough: mine.messageId,
    });
    await services.messages.markRead(bob, channel.id, m1.messageId);
    expect(await services.messages.readState(bob.userId, channel.id)).toEqual({
      readMessageId: m1.messageId,
      unreadCount: 1,
      unreadThrough: mine.messageId,
    });
  });

  it('expires typing on the server with a typing:false event', async () => {
    const channel = await services.channels.create(ann, 'typing');
    const before = events.length;
    await services.realtime.typing(channel.id, ann.userId);
    await services.realtime.typing(channel.id, ann.userId);
    await new Promise((r) => setTimeout(r, 250));
    const typing = events.slice(before).filter((e) => e.kind === 'typing');
    expect(typing.map((e) => (e as { typing: boolean }).typing)).toEqual([true, false]);
  });
});

describe('host-backend use cases', () => {
  it('issues a token for a host user id, creating the user once', async () => {
    const first = await services.auth.issueForExternal({ externalId: 'host-42', name: 'Host User' });
    const again = await services.auth.issueForExternal({ externalId: 'host-42', name: 'Renamed' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.id).toBe(first.id);
    expect(services.auth.authenticate(again.token).userId).toBe(first.id);
    await expect(services.auth.login({ email: first.email, password: '!' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('refuses channels owned by, and members who are, users that do not exist', async () => {
    const ghost = '00000000-0000-4000-8000-00000000dead';
    await expect(services.channels.create(ghost, 'haunted')).rejects.toMatchObject({ code: 'not_found' });
    const channel = await services.channels.create(ann.userId, 'hosted');
    await expect(services.channels.addMember(channel.id, ghost)).rejects.toMatchObject({ code: 'not_found' });
    expect(await services.channels.addMember(channel.id, bob.userId)).toBe(true);
  });

  it('posts a system message without membership, idempotently, into an existing channel only', async () => {
    const channel = await services.channels.create(ann, 'announcements');
    const system = { userId: '00000000-0000-4000-8000-000000000000', name: 'system' };
    const a = await services.messages.post(system, {
      channelId: channel.id,
      content: 'deploy at 5',
      clientMsgId: 's-1',
    });
    const b = await services.messages.post(system, {
      channelId: channel.id,
      content: 'deploy at 5',
      clientMsgId: 's-1',
    });
    expect(b).toEqual({ value: a.value, created: false });
    await expect(
      services.messages.post(system, { channelId: '00000000-0000-4000-8000-000000000001', content: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const page = await services.messages.channelHistory(channel.id, undefined, 10);
    expect(page.items.map((m) => m.username)).toEqual(['system']);
  });

  it('feeds a channel from since: the replay, then live events, each once', async () => {
    const channel = await services.channels.create(ann, 'feed');
    const m1 = (await services.messages.send(ann, { channelId: channel.id, content: '1' })).value;
    await services.messages.send(ann, { channelId: channel.id, content: '2' });
    const seen: ChatEvent[] = [];
    const feed = await services.messages.openFeed(channel.id, m1.messageId, [], (e) => seen.push(e));
    expect(feed).toMatchObject({ recovered: 1, gap: false });
    await services.messages.send(ann, { channelId: channel.id, content: '3' });
    feed.close();
    await services.messages.send(ann, { channelId: channel.id, content: '4' });
    const contents = seen.flatMap((e) => (e.kind === 'message' ? [e.message.content] : []));
    expect(contents).toEqual(['2', '3']);
  });
});
