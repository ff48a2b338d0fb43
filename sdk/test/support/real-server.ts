import WS from 'ws';
import { type ServerProcess, spawnServer } from '../../../service/test/support/spawn-server.js';
import {
  type ChatClient,
  type ChatClientOptions,
  type components,
  createChatClient,
  createRestClient,
  createTokenSource,
} from '../../src/index.js';

type WireMessage = components['schemas']['Message'];

/** A real Parley process (embedded mode) with auth rate limits out of the way. */
export function startParley(options: { dataDir?: string; port?: number } = {}): Promise<ServerProcess> {
  return spawnServer({ ...options, env: { PARLEY_RATE_AUTH_PER_MINUTE: '100000' } });
}

const restFor = (url: string, token?: string) => createRestClient({ baseUrl: url, tokens: createTokenSource(token) });

export interface Account {
  id: string;
  name: string;
  token: string;
}

/** Registers and signs in a user through the SDK's REST client. */
export async function signUp(url: string, name: string): Promise<Account> {
  const rest = restFor(url);
  const email = `${name}@example.com`;
  const registered = await rest.POST('/api/register', { body: { username: name, email, password: 'password-123' } });
  if (registered.error) throw new Error(`register ${name}: ${registered.error.message}`);
  const login = await rest.POST('/api/login', { body: { email, password: 'password-123' } });
  if (!login.data) throw new Error(`login ${name}: ${login.error?.message}`);
  return { id: login.data.data.id, name, token: login.data.data.token };
}

/** Creates a channel owned by `owner` that every other account joins. */
export async function createChannel(url: string, owner: Account, members: Account[] = []): Promise<string> {
  const created = await restFor(url, owner.token).POST('/api/channel', { body: { name: `room-${owner.name}` } });
  if (!created.data) throw new Error(`create channel: ${created.error?.message}`);
  const id = created.data.data.id;
  for (const member of members) {
    const joined = await restFor(url, member.token).POST('/api/channel/join', { body: { channel_id: id } });
    if (joined.error) throw new Error(`join: ${joined.error.message}`);
  }
  return id;
}

/** The whole history of a channel via REST, oldest first. */
export async function history(url: string, account: Account, channelId: string): Promise<WireMessage[]> {
  const rest = restFor(url, account.token);
  const all: WireMessage[] = [];
  let cursor = '';
  do {
    const query = { channel_id: channelId, limit: 100, ...(cursor ? { cursor } : {}) };
    const page = await rest.GET('/api/message', { params: { query } });
    if (!page.data) throw new Error(`history: ${page.error?.message}`);
    all.push(...page.data.data.messages);
    cursor = page.data.data.next_cursor;
  } while (cursor);
  return all.reverse();
}

/** A client of the real server over `ws`, with quick reconnects. */
export function realClient(server: { url: string }, account: Account, options: Partial<ChatClientOptions> = {}) {
  return createChatClient({
    url: server.url,
    token: account.token,
    WebSocket: WS,
    minReconnectDelayMs: 50,
    maxReconnectDelayMs: 1000,
    ...options,
  });
}

/** The confirmed message ids a client holds for a channel, in its order. */
export const idsOf = (client: ChatClient, channelId: string) =>
  (client.store.get().channels[channelId]?.messages ?? []).filter((m) => m.status === 'sent').map((m) => m.messageId);

export const isLive = (client: ChatClient, channelId: string) =>
  client.store.get().connection.state === 'connected' && client.store.get().channels[channelId]?.live === true;
