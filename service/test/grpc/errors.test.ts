import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelFor, type GrpcStack, issueUser, startGrpcStack } from './grpc-fixture.js';

const UNKNOWN = '7b7c6a32-6f1f-4d3e-9b7e-0d3d6c1c2f11';

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const err = await promise.then(
    () => undefined,
    (e: ServiceError) => e,
  );
  if (!err) throw new Error('the call succeeded');
  return err;
}

const fieldOf = (err: ServiceError) => (err.metadata ?? new Metadata()).get('parley-field')[0];

describe('ChatAdminService error mapping', () => {
  let stack: GrpcStack;
  let channelId: string;
  let userId: string;
  beforeAll(async () => {
    stack = await startGrpcStack();
    userId = (await issueUser(stack.admin)).user.id;
    channelId = await createChannelFor(stack.admin, userId);
  });
  afterAll(() => stack.close());

  const valid = () => ({
    IssueUserToken: { external_id: 'host-1', name: 'Ann', email: '' },
    CreateChannel: { name: 'general', creator_user_id: userId },
    AddMember: { channel_id: channelId, user_id: userId },
    RemoveMember: { channel_id: channelId, user_id: userId },
    PostMessage: { channel_id: channelId, content: 'hi' },
    ListMessages: { channel_id: channelId, cursor: '', limit: 0 },
  });

  const cases: Array<[method: keyof ReturnType<typeof valid>, patch: Record<string, unknown>, field: string]> = [
    ['IssueUserToken', { external_id: '' }, 'external_id'],
    ['IssueUserToken', { external_id: 'x'.repeat(256) }, 'external_id'],
    ['IssueUserToken', { name: '' }, 'name'],
    ['IssueUserToken', { name: '   ' }, 'name'],
    ['IssueUserToken', { name: 'n'.repeat(101) }, 'name'],
    ['IssueUserToken', { email: 'not-an-email' }, 'email'],
    ['CreateChannel', { name: '' }, 'name'],
    ['CreateChannel', { creator_user_id: 'user-1' }, 'creator_user_id'],
    ['CreateChannel', { creator_user_id: '' }, 'creator_user_id'],
    ['AddMember', { channel_id: 'general' }, 'channel_id'],
    ['AddMember', { user_id: '42' }, 'user_id'],
    ['RemoveMember', { user_id: '' }, 'user_id'],
    ['PostMessage', { content: '' }, 'content'],
    ['PostMessage', { content: ' \n\t ' }, 'content'],
    ['PostMessage', { content: 'x'.repeat(4001) }, 'content'],
    ['PostMessage', { client_msg_id: 'has spaces' }, 'client_msg_id'],
    ['PostMessage', { author_user_id: 'bot' }, 'author_user_id'],
    ['PostMessage', { author_name: 'b'.repeat(101) }, 'author_name'],
    ['PostMessage', { channel_id: '' }, 'channel_id'],
    ['ListMessages', { cursor: 'not a cursor!' }, 'cursor'],
    ['ListMessages', { cursor: Buffer.from('{"a":"x"}').toString('base64url') }, 'cursor'],
    ['ListMessages', { limit: 101 }, 'limit'],
    ['ListMessages', { limit: -1 }, 'limit'],
  ];

  it.each(cases)('%s with %o is INVALID_ARGUMENT naming %s', async (method, patch, field) => {
    const err = await failure(stack.admin.call(method, { ...valid()[method], ...patch }));
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.details).toContain(field);
    expect(fieldOf(err)).toBe(field);
  });

  it('accepts content of exactly 4000 characters', async () => {
    const res = await stack.admin.call<{ created: boolean }>('PostMessage', {
      ...valid().PostMessage,
      content: 'é'.repeat(4000),
    });
    expect(res.created).toBe(true);
  });

  it.each([
    ['AddMember', { channel_id: UNKNOWN, user_id: UNKNOWN }],
    ['RemoveMember', { channel_id: UNKNOWN, user_id: UNKNOWN }],
    ['PostMessage', { channel_id: UNKNOWN, content: 'hello?' }],
    ['ListMessages', { channel_id: UNKNOWN }],
  ])('%s on an unknown channel is NOT_FOUND', async (method, req) => {
    const err = await failure(stack.admin.call(method, req));
    expect(err.code).toBe(status.NOT_FOUND);
    expect(err.details).toBe('channel not found');
    expect((err.metadata ?? new Metadata()).get('parley-code')).toEqual(['not_found']);
  });

  it('streams of an unknown channel end with NOT_FOUND before any frame', async () => {
    const stream = stack.admin.stream({ channel_id: UNKNOWN });
    const end = await stream.ended;
    expect(end.code).toBe(status.NOT_FOUND);
    expect(stream.frames).toEqual([]);
  });

  it.each([
    [{ channel_id: 'nope' }, 'channel_id'],
    [{ since: '0' }, 'since'],
    [{ since: '12ab' }, 'since'],
    [{ since: '99999999999999999999' }, 'since'],
    [{ since: '42', have: ['42', 'x'] }, 'have'],
    [{ since: '42', have: Array.from({ length: 1001 }, (_, i) => String(i + 1)) }, 'have'],
  ])('streams with %o end with INVALID_ARGUMENT naming %s', async (patch, field) => {
    const stream = stack.admin.stream({ channel_id: channelId, ...patch });
    const end = await stream.ended;
    expect(end.code).toBe(status.INVALID_ARGUMENT);
    expect(end.details).toContain(field);
  });

  it('turns an unexpected failure into a bare INTERNAL without its details', async () => {
    const history = stack.test.services.messages.channelHistory;
    stack.test.services.messages.channelHistory = async () => {
      throw new Error('SQLITE_CORRUPT at /var/lib/parley/secret-path.db');
    };
    try {
      const err = await failure(stack.admin.call('ListMessages', { channel_id: channelId }));
      expect(err.code).toBe(status.INTERNAL);
      expect(err.details).toBe('internal error');
      expect(err.message).not.toContain('SQLITE');
    } finally {
      stack.test.services.messages.channelHistory = history;
    }
  });
});
