import { join } from 'node:path';
import { hasNumbers, summarize } from '../lib/alternate.mjs';
import { createChannel, inBatches, joinChannel, makeUser, startParley } from '../lib/parley.mjs';
import { BENCH_DIR, sleep, spawnNode } from '../lib/processes.mjs';
import { createHistogram, merge, round, summarizeHistogram } from '../lib/stats.mjs';

/**
 * S2 across instances: two Parley instances on Kafka, the sender on A, the receivers on B (one
 * socket per channel, so a message is one delivered frame), at fixed rates. The sends are spread
 * over many sockets, as many users would: Parley handles one socket's frames strictly in order,
 * so a single socket would cap the rate at 1 / (store + publish latency). Peer: a raw kafkajs
 * producer -> consumer hop on the same broker, configured like Parley's bus (idempotent, acks=all,
 * one in flight, what is due each tick sent as one batch; consumer maxWait 500 ms).
 */
export const SCALES = {
  full: { rates: [100, 1000, 5000], channels: 12, senderSockets: 200, warmupS: 2, measureS: 5, drainS: 10, pairs: 3 },
  quick: { rates: [100, 1000], channels: 6, senderSockets: 50, warmupS: 0.5, measureS: 1, drainS: 2, pairs: 1 },
};

const RAW_TOPIC = 'parley.bench.raw';

/**
 * 'ok' when Parley produced numbers at the lowest rate in some round: higher rates are skipped
 * once a contender saturates (recorded as `saturated_at`), which is a result, not a failure.
 */
export function clusterStatus(runs, scale) {
  return hasNumbers(runs, 'parley', [`r${scale.rates[0]}.p99_ms`]) ? 'ok' : 'failed';
}

async function drain(proc, maxMs = 10_000) {
  const deadline = performance.now() + maxMs;
  let last = -1;
  for (;;) {
    const { frames } = await proc.request('collect');
    if (frames === last || performance.now() > deadline) return;
    last = frames;
    await sleep(300);
  }
}

async function windowOf({ start, stop, receivers, resetSent, collectSent, rate, scale }) {
  await start(rate);
  await sleep(scale.warmupS * 1000);
  await Promise.all([...receivers.map((r) => r.request('reset')), resetSent()]);
  const t0 = performance.now();
  await sleep(scale.measureS * 1000);
  const got = await Promise.all(receivers.map((r) => r.request('collect')));
  const seconds = (performance.now() - t0) / 1000;
  const sent = await collectSent();
  await stop();
  for (const r of receivers) await drain(r, scale.drainS * 1000);
  const h = got.reduce((acc, g) => merge(acc, g.histogram), createHistogram());
  const frames = got.reduce((n, g) => n + g.frames, 0);
  const lat = summarizeHistogram(h);
  return {
    [`r${rate}.delivered_per_s`]: frames / seconds,
    [`r${rate}.delivery`]: sent ? frames / sent : null,
    [`r${rate}.p50_ms`]: lat.p50_ms,
    [`r${rate}.p99_ms`]: lat.p99_ms,
    [`r${rate}.p999_ms`]: lat.p999_ms,
  };
}

export async function runCluster({ mode, log, cluster }) {
  const scale = SCALES[mode];
  const procs = [];
  const workers = [];
  const track = (p) => {
    procs.push(p);
    workers.push(p);
    return p;
  };
  try {
    const a = await startParley({ extra: { ...cluster.env, PARLEY_INSTANCE_ID: '101' }, name: 'parley-a' });
    procs.push(a.proc);
    const b = await startParley({ extra: { ...cluster.env, PARLEY_INSTANCE_ID: '102' }, name: 'parley-b' });
    procs.push(b.proc);
    const tag = Date.now().toString(36);
    const [sender, reader] = await inBatches([`s2s${tag}`, `s2r${tag}`], 2, (n) => makeUser(a.base, n));
    const channels = await inBatches(
      Array.from({ length: scale.channels }, (_, i) => i),
      4,
      (i) => createChannel(a.base, sender.token, `s2-${tag}-${i}`),
    );
    await inBatches(channels, 4, (c) => joinChannel(a.base, reader.token, c));
    log(`  two cluster instances up; ${channels.length} channels`);

    const recv = track(spawnNode(join(BENCH_DIR, 'clients/fanout-client.mjs'), [], { ipc: true, name: 's2-recv' }));
    const specs = channels.map((c) => ({ token: reader.token, channels: [c] }));
    const connected = await recv.request('connect', { kind: 'parley', base: b.base, specs });
    if (connected.ok < specs.length) throw new Error(`receivers on B failed: ${connected.errors.join('; ')}`);
    const send = track(spawnNode(join(BENCH_DIR, 'clients/sender.mjs'), [], { ipc: true, name: 's2-send' }));

    const producer = track(
      spawnNode(join(BENCH_DIR, 'clients/kafka-hop.mjs'), [], { ipc: true, name: 'kafka-producer' }),
    );
    const consumer = track(
      spawnNode(join(BENCH_DIR, 'clients/kafka-hop.mjs'), [], { ipc: true, name: 'kafka-consumer' }),
    );
    const brokers = cluster.endpoints.kafkaBrokers;
    await producer.request('setup', { brokers, topic: RAW_TOPIC, role: 'producer' });
    await consumer.request('setup', { brokers, topic: RAW_TOPIC, role: 'consumer', groupId: `parley-bench-${tag}` });
    log('  raw kafkajs producer and consumer ready');

    const contenders = {
      parley: {
        receivers: [recv],
        // A fresh set of sender sockets per window; closing them drops sends Parley has not read
        // yet (it handles each socket's frames in order), so a saturated window leaves no backlog.
        start: async (rate) => {
          await send.request('connect', {
            kind: 'parley',
            base: a.base,
            token: sender.token,
            count: scale.senderSockets,
          });
          await send.request('start', { rate, channels });
        },
        stop: async () => {
          await send.request('stop');
          await send.request('close');
        },
        resetSent: () => send.request('reset'),
        collectSent: async () => (await send.request('collect')).windowSent,
      },
      kafka: {
        receivers: [consumer],
        start: (rate) => producer.request('start', { rate, topic: RAW_TOPIC, keys: scale.channels }),
        stop: () => producer.request('stop'),
        resetSent: () => producer.request('reset'),
        collectSent: async () => (await producer.request('collect')).windowSent,
      },
    };
    const runs = [];
    const names = Object.keys(contenders);
    for (let round = 0; round < scale.pairs; round += 1) {
      for (let i = 0; i < names.length; i += 1) {
        const name = names[(i + round) % names.length];
        const c = contenders[name];
        const metrics = {};
        try {
          for (const rate of scale.rates) {
            const m = await windowOf({ ...c, rate, scale });
            Object.assign(metrics, m);
            // Saturated (less than half delivered): higher rates would only measure a growing queue.
            if ((m[`r${rate}.delivery`] ?? 0) < 0.5) {
              metrics.saturated_at = rate;
              break;
            }
          }
          runs.push({ contender: name, round, metrics });
          log(
            `  ${name} #${round + 1}: ${scale.rates.map((r) => `${r}/s p99 ${round3(metrics[`r${r}.p99_ms`])} ms`).join(', ')}`,
          );
        } catch (err) {
          runs.push({ contender: name, round, error: err instanceof Error ? err.message : String(err) });
          log(`  ${name} #${round + 1}: FAILED ${err instanceof Error ? err.message : err}`);
        }
      }
    }
    const summary = summarize(runs, names);
    const diffs = {};
    for (const rate of scale.rates) {
      for (const q of ['p50_ms', 'p99_ms', 'p999_ms']) {
        const m = `r${rate}.${q}`;
        const p = summary[m]?.parley?.median;
        const k = summary[m]?.kafka?.median;
        diffs[m] = typeof p === 'number' && typeof k === 'number' ? round(p - k, 3) : null;
      }
    }
    return {
      status: clusterStatus(runs, scale),
      params: scale,
      contenders: names,
      runs,
      summary,
      diffs_ms: diffs,
    };
  } finally {
    await Promise.allSettled(workers.map((p) => p.request('close', {}, 10_000)));
    await Promise.allSettled(procs.map((p) => p.stop()));
  }
}

const round3 = (x) => (typeof x === 'number' ? x.toFixed(2) : 'n/a');
