import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIds } from '../../src/domain/snowflake.js';
import { TestSocket } from '../support/ws-client.js';
import type { EventStream, Frame } from './admin-client.js';
import { createChannelFor, type GrpcStack, issueUser, startGrpcStack } from './grpc-fixture.js';

type Posted = { message: { message_id: string } };

const isMessage = (content: string) => (f: Frame) =>
  'event' in f && 'message' in f.event && f.event.message.content === content;

describe('StreamChannelEvents', () => {
  let stack: GrpcStack;
  const sockets: TestSocket[] = [];
  const streams: EventStream[] = [];
  beforeAll(async () => {
    stack = await startGrpcStack();
  });
  afterAll(async () => {
    for (const stream of streams) stream.cancel();
    await Promise.all(sockets.map((s) => s.close()));
    await stack.close();
  });

  /** A host user (token from IssueUserToken) in a fresh channel, signed in over the WebSocket. */
  async function widgetUserInChannel() {
    const user = await issueUser(stack.admin);
    const channelId = await createChannelFor(stack.admin, user.user.id);
    const socket = await TestSocket.connect(stack.test.wsUrl, user.token);
    sockets.push(socket);
    return { user, channelId, socket };
  }

  const open = async (request: { channel_id: string; since?: string; have?: string[] }) => {
    const stream = await stack.admin.subscribe(request);
    streams.push(stream);
    return stream;
  };

  const post = (channelId: string, content: string) =>
    stack.admin.call<Posted>('PostMessage', { channel_id: channelId, content }).then((r) => r.message.message_id);

  it('starts with a subscribed frame, then streams what a widget user sends over the WebSocket', async () => {
    const { user, channelId, socket } = await widgetUserInChannel();
    expect(socket.of('ready')[0]?.user).toMatchObject({ id: user.user.id });
    const stream = await open({ channel_id: channelId });
    expect(stream.frames[0]).toMatchObject({ subscribed: { recovered: 0, gap: false } });

    socket.send({ type: 'send', channel_id: channelId, content: 'hello from the widget', client_msg_id: 'w-1' });
    const frame = await stream.next(isMessage('hello from the widget'));
    expect(frame).toMatchObject({
      event: {
        channel_id: channelId,
        message: { user_id: user.user.id, username: user.user.name, client_msg_id: 'w-1', channel_id: channelId },
      },
    });
  });

  it('resumes after since with exactly the missed messages, in order, then goes live', async () => {
    const { channelId, socket } = await widgetUserInChannel();
    const first = await open({ channel_id: channelId });
    socket.send({ type: 'send', channel_id: channelId, content: 'seen', client_msg_id: 'r-0' });
    await first.next(isMessage('seen'));
    const lastSeen = first.messageIds().at(-1) ?? '';
    first.cancel();

    const missed = [await post(channelId, 'missed 1'), await post(channelId, 'missed 2')];
    socket.send({ type: 'send', channel_id: channelId, content: 'missed 3', client_msg_id: 'r-3' });
    const ack = await socket.next((f) => f.type === 'ack' && f.client_msg_id === 'r-3');
    missed.push((ack.message as { message_id: string }).message_id);

    const resumed = await open({ channel_id: channelId, since: lastSeen, have: first.messageIds() });
    expect(resumed.frames[0]).toMatchObject({ subscribed: { recovered: 3, gap: false } });
    const live = await post(channelId, 'live');
    await resumed.next(isMessage('live'));
    expect(resumed.messageIds()).toEqual([...missed, live]);
  });

  it('has no gap and no duplicate when messages are posted while the stream is opening', async () => {
    const { channelId } = await widgetUserInChannel();
    const since = await post(channelId, 'before');
    const posting = Array.from({ length: 30 }, (_, i) => post(channelId, `racing ${i}`));
    const stream = stack.admin.stream({ channel_id: channelId, since });
    streams.push(stream);
    const ids = await Promise.all(posting);
    await stream.next(() => stream.messageIds().length >= ids.length);
    await new Promise((r) => setTimeout(r, 100)); // a late duplicate would arrive now
    const expected = [...ids].sort(compareIds);
    expect(stream.messageIds()).toEqual(expected);
    expect('subscribed' in (stream.frames[0] ?? {})).toBe(true);
  });

  it('streams replies, typing, read, presence and membership changes of the channel', async () => {
    const { user, channelId, socket } = await widgetUserInChannel();
    const stream = await open({ channel_id: channelId });
    const kinds = (f: Frame) =>
      'event' in f ? Object.keys(f.event).filter((k) => k !== 'channel_id' && k !== 'event') : [];
    const has = (kind: string) => (f: Frame) => kinds(f).includes(kind);

    const messageId = await post(channelId, 'thread root');
    socket.send({ type: 'reply', message_id: messageId, content: 'in the thread', client_msg_id: 'rep-1' });
    expect(await stream.next(has('reply'))).toMatchObject({ event: { reply: { message_id: messageId } } });

    socket.send({ type: 'typing', channel_id: channelId });
    expect(await stream.next(has('typing'))).toMatchObject({
      event: { typing: { user_id: user.user.id, typing: true } },
    });

    socket.send({ type: 'read', channel_id: channelId, message_id: messageId });
    expect(await stream.next(has('read'))).toMatchObject({
      event: { read: { user_id: user.user.id, message_id: messageId } },
    });

    const guest = await issueUser(stack.admin);
    await stack.admin.call('AddMember', { channel_id: channelId, user_id: guest.user.id });
    expect(await stream.next(has('member_joined'))).toMatchObject({
      event: { member_joined: { user_id: guest.user.id } },
    });
    const guestSocket = await TestSocket.connect(stack.test.wsUrl, guest.token);
    expect(await stream.next(has('presence'))).toMatchObject({
      event: { presence: { user_id: guest.user.id, online: true } },
    });
    await guestSocket.close();
    await stack.admin.call('RemoveMember', { channel_id: channelId, user_id: guest.user.id });
    expect(await stream.next(has('member_left'))).toMatchObject({ event: { member_left: { user_id: guest.user.id } } });
  });

  it('reports a gap and replays nothing when more than the recovery cap was missed', async () => {
    const { user, channelId } = await widgetUserInChannel();
    const since = await post(channelId, 'long ago');
    for (let i = 0; i < 1001; i += 1) {
      await stack.test.services.messages.post({ userId: user.user.id, name: 'bulk' }, { channelId, content: `${i}` });
    }
    const stream = await open({ channel_id: channelId, since });
    expect(stream.frames[0]).toMatchObject({ subscribed: { recovered: 0, gap: true } });
    expect(stream.messageIds()).toEqual([]);
  }, 60_000);

  it('records a stream the client cancelled as CANCELLED', async () => {
    const { channelId } = await widgetUserInChannel();
    const stream = await open({ channel_id: channelId });
    stream.cancel();
    expect((await stream.ended).code).toBe(status.CANCELLED);
    const cancelled = /^parley_grpc_calls_total\{method="StreamChannelEvents",code="CANCELLED"\} [1-9]/m;
    for (let i = 0; i < 50; i += 1) {
      const metrics = await stack.test.app.inject({ method: 'GET', url: '/metrics' });
      if (cancelled.test(metrics.body)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the cancelled stream was not recorded');
  });
});

describe('StreamChannelEvents with a slow reader', () => {
  it('ends only the stream that stopped reading, with RESOURCE_EXHAUSTED, once its queue is full', async () => {
    const stack = await startGrpcStack({ maxQueuedFrames: 50 });
    try {
      const user = await issueUser(stack.admin);
      const channelId = await createChannelFor(stack.admin, user.user.id);
      const reader = await stack.admin.subscribe({ channel_id: channelId });
      const stalled = await stack.admin.subscribe({ channel_id: channelId });
      stalled.call.pause(); // stop reading: HTTP/2 flow control fills, then the server's queue
      const author = { userId: user.user.id, name: 'flood' };
      for (let i = 0; i < 300; i += 1) {
        await stack.test.services.messages.post(author, { channelId, content: `${i} ${'x'.repeat(3900)}` });
        await new Promise((r) => setTimeout(r, 1)); // a reading client keeps up at this pace
      }
      await reader.next(() => reader.messageIds().length === 300);
      stalled.call.resume();
      const end = await stalled.ended;
      expect(end.code).toBe(status.RESOURCE_EXHAUSTED);
      expect(end.details).toMatch(/resume with since/);
      expect(end.metadata.get('parley-code')).toEqual(['rate_limited']);
      expect(stalled.messageIds().length).toBeLessThan(300);
      expect(reader.error).toBeUndefined();
      reader.cancel();
    } finally {
      await stack.close();
    }
  }, 60_000);
});

describe('StreamChannelEvents on shutdown', () => {
  it('ends open streams with OK when the gRPC server closes', async () => {
    const stack = await startGrpcStack();
    try {
      const user = await issueUser(stack.admin);
      const channelId = await createChannelFor(stack.admin, user.user.id);
      const stream = await stack.admin.subscribe({ channel_id: channelId });
      await stack.grpc.close();
      expect((await stream.ended).code).toBe(status.OK);
    } finally {
      await stack.close();
    }
  });
});
