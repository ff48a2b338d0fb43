import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import cassandra from 'cassandra-driver';
import { Kafka, logLevel } from 'kafkajs';

/** The servers `scripts/infra.sh up` starts (see scripts/infra/README.md). */
export const CASSANDRA = { contactPoints: ['127.0.0.1:9042'], localDataCenter: 'datacenter1' };
export const KAFKA_BROKERS = ['127.0.0.1:9092'];
export const REDIS_URL = 'redis://127.0.0.1:6379';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A name no other suite (or earlier run) uses: per-suite keyspaces, topics and key prefixes. */
export const uniqueName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/** Runs `scripts/infra.sh <action> <service>` (stop / start / kill / status), failing loudly. */
export async function infra(action: 'start' | 'stop' | 'kill' | 'status', service?: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'bash',
    [join(ROOT, 'scripts/infra.sh'), action, ...(service ? [service] : [])],
    {
      cwd: ROOT,
      timeout: 240_000,
    },
  );
  return stdout;
}

/** Drops a suite's keyspace (best effort: a slow schema change must not fail the suite). */
export async function dropKeyspace(keyspace: string): Promise<void> {
  const client = new cassandra.Client({ ...CASSANDRA, socketOptions: { readTimeout: 60_000 } });
  try {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
  } catch (err) {
    console.warn(`could not drop keyspace ${keyspace}: ${String(err)}`);
  } finally {
    await client.shutdown();
  }
}

export async function deleteTopic(topic: string): Promise<void> {
  const admin = new Kafka({ clientId: 'parley-test', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
  } catch {
    // already gone
  } finally {
    await admin.disconnect();
  }
}
