import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../service/test/support/spawn-server.js';
import type { ChatClient } from '../src/index.js';
import {
  type Account,
  createChannel,
  history,
  idsOf,
  isLive,
  realClient,
  signUp,
  startParley,
} from './support/real-server.js';
import { createTestWebSocket } from './support/test-socket.js';
import { waitFor } from './support/wait-for.js';

const SDK = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
/** Generous: these share two cores with a real server (and whatever else runs). */
const SLOW = 60_000;

/** The Node example of README.md, as written there. */
function nodeExample(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const match = /<!-- node-example[^>]*-->\n```js\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README.md has no node-example block');
  return match[1];
}

/** Against a real Parley process: one server for the file, restarted by the last test. */
describe('against a real Parley server', { timeout: SLOW }, () => {
  let server: ServerProcess;
  let ada: Account;
  let bob: Account;
  let channel: string;
  const clients: ChatClient[] = [];

  const track = (client: ChatClient) => {
    clients.push(client);
    return client;
  };
  const watch = async (client: ChatClient) => {
    client.connect();
    client.watch(channel);
    await waitFor(() => isLive(client, channel) && client.store.get().channels[channel]?.loading === false, 'live');
  };
  const storedIds = async () => (await history(server.url, ada, channel)).map((m) => m.message_id);

  beforeAll(async () => {
    server = await startParley();
    [ada, bob] = await Promise.all([signUp(server.url, 'ada'), signUp(server.url, 'bob')]);
    channel = await createChannel(server.url, ada, [bob]);
  }, SLOW);

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.stop();
  }, SLOW);

  it('connects, sends and receives', async () => {
    const a = track(realClient(server, ada));
    const b = track(realClient(server, bob));
    await Promise.all([watch(a), watch(b)]);
    expect(a.store.get().user?.name).toBe('ada');
    const received: string[] = [];
    b.on('message', (m) => received.push(m.content));
    const id = a.send(channel, 'hello from ada');
    expect(a.store.get().channels[channel]?.messages.at(-1)).toMatchObject({ status: 'pending', clientMsgId: id });
    await waitFor(() => received.includes('hello from ada'), 'bob receives');
    await waitFor(() => a.store.get().channels[channel]?.messages.at(-1)?.status === 'sent', 'ada acked');
    expect(received).toEqual(['hello from ada']);
    expect(idsOf(a, channel)).toEqual(await storedIds());
    expect(idsOf(b, channel)).toEqual(await storedIds());
  });

  it('recovers every message exactly once and in order after its socket drops while the other side sends', async () => {
    const a = track(realClient(server, ada));
    const { WebSocket, control } = createTestWebSocket();
    const b = track(realClient(server, bob, { WebSocket }));
    await Promise.all([watch(a), watch(b)]);
    const announced: string[] = [];
    b.on('message', (m) => announced.push(m.messageId));

    control.open = false;
    control.cut();
    await waitFor(() => b.store.get().connection.state === 'connecting', 'bob offline');
    const sent = Array.from({ length: 25 }, (_, i) => a.send(channel, `while bob is away ${i}`));
    await waitFor(() =>
      sent.every(
        (id) => a.store.get().channels[channel]?.messages.find((m) => m.clientMsgId === id)?.status === 'sent',
      ),
    );
    expect(b.store.get().channels[channel]?.messages.some((m) => m.content.startsWith('while bob'))).toBe(false);

    control.open = true;
    const stored = await storedIds();
    await waitFor(() => idsOf(b, channel).length === stored.length && isLive(b, channel), 'bob recovers');
    expect(idsOf(b, channel)).toEqual(stored);
    const away = stored.slice(-25);
    expect(announced).toEqual(away);
    const resubscribe = control.written.filter((f) => f.type === 'subscribe').at(-1);
    expect(resubscribe?.since).toBe(stored.at(-26));
    expect(resubscribe?.have).toEqual(stored.slice(0, -25).slice(-200)); // what bob held, newest 200
  });

  it('retries a send whose ack is lost; the server stores it once and the client shows it once', async () => {
    const { WebSocket, control } = createTestWebSocket();
    const a = track(realClient(server, ada, { WebSocket }));
    await watch(a);
    const content = `ack lost ${Date.now()}`;
    // Lose everything that would confirm the send (its ack and its broadcast copy), then the socket.
    control.onFrame = (frame, ws) => {
      const mine =
        frame.type === 'ack' ||
        (frame.type === 'message' && (frame.message as { content: string }).content === content);
      if (!mine) return true;
      control.open = false;
      ws.terminate();
      return false;
    };
    const id = a.send(channel, content);
    const storedOnce = async () =>
      (await history(server.url, ada, channel)).filter((m) => m.client_msg_id === id).length;
    await waitFor(async () => (await storedOnce()) === 1, 'stored on the server');
    await waitFor(() => a.store.get().connection.state === 'connecting', 'socket lost');
    const local = () => a.store.get().channels[channel]?.messages.filter((m) => m.clientMsgId === id) ?? [];
    expect(local().map((m) => m.status)).toEqual(['pending']);

    control.onFrame = undefined;
    control.open = true;
    await waitFor(() => local()[0]?.status === 'sent' && isLive(a, channel), 'acked after reconnect');
    expect(control.written.filter((f) => f.type === 'send' && f.client_msg_id === id)).toHaveLength(2);
    expect(await storedOnce()).toBe(1);
    expect(local()).toHaveLength(1);
    expect(idsOf(a, channel)).toEqual(await storedIds());
  });

  it('keeps unread counts in step with the server, across a user’s devices', async () => {
    const a = track(realClient(server, ada));
    const phone = track(realClient(server, bob));
    await Promise.all([watch(a), watch(phone)]);
    const unread = (c: ChatClient) => c.store.get().channels[channel]?.unreadCount;
    const byAda = (await history(server.url, ada, channel)).filter((m) => m.user_id === ada.id).length;
    expect(unread(phone)).toBe(byAda);

    phone.markRead(channel);
    expect(unread(phone)).toBe(0);
    const laptop = track(realClient(server, bob));
    await watch(laptop);
    expect(unread(laptop)).toBe(0); // the server's count, after the read the phone sent

    const ids = [a.send(channel, 'unread 1'), a.send(channel, 'unread 2')];
    await waitFor(() => unread(phone) === 2 && unread(laptop) === 2, 'both devices count 2');
    const sent = (id: string) =>
      a.store.get().channels[channel]?.messages.some((m) => m.clientMsgId === id && m.status === 'sent');
    await waitFor(() => ids.every(sent), 'ada’s sends acked');
    const last = idsOf(a, channel).at(-1) ?? '';
    laptop.markRead(channel, last);
    await waitFor(() => unread(phone) === 0, 'the phone follows the laptop’s read');
    expect(phone.store.get().channels[channel]?.readMessageId).toBe(last);
  });

  it('runs the README Node example: it chats in a dozen lines', async () => {
    const code = nodeExample();
    expect(code.trim().split('\n').length).toBeLessThanOrEqual(15);
    const script = code.replace(`'@parley/sdk'`, JSON.stringify(ENTRY));
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: SDK,
      env: { ...process.env, PARLEY_URL: server.url, PARLEY_EMAIL: 'readme@example.com' },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    try {
      await waitFor(() => output.includes('ada: Hello from Node') || child.exitCode !== null, 'the example', 50_000);
      expect(output.trim()).toBe('ada: Hello from Node');
    } finally {
      child.kill();
    }
  });

  it('reconnects by itself when the server restarts, sends what was queued, and recovers what it missed', async () => {
    const a = track(realClient(server, ada));
    const { WebSocket, control } = createTestWebSocket();
    const b = track(realClient(server, bob, { WebSocket }));
    await Promise.all([watch(a), watch(b)]);
    const codes: number[] = [];
    a.on('state', (e) => codes.push(e.code));

    control.open = false; // bob stays away until told, to have something to recover
    const { port, dataDir } = server;
    await server.stop();
    await waitFor(
      () => a.store.get().connection.state === 'connecting' && b.store.get().connection.state === 'connecting',
    );
    expect(codes).toContain(1001);
    const queued = a.send(channel, 'queued while the server was down');

    server = await startParley({ port, dataDir });
    const local = (id: string) => a.store.get().channels[channel]?.messages.find((m) => m.clientMsgId === id);
    await waitFor(() => local(queued)?.status === 'sent' && isLive(a, channel), 'ada back, queued send acked');
    const more = Array.from({ length: 5 }, (_, i) => a.send(channel, `after restart ${i}`));
    await waitFor(() => more.every((id) => local(id)?.status === 'sent'));

    control.open = true;
    const stored = await storedIds();
    await waitFor(() => idsOf(b, channel).length === stored.length && isLive(b, channel), 'bob recovers');
    expect(idsOf(b, channel)).toEqual(stored);
    expect(idsOf(a, channel)).toEqual(stored);
    const texts = (await history(server.url, ada, channel)).map((m) => m.content);
    expect(texts.filter((t) => t === 'queued while the server was down')).toHaveLength(1);
  });
});
