import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/app/services.js';
import { compose, type Overrides } from '../../src/compose.js';
import { type Config, loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';

/** Cheap scrypt for tests (the real cost is 2^15). */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  config: Config;
  /** Set after `listen()`. */
  url: string;
  wsUrl: string;
  listen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the real app on a fresh SQLite data dir. `env` overrides configuration variables as a
 * deployment would. The caller closes it (usually in afterAll/afterEach).
 */
export async function buildTestApp(
  options: { env?: Record<string, string>; overrides?: Overrides; dataDir?: string } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-test-'));
  const config = loadConfig({
    PARLEY_DATA_DIR: dataDir,
    PARLEY_RATE_AUTH_PER_MINUTE: '100000',
    PARLEY_RATE_SENDS_PER_MINUTE: '100000',
    PARLEY_RATE_SENDS_PER_MINUTE_PER_IP: '1000000',
    ...options.env,
  });
  const services = compose(config, { scrypt: TEST_SCRYPT, ...options.overrides });
  const app = await buildApp(services, {
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    ws: config.ws,
  });
  const t: TestApp = {
    app,
    services,
    config,
    url: '',
    wsUrl: '',
    async listen() {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as AddressInfo;
      t.url = `http://127.0.0.1:${port}`;
      t.wsUrl = `ws://127.0.0.1:${port}/api/message/ws`;
    },
    async close() {
      await app.close();
      await services.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

let counter = 0;

/** Registers and logs in a fresh user through the real routes. */
export async function signUp(
  app: FastifyInstance,
  name = `user${++counter}`,
): Promise<{ id: string; name: string; email: string; token: string; auth: { authorization: string } }> {
  const email = `${name}.${Date.now()}.${counter}@example.test`;
  const password = 'correct horse battery';
  const reg = await app.inject({ method: 'POST', url: '/api/register', payload: { username: name, email, password } });
  if (reg.statusCode !== 200) throw new Error(`register failed: ${reg.body}`);
  const login = await app.inject({ method: 'POST', url: '/api/login', payload: { email, password } });
  const data = login.json().data as { id: string; token: string };
  return { id: data.id, name, email, token: data.token, auth: { authorization: `Bearer ${data.token}` } };
}

/** Creates a channel owned by `token`'s user; returns its id. */
export async function createChannel(app: FastifyInstance, auth: { authorization: string }, name = 'general') {
  const res = await app.inject({ method: 'POST', url: '/api/channel', headers: auth, payload: { name } });
  if (res.statusCode !== 200) throw new Error(`create channel failed: ${res.body}`);
  return res.json().data.id as string;
}

export async function joinChannel(app: FastifyInstance, auth: { authorization: string }, channelId: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/channel/join',
    headers: auth,
    payload: { channel_id: channelId },
  });
  if (res.statusCode !== 200) throw new Error(`join failed: ${res.body}`);
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
