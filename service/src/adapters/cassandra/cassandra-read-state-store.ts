import { compareIds } from '../../domain/snowflake.js';
import type { ReadStateStore } from '../../ports/read-state-store.port.js';
import type { CassandraSession } from './cassandra-session.js';
import { id } from './message-rows.js';

const Q = {
  get: 'SELECT message_id FROM read_state WHERE user_id = ? AND channel_id = ?',
  create: 'INSERT INTO read_state (user_id, channel_id, message_id) VALUES (?, ?, ?) IF NOT EXISTS',
  advance: 'UPDATE read_state SET message_id = ? WHERE user_id = ? AND channel_id = ? IF message_id < ?',
};

/**
 * Read positions that only move forward, with compare-and-set: the conditional update applies
 * only while the stored position is older, so concurrent marks from two instances keep the newest.
 */
export class CassandraReadStateStore implements ReadStateStore {
  readonly #s: CassandraSession;

  constructor(session: CassandraSession) {
    this.#s = session;
  }

  async markRead(userId: string, channelId: string, messageId: string): Promise<string> {
    const created = await this.#s.execute('read.mark', Q.create, [userId, channelId, id(messageId)]);
    if (created.wasApplied()) return messageId;
    const advanced = await this.#s.execute('read.mark', Q.advance, [id(messageId), userId, channelId, id(messageId)]);
    if (advanced.wasApplied()) return messageId;
    // Not applied: the stored position is the same or newer, and the result carries it.
    const stored = (advanced.first()?.get('message_id') as bigint | null | undefined)?.toString();
    return stored !== undefined && compareIds(stored, messageId) > 0 ? stored : messageId;
  }

  async get(userId: string, channelId: string): Promise<string | undefined> {
    const row = (await this.#s.execute('read.get', Q.get, [userId, channelId], { idempotent: true })).first();
    return (row?.get('message_id') as bigint | undefined)?.toString();
  }
}
