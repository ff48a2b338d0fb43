import type { JournalEntry, OutboxJournal } from '../../ports/outbox-journal.port.js';
import type { CassandraSession } from './cassandra-session.js';

const Q = {
  append: 'INSERT INTO event_outbox (instance_id, seq, record_key, value, headers) VALUES (?, ?, ?, ?, ?)',
  remove: 'DELETE FROM event_outbox WHERE instance_id = ? AND seq IN ?',
  leftovers: 'SELECT seq, record_key, value, headers FROM event_outbox WHERE instance_id = ?',
};

/** The outbox journal in `event_outbox ((instance_id), seq)`: one partition per instance id. */
export class CassandraOutboxJournal implements OutboxJournal {
  readonly #s: CassandraSession;
  readonly #instanceId: number;

  constructor(session: CassandraSession, instanceId: number) {
    this.#s = session;
    this.#instanceId = instanceId;
  }

  async append(entries: readonly JournalEntry[]): Promise<void> {
    // One partition: the inserts go out together and each is idempotent.
    await Promise.all(
      entries.map((e) =>
        this.#s.execute('outbox.append', Q.append, [this.#instanceId, BigInt(e.seq), e.key, e.value, e.headers], {
          idempotent: true,
        }),
      ),
    );
  }

  async remove(seqs: readonly string[]): Promise<void> {
    for (let i = 0; i < seqs.length; i += 100) {
      await this.#s.execute(
        'outbox.remove',
        Q.remove,
        [this.#instanceId, seqs.slice(i, i + 100).map((seq) => BigInt(seq))],
        { idempotent: true },
      );
    }
  }

  async leftovers(): Promise<JournalEntry[]> {
    const result = await this.#s.execute('outbox.leftovers', Q.leftovers, [this.#instanceId], {
      idempotent: true,
      fetchSize: 100_000,
    });
    return result.rows.map((row) => ({
      seq: (row.get('seq') as bigint).toString(),
      key: row.get('record_key') as string,
      value: row.get('value') as Buffer,
      headers: (row.get('headers') as Record<string, string> | null) ?? {},
    }));
  }
}
