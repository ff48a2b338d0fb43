import { createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerProcess, spawnServer } from '../support/spawn-server.js';

/** Each instance's output goes to `<dir>/<keyspace>-<instance>.log`, for a failed run's post-mortem. */
export const LOG_DIR = join(tmpdir(), 'parley-cluster-logs');

/** One secret for every instance of a test cluster: a token from A must work on B. */
export const CLUSTER_SECRET = 'cluster-test-secret-0123456789abcdef';

export interface ClusterInstance extends ServerProcess {
  instanceId: number;
  /** From spawn to `/readyz` answering 200 (Cassandra, Kafka group, Redis, instance lease). */
  readyMs: number;
}

export interface ClusterOptions {
  keyspace: string;
  topic: string;
  instanceId: number;
  port?: number;
  env?: Record<string, string>;
}

/** Starts a real Parley process in cluster mode and waits until `/readyz` says every check is ok. */
export async function startInstance(o: ClusterOptions): Promise<ClusterInstance> {
  const started = Date.now();
  const server = await spawnServer({
    ...(o.port ? { port: o.port } : {}),
    env: {
      PARLEY_MODE: 'cluster',
      PARLEY_INSTANCE_ID: String(o.instanceId),
      PARLEY_CASSANDRA_KEYSPACE: o.keyspace,
      PARLEY_KAFKA_TOPIC: o.topic,
      PARLEY_JWT_SECRET: CLUSTER_SECRET,
      PARLEY_LOG_LEVEL: 'info',
      PARLEY_RATE_AUTH_PER_MINUTE: '100000',
      PARLEY_RATE_SENDS_PER_MINUTE: '1000000',
      PARLEY_RATE_SENDS_PER_MINUTE_PER_IP: '1000000',
      ...o.env,
    },
  });
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `${o.keyspace}-${o.instanceId}.log`), { flags: 'a' });
  server.child.stdout?.pipe(log);
  server.child.stderr?.pipe(log);
  try {
    await waitReady(server.url, 90_000);
  } catch (err) {
    await server.kill();
    throw err;
  }
  return { ...server, instanceId: o.instanceId, readyMs: Date.now() - started };
}

/** Polls `/readyz` until it answers 200 (or `what` times out with the last answer). */
export async function waitReady(url: string, timeoutMs: number, what = 'readyz'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/readyz`);
      last = await res.text();
      if (res.status === 200) return;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms: ${last}`);
}

/** REST helper: JSON in, `{status, body}` out, never throws for a status. */
export async function api(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: { status: string; data?: unknown; code?: string; message?: string } }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

let users = 0;

/** Registers and logs in a user through `base`; returns its id and token. */
export async function registerUser(base: string, name = `u${++users}`): Promise<{ id: string; token: string }> {
  const email = `${name}.${Date.now()}.${users}@cluster.test`;
  const password = 'correct horse battery';
  const reg = await api(base, 'POST', '/api/register', undefined, { username: name, email, password });
  if (reg.status !== 200) throw new Error(`register failed: ${JSON.stringify(reg.body)}`);
  const login = await api(base, 'POST', '/api/login', undefined, { email, password });
  const data = login.body.data as { id: string; token: string };
  return { id: data.id, token: data.token };
}

/** Every stored message id of a channel, newest first, paging `GET /api/message` with cursors. */
export async function historyIds(base: string, token: string, channelId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  do {
    const page = await api(base, 'GET', `/api/message?channel_id=${channelId}&limit=100&cursor=${cursor}`, token);
    if (page.status !== 200) throw new Error(`history failed: ${JSON.stringify(page.body)}`);
    const data = page.body.data as { messages: Array<{ message_id: string }>; next_cursor: string };
    ids.push(...data.messages.map((m) => m.message_id));
    cursor = data.next_cursor;
  } while (cursor !== '');
  return ids;
}
