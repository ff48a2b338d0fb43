import { createServer } from 'node:net';
import { type ServiceError, status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../support/spawn-server.js';
import { AdminClient } from './admin-client.js';
import { ADMIN_SECRET } from './grpc-fixture.js';

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the service process and its gRPC host API', () => {
  let server: ServerProcess | undefined;
  let client: AdminClient | undefined;
  afterEach(async () => {
    client?.close();
    await server?.kill();
    server = undefined;
  });

  it('serves ChatAdminService on PARLEY_GRPC_PORT when PARLEY_ADMIN_SECRET is set, and shuts down cleanly', async () => {
    const port = await freePort();
    server = await spawnServer({ env: { PARLEY_ADMIN_SECRET: ADMIN_SECRET, PARLEY_GRPC_PORT: String(port) } });
    client = new AdminClient(`127.0.0.1:${port}`, ADMIN_SECRET);
    const issued = await client.call<{ created: boolean; token: string }>('IssueUserToken', {
      external_id: 'spawned-1',
      name: 'Spawned',
    });
    expect(issued.created).toBe(true);
    const rest = await fetch(`${server.url}/api/user/channel`, {
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(rest.status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it('does not open the gRPC port without PARLEY_ADMIN_SECRET, and still serves HTTP', async () => {
    const port = await freePort();
    server = await spawnServer({ env: { PARLEY_GRPC_PORT: String(port) } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    client = new AdminClient(`127.0.0.1:${port}`, ADMIN_SECRET);
    const err = await client.call('IssueUserToken', { external_id: 'nobody', name: 'N' }).then(
      () => undefined,
      (e: ServiceError) => e,
    );
    expect(err?.code).toBe(status.UNAVAILABLE);
  });
});
