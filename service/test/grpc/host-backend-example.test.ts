import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSocket } from '../support/ws-client.js';
import { ADMIN_SECRET, type GrpcStack, startGrpcStack } from './grpc-fixture.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/host-backend');
const run = promisify(execFile);

interface ExampleResult {
  user: { id: string; name: string };
  token: string;
  channel_id: string;
  message: { message_id: string; user_id: string; username: string; content: string };
  posted: boolean;
}

describe('examples/host-backend', () => {
  let stack: GrpcStack;
  beforeAll(async () => {
    stack = await startGrpcStack();
  });
  afterAll(() => stack.close());

  /** Runs the example's one command (`npm start`) as a host would. */
  async function npmStart(env: Record<string, string>): Promise<ExampleResult> {
    const { stdout } = await run('npm', ['start', '--silent'], {
      cwd: EXAMPLE,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', GRPC_ADDRESS: stack.address, ...env },
      timeout: 60_000,
    });
    return JSON.parse(stdout) as ExampleResult;
  }

  it('has one start command', () => {
    const pkg = JSON.parse(readFileSync(join(EXAMPLE, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(Object.keys(pkg.scripts)).toEqual(['start']);
  });

  it('issues a token for the host user and welcomes them with one system message, however often it runs', async () => {
    const env = { PARLEY_ADMIN_SECRET: ADMIN_SECRET, HOST_USER_ID: 'shop-7', HOST_USER_NAME: 'Grace' };
    const first = await npmStart(env);
    expect(first.user.name).toBe('Grace');
    expect(first.posted).toBe(true);
    expect(first.message).toMatchObject({
      user_id: '00000000-0000-0000-0000-000000000000',
      username: 'system',
      content: 'Welcome, Grace! An agent will be with you shortly.',
    });

    const again = await npmStart({ ...env, CHANNEL_ID: first.channel_id });
    expect(again.user.id).toBe(first.user.id);
    expect(again.posted).toBe(false);
    expect(again.message.message_id).toBe(first.message.message_id);

    const page = await stack.admin.call<{ messages: Array<{ message_id: string }> }>('ListMessages', {
      channel_id: first.channel_id,
    });
    expect(page.messages.map((m) => m.message_id)).toEqual([first.message.message_id]);

    const socket = await TestSocket.connect(stack.test.wsUrl, first.token);
    try {
      const subscribed = await socket.subscribe(first.channel_id);
      expect(subscribed).toMatchObject({ type: 'subscribed', channel_id: first.channel_id });
    } finally {
      await socket.close();
    }
  }, 90_000);

  it('fails with UNAUTHENTICATED and a non-zero exit for a wrong secret', async () => {
    const failed = await npmStart({ PARLEY_ADMIN_SECRET: 'definitely-not-the-secret' }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toContain('missing or invalid admin secret');
  }, 60_000);
});
