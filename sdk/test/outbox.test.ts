import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/index.js';
import { channelOf, contents, fakeClient, fakeWorld, watching } from './support/fake-chat.js';
import { waitFor } from './support/wait-for.js';

const statusOf = (client: ReturnType<typeof fakeClient>, clientMsgId: string, channel = 'general') =>
  channelOf(client, channel)?.messages.find((m) => m.clientMsgId === clientMsgId);

describe('optimistic sends (fake server)', () => {
  it('shows a send as pending at once, then sent with its server id, exactly once', async () => {
    const { server, ada } = fakeWorld();
    const client = fakeClient(server);
    await watching(client);
    const id = client.send('general', 'hello');
    expect(statusOf(client, id)).toMatchObject({
      status: 'pending',
      messageId: '',
      content: 'hello',
      userId: ada.user.id,
    });
    await waitFor(() => statusOf(client, id)?.status === 'sent');
    expect(statusOf(client, id)?.messageId).toBe(server.channels.get('general')?.[0]?.message_id);
    expect(contents(client)).toEqual(['hello']);
  });

  it('queues sends made while offline and sends them, in order, once connected', async () => {
    const { server } = fakeWorld();
    const client = fakeClient(server);
    await watching(client);
    server.refuse = true;
    server.dropAll(1006);
    await waitFor(() => client.store.get().connection.state === 'connecting');
    const ids = ['one', 'two', 'three'].map((text) => client.send('general', text));
    expect(ids.map((id) => statusOf(client, id)?.status)).toEqual(['pending', 'pending', 'pending']);
    server.refuse = false;
    await waitFor(() => ids.every((id) => statusOf(client, id)?.status === 'sent'), 'sent');
    expect(server.channels.get('general')?.map((m) => m.content)).toEqual(['one', 'two', 'three']);
    expect(contents(client)).toEqual(['one', 'two', 'three']);
  });

  it('resends an unacked send after reconnect with the same client_msg_id; it is stored once', async () => {
    const { server } = fakeWorld();
    const client = fakeClient(server);
    await watching(client);
    server.loseAcks = 1;
    const id = client.send('general', 'exactly once');
    await waitFor(() => statusOf(client, id)?.status === 'sent', 'sent after reconnect');
    const stored = server.channels.get('general') ?? [];
    expect(stored.filter((m) => m.client_msg_id === id)).toHaveLength(1);
    expect(contents(client)).toEqual(['exactly once']);
    const written = server.sessions.flatMap((s) => s.socket.sent('send')).map((f) => f.client_msg_id);
    expect(written).toEqual([id, id]);
  });

  it('marks a refused send failed; retry sends it again with the same id; discard drops one', async () => {
    const { server } = fakeWorld();
    const client = fakeClient(server);
    const errors: unknown[] = [];
    client.on('error', (e) => errors.push(e));
    await watching(client);
    const id = client.send('later', 'first');
    const other = client.send('later', 'second');
    await waitFor(() => statusOf(client, other, 'later')?.status === 'failed');
    expect(statusOf(client, id, 'later')).toMatchObject({ status: 'failed', error: { code: 'not_found' } });
    expect(errors).toContainEqual({ code: 'not_found', message: 'no', clientMsgId: id });
    server.addChannel('later');
    expect(client.retry(id)).toBe(true);
    expect(statusOf(client, id, 'later')?.status).toBe('pending');
    await waitFor(() => statusOf(client, id, 'later')?.status === 'sent');
    expect(client.discard(other)).toBe(true);
    expect(channelOf(client, 'later')?.messages.map((m) => m.content)).toEqual(['first']);
    expect(client.retry(id)).toBe(false);
    expect(client.discard(id)).toBe(false);
  });

  it('fails blank or oversized content locally, without a frame', async () => {
    const { server } = fakeWorld();
    const client = fakeClient(server);
    await watching(client);
    const blank = client.send('general', '  \n ');
    const huge = client.send('general', 'x'.repeat(4001));
    expect(statusOf(client, blank)).toMatchObject({
      status: 'failed',
      error: { code: 'invalid_input', field: 'content' },
    });
    expect(statusOf(client, huge)?.status).toBe('failed');
    expect(server.sessions[0]?.socket.sent('send')).toHaveLength(0);
  });

  it.each([
    ['hi', undefined],
    ['😀'.repeat(4000), undefined],
    ['', 'content must not be blank'],
    [' \t', 'content must not be blank'],
    ['a'.repeat(4001), 'content must be at most 4000 characters'],
  ])('checkContent(%j) -> %s', (content, message) => {
    expect(checkContent(content)?.message).toBe(message);
  });
});
