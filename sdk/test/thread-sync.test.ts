import { describe, expect, it } from 'vitest';
import { channelOf, fakeClient, fakeWorld, watching } from './support/fake-chat.js';
import { waitFor } from './support/wait-for.js';

describe('threads (fake server)', () => {
  it('opens a thread, pages its replies backwards, and replies optimistically', async () => {
    const { server, bob } = fakeWorld(1);
    const parent = server.channels.get('general')?.[0]?.message_id ?? '';
    for (let i = 1; i <= 7; i += 1) server.postReply(parent, bob.user, `r${i}`);
    const client = fakeClient(server);
    await watching(client);
    const thread = () => client.store.get().threads[parent];
    const texts = () => thread()?.replies.map((r) => r.content);
    expect(await client.openThread(parent)).toBeUndefined();
    expect(texts()).toEqual(['r3', 'r4', 'r5', 'r6', 'r7']);
    expect(await client.loadOlderReplies(parent)).toBeUndefined();
    expect(texts()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(thread()?.hasMore).toBe(false);

    const countBefore = channelOf(client)?.messages[0]?.replyCount ?? 0;
    const id = client.reply(parent, 'mine');
    expect(thread()?.replies.at(-1)).toMatchObject({ status: 'pending', content: 'mine', replyId: '' });
    await waitFor(() => thread()?.replies.at(-1)?.status === 'sent');
    expect(thread()?.replies.filter((r) => r.clientMsgId === id)).toHaveLength(1);
    expect(channelOf(client)?.messages[0]?.replyCount).toBe(countBefore + 1);
    client.closeThread(parent);
    expect(thread()).toBeUndefined();
  });

  it('reloads open threads after a reconnect (replies are not replayed)', async () => {
    const { server, bob } = fakeWorld(1);
    const parent = server.channels.get('general')?.[0]?.message_id ?? '';
    const client = fakeClient(server);
    await watching(client);
    await client.openThread(parent);
    server.refuse = true;
    server.dropAll(1006);
    await waitFor(() => client.store.get().connection.state === 'connecting');
    server.postReply(parent, bob.user, 'while you were away');
    server.refuse = false;
    await waitFor(() => client.store.get().threads[parent]?.replies.length === 1, 'thread reload');
  });

  it('announces broadcast replies and bumps the parent count once per reply', async () => {
    const { server, bob } = fakeWorld(1);
    const parent = server.channels.get('general')?.[0]?.message_id ?? '';
    const client = fakeClient(server);
    const seen: string[] = [];
    client.on('reply', (r) => seen.push(r.content));
    await watching(client);
    server.postReply(parent, bob.user, 'one');
    server.postReply(parent, bob.user, 'two');
    await waitFor(() => channelOf(client)?.messages[0]?.replyCount === 2);
    expect(seen).toEqual(['one', 'two']);
  });
});
