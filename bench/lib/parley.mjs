import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT_DIR, sleep, spawnNode, waitForHttp } from './processes.mjs';

export const PARLEY_MAIN = join(ROOT_DIR, 'service/dist/main.js');
export const JWT_SECRET = 'parley-bench-secret-0123456789abcdef';

/** Environment for a Parley process under load: limits out of the way, quiet logs. */
export function parleyEnv({ port, dataDir, logLevel = 'warn', extra = {} }) {
  return {
    PARLEY_HTTP_HOST: '127.0.0.1',
    PARLEY_HTTP_PORT: String(port),
    PARLEY_DATA_DIR: dataDir,
    PARLEY_LOG_LEVEL: logLevel,
    PARLEY_JWT_SECRET: JWT_SECRET,
    PARLEY_RATE_AUTH_PER_MINUTE: '1000000',
    PARLEY_RATE_SENDS_PER_MINUTE: '10000000',
    PARLEY_RATE_SENDS_PER_MINUTE_PER_IP: '10000000',
    // The load generator is local and keeps up; a roomy limit keeps overload windows comparable
    // with the peers (which never drop a socket).
    PARLEY_WS_MAX_BUFFERED_BYTES: String(64 * 1024 * 1024),
    ...extra,
  };
}

/** Only this process's PARLEY_* settings reach the service (an unknown PARLEY_ variable is an error). */
export function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PARLEY_')) env[k] = v;
  return env;
}

const created = new Set();

/** A fresh temporary directory, removed by `removeTempDirs()` at the end of the run. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `parley-bench-${prefix}-`));
  created.add(dir);
  return dir;
}

export function removeTempDirs() {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}

/** Polls /readyz until it says 200 (cluster mode: store migrated and connected, bus joined). */
export async function waitReady(base, proc, timeoutMs = 120_000, pollMs = 250) {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < deadline) {
    if (proc.exit) throw new Error(`${proc.name} exited: ${proc.tail().slice(-5).join(' | ')}`);
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5000) });
      last = await res.text();
      if (res.status === 200) return;
    } catch (err) {
      last = err.message;
    }
    await sleep(pollMs);
  }
  throw new Error(`${proc.name} not ready within ${timeoutMs} ms: ${last.slice(0, 200)}`);
}

/** Starts `node service/dist/main.js`; resolves once /healthz answers (and /readyz, in cluster mode). */
export async function startParley({ dataDir, port, logLevel, extra, nodeArgs = [], name = 'parley' } = {}) {
  const p = port ?? (await freePort());
  const dir = dataDir ?? tempDir('data');
  const proc = spawnNode(PARLEY_MAIN, [], {
    name,
    nodeArgs,
    inheritEnv: false,
    env: { ...cleanEnv(), ...parleyEnv({ port: p, dataDir: dir, logLevel, extra }) },
  });
  const base = `http://127.0.0.1:${p}`;
  await waitForHttp(`${base}/healthz`, 60_000, proc);
  if (extra?.PARLEY_MODE === 'cluster') await waitReady(base, proc);
  return { proc, base, port: p, dataDir: dir };
}

/** One REST call in the seed envelope; throws on anything but `status: success`. */
export async function api(base, path, { method = 'POST', body, token } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (json.status !== 'success') throw new Error(`${method} ${path}: ${res.status} ${json.message}`);
  return json;
}

/** Registers and logs in a user (two scrypt hashes on the server). */
export async function makeUser(base, name) {
  const email = `${name}@bench.invalid`;
  const password = 'bench-password-1';
  await api(base, '/api/register', { body: { username: name, email, password } });
  const { data } = await api(base, '/api/login', { body: { email, password } });
  return { id: data.id, name, token: data.token };
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function inBatches(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export async function createChannel(base, token, name) {
  return (await api(base, '/api/channel', { body: { name }, token })).data.id;
}

export async function joinChannel(base, token, channelId) {
  await api(base, '/api/channel/join', { body: { channel_id: channelId }, token });
}
