#!/usr/bin/env node
// Peer for S2: the raw kafkajs hop. One process produces at a fixed rate (open loop: messages are
// due on a schedule and queued; like Parley's outbox, whatever is queued goes out in one request
// while none is in flight), the timestamp in the value; another consumes and records latency.
import { createRequire } from 'node:module';
import { createHistogram, record } from '../lib/stats.mjs';
import { now, serveCommands } from '../lib/worker.mjs';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');

let kafka;
let producer;
let consumer;
let loop;
let window = fresh();
let windowSent = 0;
let errors = 0;
let queue = [];
let pumping = false;

/** One produce request in flight at a time (idempotent, acks=all), up to 500 records each. */
async function pump(topic) {
  if (pumping) return;
  pumping = true;
  try {
    while (queue.length > 0) {
      const batch = queue.slice(0, 500);
      queue = queue.slice(batch.length);
      await producer.send({ topic, acks: -1, messages: batch }).catch(() => {
        errors += batch.length;
      });
    }
  } finally {
    pumping = false;
  }
}

function fresh() {
  return { frames: 0, histogram: createHistogram(), startedAt: now() };
}

serveCommands({
  async setup({ brokers, topic, role, groupId, partitions = 6 }) {
    kafka = new Kafka({ clientId: `parley-bench-${role}`, brokers, logLevel: logLevel.ERROR });
    if (role === 'producer') {
      const admin = kafka.admin();
      await admin.connect();
      await admin
        .createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true })
        .catch(() => false);
      await admin.disconnect();
      producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      return { role };
    }
    consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500, sessionTimeout: 10_000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        window.frames += 1;
        record(window.histogram, now() - Number(message.value.toString('latin1', 0, message.value.indexOf(0x7c))));
      },
    });
    await joined;
    return { role };
  },
  start({ rate, topic, keys = 10, contentBytes = 300, tickMs = 5 }) {
    clearInterval(loop);
    const began = now();
    let sent = 0;
    const pad = 'x'.repeat(contentBytes);
    loop = setInterval(() => {
      const due = Math.floor(((now() - began) * rate) / 1000);
      while (sent < due) {
        const key = `channel-${sent % keys}`;
        sent += 1;
        windowSent += 1;
        queue.push({ key, value: `${now().toFixed(3)}|${pad}` });
      }
      pump(topic);
    }, tickMs);
    return { began };
  },
  reset() {
    window = fresh();
    windowSent = 0;
    return { at: now() };
  },
  collect() {
    return { ...window, windowSent, errors };
  },
  stop() {
    clearInterval(loop);
    queue = [];
    return { errors };
  },
  async close() {
    clearInterval(loop);
    await producer?.disconnect().catch(() => undefined);
    await consumer?.disconnect().catch(() => undefined);
    return { closed: true };
  },
});
