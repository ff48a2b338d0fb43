import { describe, expect, it } from 'vitest';
import {
  channelOf,
  connected,
  contents,
  fakeClient,
  fakeWorld,
  serverContents,
  watching,
} from './support/fake-chat.js';
import { waitFor } from './support/wait-for.js';

describe('channels as state (fake server)', () => {
  it('watch subscribes, loads the newest page and follows live messages in id order', async () => {
    const { server, bob } = fakeWorld(3);
    const client = fakeClient(server);
    await watching(client);
    expect(server.sessions[0]?.socket.sent('subscribe')).toEqual([{ type: 'subscribe', channel_id: 'general' }]);
    expect(contents(client)).toEqual(['m1', 'm2', 'm3']);
    server.post('general', bob.user.id, 'm4');
    await waitFor(() => contents(client).length === 4);
    expect(channelOf(client)?.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(channelOf(client)?.hasMore).toBe(false);
  });

  it('unwatch stops live delivery; watching again right away resubscribes and recovers', async () => {
    const { server, bob } = fakeWorld(2);
    const client = fakeClient(server);
    await watching(client);
    client.unwatch('general');
    expect(channelOf(client)?.live).toBe(false);
    client.watch('general');
    await waitFor(() => channelOf(client)?.live === true, 'live again');
    server.post('general', bob.user.id, 'm3');
    await waitFor(() => contents(client).length === 3);
    expect(contents(client)).toEqual(['m1', 'm2', 'm3']);
  });

  it('stops following a channel the server unsubscribes it from (the user left)', async () => {
    const { server } = fakeWorld(1);
    const client = fakeClient(server);
    await watching(client);
    server.sessions[0]?.socket.push({ type: 'unsubscribed', channel_id: 'general' });
    await waitFor(() => channelOf(client)?.live === false);
    server.dropAll(1006);
    await waitFor(() => client.store.get().connection.state === 'connected' && server.sessions.length === 2);
    expect(server.sessions[1]?.socket.sent('subscribe')).toEqual([]);
  });

  it('keeps a message delivered twice once, and announces it once', async () => {
    const { server, bob } = fakeWorld();
    const client = fakeClient(server);
    const announced: string[] = [];
    client.on('message', (m) => announced.push(m.content));
    await watching(client);
    const message = server.post('general', bob.user.id, 'once');
    server.broadcast('general', { type: 'message', message });
    server.post('general', bob.user.id, 'after'); // frames arrive in order: once this is in, so is the copy
    await waitFor(() => contents(client).includes('after'));
    expect(contents(client)).toEqual(['once', 'after']);
    expect(announced).toEqual(['once', 'after']);
  });

  it('resubscribes with since after a reconnect and recovers what it missed, once and in order', async () => {
    const { server, bob } = fakeWorld(2);
    const client = fakeClient(server);
    await watching(client);
    const held = channelOf(client)?.messages.map((m) => m.messageId) ?? [];
    const newest = held.at(-1);
    server.refuse = true;
    server.dropAll(1006);
    await waitFor(() => client.store.get().connection.state === 'connecting');
    for (let i = 3; i <= 9; i += 1) server.post('general', bob.user.id, `m${i}`);
    server.refuse = false;
    await waitFor(() => contents(client).length === 9, 'recovery');
    expect(contents(client)).toEqual(serverContents(server));
    const resubscribe = server.sessions.at(-1)?.socket.sent('subscribe');
    expect(resubscribe).toEqual([{ type: 'subscribe', channel_id: 'general', since: newest, have: held }]);
  });

  it('on gap reloads the newest page, drops what precedes the hole, and pages back without duplicates', async () => {
    const { server, bob } = fakeWorld(5);
    server.recoveryCap = 3;
    const client = fakeClient(server);
    await watching(client);
    server.refuse = true;
    server.dropAll(1006);
    await waitFor(() => client.store.get().connection.state === 'connecting');
    for (let i = 6; i <= 17; i += 1) server.post('general', bob.user.id, `m${i}`);
    server.refuse = false;
    await waitFor(() => contents(client).at(-1) === 'm17' && channelOf(client)?.loading === false, 'gap reload');
    expect(contents(client)).toEqual(['m13', 'm14', 'm15', 'm16', 'm17']);
    expect(channelOf(client)?.hasMore).toBe(true);
    while (channelOf(client)?.hasMore) expect(await client.loadOlder('general')).toBeUndefined();
    expect(contents(client)).toEqual(serverContents(server));
  });

  it('keeps a replayed message older than the loaded pages out until paging back reaches it', async () => {
    const { server } = fakeWorld(12);
    const client = fakeClient(server);
    await watching(client);
    expect(contents(client)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12']);
    // A recovery window replays m3 (the client never had it; it is not in the loaded pages).
    const old = server.channels.get('general')?.[2];
    server.broadcast('general', { type: 'message', message: old as NonNullable<typeof old> });
    server.post('general', 'bob', 'after'); // frames arrive in order: once this is in, so was m3
    await waitFor(() => contents(client).includes('after'));
    expect(contents(client)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12', 'after']);
    while (channelOf(client)?.hasMore) expect(await client.loadOlder('general')).toBeUndefined();
    expect(contents(client)).toEqual(serverContents(server));
  });

  it('pages history backwards with cursors until the start, flagging loading', async () => {
    const { server } = fakeWorld(12);
    const client = fakeClient(server);
    await watching(client);
    expect(contents(client)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12']);
    const loading = client.loadOlder('general');
    expect(channelOf(client)?.loading).toBe(true);
    await loading;
    expect(contents(client)).toHaveLength(10);
    await client.loadOlder('general');
    expect(contents(client)).toEqual(serverContents(server));
    expect(channelOf(client)?.hasMore).toBe(false);
    const calls = server.restCalls.length;
    await client.loadOlder('general');
    expect(server.restCalls).toHaveLength(calls);
  });

  it('reports a failed page load as data on the channel', async () => {
    const { server } = fakeWorld(12);
    const client = fakeClient(server);
    await watching(client);
    server.restDown = true;
    const error = await client.loadOlder('general');
    expect(error?.code).toBe('unavailable');
    expect(channelOf(client)).toMatchObject({ loading: false, error: { code: 'unavailable' } });
    server.restDown = false;
    expect(await client.loadOlder('general')).toBeUndefined();
    expect(contents(client)).toHaveLength(10);
  });

  it('marks a refused subscribe on its channel and emits an error naming it', async () => {
    const { server } = fakeWorld();
    const client = fakeClient(server);
    const errors: unknown[] = [];
    client.on('error', (e) => errors.push(e));
    client.connect();
    client.watch('nowhere');
    await waitFor(() => channelOf(client, 'nowhere')?.error !== undefined);
    expect(channelOf(client, 'nowhere')).toMatchObject({ live: false, error: { code: 'not_found' } });
    expect(errors).toEqual([{ code: 'not_found', message: 'channel not found', channelId: 'nowhere' }]);
  });

  it('tracks typing users from events and forgets them on their message or a disconnect', async () => {
    const { server, ada, bob } = fakeWorld();
    const client = fakeClient(server);
    await watching(client);
    server.broadcast('general', { type: 'typing', channel_id: 'general', user_id: bob.user.id, typing: true });
    server.broadcast('general', { type: 'typing', channel_id: 'general', user_id: ada.user.id, typing: true });
    await waitFor(() => channelOf(client)?.typing.length === 1);
    expect(channelOf(client)?.typing).toEqual([bob.user.id]);
    server.post('general', bob.user.id, 'done typing');
    await waitFor(() => channelOf(client)?.typing.length === 0);
    server.broadcast('general', { type: 'typing', channel_id: 'general', user_id: bob.user.id, typing: true });
    await waitFor(() => channelOf(client)?.typing.length === 1);
    server.broadcast('general', { type: 'typing', channel_id: 'general', user_id: bob.user.id, typing: false });
    await waitFor(() => channelOf(client)?.typing.length === 0);
    server.broadcast('general', { type: 'typing', channel_id: 'general', user_id: bob.user.id, typing: true });
    await waitFor(() => channelOf(client)?.typing.length === 1);
    server.dropAll(1006);
    await waitFor(() => channelOf(client)?.typing.length === 0);
  });

  it('throttles typing frames, and announces again right after a send', async () => {
    const { server } = fakeWorld();
    const client = fakeClient(server, { typingThrottleMs: 10_000 });
    await watching(client);
    for (let i = 0; i < 5; i += 1) client.typing('general');
    const socket = server.sessions[0]?.socket;
    expect(socket?.sent('typing')).toHaveLength(1);
    client.send('general', 'hello');
    client.typing('general');
    client.typing('general');
    expect(socket?.sent('typing')).toHaveLength(2);
  });

  it('tracks presence from the members list and presence events', async () => {
    const { server, ada, bob } = fakeWorld();
    const client = fakeClient(server);
    await watching(client);
    expect(await client.loadMembers('general')).toBeUndefined();
    expect(client.store.get().presence).toEqual({ [ada.user.id]: true, [bob.user.id]: false });
    expect(channelOf(client)?.members?.map((m) => m.name)).toEqual(['ada', 'bob']);
    server.broadcast('general', { type: 'presence', channel_id: 'general', user_id: bob.user.id, online: true });
    await waitFor(() => client.store.get().presence[bob.user.id] === true);
  });

  it('keeps a loaded member list current from member frames, and announces them', async () => {
    const { server, bob } = fakeWorld();
    const client = fakeClient(server);
    const seen: Array<{ userId: string; joined: boolean }> = [];
    client.on('member', ({ userId, joined }) => seen.push({ userId, joined }));
    await watching(client);
    await client.loadMembers('general');
    const frame = (joined: boolean) => ({ type: 'member', channel_id: 'general', user_id: bob.user.id, joined });
    server.broadcast('general', frame(false));
    await waitFor(() => channelOf(client)?.members?.length === 1);
    expect(channelOf(client)?.members?.map((m) => m.name)).toEqual(['ada']);
    server.broadcast('general', frame(true)); // the newcomer comes with the reloaded list
    await waitFor(() => channelOf(client)?.members?.length === 2);
    expect(channelOf(client)?.members?.map((m) => m.name)).toEqual(['ada', 'bob']);
    expect(seen).toEqual([
      { userId: bob.user.id, joined: false },
      { userId: bob.user.id, joined: true },
    ]);
  });

  it('uses the user from ready and announces state changes', async () => {
    const { server, ada } = fakeWorld();
    const client = fakeClient(server);
    const states: string[] = [];
    client.on('state', (e) => states.push(e.state));
    client.connect();
    await connected(client);
    expect(client.store.get().user).toEqual({
      id: ada.user.id,
      name: 'ada',
      email: ada.user.email,
      createdAt: ada.user.created_at,
    });
    client.disconnect();
    expect(states).toEqual(['connecting', 'connected', 'disconnected']);
    expect(client.store.get().connection).toEqual({ state: 'disconnected', code: 10, reason: 'disconnect called' });
  });
});
