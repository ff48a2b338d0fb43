import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasNumbers, ratioOf, summarize } from '../lib/alternate.mjs';
import { openWebSocket } from '../lib/mini-ws.mjs';
import {
  cleanEnv,
  createChannel,
  makeUser,
  PARLEY_MAIN,
  parleyEnv,
  startParley,
  tempDir,
  waitReady,
} from '../lib/parley.mjs';
import { BENCH_DIR, freePort, spawnNode } from '../lib/processes.mjs';

/**
 * S5 start: process spawn to "Server listening" and to ready ("parley ready" logged; in cluster
 * mode /readyz answering 200: store connected, statements prepared, bus group joined), then to a
 * probe message delivered over the WebSocket (auth, subscribe, send, receive). Peers: a bare
 * node:http server and the bare `ws` server, to listening. Embedded starts on a copy of a data
 * dir that already has a user and a channel (a restart); cluster starts against the infra servers.
 */
export const SCALES = { full: { pairs: 3 }, quick: { pairs: 1 } };

/** Connects, authenticates, subscribes, sends, and resolves when its own message comes back. */
function probe(base, token, channelId, timeoutMs = 30_000) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.destroy();
      reject(new Error('probe message not delivered'));
    }, timeoutMs);
    const ws = openWebSocket(
      { host: url.hostname, port: Number(url.port), path: '/api/message/ws', protocol: 'parley.v1' },
      {
        open() {
          ws.send(JSON.stringify({ type: 'auth', token }));
          ws.send(JSON.stringify({ type: 'subscribe', channel_id: channelId }));
        },
        message(buf) {
          const frame = JSON.parse(buf.toString());
          if (frame.type === 'subscribed') {
            ws.send(
              JSON.stringify({
                type: 'send',
                channel_id: channelId,
                content: 'probe',
                client_msg_id: `p${Date.now()}`,
              }),
            );
          } else if (frame.type === 'message' && frame.message.content === 'probe') {
            clearTimeout(timer);
            ws.destroy();
            resolve();
          } else if (frame.type === 'error') {
            clearTimeout(timer);
            ws.destroy();
            reject(new Error(`probe: ${frame.code} ${frame.message}`));
          }
        },
        error(err) {
          clearTimeout(timer);
          reject(err);
        },
      },
    );
  });
}

/** Retries the probe while the service still reports a dependency unavailable (cluster start). */
async function probeUntilDelivered(base, ctx, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await probe(base, ctx.token, ctx.channelId);
    } catch (err) {
      if (performance.now() > deadline || !/unavailable/.test(err.message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function startOnce(contender, ctx) {
  const port = await freePort();
  if (contender !== 'parley') {
    const script = contender === 'node' ? 'peers/node-listen.mjs' : 'peers/ws-server.mjs';
    const proc = spawnNode(join(BENCH_DIR, script), [], { name: contender, env: { PORT: String(port) } });
    try {
      const { atMs } = await proc.waitFor(/listening/, 30_000);
      return { listening_ms: atMs };
    } finally {
      await proc.stop();
    }
  }
  const dataDir = ctx.template ? tempDir('start') : undefined;
  if (ctx.template) cpSync(ctx.template, dataDir, { recursive: true });
  const env = {
    ...cleanEnv(),
    ...parleyEnv({ port, dataDir: dataDir ?? tempDir('start'), logLevel: 'info', extra: ctx.extra }),
  };
  const proc = spawnNode(PARLEY_MAIN, [], { name: 'parley', env, inheritEnv: false });
  try {
    const base = `http://127.0.0.1:${port}`;
    const listening = proc.waitFor(/Server listening at/, 60_000);
    const logReady = proc.waitFor(/"msg":"parley ready"/, 60_000);
    const l = await listening;
    const r = await logReady;
    let readyMs = r.atMs;
    if (ctx.extra) {
      // Cluster: ready when /readyz says so (store connected and migrated, bus group joined).
      await waitReady(base, proc, 60_000, 20);
      readyMs = performance.now() - proc.startedAt;
    }
    await probeUntilDelivered(base, ctx);
    const probeMs = performance.now() - proc.startedAt;
    return { listening_ms: l.atMs, ready_ms: readyMs, probe_ms: probeMs };
  } finally {
    await proc.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A data dir (embedded) or keyspace (cluster) holding one user and channel for the probe. */
async function prepare(extra, log) {
  const dataDir = tempDir('start-template');
  const { proc, base } = await startParley({ dataDir, extra });
  try {
    const user = await makeUser(base, `starter${Date.now()}`);
    const channelId = await createChannel(base, user.token, 'start');
    log(`  prepared a ${extra ? 'cluster' : 'data dir'} with a user and a channel`);
    return { template: extra ? undefined : dataDir, token: user.token, channelId, extra };
  } finally {
    await proc.stop();
  }
}

export async function runStart({ mode, log, cluster }) {
  const scale = SCALES[mode];
  const ctx = await prepare(cluster?.env, log);
  const contenders = ['parley', 'node', 'ws'];
  const runs = [];
  for (let round = 0; round < scale.pairs; round += 1) {
    for (let i = 0; i < contenders.length; i += 1) {
      const c = contenders[(i + round) % contenders.length];
      try {
        runs.push({ contender: c, round, metrics: await startOnce(c, ctx) });
      } catch (err) {
        runs.push({ contender: c, round, error: err instanceof Error ? err.message : String(err) });
        log(`  ${c} #${round + 1}: FAILED ${err instanceof Error ? err.message : err}`);
      }
    }
  }
  if (ctx.template) rmSync(ctx.template, { recursive: true, force: true });
  const summary = summarize(runs, contenders);
  const ratios = {};
  for (const metric of Object.keys(summary)) {
    ratios[metric] = {
      vs_node: ratioOf(summary, metric, 'parley', 'node'),
      vs_ws: ratioOf(summary, metric, 'parley', 'ws'),
    };
  }
  const ok = hasNumbers(runs, 'parley', ['listening_ms', 'ready_ms', 'probe_ms']);
  return {
    status: ok ? 'ok' : 'failed',
    params: { pairs: scale.pairs, cluster: Boolean(cluster) },
    contenders,
    runs,
    summary,
    ratios,
  };
}
