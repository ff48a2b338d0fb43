import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServiceError, status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminClient } from './admin-client.js';
import { ADMIN_SECRET } from './grpc-fixture.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Started {
  child: ChildProcess;
  httpUrl: string;
  /** Everything logged up to `parley ready` (the last line of a start). */
  log: string;
  exited: Promise<number | null>;
}

/** Runs service/src/main.ts as `npm start` would, until it logs `parley ready`. */
async function startMain(env: Record<string, string>): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-grpc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PARLEY_HTTP_HOST: '127.0.0.1',
      PARLEY_HTTP_PORT: '0',
      PARLEY_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  while (!log.includes('"parley ready"')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1];
  return { child, httpUrl: `http://127.0.0.1:${port}`, log, exited };
}

/** Spawning tsx takes seconds on a busy machine. */
const SPAWN_TIMEOUT = 90_000;

describe('the service process and its gRPC host API', () => {
  let started: Started | undefined;
  let client: AdminClient | undefined;
  afterEach(async () => {
    client?.close();
    if (started && started.child.exitCode === null) started.child.kill('SIGKILL');
    await started?.exited;
    started = undefined;
  });

  it(
    'serves ChatAdminService on PARLEY_GRPC_PORT when PARLEY_ADMIN_SECRET is set, and shuts down cleanly',
    async () => {
      const port = await freePort();
      started = await startMain({ PARLEY_ADMIN_SECRET: ADMIN_SECRET, PARLEY_GRPC_PORT: String(port) });
      expect(started.log).toContain(`"port":${port},"msg":"gRPC host API listening"`);
      client = new AdminClient(`127.0.0.1:${port}`, ADMIN_SECRET);
      const issued = await client.call<{ created: boolean; token: string }>('IssueUserToken', {
        external_id: 'spawned-1',
        name: 'Spawned',
      });
      expect(issued.created).toBe(true);
      const rest = await fetch(`${started.httpUrl}/api/user/channel`, {
        headers: { authorization: `Bearer ${issued.token}` },
      });
      expect(rest.status).toBe(200);
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'warns and leaves the gRPC port closed without PARLEY_ADMIN_SECRET, and still serves HTTP',
    async () => {
      const port = await freePort();
      started = await startMain({ PARLEY_GRPC_PORT: String(port) });
      expect(started.log).toContain('PARLEY_ADMIN_SECRET is not set: the gRPC host API (ChatAdminService) is off');
      expect(started.log).not.toContain('gRPC host API listening');
      expect((await fetch(`${started.httpUrl}/healthz`)).status).toBe(200);
      client = new AdminClient(`127.0.0.1:${port}`, ADMIN_SECRET);
      const err = await client.call('IssueUserToken', { external_id: 'nobody', name: 'N' }).then(
        () => undefined,
        (e: ServiceError) => e,
      );
      expect(err?.code).toBe(status.UNAVAILABLE);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'refuses to start with an admin secret shorter than 16 characters',
    async () => {
      await expect(startMain({ PARLEY_ADMIN_SECRET: 'too-short' })).rejects.toThrow(
        /PARLEY_ADMIN_SECRET must be at least 16 characters/,
      );
    },
    SPAWN_TIMEOUT,
  );
});
