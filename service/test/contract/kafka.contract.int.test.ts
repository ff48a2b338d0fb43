import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KafkaEventBus } from '../../src/adapters/kafka/kafka-event-bus.js';
import type { ChatEvent } from '../../src/domain/events.js';
import { deleteTopic, KAFKA_BROKERS, uniqueName } from '../cluster/infra.js';
import { recordingMetrics } from '../cluster/recording-metrics.js';
import { waitFor } from '../support/test-app.js';
import { eventBusContract } from './event-bus.contract.js';

/** The memory bus's contract on Kafka: two buses on one topic stand for two instances. */
const topic = uniqueName('parley.contract');
afterAll(() => deleteTopic(topic));

const make = (instanceId: number, metrics = recordingMetrics()) =>
  new KafkaEventBus({ brokers: KAFKA_BROKERS, topic, partitions: 6, instanceId, outboxMax: 10_000, metrics });

eventBusContract('Kafka', async () => {
  const a = make(1);
  const b = make(2);
  await Promise.all([a.start(), b.start()]);
  return [a, b];
});

describe('Kafka bus specifics', () => {
  const typing = (channelId: string, n: number): ChatEvent => ({
    kind: 'typing',
    channelId,
    userId: `u${n}`,
    typing: true,
  });

  it("delivers an instance's own events once, through the topic, and a new instance starts at the end", async () => {
    const metrics = recordingMetrics();
    const a = make(3, metrics);
    await a.start();
    const channelId = randomUUID();
    const seenByA: ChatEvent[] = [];
    a.subscribe((e) => {
      if (e.channelId === channelId) seenByA.push(e);
    });
    for (let i = 0; i < 5; i += 1) await a.publish(typing(channelId, i));
    await waitFor(() => seenByA.length === 5, 20_000, 'own events');

    const late = make(4);
    await late.start();
    const seenByLate: ChatEvent[] = [];
    late.subscribe((e) => {
      if (e.channelId === channelId) seenByLate.push(e);
    });
    await a.publish(typing(channelId, 5));
    await waitFor(() => seenByLate.length === 1 && seenByA.length === 6, 20_000, 'the next event');
    expect(seenByLate).toEqual([typing(channelId, 5)]);
    expect(seenByA.map((e) => (e as { userId: string }).userId)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5']);
    expect(await a.ready()).toBe(true);
    expect([...metrics.lags.values()].every((lag) => lag >= 0)).toBe(true);
    expect(metrics.outboxDepths.at(-1)).toBe(0);
    await Promise.all([a.close(), late.close()]);
  });
});
