import { describe, expect, it } from 'vitest';
import { channelOf, fakeClient, fakeWorld, watching } from './support/fake-chat.js';
import { waitFor } from './support/wait-for.js';

const unread = (client: ReturnType<typeof fakeClient>) => channelOf(client)?.unreadCount;

describe('read state and unread counts (fake server)', () => {
  it('counts messages by others after the read position and agrees with the server at every step', async () => {
    const { server, ada, bob } = fakeWorld(3);
    const client = fakeClient(server);
    await watching(client);
    const serverUnread = () => server.unread(ada.user.id, 'general');
    expect(unread(client)).toBe(3);
    expect(unread(client)).toBe(serverUnread());

    client.markRead('general');
    await waitFor(() => server.reads.get(`${ada.user.id}:general`) !== undefined);
    expect(unread(client)).toBe(0);
    expect(serverUnread()).toBe(0);

    server.post('general', bob.user.id, 'b1');
    server.post('general', bob.user.id, 'b2');
    const own = client.send('general', 'my own message does not count');
    await waitFor(() => channelOf(client)?.messages.find((m) => m.clientMsgId === own)?.status === 'sent');
    expect(unread(client)).toBe(2);
    expect(unread(client)).toBe(serverUnread());

    server.dropAll(1006);
    server.post('general', bob.user.id, 'b3 while away');
    await waitFor(() => channelOf(client)?.messages.length === 7 && channelOf(client)?.live === true, 'recovered');
    expect(unread(client)).toBe(3);
    expect(unread(client)).toBe(serverUnread());
  });

  it('follows a read on another device (a read event for the same user)', async () => {
    const { server, ada } = fakeWorld(4);
    const client = fakeClient(server);
    await watching(client);
    const messages = server.channels.get('general') ?? [];
    const second = messages[1]?.message_id ?? '';
    server.reads.set(`${ada.user.id}:general`, second);
    server.broadcast('general', { type: 'read', channel_id: 'general', user_id: ada.user.id, message_id: second });
    await waitFor(() => channelOf(client)?.readMessageId === second);
    expect(unread(client)).toBe(2);
    server.broadcast('general', {
      type: 'read',
      channel_id: 'general',
      user_id: ada.user.id,
      message_id: messages[0]?.message_id ?? '',
    });
    server.post('general', 'u-bob', 'sentinel');
    await waitFor(() => channelOf(client)?.messages.length === 5);
    expect(channelOf(client)?.readMessageId).toBe(second); // never moves back
  });

  it('records other users’ read positions', async () => {
    const { server, bob } = fakeWorld(2);
    const client = fakeClient(server);
    await watching(client);
    const first = server.channels.get('general')?.[0]?.message_id ?? '';
    server.broadcast('general', { type: 'read', channel_id: 'general', user_id: bob.user.id, message_id: first });
    await waitFor(() => channelOf(client)?.reads[bob.user.id] === first);
  });

  it('uses the server count when the read position is older than what is loaded, and asks again after a read', async () => {
    const { server, ada, bob } = fakeWorld(30);
    const messages = server.channels.get('general') ?? [];
    server.reads.set(`${ada.user.id}:general`, messages[4]?.message_id ?? '');
    const client = fakeClient(server);
    await watching(client);
    expect(channelOf(client)?.messages).toHaveLength(5);
    await waitFor(() => unread(client) === 25, 'server count');
    server.post('general', bob.user.id, 'live');
    await waitFor(() => unread(client) === 26, 'server count plus live');
    client.markRead('general', messages[19]?.message_id);
    await waitFor(() => unread(client) === server.unread(ada.user.id, 'general') && unread(client) === 11, 'refreshed');
  });

  it('keeps a read made offline and sends it on reconnect, before resubscribing', async () => {
    const { server, ada } = fakeWorld(3);
    const client = fakeClient(server);
    await watching(client);
    server.refuse = true;
    server.dropAll(1006);
    await waitFor(() => client.store.get().connection.state === 'connecting');
    client.markRead('general');
    expect(unread(client)).toBe(0);
    server.refuse = false;
    await waitFor(() => channelOf(client)?.live === true);
    const frames = server.sessions.at(-1)?.socket.frames.map((f) => f.type);
    expect(frames).toEqual(['auth', 'read', 'subscribe']);
    expect(server.unread(ada.user.id, 'general')).toBe(0);
    expect(unread(client)).toBe(0);
  });
});
