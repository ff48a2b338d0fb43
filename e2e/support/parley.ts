import { type ServerProcess, spawnServer } from '../../service/test/support/spawn-server.js';

export type { ServerProcess };

/** A real Parley for a browser test file, with sign-up limits lifted (tests register many users). */
export function startParley(options: { dataDir?: string; port?: number } = {}): Promise<ServerProcess> {
  return spawnServer({
    ...options,
    env: { PARLEY_RATE_AUTH_PER_MINUTE: '100000', PARLEY_RATE_SENDS_PER_MINUTE: '100000', PARLEY_LOG_LEVEL: 'warn' },
  });
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  token: string;
}

let serial = 0;

/** A fresh user, registered and signed in over REST. */
export async function createUser(baseUrl: string, name: string): Promise<TestUser> {
  serial += 1;
  const email = `${name.toLowerCase()}-${process.pid}-${serial}-${Date.now()}@example.com`;
  const password = 'password-123';
  await call(baseUrl, 'POST', '/api/register', '', { username: name, email, password });
  const login = (await call(baseUrl, 'POST', '/api/login', '', { email, password })) as { id: string; token: string };
  return { id: login.id, name, email, token: login.token };
}

export async function createChannel(baseUrl: string, user: TestUser, name: string): Promise<string> {
  const channel = (await call(baseUrl, 'POST', '/api/channel', user.token, { name })) as { id: string };
  return channel.id;
}

export async function joinChannel(baseUrl: string, user: TestUser, channelId: string): Promise<void> {
  await call(baseUrl, 'POST', '/api/channel/join', user.token, { channel_id: channelId });
}

export async function postMessage(baseUrl: string, user: TestUser, channelId: string, content: string) {
  return (await call(baseUrl, 'POST', '/api/message', user.token, { channel_id: channelId, content })) as {
    message_id: string;
    created_at: string;
  };
}

/** Every message of a channel, oldest first, read from the server page by page. */
export async function history(baseUrl: string, user: TestUser, channelId: string): Promise<string[]> {
  const contents: string[] = [];
  let cursor = '';
  do {
    const query = `channel_id=${channelId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await call(baseUrl, 'GET', `/api/message?${query}`, user.token)) as {
      messages: Array<{ content: string }>;
      next_cursor: string;
    };
    contents.push(...page.messages.map((m) => m.content));
    cursor = page.next_cursor;
  } while (cursor);
  return contents.reverse();
}

async function call(baseUrl: string, method: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as { status: string; message: string; data?: unknown };
  if (json.status !== 'success') throw new Error(`${method} ${path}: ${response.status} ${json.message}`);
  return json.data;
}
