import { migrate } from './compose.js';
import { loadConfigOrExit } from './config.js';

/**
 * `npm run migrate`: applies the pending migrations of the configured store (CQL files of
 * service/migrations/cassandra in cluster mode, SQL files of service/migrations/sqlite otherwise)
 * and exits. Safe to run while instances are up, and twice at once (a lock serialises runs).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const target =
    config.adapters.store === 'cassandra'
      ? `cassandra keyspace ${config.cassandra.keyspace} at ${config.cassandra.contactPoints.join(',')}`
      : `sqlite in ${config.dataDir}`;
  const ran = await migrate(config);
  process.stdout.write(`parley: ${target} is up to date${ran.length > 0 ? ` (applied ${ran.join(', ')})` : ''}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `parley: migration failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
