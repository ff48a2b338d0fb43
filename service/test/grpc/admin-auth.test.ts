import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildGrpcServer, grpcEnabled } from '../../src/grpc/index.js';
import { buildTestApp } from '../support/test-app.js';
import { ADMIN_SECRET, type GrpcStack, startGrpcStack } from './grpc-fixture.js';

describe('ChatAdminService authentication', () => {
  let stack: GrpcStack;
  beforeAll(async () => {
    stack = await startGrpcStack();
  });
  afterAll(() => stack.close());

  const refused = async (promise: Promise<unknown>) => {
    const err = (await promise.then(
      () => undefined,
      (e: ServiceError) => e,
    )) as ServiceError | undefined;
    expect(err?.code).toBe(status.UNAUTHENTICATED);
    return err;
  };

  it.each([
    ['no authorization metadata', undefined],
    ['a wrong secret', 'not-the-admin-secret-at-all'],
    ['the secret with a different case', ADMIN_SECRET.toUpperCase()],
    ['a prefix of the secret', ADMIN_SECRET.slice(0, -1)],
    ['an empty secret', ''],
  ])('refuses a unary call with %s', async (_what, secret) => {
    const client = stack.clientWith(secret);
    const err = await refused(client.call('IssueUserToken', { external_id: 'intruder', name: 'Mallory' }));
    expect(err?.details).toBe('missing or invalid admin secret');
  });

  it('refuses the secret without the Bearer scheme', async () => {
    const metadata = new Metadata();
    metadata.set('authorization', ADMIN_SECRET);
    await refused(stack.admin.call('IssueUserToken', { external_id: 'x', name: 'x' }, metadata));
  });

  it('creates nothing for a refused call', async () => {
    await refused(
      stack.clientWith('wrong-secret-wrong-secret').call('IssueUserToken', { external_id: 'ghost', name: 'G' }),
    );
    const issued = await stack.admin.call<{ created: boolean }>('IssueUserToken', { external_id: 'ghost', name: 'G' });
    expect(issued.created).toBe(true);
  });

  it('refuses an event stream with a wrong secret', async () => {
    const stream = stack.clientWith('wrong-secret-wrong-secret').stream({
      channel_id: '7b7c6a32-6f1f-4d3e-9b7e-0d3d6c1c2f11',
    });
    const end = await stream.ended;
    expect(end.code).toBe(status.UNAUTHENTICATED);
    expect(stream.frames).toEqual([]);
  });
});

describe('gRPC server start-up', () => {
  it('is disabled when PARLEY_ADMIN_SECRET is unset or empty, enabled when set', () => {
    expect(grpcEnabled(loadConfig({ PARLEY_DATA_DIR: '/tmp/unused' }))).toBe(false);
    expect(grpcEnabled(loadConfig({ PARLEY_DATA_DIR: '/tmp/unused', PARLEY_ADMIN_SECRET: '' }))).toBe(false);
    expect(grpcEnabled(loadConfig({ PARLEY_DATA_DIR: '/tmp/unused', PARLEY_ADMIN_SECRET: ADMIN_SECRET }))).toBe(true);
  });

  it('rejects a configured admin secret shorter than 16 characters', () => {
    expect(() => loadConfig({ PARLEY_DATA_DIR: '/tmp/unused', PARLEY_ADMIN_SECRET: 'short' })).toThrow(
      /PARLEY_ADMIN_SECRET must be at least 16 characters/,
    );
  });

  it('refuses to build a server without a (long enough) secret', async () => {
    const test = await buildTestApp();
    try {
      expect(() => buildGrpcServer(test.services, { adminSecret: '' })).toThrow(/at least 16 characters/);
      expect(() => buildGrpcServer(test.services, { adminSecret: 'abc' })).toThrow(/at least 16 characters/);
    } finally {
      await test.close();
    }
  });
});
