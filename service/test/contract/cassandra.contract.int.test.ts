import { afterAll } from 'vitest';
import { CassandraChannelStore } from '../../src/adapters/cassandra/cassandra-channel-store.js';
import { CassandraMessageStore } from '../../src/adapters/cassandra/cassandra-message-store.js';
import { CassandraReadStateStore } from '../../src/adapters/cassandra/cassandra-read-state-store.js';
import { CassandraSession } from '../../src/adapters/cassandra/cassandra-session.js';
import { CassandraUserStore } from '../../src/adapters/cassandra/cassandra-user-store.js';
import { CASSANDRA, dropKeyspace, uniqueName } from '../cluster/infra.js';
import { channelListingContract } from './channel-listing.contract.js';
import { messageStoreContract } from './message-store.contract.js';
import { accountStoresContract } from './user-channel-store.contract.js';

/** The same contract suites as SQLite, on a real Cassandra (a keyspace of its own, dropped after). */
const keyspace = uniqueName('parley_contract');
const session = new CassandraSession({
  ...CASSANDRA,
  keyspace,
  consistency: 'LOCAL_QUORUM',
  replicationFactor: 1,
  migrateOnStart: true,
});
afterAll(async () => {
  await session.close();
  await dropKeyspace(keyspace);
});

messageStoreContract('Cassandra', async () => new CassandraMessageStore(session));
accountStoresContract('Cassandra', async () => ({
  users: new CassandraUserStore(session),
  channels: new CassandraChannelStore(session),
  readState: new CassandraReadStateStore(session),
}));
channelListingContract('Cassandra', async () => new CassandraChannelStore(session));
