#!/usr/bin/env node
// Peer for S3: a bare node:http server answering history pages with the same prepared SQLite
// query as Parley's store, in the same envelope, and nothing else (no auth, no validation).
import http from 'node:http';
import Database from 'better-sqlite3';
import { bucketOfId, HISTORY_SQL } from '../lib/history-sql.mjs';

const db = new Database(process.env.DB_FILE, { readonly: true, fileMustExist: true });
const newest = db.prepare(HISTORY_SQL.newest).safeIntegers(true);
const before = db.prepare(HISTORY_SQL.before).safeIntegers(true);

const wire = (r) => ({
  message_id: r.message_id.toString(),
  channel_id: r.channel_id,
  user_id: r.user_id,
  username: r.username,
  content: r.content,
  created_at: new Date(Number(r.created_at)).toISOString(),
  client_msg_id: r.client_msg_id,
  reply_count: Number(r.reply_count),
});

const server = http.createServer((req, res) => {
  const q = new URL(req.url, 'http://x').searchParams;
  const channel = q.get('channel_id');
  const limit = Number(q.get('limit') ?? 10);
  const cursor = q.get('before');
  let rows;
  if (cursor) {
    const id = BigInt(cursor);
    const bucket = bucketOfId(id);
    rows = before.all(channel, bucket, id, limit + 1);
  } else {
    rows = newest.all(channel, limit + 1);
  }
  const page = rows.slice(0, limit).map(wire);
  const body = JSON.stringify({ status: 'success', message: 'ok', data: { messages: page, next_cursor: '' } });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`sqlite http peer listening`));
process.on('SIGTERM', () => process.exit(0));
