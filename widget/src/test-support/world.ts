/**
 * A small Parley for the widget's component tests: the SDK's in-process fake server (its
 * WebSocket dialect and history routes) plus the channel, membership and registration routes
 * the widget uses. Users ada and bob; channels `general` (ada and bob) and `random` (bob).
 */
import { type ChatClient, type ChatClientOptions, type components, createChatClient } from '@parley/sdk';
import { FakeServer } from '../../../sdk/test/support/fake-server.js';

export { waitFor } from '../../../sdk/test/support/wait-for.js';

type WireChannel = components['schemas']['Channel'];

export interface World {
  server: FakeServer;
  channels: WireChannel[];
  /** Channel id -> member user ids. */
  members: Map<string, Set<string>>;
  fetch: (request: Request) => Promise<Response>;
  /** Client options for a user of this world (fast reconnects, pages of 5). */
  options(token?: string): ChatClientOptions;
  client(token?: string): ChatClient;
}

export function createWorld(): World {
  const server = new FakeServer();
  const ada = server.addUser('ada');
  const bob = server.addUser('bob');
  const channels: WireChannel[] = ['general', 'random'].map((id) => {
    server.addChannel(id);
    return { id, name: id, user_id: bob.user.id, created_at: new Date(0).toISOString() };
  });
  const members = new Map([
    ['general', new Set([ada.user.id, bob.user.id])],
    ['random', new Set([bob.user.id])],
  ]);
  const fetch = async (request: Request): Promise<Response> =>
    (!server.restDown && (await channelRoutes(request.clone(), server, channels, members))) || server.fetch(request);
  const options = (token = 'token-ada'): ChatClientOptions => ({
    url: 'http://parley.test',
    token,
    WebSocket: server.WebSocket,
    fetch,
    minReconnectDelayMs: 1,
    maxReconnectDelayMs: 5,
    pageSize: 5,
  });
  return { server, channels, members, fetch, options, client: (token) => createChatClient(options(token)) };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const ok = (data?: unknown) => json(200, { status: 'success', message: 'ok', ...(data === undefined ? {} : { data }) });

async function channelRoutes(
  request: Request,
  server: FakeServer,
  channels: WireChannel[],
  members: Map<string, Set<string>>,
): Promise<Response | undefined> {
  const { pathname } = new URL(request.url);
  const route = `${request.method} ${pathname}`;
  if (route === 'POST /api/register') {
    const body = (await request.json()) as { username: string; email: string };
    if (body.email === 'taken@example.com') {
      return json(409, { status: 'fail', code: 'conflict', message: 'email already registered' });
    }
    const { user } = server.addUser(body.username);
    return ok(user);
  }
  const user = server.users.get(request.headers.get('authorization')?.replace('Bearer ', '') ?? '');
  if (route === 'GET /api/user/channel') return ok(channels.filter((c) => user && members.get(c.id)?.has(user.id)));
  if (!user || !pathname.startsWith('/api/channel') || pathname.endsWith('/members')) return undefined;
  if (route === 'GET /api/channel') return json(200, { status: 'success', message: 'ok', data: channels });
  const body = (await request.json()) as { name?: string; channel_id?: string };
  if (route === 'POST /api/channel') {
    const channel = { id: `c-${channels.length + 1}`, name: body.name ?? '', user_id: user.id, created_at: '' };
    channels.unshift(channel);
    server.addChannel(channel.id);
    members.set(channel.id, new Set([user.id]));
    return ok(channel);
  }
  const set = members.get(body.channel_id ?? '');
  if (!set) return json(404, { status: 'fail', code: 'not_found', message: 'channel not found' });
  if (route === 'POST /api/channel/join') set.add(user.id);
  if (route === 'POST /api/channel/leave') set.delete(user.id);
  return ok();
}
