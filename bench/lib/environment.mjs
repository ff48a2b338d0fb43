import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from './processes.mjs';

/**
 * What this machine allows: the cluster scenarios need the servers of scripts/infra.sh up AND a
 * service build that has cluster mode (Kafka bus + Cassandra store wired in compose, and
 * `PARLEY_MODE=cluster` accepted by the config). Nothing here starts or stops the servers.
 */
export function infraEndpoints() {
  const port = (name, fallback) => process.env[`PARLEY_INFRA_${name}_PORT`] ?? fallback;
  return {
    kafkaBrokers: [`127.0.0.1:${port('KAFKA', '9092')}`],
    cassandraContactPoints: [`127.0.0.1:${port('CASSANDRA', '9042')}`],
    redisUrl: `redis://127.0.0.1:${port('REDIS', '6379')}`,
  };
}

export function detectCluster() {
  const status = spawnSync('bash', [join(ROOT_DIR, 'scripts/infra.sh'), 'status'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (status.status !== 0) {
    return { available: false, reason: `infra servers not all up (scripts/infra.sh status exited ${status.status})` };
  }
  const compose = join(ROOT_DIR, 'service/dist/compose.js');
  const text = existsSync(compose) ? readFileSync(compose, 'utf8') : '';
  if (!/KafkaEventBus/.test(text) || !/CassandraMessageStore/.test(text)) {
    return {
      available: false,
      reason: 'cluster mode not built: service/dist/compose.js wires no Kafka bus / Cassandra store',
    };
  }
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { loadConfig } = await import(${JSON.stringify(join(ROOT_DIR, 'service/dist/config.js'))});
       const c = loadConfig({ PARLEY_MODE: 'cluster' });
       if (c.adapters.bus !== 'kafka' || c.adapters.store !== 'cassandra') process.exit(3);`,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (probe.status !== 0) {
    return {
      available: false,
      reason: `PARLEY_MODE=cluster is not accepted by service/dist/config.js (${probe.stderr.trim().split('\n').at(-1) ?? probe.status})`,
    };
  }
  const e = infraEndpoints();
  return {
    available: true,
    endpoints: e,
    env: {
      PARLEY_MODE: 'cluster',
      PARLEY_KAFKA_BROKERS: e.kafkaBrokers.join(','),
      PARLEY_CASSANDRA_CONTACT_POINTS: e.cassandraContactPoints.join(','),
      PARLEY_REDIS_URL: e.redisUrl,
      // Our own keyspace and topic: other engineers' tests use the same servers.
      PARLEY_CASSANDRA_KEYSPACE: 'parley_bench',
      PARLEY_KAFKA_TOPIC: 'parley.bench.events',
    },
  };
}

/** Is the infra up at all (for the raw peers, which need no cluster mode)? */
export function infraUp() {
  return (
    spawnSync('bash', [join(ROOT_DIR, 'scripts/infra.sh'), 'status'], { encoding: 'utf8', timeout: 30_000 }).status ===
    0
  );
}
