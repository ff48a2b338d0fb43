import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflakeWorker } from '../../src/domain/snowflake.js';
import { waitFor } from '../support/test-app.js';
import { api, type ClusterInstance, historyIds, registerUser, startInstance } from './cluster-instance.js';
import { deleteTopic, dropKeyspace, uniqueName } from './infra.js';
import { duplicates, LoadClient, startLoad } from './load-client.js';

/**
 * Two Parley processes on one Cassandra keyspace, one Kafka topic and one Redis: what a client
 * on instance A does reaches a client on instance B, and the other way round.
 */
describe('two instances on one Kafka', () => {
  const keyspace = uniqueName('parley_two');
  const topic = uniqueName('parley.two');
  let a: ClusterInstance;
  let b: ClusterInstance;
  let channelId: string;
  let onA: LoadClient;
  let onB: LoadClient;
  let userB: { id: string; token: string };

  beforeAll(async () => {
    a = await startInstance({ keyspace, topic, instanceId: 1 });
    b = await startInstance({ keyspace, topic, instanceId: 2 });
    console.log(`cluster ready: A in ${a.readyMs} ms (migrating a fresh keyspace), B in ${b.readyMs} ms`);
    const userA = await registerUser(a.url, 'alice');
    userB = await registerUser(b.url, 'bob');
    const created = await api(a.url, 'POST', '/api/channel', userA.token, { name: 'across' });
    channelId = (created.body.data as { id: string }).id;
    expect((await api(b.url, 'POST', '/api/channel/join', userB.token, { channel_id: channelId })).status).toBe(200);
    onA = new LoadClient('a', userA.token, channelId);
    onB = new LoadClient('b', userB.token, channelId);
    await onA.connect(a.wsUrl);
    await onB.connect(b.wsUrl);
  });

  afterAll(async () => {
    onA?.close();
    onB?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([dropKeyspace(keyspace), deleteTopic(topic)]);
  });

  it('exchanges messages both ways, and both clients see one channel order', async () => {
    const stop = startLoad([onA, onB], 50);
    await waitFor(() => onA.acked.size >= 30 && onB.acked.size >= 30, 60_000, 'acks');
    stop();
    await waitFor(() => onA.pending.size === 0 && onB.pending.size === 0, 60_000, 'last acks');
    const acked = [...onA.acked.values(), ...onB.acked.values()];
    await waitFor(() => onA.received.length >= acked.length && onB.received.length >= acked.length, 20_000, 'fan-out');

    expect(onA.errors).toEqual([]);
    expect(onB.errors).toEqual([]);
    expect(duplicates(onA.received)).toEqual([]);
    expect(new Set(onA.received)).toEqual(new Set(acked));
    // One partition per channel: both instances deliver the channel's events in the same order.
    expect(onB.received).toEqual(onA.received);
    // Each sender's messages arrive in the order they were sent.
    for (const client of [onA, onB]) {
      const sent = [...client.acked.values()];
      expect(onA.received.filter((id) => sent.includes(id))).toEqual(sent);
    }
    // Ids come from two Snowflake workers, so they can never collide.
    expect(new Set([...onA.acked.values()].map(snowflakeWorker))).toEqual(new Set([1]));
    expect(new Set([...onB.acked.values()].map(snowflakeWorker))).toEqual(new Set([2]));

    const stored = await historyIds(b.url, userB.token, channelId);
    expect(duplicates(stored)).toEqual([]);
    expect(new Set(stored)).toEqual(new Set(acked));
  });

  it('shares presence and typing across instances', async () => {
    const members = await api(a.url, 'GET', `/api/channel/${channelId}/members`, userB.token);
    const online = (members.body.data as Array<{ user_id: string; online: boolean }>).map((m) => m.online);
    expect(online).toEqual([true, true]);

    const from = onA.frames.length;
    onB.raw({ type: 'typing', channel_id: channelId });
    const typing = await waitFor(
      () => onA.frames.slice(from).find((f) => f.type === 'typing'),
      10_000,
      'typing on the other instance',
    );
    expect(typing).toMatchObject({ channel_id: channelId, user_id: userB.id, typing: true });
  });
});
