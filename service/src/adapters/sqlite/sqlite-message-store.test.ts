import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../domain/entities.js';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import { createSnowflake } from '../../domain/snowflake.js';
import { openSqlite, type SqliteDatabase } from './database.js';
import { SqliteMessageStore } from './sqlite-message-store.js';

describe('SqliteMessageStore group commit', () => {
  let dir: string;
  let db: SqliteDatabase;
  let store: SqliteMessageStore;
  const ids = createSnowflake({ workerId: 3 });
  const message = (channelId: string, clientMsgId: string): Message => ({
    messageId: ids.next(),
    channelId,
    userId: 'u1',
    username: 'u',
    content: `hello ${clientMsgId}`,
    createdAt: new Date(),
    clientMsgId,
    replyCount: 0,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-batch-'));
    db = openSqlite(dir);
    store = new SqliteMessageStore(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the sends of one tick together at the check phase and acks each only once committed', async () => {
    const reader = new Database(join(dir, 'parley.db'), { readonly: true });
    const count = () => (reader.prepare('SELECT count(*) AS n FROM messages_by_channel').get() as { n: number }).n;
    try {
      const acked: number[] = [];
      const sends = Array.from({ length: 20 }, (_, i) =>
        store.insertMessage(message('ch', `c${i}`)).then((r) => {
          acked.push(count()); // what another connection sees when this send is acknowledged
          return r;
        }),
      );
      expect(count()).toBe(0); // queued, not written inside insertMessage
      const results = await Promise.all(sends);
      expect(results.every((r) => r.created)).toBe(true);
      expect(acked).toEqual(Array(20).fill(20)); // every ack after the one commit of all twenty
      const stored = await store.history('ch', undefined, 50);
      expect(stored.map((m) => m.clientMsgId).sort()).toEqual(results.map((r) => r.value.clientMsgId).sort());
    } finally {
      reader.close();
    }
  });

  it('answers a repeated client_msg_id in the same batch with the first message, not a second row', async () => {
    const first = message('ch', 'same');
    const again = message('ch', 'same');
    const [a, b] = await Promise.all([store.insertMessage(first), store.insertMessage(again)]);
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.value.messageId).toBe(first.messageId);
    expect(await store.history('ch', undefined, 10)).toHaveLength(1);
  });

  it('rejects only the conflicting send of a batch and keeps the others', async () => {
    const parent = await store.insertMessage(message('ch', 'parent'));
    await store.insertReply({
      replyId: ids.next(),
      messageId: parent.value.messageId,
      channelId: 'ch',
      userId: 'u1',
      username: 'u',
      content: 'reply',
      createdAt: new Date(),
      clientMsgId: 'used-by-reply',
    });
    const sends = [
      store.insertMessage(message('ch', 'ok-1')),
      store.insertMessage(message('ch', 'used-by-reply')),
      store.insertMessage(message('ch', 'ok-2')),
    ];
    const settled = await Promise.allSettled(sends);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (settled[1] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(ParleyError);
    expect((reason as ParleyError).code).toBe(ErrorCode.Conflict);
    const contents = (await store.history('ch', undefined, 10)).map((m) => m.clientMsgId);
    expect(contents.sort()).toEqual(['ok-1', 'ok-2', 'parent']);
  });

  it('rejects every send of a batch as unavailable when the database fails, and commits none', async () => {
    const sends = [store.insertMessage(message('ch', 'x1')), store.insertMessage(message('ch', 'x2'))];
    db.close();
    const settled = await Promise.allSettled(sends);
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect(((s as PromiseRejectedResult).reason as ParleyError).code).toBe(ErrorCode.Unavailable);
    }
    db = openSqlite(dir);
    expect(await new SqliteMessageStore(db).history('ch', undefined, 10)).toEqual([]);
  });
});
