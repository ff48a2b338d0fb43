#!/usr/bin/env node
// A fixed-rate (open-loop) request generator: HTTP GETs, or the bare driver's prepared query
// (SQLite or Cassandra), issued on a schedule whatever the previous requests are doing.
import http from 'node:http';
import { createRequire } from 'node:module';
import { createHistogram, record, summarizeHistogram } from '../lib/stats.mjs';
import { now, serveCommands } from '../lib/worker.mjs';

const require = createRequire(import.meta.url);
let issue;

/** Each `issue(target)` returns a promise of an error string, or undefined when it succeeded. */
const SETUPS = {
  http({ base, headers = {} }) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const url = new URL(base);
    return (path) =>
      new Promise((resolve) => {
        const req = http.get({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve(res.statusCode === 200 ? undefined : `status ${res.statusCode}`));
        });
        req.on('error', (err) => resolve(err.message));
      });
  },
  sqlite({ file, sql }) {
    const Database = require('better-sqlite3');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const statements = Object.fromEntries(Object.entries(sql).map(([k, q]) => [k, db.prepare(q).safeIntegers(true)]));
    return ({ statement, params }) => {
      statements[statement].all(...params.map((p) => (typeof p === 'string' && /^\d{15,}$/.test(p) ? BigInt(p) : p)));
      return Promise.resolve(undefined);
    };
  },
  async cassandra({ contactPoints, localDataCenter, keyspace }) {
    const cassandra = require('cassandra-driver');
    const client = new cassandra.Client({
      contactPoints,
      localDataCenter,
      keyspace,
      encoding: { useBigIntAsLong: true },
    });
    await client.connect();
    return ({ query, params }) =>
      client
        .execute(
          query,
          params.map((p) => (typeof p === 'string' && /^\d{15,}$/.test(p) ? BigInt(p) : p)),
          { prepare: true },
        )
        .then(
          () => undefined,
          (err) => err.message,
        );
  },
};

serveCommands({
  async setup({ kind, ...options }) {
    issue = await SETUPS[kind](options);
    return { kind };
  },
  /** Issues `rate` requests/s for `seconds`, cycling over `targets`; latency from each actual send. */
  async run({ rate, seconds, targets, tickMs = 2 }) {
    const histogram = createHistogram();
    const errors = {};
    let sent = 0;
    let done = 0;
    const total = Math.round(rate * seconds);
    const began = now();
    await new Promise((resolve) => {
      const finish = () => {
        done += 1;
        if (done === total) resolve();
      };
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((now() - began) * rate) / 1000));
        while (sent < due) {
          const target = targets[sent % targets.length];
          sent += 1;
          const t0 = now();
          issue(target).then((error) => {
            if (error) errors[error] = (errors[error] ?? 0) + 1;
            else record(histogram, now() - t0);
            finish();
          });
        }
        if (sent >= total) clearInterval(timer);
      }, tickMs);
    });
    return { ...summarizeHistogram(histogram), seconds: (now() - began) / 1000, errors };
  },
});
