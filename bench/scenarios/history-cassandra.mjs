import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUCKET_MS, bucketOfId, cursorFor, HISTORY_CQL, PARLEY_EPOCH_MS, snowflake } from '../lib/history-sql.mjs';
import { api, createChannel, makeUser, startParley } from '../lib/parley.mjs';
import { BENCH_DIR, spawnNode } from '../lib/processes.mjs';
import { alternateLoads, PAGES, result, SCALES } from './history.mjs';

const require = createRequire(import.meta.url);
const CACHE = join(tmpdir(), 'parley-bench-cache');

/**
 * S3 on Cassandra: the same channel shape as the SQLite run, written straight into Parley's tables
 * (`messages_by_channel`, `channel_buckets`) of the bench keyspace, once (cached: the keyspace
 * survives between runs). Peer: the same prepared row query (`channel-buckets.ts` `newest` /
 * `below`) issued by the bare cassandra-driver for the bucket the page starts in.
 */
async function seedCassandra({ endpoints, keyspace }, channelId, userId, { messages, buckets }, log) {
  const cassandra = require('cassandra-driver');
  const client = new cassandra.Client({
    contactPoints: endpoints.cassandraContactPoints,
    localDataCenter: 'datacenter1',
    keyspace,
    encoding: { useBigIntAsLong: true },
  });
  await client.connect();
  try {
    const end = Date.now() - 60_000;
    const span = buckets * BUCKET_MS;
    const step = span / messages;
    const ids = [];
    const bucketSet = new Set();
    const insert = `INSERT INTO messages_by_channel (channel_id, bucket, message_id, user_id, username, content,
      created_at, client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
    const started = performance.now();
    // Unlogged batches of consecutive rows: one partition (channel, bucket) per batch, mostly.
    const CHUNK = 100;
    let next = 0;
    let done = 0;
    const lane = async () => {
      while (next < messages) {
        const from = next;
        const to = Math.min(messages, from + CHUNK);
        next = to;
        const queries = [];
        let bucketOfChunk;
        for (let i = from; i < to; i += 1) {
          const ms = Math.floor(end - span + i * step);
          const id = snowflake(ms, i);
          const bucket = Math.floor((ms - PARLEY_EPOCH_MS) / BUCKET_MS);
          bucketSet.add(bucket);
          if (i % 997 === 0) ids.push(id);
          if (bucketOfChunk !== undefined && bucket !== bucketOfChunk) {
            await client.batch(queries.splice(0), { prepare: true, logged: false });
          }
          bucketOfChunk = bucket;
          const text = `history message ${i} with some ordinary length of text`;
          queries.push({
            query: insert,
            params: [channelId, bucket, BigInt(id), userId, 'reader', text, new Date(ms), `seed-${i}`],
          });
        }
        if (queries.length) await client.batch(queries, { prepare: true, logged: false });
        done += to - from;
        if (done % 100_000 < CHUNK)
          log(`    ${done} rows (${Math.round(done / ((performance.now() - started) / 1000))}/s)`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    for (const bucket of bucketSet) {
      await client.execute('INSERT INTO channel_buckets (channel_id, bucket) VALUES (?, ?)', [channelId, bucket], {
        prepare: true,
      });
    }
    return [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  } finally {
    await client.shutdown();
  }
}

async function prepare(cluster, scale, log) {
  const keyspace = cluster.env.PARLEY_CASSANDRA_KEYSPACE;
  mkdirSync(CACHE, { recursive: true });
  const metaFile = join(CACHE, `cassandra-${keyspace}-${scale.messages}-${scale.buckets}.json`);
  const parley = await startParley({ extra: { ...cluster.env, PARLEY_INSTANCE_ID: '103' }, name: 'parley-c' });
  try {
    if (existsSync(metaFile)) {
      const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
      meta.ids = [...new Set(meta.ids)];
      try {
        const login = await api(parley.base, '/api/login', { body: { email: meta.email, password: meta.password } });
        log('  reusing the seeded Cassandra channel');
        return { parley, ...meta, token: login.data.token };
      } catch {
        log('  cached Cassandra seed is gone; seeding again');
      }
    }
    const name = `hist${Date.now().toString(36)}`;
    const user = await makeUser(parley.base, name);
    const channelId = await createChannel(parley.base, user.token, 'history');
    log(`  seeding ${scale.messages} messages into Cassandra (once; cached in ${metaFile})`);
    const started = performance.now();
    const ids = await seedCassandra({ endpoints: cluster.endpoints, keyspace }, channelId, user.id, scale, log);
    log(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const meta = { channelId, ids, email: `${name}@bench.invalid`, password: 'bench-password-1' };
    writeFileSync(metaFile, JSON.stringify(meta));
    return { parley, ...meta, token: user.token };
  } catch (err) {
    await parley.proc.stop();
    throw err;
  }
}

/** Half the SQLite rate: each Parley page on Cassandra is several round trips, and the box is shared. */
export async function runHistoryCassandra({ mode, log, cluster }) {
  const scale = { ...SCALES[mode], rate: SCALES[mode].rate / 2 };
  const seed = await prepare(cluster, scale, log);
  const old = seed.ids.slice(0, Math.floor(seed.ids.length * 0.9));
  const step = Math.max(1, Math.floor(old.length / scale.deepCursors));
  const deep = old.filter((_, i) => i % step === 0).slice(0, scale.deepCursors);
  const newestBucket = bucketOfId(seed.ids.at(-1));
  const loaders = {};
  try {
    loaders.parley = spawnNode(join(BENCH_DIR, 'clients/load.mjs'), [], { ipc: true, name: 'load-parley' });
    loaders.driver = spawnNode(join(BENCH_DIR, 'clients/load.mjs'), [], { ipc: true, name: 'load-driver' });
    await loaders.parley.request('setup', {
      kind: 'http',
      base: seed.parley.base,
      headers: { authorization: `Bearer ${seed.token}` },
    });
    await loaders.driver.request('setup', {
      kind: 'cassandra',
      contactPoints: cluster.endpoints.cassandraContactPoints,
      localDataCenter: 'datacenter1',
      keyspace: cluster.env.PARLEY_CASSANDRA_KEYSPACE,
    });
    const targets = (c, page) => {
      const ids = page.deep ? deep : [undefined];
      if (c === 'parley') {
        return ids.map(
          (id) =>
            `/api/message?channel_id=${seed.channelId}&limit=${page.limit}${id ? `&cursor=${cursorFor(id)}` : ''}`,
        );
      }
      return ids.map((id) =>
        id
          ? { query: HISTORY_CQL.below, params: [seed.channelId, bucketOfId(id), id, page.limit + 1] }
          : { query: HISTORY_CQL.newest, params: [seed.channelId, newestBucket, page.limit + 1] },
      );
    };
    const runs = await alternateLoads({ loaders, scale, log, targets });
    return result(runs, scale, 'cassandra');
  } finally {
    await Promise.allSettled(Object.values(loaders).map((l) => l.stop()));
    await seed.parley.proc.stop();
  }
}

export { PAGES };
