#!/usr/bin/env node
// Readiness probe for the local infra started by scripts/infra.sh, using the same
// client libraries as the service (ioredis, kafkajs, cassandra-driver from the
// repository's node_modules).
//
//   node scripts/infra/probe.mjs redis        PING                       -> "PONG"
//   node scripts/infra/probe.mjs kafka        admin connect, create topic parley-infra-probe
//                                             if missing, produce one message to it
//   node scripts/infra/probe.mjs kafka-group  the above, then a consumer group joins,
//                                             fetches that message back and commits
//   node scripts/infra/probe.mjs cassandra    SELECT release_version FROM system.local
//
// Exit 0 and one line on stdout when the server answered; exit 1 and the reason on
// stderr otherwise. Each probe gives up after PARLEY_INFRA_PROBE_TIMEOUT_MS
// (default 15000, kafka-group 45000) so that a polling loop never hangs.
// Ports: PARLEY_INFRA_REDIS_PORT (6379), PARLEY_INFRA_KAFKA_PORT (9092),
// PARLEY_INFRA_CASSANDRA_PORT (9042); host is always 127.0.0.1.

const HOST = '127.0.0.1';
const env = process.env;
const port = (name, fallback) => Number(env[name] || fallback);
const REDIS_PORT = port('PARLEY_INFRA_REDIS_PORT', 6379);
const KAFKA_PORT = port('PARLEY_INFRA_KAFKA_PORT', 9092);
const CASSANDRA_PORT = port('PARLEY_INFRA_CASSANDRA_PORT', 9042);
const PROBE_TOPIC = 'parley-infra-probe';

async function probeRedis() {
  const { Redis } = await import('ioredis');
  const redis = new Redis({
    host: HOST,
    port: REDIS_PORT,
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => {}); // reported through the rejected promises below
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
    const info = await redis.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
    return `redis ${HOST}:${REDIS_PORT} PONG (redis ${version})`;
  } finally {
    redis.disconnect();
  }
}

async function kafkaClient() {
  const { default: kafkajs } = await import('kafkajs');
  const { Kafka, logLevel } = kafkajs;
  return {
    kafkajs,
    kafka: new Kafka({
      clientId: 'parley-infra-probe',
      brokers: [`${HOST}:${KAFKA_PORT}`],
      connectionTimeout: 2000,
      requestTimeout: 5000,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
      logLevel: env.PARLEY_INFRA_PROBE_VERBOSE ? logLevel.INFO : logLevel.NOTHING,
    }),
  };
}

async function probeKafka({ group }) {
  const { kafka, kafkajs } = await kafkaClient();
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  // One stable group id: its committed offset only moves forward, so each run still
  // fetches the message it has just produced, and no probe groups pile up.
  const consumer = group ? kafka.consumer({ groupId: PROBE_TOPIC }) : null;
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    const topics = await admin.listTopics();
    if (!topics.includes(PROBE_TOPIC)) {
      // false = it already existed (a concurrent probe made it): fine.
      await admin.createTopics({ topics: [{ topic: PROBE_TOPIC, numPartitions: 1 }], waitForLeaders: true });
    }
    await producer.connect();
    const value = `probe ${new Date().toISOString()} ${process.pid}`;
    const [sent] = await producer.send({ topic: PROBE_TOPIC, messages: [{ value }] });
    let detail = `produced to ${PROBE_TOPIC}@${sent.baseOffset}`;
    if (consumer) {
      await consumer.connect();
      await consumer.subscribe({ topic: PROBE_TOPIC, fromBeginning: true });
      await new Promise((resolve, reject) => {
        consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
        consumer
          .run({
            eachMessage: async ({ message }) => {
              if (message.value?.toString() === value) resolve();
            },
          })
          .catch(reject);
      });
      detail += ', group joined and fetched it back';
    }
    return `kafka ${HOST}:${KAFKA_PORT} cluster ${cluster.clusterId} (${cluster.brokers.length} broker) ${detail}`;
  } finally {
    await Promise.allSettled([consumer?.disconnect(), producer.disconnect(), admin.disconnect()]);
  }
}

async function probeCassandra() {
  const { default: cassandra } = await import('cassandra-driver');
  const client = new cassandra.Client({
    contactPoints: [`${HOST}:${CASSANDRA_PORT}`],
    localDataCenter: 'datacenter1',
    socketOptions: { connectTimeout: 2000, readTimeout: 5000 },
    policies: { reconnection: new cassandra.policies.reconnection.ConstantReconnectionPolicy(500) },
  });
  try {
    await client.connect();
    const rs = await client.execute('SELECT release_version FROM system.local');
    return `cassandra ${HOST}:${CASSANDRA_PORT} release_version ${rs.first().release_version}`;
  } finally {
    await client.shutdown().catch(() => {});
  }
}

const probes = {
  redis: probeRedis,
  kafka: () => probeKafka({ group: false }),
  'kafka-group': () => probeKafka({ group: true }),
  cassandra: probeCassandra,
};

const which = process.argv[2];
if (!probes[which]) {
  console.error(`usage: probe.mjs ${Object.keys(probes).join('|')}`);
  process.exit(2);
}
const timeoutMs = Number(env.PARLEY_INFRA_PROBE_TIMEOUT_MS || (which === 'kafka-group' ? 45000 : 15000));
const timer = setTimeout(() => {
  console.error(`${which}: no answer within ${timeoutMs} ms`);
  process.exit(1);
}, timeoutMs);
timer.unref();

try {
  console.log(await probes[which]());
  process.exit(0);
} catch (err) {
  console.error(`${which}: ${err?.message ?? err}`);
  process.exit(1);
}
