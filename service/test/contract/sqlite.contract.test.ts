import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventBus } from '../../src/adapters/memory-bus/memory-event-bus.js';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { SqliteChannelStore } from '../../src/adapters/sqlite/sqlite-channel-store.js';
import { SqliteMessageStore } from '../../src/adapters/sqlite/sqlite-message-store.js';
import { SqliteReadStateStore } from '../../src/adapters/sqlite/sqlite-read-state-store.js';
import { SqliteUserStore } from '../../src/adapters/sqlite/sqlite-user-store.js';
import { eventBusContract } from './event-bus.contract.js';
import { messageStoreContract } from './message-store.contract.js';
import { accountStoresContract } from './user-channel-store.contract.js';

const db = () => openSqlite(mkdtempSync(join(tmpdir(), 'parley-contract-')));

messageStoreContract('SQLite', async () => new SqliteMessageStore(db()));
accountStoresContract('SQLite', async () => {
  const d = db();
  return { users: new SqliteUserStore(d), channels: new SqliteChannelStore(d), readState: new SqliteReadStateStore(d) };
});
eventBusContract('memory', async () => {
  const bus = new MemoryEventBus();
  return [bus, bus];
});
