import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasNumbers, ratioOf, summarize } from '../lib/alternate.mjs';
import { BUCKET_MS, bucketOfId, cursorFor, HISTORY_SQL, PARLEY_EPOCH_MS, snowflake } from '../lib/history-sql.mjs';
import { api, createChannel, makeUser, startParley } from '../lib/parley.mjs';
import { BENCH_DIR, freePort, ROOT_DIR, spawnNode } from '../lib/processes.mjs';

const require = createRequire(import.meta.url);

/**
 * S3 history on SQLite: a channel with many messages over many 10-day buckets; newest and deep
 * pages of 10 and 50 at a fixed request rate. Peers: the same prepared query by the bare driver,
 * and (to show what HTTP itself costs) a bare node:http server issuing that query.
 */
export const SCALES = {
  full: { messages: 1_000_000, buckets: 100, rate: 200, seconds: 3, warmupS: 1, pairs: 3, deepCursors: 400 },
  quick: { messages: 50_000, buckets: 20, rate: 100, seconds: 0.5, warmupS: 0.2, pairs: 1, deepCursors: 100 },
};

export const PAGES = [
  { id: 'newest_10', deep: false, limit: 10 },
  { id: 'newest_50', deep: false, limit: 50 },
  { id: 'deep_10', deep: true, limit: 10 },
  { id: 'deep_50', deep: true, limit: 50 },
];

export const CONTENDERS = ['parley', 'driver', 'http_driver'];

const CACHE = join(tmpdir(), 'parley-bench-cache');
const USER = { name: 'reader', email: 'reader@bench.invalid', password: 'bench-password-1' };

function schemaVersion() {
  return readdirSync(join(ROOT_DIR, 'service/migrations/sqlite')).sort().join(',');
}

/** Writes `n` messages spread evenly over `buckets` buckets ending now, in one transaction. */
function seedSqlite(file, channelId, userId, { messages, buckets }) {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insert =
    db.prepare(`INSERT INTO messages_by_channel (channel_id, bucket, message_id, user_id, username, content,
    created_at, client_msg_id, reply_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const end = Date.now() - 60_000;
  const span = buckets * BUCKET_MS;
  const step = span / messages;
  const ids = [];
  db.transaction(() => {
    for (let i = 0; i < messages; i += 1) {
      const ms = Math.floor(end - span + i * step);
      const id = snowflake(ms, i);
      insert.run(
        channelId,
        Math.floor((ms - PARLEY_EPOCH_MS) / BUCKET_MS),
        BigInt(id),
        userId,
        USER.name,
        `history message ${i} with some ordinary length of text`,
        ms,
        `seed-${i}`,
      );
      if (i % 997 === 0) ids.push(id);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return ids;
}

/** A data dir with the seeded channel, cached across runs (keyed by size and schema). */
async function prepareSqlite(scale, log) {
  const key = `sqlite-${scale.messages}-${scale.buckets}-${schemaVersion().replace(/[^a-z0-9]+/gi, '_')}`;
  const dir = join(CACHE, key);
  const metaFile = join(dir, 'bench-meta.json');
  if (existsSync(metaFile)) {
    log(`  reusing seeded SQLite data dir ${dir}`);
    return { dataDir: dir, ...JSON.parse(readFileSync(metaFile, 'utf8')) };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const { proc, base } = await startParley({ dataDir: dir });
  let channelId;
  let userId;
  try {
    const user = await makeUser(base, USER.name);
    userId = user.id;
    channelId = await createChannel(base, user.token, 'history');
  } finally {
    await proc.stop();
  }
  const ids = seedSqlite(join(dir, 'parley.db'), channelId, userId, scale);
  const meta = { channelId, ids };
  writeFileSync(metaFile, JSON.stringify(meta));
  log(
    `  seeded ${scale.messages} messages over ${scale.buckets} buckets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { dataDir: dir, ...meta };
}

/** Deep cursors: ids spread over the whole history, skipping the newest 10%. */
function deepIds(ids, count) {
  const old = ids.slice(0, Math.floor(ids.length * 0.9));
  const step = Math.max(1, Math.floor(old.length / count));
  return old.filter((_, i) => i % step === 0).slice(0, count);
}

function targetsFor(contender, page, seed, deep) {
  const ids = page.deep ? deep : [undefined];
  if (contender === 'parley') {
    return ids.map(
      (id) => `/api/message?channel_id=${seed.channelId}&limit=${page.limit}${id ? `&cursor=${cursorFor(id)}` : ''}`,
    );
  }
  if (contender === 'http_driver') {
    return ids.map((id) => `/?channel_id=${seed.channelId}&limit=${page.limit}${id ? `&before=${id}` : ''}`);
  }
  return ids.map((id) =>
    id
      ? { statement: 'before', params: [seed.channelId, bucketOfId(id), id, page.limit + 1] }
      : { statement: 'newest', params: [seed.channelId, page.limit + 1] },
  );
}

export async function runHistorySqlite({ mode, log }) {
  const scale = SCALES[mode];
  const seed = await prepareSqlite(scale, log);
  const deep = deepIds(seed.ids, scale.deepCursors);
  const parley = await startParley({ dataDir: seed.dataDir });
  const port = await freePort();
  const peer = spawnNode(join(BENCH_DIR, 'peers/sqlite-http-server.mjs'), [], {
    name: 'sqlite-http',
    env: { PORT: String(port), DB_FILE: join(seed.dataDir, 'parley.db') },
  });
  const loaders = {};
  try {
    await peer.waitFor(/listening/);
    const token = (await api(parley.base, '/api/login', { body: { email: USER.email, password: USER.password } })).data
      .token;
    for (const c of CONTENDERS)
      loaders[c] = spawnNode(join(BENCH_DIR, 'clients/load.mjs'), [], { ipc: true, name: `load-${c}` });
    await loaders.parley.request('setup', {
      kind: 'http',
      base: parley.base,
      headers: { authorization: `Bearer ${token}` },
    });
    await loaders.http_driver.request('setup', { kind: 'http', base: `http://127.0.0.1:${port}` });
    await loaders.driver.request('setup', { kind: 'sqlite', file: join(seed.dataDir, 'parley.db'), sql: HISTORY_SQL });
    const runs = await alternateLoads({ loaders, scale, log, targets: (c, page) => targetsFor(c, page, seed, deep) });
    return result(runs, scale, 'sqlite');
  } finally {
    await Promise.allSettled(Object.values(loaders).map((l) => l.stop()));
    await Promise.allSettled([parley.proc.stop(), peer.stop()]);
  }
}

/** Rounds of (contender in rotation) x (every page); a warm-up load precedes each contender's turn. */
export async function alternateLoads({ loaders, scale, log, targets }) {
  const contenders = Object.keys(loaders);
  const runs = [];
  for (let round = 0; round < scale.pairs; round += 1) {
    for (let i = 0; i < contenders.length; i += 1) {
      const c = contenders[(i + round) % contenders.length];
      const metrics = {};
      try {
        for (const page of PAGES) {
          const t = targets(c, page);
          await loaders[c].request('run', { rate: scale.rate, seconds: scale.warmupS, targets: t });
          const r = await loaders[c].request('run', { rate: scale.rate, seconds: scale.seconds, targets: t }, 120_000);
          const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
          if (errors > 0)
            throw new Error(`${page.id}: ${errors} errors (${Object.keys(r.errors).slice(0, 2).join('; ')})`);
          Object.assign(metrics, {
            [`${page.id}.p50_ms`]: r.p50_ms,
            [`${page.id}.p99_ms`]: r.p99_ms,
            [`${page.id}.max_ms`]: r.max_ms,
            [`${page.id}.rps`]: r.n / r.seconds,
          });
        }
        runs.push({ contender: c, round, metrics });
        log(
          `  ${c} #${round + 1}: ${PAGES.map((p) => `${p.id} p99 ${metrics[`${p.id}.p99_ms`]?.toFixed(2)} ms`).join(', ')}`,
        );
      } catch (err) {
        runs.push({ contender: c, round, error: err instanceof Error ? err.message : String(err) });
        log(`  ${c} #${round + 1}: FAILED ${err instanceof Error ? err.message : err}`);
      }
    }
  }
  return runs;
}

export function result(runs, scale, store) {
  const contenders = [...new Set(runs.map((r) => r.contender))];
  const summary = summarize(runs, contenders);
  const ratios = {};
  for (const metric of Object.keys(summary)) {
    ratios[metric] = Object.fromEntries(
      contenders.filter((c) => c !== 'parley').map((c) => [`vs_${c}`, ratioOf(summary, metric, 'parley', c)]),
    );
  }
  const ok = hasNumbers(
    runs,
    'parley',
    PAGES.map((p) => `${p.id}.p99_ms`),
  );
  return { status: ok ? 'ok' : 'failed', params: { ...scale, store, pages: PAGES }, contenders, runs, summary, ratios };
}
