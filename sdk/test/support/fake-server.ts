import type { components } from '../../src/index.js';
import { compareIds } from '../../src/index.js';
import { createFakeWebSocket, type FakeSocket, type WireFrame } from './fake-socket.js';

type WireMessage = components['schemas']['Message'];
type WireReply = components['schemas']['Reply'];
type WireUser = components['schemas']['User'];

interface Session {
  socket: FakeSocket;
  user: WireUser | undefined;
  subs: Set<string>;
}

/**
 * An in-process Parley speaking `parley.v1` over fake sockets, plus the REST routes the SDK
 * uses, with the semantics of the real one (recovery after `since`, `gap` past the cap,
 * idempotent `client_msg_id`, monotonic read state). Knobs let tests break it on purpose.
 */
export class FakeServer {
  readonly users = new Map<string, WireUser>();
  readonly channels = new Map<string, WireMessage[]>();
  readonly replies = new Map<string, WireReply[]>();
  readonly reads = new Map<string, string>();
  readonly sessions: Session[] = [];
  /** Accept sockets and answer frames by themselves. */
  auto = true;
  /** Fail every new socket (1006), as if the server were unreachable. */
  refuse = false;
  recoveryCap = 1000;
  /** How many acks to swallow, dropping the socket instead (the ack is lost, the message stored). */
  loseAcks = 0;
  answerPings = true;
  /** Fail REST calls with 503 `unavailable` while set. */
  restDown = false;
  readonly restCalls: string[] = [];
  readonly sockets;
  #seq = 7_000_000_000_000_000_000n;

  constructor() {
    this.sockets = createFakeWebSocket((socket) => {
      const session: Session = { socket, user: undefined, subs: new Set() };
      this.sessions.push(session);
      socket.onframe = (frame) => this.auto && queueMicrotask(() => this.#handle(session, frame));
      if (this.refuse) socket.drop(1006);
      else if (this.auto) queueMicrotask(() => socket.accept());
    });
  }

  get WebSocket() {
    return this.sockets.WebSocket;
  }

  /** A user and their token (`token-<name>`). */
  addUser(name: string): { user: WireUser; token: string } {
    const user = { id: `u-${name}`, name, email: `${name}@example.com`, created_at: new Date(0).toISOString() };
    const token = `token-${name}`;
    this.users.set(token, user);
    return { user, token };
  }

  addChannel(id: string): void {
    this.channels.set(id, []);
  }

  nextId(): string {
    this.#seq += 1n;
    return this.#seq.toString();
  }

  /** Stores a message by `userId` and broadcasts it, as if sent from elsewhere. */
  post(channelId: string, userId: string, content: string, clientMsgId?: string): WireMessage {
    const list = this.#channel(channelId);
    const seen = clientMsgId && list.find((m) => m.client_msg_id === clientMsgId);
    if (seen) return seen;
    const id = this.nextId();
    const message: WireMessage = {
      message_id: id,
      channel_id: channelId,
      user_id: userId,
      username: userId,
      content,
      created_at: new Date().toISOString(),
      client_msg_id: clientMsgId ?? `srv-${id}`,
      reply_count: 0,
    };
    list.push(message);
    this.broadcast(channelId, { type: 'message', message });
    return message;
  }

  broadcast(channelId: string, frame: WireFrame, except?: Session): void {
    for (const s of this.sessions) if (s !== except && s.subs.has(channelId)) s.socket.push(frame);
  }

  /** Every open socket, closed by the server with `code`. */
  dropAll(code = 1006): void {
    for (const s of this.sessions) s.socket.drop(code);
  }

  unread(userId: string, channelId: string): number {
    const read = this.reads.get(`${userId}:${channelId}`) ?? '';
    return this.#channel(channelId).filter((m) => m.user_id !== userId && compareIds(m.message_id, read) > 0).length;
  }

  #channel(id: string): WireMessage[] {
    const list = this.channels.get(id);
    if (!list) throw new Error(`no channel ${id}`);
    return list;
  }

  #handle(session: Session, frame: WireFrame): void {
    const { socket } = session;
    if (socket.readyState !== 1) return;
    if (frame.type === 'auth') {
      this.#auth(session, frame.token as string);
      return;
    }
    const user = session.user;
    if (!user) {
      socket.push({ type: 'error', code: 'unauthorized', message: 'send an auth frame first' });
      return;
    }
    const channelId = frame.channel_id as string;
    if (frame.type === 'subscribe') this.#subscribe(session, user, channelId, frame.since as string | undefined);
    else if (frame.type === 'unsubscribe') {
      session.subs.delete(channelId);
      socket.push({ type: 'unsubscribed', channel_id: channelId });
    } else if (frame.type === 'send') this.#send(session, user, frame);
    else if (frame.type === 'reply') this.#reply(session, user, frame);
    else if (frame.type === 'typing') {
      this.broadcast(channelId, { type: 'typing', channel_id: channelId, user_id: user.id, typing: true }, session);
    } else if (frame.type === 'read') this.#read(user, channelId, frame.message_id as string);
    else if (frame.type === 'ping' && this.answerPings) socket.push({ type: 'pong' });
  }

  #auth(session: Session, token: string): void {
    session.user = this.users.get(token);
    if (session.user) {
      session.socket.push({ type: 'ready', user: session.user });
      return;
    }
    session.socket.push({ type: 'error', code: 'unauthorized', message: 'invalid token' });
    session.socket.drop(4500, 'authentication failed');
  }

  #read(user: WireUser, channelId: string, messageId: string): void {
    const key = `${user.id}:${channelId}`;
    if (compareIds(messageId, this.reads.get(key) ?? '') <= 0) return;
    this.reads.set(key, messageId);
    this.broadcast(channelId, { type: 'read', channel_id: channelId, user_id: user.id, message_id: messageId });
  }

  #subscribe(session: Session, user: WireUser, channelId: string, since: string | undefined): void {
    const list = this.channels.get(channelId);
    if (!list) {
      session.socket.push({ type: 'error', code: 'not_found', message: 'channel not found' });
      return;
    }
    const missed = since ? list.filter((m) => compareIds(m.message_id, since) > 0) : [];
    const gap = missed.length > this.recoveryCap;
    if (!gap) for (const message of missed) session.socket.push({ type: 'message', message });
    session.subs.add(channelId);
    session.socket.push({
      type: 'subscribed',
      channel_id: channelId,
      recovered: gap ? 0 : missed.length,
      gap,
      read_message_id: this.reads.get(`${user.id}:${channelId}`) ?? '',
      unread_count: this.unread(user.id, channelId),
      unread_through: list.reduce((newest, m) => (compareIds(m.message_id, newest) > 0 ? m.message_id : newest), ''),
    });
  }

  #send(session: Session, user: WireUser, frame: WireFrame): void {
    const channelId = frame.channel_id as string;
    const clientMsgId = frame.client_msg_id as string;
    if (!this.channels.has(channelId)) {
      session.socket.push({ type: 'error', code: 'not_found', message: 'no', client_msg_id: clientMsgId });
      return;
    }
    const message = this.post(channelId, user.id, frame.content as string, clientMsgId);
    this.#ack(session, { type: 'ack', client_msg_id: clientMsgId, message });
  }

  #reply(session: Session, user: WireUser, frame: WireFrame): void {
    const clientMsgId = frame.client_msg_id as string;
    const reply = this.postReply(frame.message_id as string, user, frame.content as string, clientMsgId);
    if (reply) this.#ack(session, { type: 'ack', client_msg_id: clientMsgId, reply });
    else session.socket.push({ type: 'error', code: 'not_found', message: 'no', client_msg_id: clientMsgId });
  }

  /** Stores a reply (idempotent on `clientMsgId`) and broadcasts it; undefined for an unknown parent. */
  postReply(messageId: string, user: WireUser, content: string, clientMsgId?: string): WireReply | undefined {
    const parent = [...this.channels.values()].flat().find((m) => m.message_id === messageId);
    if (!parent) return undefined;
    const list = this.replies.get(messageId) ?? [];
    this.replies.set(messageId, list);
    const seen = clientMsgId && list.find((r) => r.client_msg_id === clientMsgId);
    if (seen) return seen;
    const id = this.nextId();
    const reply: WireReply = {
      reply_id: id,
      message_id: messageId,
      channel_id: parent.channel_id,
      user_id: user.id,
      username: user.name,
      content,
      created_at: new Date().toISOString(),
      client_msg_id: clientMsgId ?? `srv-${id}`,
    };
    list.push(reply);
    parent.reply_count += 1;
    this.broadcast(parent.channel_id, { type: 'reply', reply });
    return reply;
  }

  #ack(session: Session, frame: WireFrame): void {
    if (this.loseAcks > 0) {
      this.loseAcks -= 1;
      session.socket.drop(1006);
    } else session.socket.push(frame);
  }

  /** The REST routes the SDK calls, as a `fetch`. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    this.restCalls.push(`${request.method} ${url.pathname}`);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (this.restDown) return json(503, { status: 'fail', code: 'unavailable', message: 'store unavailable' });
    if (url.pathname === '/api/login') {
      const { email } = (await request.json()) as { email: string };
      const found = [...this.users].find(([, u]) => u.email === email);
      if (!found) return json(401, { status: 'fail', code: 'unauthorized', message: 'invalid email or password' });
      return json(200, { status: 'success', message: 'login successfully', data: { ...found[1], token: found[0] } });
    }
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    if (!this.users.has(token)) return json(401, { status: 'fail', code: 'unauthorized', message: 'bad token' });
    const q = url.searchParams;
    const limit = Number(q.get('limit') ?? 10);
    const cursor = q.get('cursor') ?? '';
    if (url.pathname === '/api/message') {
      const page = pageOf(this.#channel(q.get('channel_id') ?? ''), cursor, limit, (m) => m.message_id);
      return json(200, { status: 'success', message: 'ok', data: { messages: page.items, next_cursor: page.next } });
    }
    if (url.pathname === '/api/reply') {
      const page = pageOf(this.replies.get(q.get('message_id') ?? '') ?? [], cursor, limit, (r) => r.reply_id);
      return json(200, { status: 'success', message: 'ok', data: { replies: page.items, next_cursor: page.next } });
    }
    const members = /^\/api\/channel\/([^/]+)\/members$/.exec(url.pathname);
    if (members) {
      const online = new Set(this.sessions.filter((s) => s.socket.readyState === 1).map((s) => s.user?.id));
      const data = [...this.users.values()].map((u) => ({
        user_id: u.id,
        name: u.name,
        joined_at: u.created_at,
        online: online.has(u.id),
      }));
      return json(200, { status: 'success', message: 'ok', data });
    }
    return json(404, { status: 'fail', code: 'not_found', message: `route ${url.pathname} not found` });
  };
}

/** A newest-first page before `cursor` (the last id of the previous page). */
function pageOf<T>(ascending: T[], cursor: string, limit: number, id: (t: T) => string) {
  const older = ascending.filter((t) => !cursor || compareIds(id(t), cursor) < 0).reverse();
  const items = older.slice(0, limit);
  const last = items.at(-1);
  return { items, next: older.length > limit && last ? id(last) : '' };
}
