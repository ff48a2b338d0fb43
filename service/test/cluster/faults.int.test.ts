import cassandra from 'cassandra-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/test-app.js';
import { api, type ClusterInstance, historyIds, registerUser, startInstance, waitReady } from './cluster-instance.js';
import { CASSANDRA, deleteTopic, dropKeyspace, infra, uniqueName } from './infra.js';
import { duplicates, LoadClient, startLoad } from './load-client.js';

/**
 * Faults with a client load running, on two instances: a client on A and one on B keep sending
 * into one channel while Redis, Kafka or Cassandra is stopped and started again (with
 * scripts/infra.sh), and while instance B is killed. Each test checks what the issue promises.
 */
const LOAD_INTERVAL_MS = 150;

describe('faults under load', () => {
  const keyspace = uniqueName('parley_faults');
  const topic = uniqueName('parley.faults');
  let a: ClusterInstance;
  let b: ClusterInstance;
  let channelId: string;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let clients: LoadClient[] = [];
  let stopLoad: () => void = () => undefined;
  let round = 0;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startInstance({ keyspace, topic, instanceId: 11 }),
      startInstance({ keyspace, topic, instanceId: 12 }),
    ]);
    alice = await registerUser(a.url, 'alice');
    bob = await registerUser(b.url, 'bob');
    channelId = (
      (await api(a.url, 'POST', '/api/channel', alice.token, { name: 'faults' })).body.data as { id: string }
    ).id;
    await api(b.url, 'POST', '/api/channel/join', bob.token, { channel_id: channelId });
  });

  afterEach(async () => {
    stopLoad();
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await infra('start'); // whatever a failed test left stopped
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([dropKeyspace(keyspace), deleteTopic(topic)]);
  });

  /** Rows an instance left in the outbox journal. */
  async function journaled(instanceId: number): Promise<number> {
    const client = new cassandra.Client({ ...CASSANDRA, keyspace });
    try {
      const rows = await client.execute('SELECT seq FROM event_outbox WHERE instance_id = ?', [instanceId], {
        prepare: true,
      });
      return rows.rowLength;
    } finally {
      await client.shutdown();
    }
  }

  /** A client on A (alice) and one on B (bob), both subscribed, sending every 150 ms. */
  async function load(): Promise<[LoadClient, LoadClient]> {
    round += 1;
    const onA = new LoadClient(`a${round}`, alice.token, channelId);
    const onB = new LoadClient(`b${round}`, bob.token, channelId);
    await onA.connect(a.wsUrl);
    await onB.connect(b.wsUrl);
    clients = [onA, onB];
    stopLoad = startLoad(clients, LOAD_INTERVAL_MS);
    return [onA, onB];
  }

  /** Stops sending, waits for every ack, then for every acked message to reach `receivers`. */
  async function settle(senders: LoadClient[], receivers: LoadClient[]): Promise<string[]> {
    stopLoad();
    await waitFor(() => senders.every((c) => c.pending.size === 0), 90_000, 'every send acked');
    const acked = senders.flatMap((c) => [...c.acked.values()]);
    await waitFor(
      () => receivers.every((r) => acked.every((id) => r.received.includes(id))),
      60_000,
      'every acked message delivered',
    ).catch(() => undefined); // the assertions that follow say what is missing
    return acked;
  }

  /** Each sender's messages reach `receiver` once each, in the order they were sent. */
  function expectExactlyOnceInOrder(receiver: LoadClient, senders: LoadClient[], acked: string[]): void {
    expect(duplicates(receiver.received)).toEqual([]);
    expect(receiver.received.filter((id) => acked.includes(id)).length).toBe(acked.length);
    for (const sender of senders) {
      const sent = [...sender.acked.values()];
      expect(receiver.received.filter((id) => sent.includes(id))).toEqual(sent);
    }
  }

  it('keeps answering with Redis stopped (cache misses, presence off), and recovers', async () => {
    const [onA, onB] = await load();
    await waitFor(() => onA.acked.size >= 5, 20_000, 'load running');
    await infra('stop', 'redis');
    try {
      const ackedBefore = onA.acked.size + onB.acked.size;
      const members = await api(a.url, 'GET', `/api/channel/${channelId}/members`, alice.token);
      expect(members.status).toBe(200);
      expect((members.body.data as Array<{ online: boolean }>).every((m) => !m.online)).toBe(true);
      expect((await api(b.url, 'GET', `/api/message?channel_id=${channelId}`, bob.token)).status).toBe(200);
      expect((await api(b.url, 'GET', '/api/user/channel', bob.token)).status).toBe(200);
      const post = await api(b.url, 'POST', '/api/message', bob.token, { channel_id: channelId, content: 'no redis' });
      expect(post.status).toBe(200);
      const late = new LoadClient(`late${round}`, bob.token, channelId);
      await late.connect(a.wsUrl); // auth, presence and subscribe without Redis
      late.close();
      // Still ready (a load balancer keeps routing here), reported as degraded.
      const ready = await fetch(`${a.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'degraded',
        checks: { redis: 'unavailable', cassandra: 'ok', kafka: 'ok' },
      });
      await waitFor(() => onA.acked.size + onB.acked.size >= ackedBefore + 10, 20_000, 'acks without Redis');
    } finally {
      await infra('start', 'redis');
    }
    await Promise.all([waitReady(a.url, 30_000), waitReady(b.url, 30_000)]);
    const acked = await settle([onA, onB], [onA, onB]);
    expect([...onA.errors, ...onB.errors]).toEqual([]);
    expectExactlyOnceInOrder(onA, [onA, onB], acked);
    expectExactlyOnceInOrder(onB, [onA, onB], acked);
  });

  it('acks sends while Kafka is stopped and delivers them from the outbox, in order, once it is back', async () => {
    const [onA, onB] = await load();
    await waitFor(() => onA.acked.size >= 5, 20_000, 'load running');
    await infra('stop', 'kafka');
    let ackedWhileDown = 0;
    try {
      const ackedAtStop = onA.acked.size + onB.acked.size;
      await waitFor(() => onA.acked.size + onB.acked.size >= ackedAtStop + 20, 30_000, 'acks without Kafka');
      ackedWhileDown = onA.acked.size + onB.acked.size - ackedAtStop;
    } finally {
      await infra('start', 'kafka');
    }
    await Promise.all([waitReady(a.url, 90_000), waitReady(b.url, 90_000)]);
    const acked = await settle([onA, onB], [onA, onB]);
    expect(ackedWhileDown).toBeGreaterThanOrEqual(20);
    expect([...onA.errors, ...onB.errors]).toEqual([]);
    expectExactlyOnceInOrder(onA, [onA, onB], acked);
    expectExactlyOnceInOrder(onB, [onA, onB], acked);
    // One partition, one order: both instances delivered the channel identically.
    expect(onB.received.filter((id) => acked.includes(id))).toEqual(onA.received.filter((id) => acked.includes(id)));
  });

  it('leaves what an instance killed while Kafka is down could not publish to its successor, in order', async () => {
    const onA = new LoadClient(`ja${++round}`, alice.token, channelId);
    const onB = new LoadClient(`jb${round}`, bob.token, channelId);
    await onA.connect(a.wsUrl);
    await onB.connect(b.wsUrl);
    clients = [onA, onB];
    await infra('stop', 'kafka');
    try {
      // Acked while Kafka is down: held in B's outbox and journaled in Cassandra, then B dies.
      for (let i = 0; i < 5; i += 1) onB.send();
      await waitFor(() => onB.acked.size === 5, 30_000, 'acks without Kafka');
      expect(await journaled(12)).toBe(5);
      await b.kill();
    } finally {
      await infra('start', 'kafka');
    }
    // Its successor (same instance id, once the dead one's lease lapsed) publishes them first.
    b = await startInstance({ keyspace, topic, instanceId: 12 });
    const sent = [...onB.acked.values()];
    await waitFor(() => sent.every((id) => onA.received.includes(id)), 60_000, 'journaled events delivered');
    expect(onA.received.filter((id) => sent.includes(id))).toEqual(sent);
    expect(duplicates(onA.received)).toEqual([]);
    const deadline = Date.now() + 30_000;
    while ((await journaled(12)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await journaled(12)).toBe(0); // published, so forgotten
  }, 300_000);

  it('fails sends with `unavailable` while Cassandra is stopped, loses nothing acked, and recovers', async () => {
    const [onA, onB] = await load();
    await waitFor(() => onA.acked.size >= 5, 20_000, 'load running');
    const t0 = Date.now();
    await infra('stop', 'cassandra');
    console.log(`cassandra stopped in ${Date.now() - t0} ms`);
    try {
      await waitFor(() => onA.errors.length >= 3 && onB.errors.length >= 3, 30_000, 'failed sends');
      stopLoad(); // a client backs off while every send fails
      for (const e of [...onA.errors, ...onB.errors]) {
        expect(e).toMatchObject({ type: 'error', code: 'unavailable', client_msg_id: expect.any(String) });
      }
      const post = await api(a.url, 'POST', '/api/message', alice.token, { channel_id: channelId, content: 'x' });
      expect(post.status).toBe(503);
      expect(post.body).toMatchObject({ status: 'fail', code: 'unavailable' });
    } finally {
      await infra('start', 'cassandra');
      console.log(`cassandra started again at ${Date.now() - t0} ms`);
    }
    await Promise.all([waitReady(a.url, 90_000), waitReady(b.url, 90_000)]);
    console.log(`instances ready again at ${Date.now() - t0} ms`);
    const ackedBefore = onA.acked.size + onB.acked.size;
    stopLoad = startLoad(clients, LOAD_INTERVAL_MS);
    await waitFor(() => onA.acked.size + onB.acked.size >= ackedBefore + 10, 30_000, 'sends acked again');
    console.log(`sends acked again at ${Date.now() - t0} ms`);
    // What failed is retried with the same client_msg_id, as a client would.
    for (const c of [onA, onB]) c.resendPending();
    const acked = await settle([onA, onB], [onA, onB]);
    expectExactlyOnceInOrder(onA, [onA, onB], acked);
    const stored = await historyIds(a.url, alice.token, channelId);
    expect(duplicates(stored)).toEqual([]);
    expect(acked.filter((id) => !stored.includes(id))).toEqual([]);
  }, 300_000);

  it('after kill -9 of instance B, its client resumes on A with since and sees every acked message once', async () => {
    const [onA, onB] = await load();
    await waitFor(() => onA.acked.size >= 10 && onB.acked.size >= 10, 20_000, 'load running');
    await b.kill();
    await waitFor(() => !onB.connected, 10_000, 'client on B notices');
    const inFlight = [...onB.pending];
    // As the SDK does: `since` = the newest id held, `have` = the ids held near it. A message
    // overtaken by a newer id (two instances write the channel) is replayed from the window.
    await onB.connect(a.wsUrl, onB.newest(), onB.held());
    // What B may have stored but never acked (or never published) is acked now, with the
    // original, and published again: whoever never got it gets it now, once.
    onB.resendPending();
    await waitFor(() => onB.acked.size >= 20, 20_000, 'sending through A');
    const acked = await settle([onA, onB], [onA, onB]);
    console.log(`kill -9: ${inFlight.length} sends in flight on B, ${onB.subscribed.at(-1)?.recovered} recovered`);

    expect(onB.subscribed.at(-1)).toMatchObject({ type: 'subscribed', gap: false });
    expect([...onA.errors, ...onB.errors]).toEqual([]);
    const stored = await historyIds(a.url, alice.token, channelId);
    expect(acked.filter((id) => !stored.includes(id))).toEqual([]);
    expect(duplicates(stored)).toEqual([]);
    // Both clients: every acked message exactly once (and nothing that was never stored). A
    // retried send is not sent back to the retrying socket: that client has it from its ack.
    for (const client of [onA, onB]) {
      const seen = new Set([...client.received, ...(client === onB ? inFlight.map((c) => onB.acked.get(c)) : [])]);
      expect(duplicates(client.received)).toEqual([]);
      expect(acked.filter((id) => !seen.has(id))).toEqual([]);
      expect(client.received.filter((id) => !stored.includes(id))).toEqual([]);
    }
    // The client that stayed connected got each sender's messages in the order they were sent.
    for (const sender of [onA, onB]) {
      const sent = [...sender.acked.values()];
      expect(onA.received.filter((id) => sent.includes(id))).toEqual(sent);
    }
  });
});
