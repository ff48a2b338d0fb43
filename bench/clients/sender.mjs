#!/usr/bin/env node
// The sending process of the load generator: a few sockets that send at a fixed rate (open loop:
// sends are never held back waiting for acks), round-robin over channels, stamping each message.
import { openWebSocket } from '../lib/mini-ws.mjs';
import { content, DIALECTS, endpoint } from '../lib/wire.mjs';
import { now, serveCommands } from '../lib/worker.mjs';

const sockets = [];
let dialect;
let loop;
let totals = { sent: 0, acks: 0, errors: 0 };
let windowSent = 0;
const errorSamples = [];
/** Unique per message across windows and runs: Parley acks a repeated client_msg_id without broadcasting it. */
const idPrefix = `b${process.pid}-${Date.now().toString(36)}-`;
let seq = 0;

function open(target, spec, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sender socket not ready')), timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve(ws);
    };
    const ws = openWebSocket(target, {
      open() {
        for (const frame of dialect.hello(spec)) ws.send(frame);
        if (dialect.readyOnOpen) ready();
      },
      message(buf) {
        const c = dialect.control(buf.toString());
        if (!c) return;
        if (c.kind === 'ack') totals.acks += 1;
        else if (c.kind === 'ping') ws.send(c.reply);
        else if (c.kind === 'eio-open') ws.send('40');
        else if (c.kind === 'ready') ready();
        else if (c.kind === 'error') {
          totals.errors += 1;
          if (errorSamples.length < 5) errorSamples.push(c.detail);
        }
      },
      error(err) {
        reject(err);
      },
    });
    sockets.push(ws);
  });
}

serveCommands({
  async connect({ kind, base, token, count = 1, timeoutMs = 30_000 }) {
    dialect = DIALECTS[kind];
    const target = endpoint(dialect, base);
    for (let i = 0; i < count; i += 20) {
      const n = Math.min(20, count - i);
      await Promise.all(Array.from({ length: n }, () => open(target, { token, channels: [] }, timeoutMs)));
    }
    return { sockets: sockets.length };
  },
  /** Sends `rate` messages/s over `channels` until stopped; the schedule is fixed, not paced by acks. */
  start({ rate, channels, contentBytes = 64, tickMs = 5 }) {
    clearInterval(loop);
    const began = now();
    let sent = 0;
    loop = setInterval(() => {
      const due = Math.floor(((now() - began) * rate) / 1000);
      while (sent < due) {
        const channel = channels[seq % channels.length];
        const ws = sockets[seq % sockets.length];
        seq += 1;
        ws.send(dialect.send(channel, content(now(), contentBytes), `${idPrefix}${seq}`));
        sent += 1;
        windowSent += 1;
        totals.sent += 1;
      }
    }, tickMs);
    return { began };
  },
  reset() {
    windowSent = 0;
    return { at: now() };
  },
  collect() {
    const open = sockets.filter((s) => s.readyState === 1).length;
    return { windowSent, ...totals, errorSamples, open, buffered: sockets.reduce((n, s) => n + s.bufferedAmount, 0) };
  },
  stop() {
    clearInterval(loop);
    return { ...totals };
  },
  close() {
    clearInterval(loop);
    for (const ws of sockets) ws.destroy();
    sockets.length = 0;
    totals = { sent: 0, acks: 0, errors: 0 };
    return { closed: true };
  },
});
