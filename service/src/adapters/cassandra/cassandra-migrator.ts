import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CassandraEndpoint, type CqlClient, createClient } from './cassandra-client.js';

export const CASSANDRA_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations/cassandra');

export interface MigrationOptions extends CassandraEndpoint {
  keyspace: string;
  /** Replicas in the local data center when the keyspace is created. */
  replicationFactor: number;
  migrationsDir?: string;
  /** How long to wait for another instance's migration run to finish. */
  lockTimeoutMs?: number;
  log?: { info(message: string): void } | undefined;
}

/** The statements of a `.cql` file: `--` comments dropped, split on `;` at the end of a line. */
export function cqlStatements(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/--.*$/, '').trimEnd())
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Applies `NNNN_name.cql` files not yet recorded in `<keyspace>.schema_migrations`, in order.
 * The keyspace and the two bookkeeping tables are created first (idempotently); a lightweight
 * transaction on `schema_lock` keeps two instances starting together from migrating at once.
 * CQL has no DDL transactions, so every statement is written to be re-runnable (`IF NOT EXISTS`)
 * and a file is recorded only once all its statements succeeded. Up-migrations never drop tables.
 */
export async function migrateCassandra(o: MigrationOptions): Promise<string[]> {
  const dir = o.migrationsDir ?? CASSANDRA_MIGRATIONS_DIR;
  const ks = o.keyspace;
  const client = createClient(o);
  await client.connect();
  const owner = randomUUID();
  try {
    const dc = o.localDataCenter.replace(/'/g, "''");
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ${ks} WITH replication = {'class': 'NetworkTopologyStrategy', '${dc}': ${o.replicationFactor}}`,
    );
    await client.execute(`USE ${ks}`);
    await client.execute(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text, applied_at timestamp)',
    );
    await client.execute('CREATE TABLE IF NOT EXISTS schema_lock (id text PRIMARY KEY, owner text)');
    await acquire(client, owner, o.lockTimeoutMs ?? 120_000);
    try {
      const applied = new Set(
        (await client.execute('SELECT version FROM schema_migrations')).rows.map((r) => r.get('version') as number),
      );
      const files = readdirSync(dir)
        .filter((f) => /^\d{4}_[a-z0-9_]+\.cql$/.test(f))
        .sort();
      const ran: string[] = [];
      for (const file of files) {
        const version = Number(file.slice(0, 4));
        if (applied.has(version)) continue;
        for (const statement of cqlStatements(readFileSync(join(dir, file), 'utf8'))) {
          await client.execute(statement);
        }
        await client.execute(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
          [version, file, new Date()],
          { prepare: true },
        );
        o.log?.info(`cassandra: migrated ${ks} to ${file}`);
        ran.push(file);
      }
      return ran;
    } finally {
      await client
        .execute('DELETE FROM schema_lock WHERE id = ? IF owner = ?', ['migrate', owner], { prepare: true })
        .catch(() => undefined);
    }
  } finally {
    await client.shutdown();
  }
}

async function acquire(client: CqlClient, owner: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The TTL frees the lock if its holder dies mid-run.
    const result = await client.execute(
      'INSERT INTO schema_lock (id, owner) VALUES (?, ?) IF NOT EXISTS USING TTL 120',
      ['migrate', owner],
      { prepare: true },
    );
    if (result.wasApplied()) return;
    if (Date.now() > deadline) throw new Error('another instance holds the migration lock');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
