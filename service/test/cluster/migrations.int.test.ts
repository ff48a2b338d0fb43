import cassandra from 'cassandra-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { CassandraInstanceLease } from '../../src/adapters/cassandra/cassandra-instance-lease.js';
import { migrateCassandra } from '../../src/adapters/cassandra/cassandra-migrator.js';
import { CassandraSession } from '../../src/adapters/cassandra/cassandra-session.js';
import { CASSANDRA, dropKeyspace, uniqueName } from './infra.js';

describe('Cassandra migrations and instance leases', () => {
  const keyspace = uniqueName('parley_migrate');
  const options = { ...CASSANDRA, keyspace, replicationFactor: 1 };
  const sessions: CassandraSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await dropKeyspace(keyspace);
  });

  it('creates the keyspace, applies each file once even when two runs race, and records it', async () => {
    const runs = await Promise.all([migrateCassandra(options), migrateCassandra(options)]);
    expect(runs.flat()).toEqual(['0001_init.cql', '0002_event_outbox.cql']);
    expect(await migrateCassandra(options)).toEqual([]);
    const client = new cassandra.Client({ ...CASSANDRA, keyspace });
    try {
      const rows = (await client.execute('SELECT version, name FROM schema_migrations')).rows;
      expect(rows.map((r) => [r.get('version'), r.get('name')])).toEqual([
        [1, '0001_init.cql'],
        [2, '0002_event_outbox.cql'],
      ]);
      const tables = await client.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [
        keyspace,
      ]);
      expect(tables.rows.map((r) => r.get('table_name'))).toEqual(
        expect.arrayContaining([
          'messages_by_channel',
          'channel_buckets',
          'client_ids',
          'users_by_email',
          'event_outbox',
        ]),
      );
    } finally {
      await client.shutdown();
    }
  });

  it('refuses a second live holder of an instance id, and frees it on close', async () => {
    const session = new CassandraSession({ ...options, consistency: 'LOCAL_QUORUM', migrateOnStart: true });
    sessions.push(session);
    const first = new CassandraInstanceLease(session, 7);
    const second = new CassandraInstanceLease(session, 7);
    await first.ensure();
    expect(first.held()).toBe(true);
    await expect(second.ensure()).rejects.toMatchObject({ code: 'unavailable', message: /instance id 7 is in use/ });
    expect(second.held()).toBe(false);
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await second.ensure();
    expect(second.held()).toBe(true);
    await second.close();
  });
});
