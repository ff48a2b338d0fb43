import { buildGrpcServer, type GrpcServer } from '../../src/grpc/index.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { AdminClient } from './admin-client.js';

export const ADMIN_SECRET = 'test-admin-secret-0123456789';

export interface GrpcStack {
  test: TestApp;
  grpc: GrpcServer;
  /** `127.0.0.1:<port>` of the gRPC server. */
  address: string;
  /** A client holding the right secret. */
  admin: AdminClient;
  /** A client with another secret (or none when `undefined`). */
  clientWith(secret: string | undefined): AdminClient;
  close(): Promise<void>;
}

/** The real app on a fresh SQLite store, listening on HTTP/WS, plus its gRPC server, both on loopback. */
export async function startGrpcStack(
  options: Parameters<typeof buildTestApp>[0] & { maxQueuedFrames?: number } = {},
): Promise<GrpcStack> {
  const test = await buildTestApp(options);
  await test.listen();
  const grpc = buildGrpcServer(test.services, {
    adminSecret: ADMIN_SECRET,
    ...(options.maxQueuedFrames ? { maxQueuedFrames: options.maxQueuedFrames } : {}),
  });
  const port = await grpc.listen('127.0.0.1', 0);
  const address = `127.0.0.1:${port}`;
  const clients: AdminClient[] = [];
  const clientWith = (secret: string | undefined) => {
    const client = new AdminClient(address, secret);
    clients.push(client);
    return client;
  };
  return {
    test,
    grpc,
    address,
    admin: clientWith(ADMIN_SECRET),
    clientWith,
    async close() {
      for (const client of clients) client.close();
      await grpc.close();
      await test.close();
    },
  };
}

let counter = 0;

/** Issues a token for a fresh host user over gRPC. */
export async function issueUser(admin: AdminClient, name = `host-user-${++counter}`) {
  return admin.call<{
    user: { id: string; name: string; email: string; created_at: string };
    token: string;
    expires_at: string;
    created: boolean;
  }>('IssueUserToken', { external_id: `ext-${name}-${Date.now()}`, name });
}

/** Creates a channel over gRPC owned by `creatorId`; returns its id. */
export async function createChannelFor(admin: AdminClient, creatorId: string, name = 'general'): Promise<string> {
  const res = await admin.call<{ channel: { id: string } }>('CreateChannel', { name, creator_user_id: creatorId });
  return res.channel.id;
}
