import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryCache } from '../../src/adapters/memory-cache/memory-cache.js';
import { MemoryPresence } from '../../src/adapters/memory-cache/memory-presence.js';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { SqliteChannelStore } from '../../src/adapters/sqlite/sqlite-channel-store.js';
import { cacheContract } from './cache.contract.js';
import { channelListingContract } from './channel-listing.contract.js';
import { presenceContract } from './presence.contract.js';

/** The contracts of cache, presence and channel listing on the embedded adapters (Redis and Cassandra run them too). */
cacheContract('memory', async () => new MemoryCache());
presenceContract('memory', async () => {
  const presence = new MemoryPresence();
  return [presence, presence];
});
channelListingContract(
  'SQLite',
  async () => new SqliteChannelStore(openSqlite(mkdtempSync(join(tmpdir(), 'parley-contract-')))),
);
