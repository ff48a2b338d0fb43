import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../service/test/support/spawn-server.js';
import { type ChatClient, createRestClient, createTokenSource } from '../src/index.js';
import {
  type Account,
  createChannel,
  history,
  idsOf,
  isLive,
  realClient,
  signUp,
  startParley,
} from './support/real-server.js';
import { waitFor } from './support/wait-for.js';

const USERS = 10;
const CLIENTS_PER_USER = 10;

/** 100 clients (10 users x 10 devices) on one real server, which is killed and started again. */
describe('100 clients reconnecting at once', { timeout: 90_000 }, () => {
  let server: ServerProcess;
  let accounts: Account[];
  let channel: string;
  let clients: ChatClient[];

  beforeAll(async () => {
    server = await startParley();
    accounts = await Promise.all(Array.from({ length: USERS }, (_, i) => signUp(server.url, `user${i}`)));
    const [owner, ...others] = accounts as [Account, ...Account[]];
    channel = await createChannel(server.url, owner, others);
    clients = accounts.flatMap((account) =>
      Array.from({ length: CLIENTS_PER_USER }, () =>
        realClient(server, account, { minReconnectDelayMs: 100, maxReconnectDelayMs: 2000 }),
      ),
    );
  }, 60_000);

  afterAll(async () => {
    for (const client of clients ?? []) client.disconnect();
    await server?.stop();
  }, 60_000);

  it('all reconnect by themselves after a crash and hold the full history, each message once, in order', async () => {
    for (const client of clients) {
      client.connect();
      client.watch(channel);
    }
    await waitFor(() => clients.every((c) => isLive(c, channel)), 'all live', 60_000);
    const [first] = accounts as [Account];
    const rest = createRestClient({ baseUrl: server.url, tokens: createTokenSource(first.token) });
    for (let i = 0; i < 3; i += 1)
      await rest.POST('/api/message', { body: { channel_id: channel, content: `before ${i}` } });

    const { port, dataDir } = server;
    await server.kill();
    await waitFor(() => clients.every((c) => c.store.get().connection.state === 'connecting'), 'all dropped');
    server = await startParley({ port, dataDir });
    // Messages posted while the clients are still reconnecting: each one either replays or arrives live.
    for (let i = 0; i < 5; i += 1)
      await rest.POST('/api/message', { body: { channel_id: channel, content: `after ${i}` } });

    const stored = (await history(server.url, first, channel)).map((m) => m.message_id);
    expect(stored).toHaveLength(8);
    await waitFor(
      () => clients.every((c) => isLive(c, channel) && idsOf(c, channel).length === stored.length),
      'all recovered',
      60_000,
    );
    for (const client of clients) expect(idsOf(client, channel)).toEqual(stored);
  });
});
