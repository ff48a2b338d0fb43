import { type ChatClient, type ChatClientOptions, createChatClient } from '../../src/index.js';
import { FakeServer } from './fake-server.js';
import { waitFor } from './wait-for.js';

/** A fake server with users ada and bob, and channel `general` holding `count` messages by bob. */
export function fakeWorld(count = 0) {
  const server = new FakeServer();
  const ada = server.addUser('ada');
  const bob = server.addUser('bob');
  server.addChannel('general');
  for (let i = 1; i <= count; i += 1) server.post('general', bob.user.id, `m${i}`);
  return { server, ada, bob };
}

/** A client of the fake server with fast reconnects and small pages. */
export function fakeClient(server: FakeServer, options: Partial<ChatClientOptions> = {}): ChatClient {
  return createChatClient({
    url: 'http://parley.test',
    token: 'token-ada',
    WebSocket: server.WebSocket,
    fetch: server.fetch,
    minReconnectDelayMs: 1,
    maxReconnectDelayMs: 5,
    pageSize: 5,
    ...options,
  });
}

export const channelOf = (client: ChatClient, id = 'general') => client.store.get().channels[id];
export const contents = (client: ChatClient, id = 'general') =>
  channelOf(client, id)?.messages.map((m) => m.content) ?? [];
export const serverContents = (server: FakeServer, id = 'general') =>
  server.channels.get(id)?.map((m) => m.content) ?? [];

export const connected = (client: ChatClient) =>
  waitFor(() => client.store.get().connection.state === 'connected', 'connected');

/** Connects, watches `general` and waits until it is live with its first page loaded. */
export async function watching(client: ChatClient, id = 'general'): Promise<void> {
  client.connect();
  client.watch(id);
  await waitFor(() => channelOf(client, id)?.live === true && channelOf(client, id)?.loading === false, 'live');
}
