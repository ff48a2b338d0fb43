import type { ReadStateStore } from '../../ports/read-state-store.port.js';
import { guard, type SqliteDatabase } from './database.js';

export class SqliteReadStateStore implements ReadStateStore {
  readonly #upsert;
  readonly #get;

  constructor(db: SqliteDatabase) {
    this.#upsert = db
      .prepare(
        `INSERT INTO read_state (user_id, channel_id, message_id) VALUES (?, ?, ?)
         ON CONFLICT (user_id, channel_id) DO UPDATE SET message_id = max(message_id, excluded.message_id)
         RETURNING message_id`,
      )
      .safeIntegers(true);
    this.#get = db.prepare('SELECT message_id FROM read_state WHERE user_id = ? AND channel_id = ?').safeIntegers(true);
  }

  markRead(userId: string, channelId: string, messageId: string): Promise<string> {
    return guard('read.mark', () => {
      const row = this.#upsert.get(userId, channelId, BigInt(messageId)) as { message_id: bigint };
      return row.message_id.toString();
    });
  }

  get(userId: string, channelId: string): Promise<string | undefined> {
    return guard('read.get', () => {
      const row = this.#get.get(userId, channelId) as { message_id: bigint } | undefined;
      return row?.message_id.toString();
    });
  }
}
