import WebSocket from 'ws';
import { createChannel, joinChannel, signUp, waitFor } from './test-app.js';

export type Frame = Record<string, unknown> & { type?: string; status?: string };

/** A `ws` client that records every frame, for assertions. */
export class TestSocket {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  closeReason = '';
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string, protocol: string | null = 'parley.v1', headers: Record<string, string> = {}) {
    this.ws = protocol ? new WebSocket(url, protocol, { headers }) : new WebSocket(url, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        resolve(code);
      });
    });
    this.ws.on('message', (data) => {
      const text = data.toString();
      try {
        this.frames.push(JSON.parse(text) as Frame);
      } catch {
        this.frames.push({ raw: text });
      }
    });
    this.ws.on('error', () => undefined);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  of(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  /** Waits for the next frame (after `from`) matching the predicate. */
  next(predicate: (f: Frame) => boolean, timeoutMs = 5000, from = 0): Promise<Frame> {
    return waitFor(() => this.frames.slice(from).find(predicate), timeoutMs, 'frame');
  }

  /** Opens, authenticates with parley.v1 and waits for `ready`. */
  static async connect(url: string, token: string): Promise<TestSocket> {
    const s = new TestSocket(url);
    await s.opened;
    s.send({ type: 'auth', token });
    await s.next((f) => f.type === 'ready');
    return s;
  }

  async subscribe(channelId: string, since?: string): Promise<Frame> {
    const from = this.frames.length;
    this.send({ type: 'subscribe', channel_id: channelId, ...(since ? { since } : {}) });
    return this.next((f) => f.type === 'subscribed' && f.channel_id === channelId, 5000, from);
  }

  close(): Promise<number> {
    this.ws.close();
    return this.closed;
  }
}

/** Signed-up users in one new channel (the first creates it, the rest join), each with a subscribed socket. */
export async function subscribedMembers(
  t: { app: Parameters<typeof signUp>[0]; wsUrl: string },
  names: readonly string[],
): Promise<{ channel: string; members: Array<{ user: Awaited<ReturnType<typeof signUp>>; socket: TestSocket }> }> {
  const users = [];
  for (const name of names) users.push(await signUp(t.app, name));
  const [owner, ...others] = users;
  if (!owner) throw new Error('subscribedMembers needs at least one name');
  const channel = await createChannel(t.app, owner.auth);
  for (const user of others) await joinChannel(t.app, user.auth, channel);
  const members = [];
  for (const user of users) {
    const socket = await TestSocket.connect(t.wsUrl, user.token);
    await socket.subscribe(channel);
    members.push({ user, socket });
  }
  return { channel, members };
}
