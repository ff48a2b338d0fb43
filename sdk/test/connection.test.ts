import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Connection,
  type ConnectionOptions,
  createTokenSource,
  StateCode,
  type StateEvent,
  type TokenProvider,
  UnauthorizedError,
} from '../src/index.js';
import { createFakeWebSocket, type FakeSocket } from './support/fake-socket.js';

const USER = { id: 'u1', name: 'ada', email: 'ada@example.com', created_at: '2024-01-01T00:00:00.000Z' };
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

function setup(options: Partial<ConnectionOptions> & { token?: string | TokenProvider } = {}) {
  const fake = createFakeWebSocket();
  const conn = new Connection({
    url: 'ws://parley.test/api/message/ws',
    tokens: createTokenSource(options.token ?? 'tok-1'),
    WebSocket: fake.WebSocket,
    minReconnectDelayMs: 100,
    maxReconnectDelayMs: 1000,
    pingIntervalMs: 1000,
    timeoutMs: 500,
    random: () => 0.5,
    ...options,
  });
  const states: StateEvent[] = [];
  conn.on('state', (event) => states.push(event));
  const transitions = () => states.map((e) => `${e.previous}>${e.state}:${e.code}`);
  return { fake, conn, states, transitions };
}

/** Lets the pending attempt create its socket, accepts it and answers `ready`. */
async function handshake(fake: ReturnType<typeof createFakeWebSocket>): Promise<FakeSocket> {
  await tick();
  const socket = fake.last();
  socket.accept();
  socket.push({ type: 'ready', user: USER });
  await tick();
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Connection state machine', () => {
  it('walks disconnected -> connecting -> connected, one state event per transition', async () => {
    const { fake, conn, states } = setup();
    expect(conn.state).toBe('disconnected');
    conn.connect();
    expect(conn.state).toBe('connecting');
    await handshake(fake);
    expect(conn.state).toBe('connected');
    expect(states).toEqual([
      { state: 'connecting', previous: 'disconnected', code: StateCode.ConnectCalled, reason: 'connect called' },
      { state: 'connected', previous: 'connecting', code: StateCode.Ready, reason: 'ready' },
    ]);
  });

  it('opens the socket with the parley.v1 subprotocol and sends auth first', async () => {
    const { fake, conn } = setup();
    conn.connect();
    const socket = await handshake(fake);
    expect(socket.url).toBe('ws://parley.test/api/message/ws');
    expect(socket.protocols).toBe('parley.v1');
    expect(socket.frames[0]).toEqual({ type: 'auth', token: 'tok-1' });
  });

  it('goes connected -> connecting when the socket drops, with its close code and reason', async () => {
    const { fake, conn, states } = setup();
    conn.connect();
    const socket = await handshake(fake);
    socket.drop(1006, 'abnormal');
    await tick();
    expect(states.at(-1)).toEqual({ state: 'connecting', previous: 'connected', code: 1006, reason: 'abnormal' });
  });

  it('emits nothing for a failed attempt while connecting (connecting -> connecting)', async () => {
    const { fake, conn, transitions } = setup();
    conn.connect();
    await tick();
    fake.last().drop(1006);
    await tick(50); // attempt 0: 0.5 * 100
    fake.last().drop(1006);
    await tick(100); // attempt 1: 0.5 * 200
    expect(fake.created).toHaveLength(3);
    expect(transitions()).toEqual(['disconnected>connecting:0']);
  });

  it('goes to disconnected on disconnect() from connected and from connecting, and stays there', async () => {
    const { fake, conn, states } = setup();
    conn.connect();
    const socket = await handshake(fake);
    conn.disconnect();
    expect(states.at(-1)).toMatchObject({
      state: 'disconnected',
      previous: 'connected',
      code: StateCode.DisconnectCalled,
    });
    expect(socket.closedByClient).toEqual({ code: 1000 });
    conn.connect();
    await tick();
    conn.disconnect();
    expect(states.at(-1)).toMatchObject({ state: 'disconnected', previous: 'connecting' });
    await tick(60_000);
    expect(fake.created).toHaveLength(2);
  });

  it('treats connect() while connecting or connected and disconnect() while disconnected as no-ops', async () => {
    const { fake, conn, states } = setup();
    conn.disconnect();
    conn.connect();
    conn.connect();
    await handshake(fake);
    conn.connect();
    expect(fake.created).toHaveLength(1);
    expect(states.map((e) => e.state)).toEqual(['connecting', 'connected']);
  });

  it('writes frames only when connected', async () => {
    const { fake, conn } = setup();
    expect(conn.send({ type: 'ping' })).toBe(false);
    conn.connect();
    await tick();
    fake.last().accept();
    expect(conn.send({ type: 'ping' })).toBe(false);
    fake.last().push({ type: 'ready', user: USER });
    await tick();
    expect(conn.send({ type: 'subscribe', channelId: 'c1', since: '42' })).toBe(true);
    expect(fake.last().frames.at(-1)).toEqual({ type: 'subscribe', channel_id: 'c1', since: '42' });
  });

  it('ignores events from a socket it has let go', async () => {
    const { fake, conn } = setup();
    const frames: unknown[] = [];
    conn.on('frame', (f) => frames.push(f));
    conn.connect();
    const old = await handshake(fake);
    conn.disconnect();
    old.readyState = 1;
    old.push({ type: 'pong' });
    old.drop(1006);
    await tick();
    expect(frames.map((f) => (f as { type: string }).type)).toEqual(['ready']);
    expect(conn.state).toBe('disconnected');
  });

  it('refuses to connect without a WebSocket implementation', () => {
    vi.stubGlobal('WebSocket', undefined);
    try {
      const { conn } = setup({ WebSocket: undefined });
      expect(() => conn.connect()).toThrow(/WebSocket/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('close-code policy', () => {
  it.each([1001, 1006, 1009, 1011, 4000, 4008, 4009, 4429, 4499])('reconnects after %i', async (code) => {
    const { fake, conn, states } = setup();
    conn.connect();
    (await handshake(fake)).drop(code, 'bye');
    await tick(50);
    expect(states.at(-1)).toMatchObject({ state: 'connecting', code });
    expect(fake.created).toHaveLength(2);
  });

  it.each([4500, 4501, 4700, 4999])('stops after %i', async (code) => {
    const { fake, conn, states } = setup();
    conn.connect();
    (await handshake(fake)).drop(code, 'no');
    await tick(60_000);
    expect(states.at(-1)).toEqual({ state: 'disconnected', previous: 'connected', code, reason: 'no' });
    expect(fake.created).toHaveLength(1);
  });

  it('stops on 4500 during the handshake (a refused token)', async () => {
    const { fake, conn, states } = setup();
    conn.connect();
    await tick();
    fake.last().accept();
    fake.last().push({ type: 'error', code: 'unauthorized', message: 'invalid token' });
    fake.last().drop(4500, 'authentication failed');
    await tick(60_000);
    expect(states.at(-1)).toMatchObject({ state: 'disconnected', previous: 'connecting', code: 4500 });
    expect(fake.created).toHaveLength(1);
  });
});

describe('token refresh', () => {
  it('asks the provider again after 4401 and reconnects with the new token', async () => {
    let n = 0;
    const provider = vi.fn(async () => `tok-${++n}`);
    const { fake, conn, states } = setup({ token: provider });
    conn.connect();
    await handshake(fake);
    expect(provider).toHaveBeenCalledTimes(1);
    fake.last().drop(4401, 'token expired');
    await tick(1000);
    const second = await handshake(fake);
    expect(provider).toHaveBeenCalledTimes(2);
    expect(second.frames[0]).toEqual({ type: 'auth', token: 'tok-2' });
    expect(states.map((e) => `${e.state}:${e.code}`)).toEqual([
      'connecting:0',
      'connected:1',
      'connecting:4401',
      'connected:1',
    ]);
  });

  it('reuses a cached token across ordinary reconnects', async () => {
    const provider = vi.fn(async () => 'tok');
    const { fake, conn } = setup({ token: provider });
    conn.connect();
    (await handshake(fake)).drop(1006);
    await tick(1000);
    await handshake(fake);
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('stops on 4401 when there is no provider to refresh from', async () => {
    const { fake, conn, states } = setup({ token: 'static' });
    conn.connect();
    (await handshake(fake)).drop(4401, 'token expired');
    await tick(60_000);
    expect(states.at(-1)).toMatchObject({ state: 'disconnected', code: 4401 });
    expect(fake.created).toHaveLength(1);
  });

  it.each([
    ['throws UnauthorizedError', () => Promise.reject(new UnauthorizedError('gone'))],
    ['returns no token', async () => ''],
    ['returns null', () => null],
  ])('stops without opening a socket when the provider %s', async (_name, provider) => {
    const { fake, conn, states } = setup({ token: provider as TokenProvider });
    conn.connect();
    await tick(60_000);
    expect(states.at(-1)).toMatchObject({ state: 'disconnected', code: StateCode.Unauthorized });
    expect(fake.created).toHaveLength(0);
  });

  it('retries with backoff when the provider fails for another reason', async () => {
    const provider = vi.fn<TokenProvider>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('tok');
    const { fake, conn, states } = setup({ token: provider });
    conn.connect();
    await tick();
    expect(conn.state).toBe('connecting');
    expect(fake.created).toHaveLength(0);
    await tick(50);
    await handshake(fake);
    expect(conn.state).toBe('connected');
    expect(states.map((e) => e.state)).toEqual(['connecting', 'connected']);
  });
});

describe('reconnect backoff', () => {
  it('waits a full-jitter delay that doubles per failed attempt up to the maximum, and resets once connected', async () => {
    // random() = 0.5: delays are half of min(1000, 100 * 2^attempt): 50, 100, 200, 400, 500, 500
    const { fake, conn } = setup();
    conn.connect();
    const socket = await handshake(fake);
    socket.drop(1006);
    await tick();
    for (const delay of [50, 100, 200, 400, 500, 500]) {
      const before = fake.created.length;
      await tick(delay - 1);
      expect(fake.created).toHaveLength(before);
      await tick(1);
      expect(fake.created).toHaveLength(before + 1);
      fake.last().drop(1006);
      await tick();
    }
    await tick(500);
    await handshake(fake);
    const count = fake.created.length;
    fake.last().drop(1006);
    await tick(49);
    expect(fake.created).toHaveLength(count);
    await tick(1);
    expect(fake.created).toHaveLength(count + 1);
  });
});

describe('heartbeat and timeouts', () => {
  it('pings after an idle interval and stays connected when the pong comes', async () => {
    const { fake, conn } = setup();
    conn.connect();
    const socket = await handshake(fake);
    await tick(1000);
    expect(socket.sent('ping')).toHaveLength(1);
    socket.push({ type: 'pong' });
    await tick(499);
    await tick(1);
    expect(conn.state).toBe('connected');
  });

  it('does not ping while frames keep arriving', async () => {
    const { fake, conn } = setup();
    conn.connect();
    const socket = await handshake(fake);
    for (let i = 0; i < 5; i += 1) {
      await tick(900);
      socket.push({ type: 'pong' });
    }
    expect(socket.sent('ping')).toHaveLength(0);
    expect(conn.state).toBe('connected');
  });

  it('reconnects when a ping gets no answer (a dead socket after sleep)', async () => {
    const { fake, conn, states } = setup();
    conn.connect();
    const socket = await handshake(fake);
    await tick(1000 + 500);
    expect(states.at(-1)).toMatchObject({ state: 'connecting', code: StateCode.NoPong });
    expect(socket.closedByClient).toBeDefined();
    await tick(50);
    expect(fake.created).toHaveLength(2);
  });

  it('reconnects when ready does not come in time', async () => {
    const { fake, conn, states } = setup();
    conn.connect();
    await tick();
    const first = fake.last();
    first.accept();
    await tick(499);
    expect(first.closedByClient).toBeUndefined();
    await tick(1);
    expect(first.closedByClient).toBeDefined();
    await tick(50);
    expect(fake.created).toHaveLength(2);
    expect(states.map((e) => e.state)).toEqual(['connecting']);
  });
});
