#!/usr/bin/env node
// A receiver process of the load generator: opens many sockets in one dialect, joins channels,
// and counts the data frames that arrive (and their latency from the timestamp they carry).
import { openWebSocket } from '../lib/mini-ws.mjs';
import { createHistogram, record } from '../lib/stats.mjs';
import { DIALECTS, endpoint, stampOf } from '../lib/wire.mjs';
import { now, serveCommands } from '../lib/worker.mjs';

const sockets = [];
let closing = false;
let window = fresh();
let unexpectedCloses = 0;
/** Frames without a timestamp, by their first characters (joins, presence, pings...). */
const others = {};
const errors = [];

function fresh() {
  return { frames: 0, bytes: 0, histogram: createHistogram(), startedAt: now() };
}

/** Opens one socket, sends the dialect's hello, and resolves when every channel is joined. */
function open(dialect, target, spec, timeoutMs) {
  return new Promise((resolve) => {
    let joined = 0;
    let settled = false;
    const done = (ok, detail) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!ok && errors.length < 20) errors.push(detail);
      if (!ok) ws.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false, `not joined within ${timeoutMs} ms`), timeoutMs);
    const ws = openWebSocket(target, {
      open() {
        for (const frame of dialect.hello(spec)) ws.send(frame);
      },
      message(buf) {
        const ts = stampOf(buf);
        if (ts !== undefined) {
          window.frames += 1;
          window.bytes += buf.length;
          record(window.histogram, now() - ts);
          return;
        }
        const text = buf.toString();
        const kind = text.slice(0, 24);
        others[kind] = (others[kind] ?? 0) + 1;
        const c = dialect.control(text);
        if (!c) return;
        if (c.kind === 'ping') ws.send(c.reply);
        else if (c.kind === 'eio-open') for (const frame of dialect.afterOpenPacket(spec)) ws.send(frame);
        else if (c.kind === 'ready' && dialect.afterReady) for (const frame of dialect.afterReady(spec)) ws.send(frame);
        else if (c.kind === 'joined' && ++joined === spec.channels.length) done(true);
        else if (c.kind === 'error') done(false, c.detail);
      },
      error(err) {
        done(false, err.message);
      },
      close(code) {
        if (settled && !closing) unexpectedCloses += 1;
        done(false, `closed ${code}`);
      },
    });
    sockets.push(ws);
  });
}

serveCommands({
  /** specs: [{token, channels}], opened `concurrency` at a time. */
  async connect({ kind, base, specs, concurrency = 50, timeoutMs = 60_000 }) {
    const dialect = DIALECTS[kind];
    const target = endpoint(dialect, base);
    const started = now();
    let next = 0;
    let ok = 0;
    const lane = async () => {
      while (next < specs.length) {
        const spec = specs[next++];
        if (await open(dialect, target, spec, timeoutMs)) ok += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, lane));
    return { ok, failed: specs.length - ok, ms: now() - started, errors: errors.slice(0, 5) };
  },
  reset() {
    window = fresh();
    return { at: window.startedAt };
  },
  collect() {
    return {
      ...window,
      endedAt: now(),
      unexpectedCloses,
      others,
      open: sockets.filter((s) => s.readyState === 1).length,
    };
  },
  close() {
    closing = true;
    for (const ws of sockets) ws.destroy();
    sockets.length = 0;
    return { closed: true };
  },
});
