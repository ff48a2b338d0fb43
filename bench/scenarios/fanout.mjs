import { randomUUID } from 'node:crypto';
import { hasNumbers, ratioOf, rotation, summarize } from '../lib/alternate.mjs';
import { createChannel, inBatches, joinChannel, makeUser, startParley, tempDir } from '../lib/parley.mjs';
import { rssBytes } from '../lib/proc.mjs';
import { sleep } from '../lib/processes.mjs';
import { connectTranche, measureWindow, startContender, stopContender } from './fanout-steps.mjs';

/**
 * S1 fan-out and S4 idle connections, measured on the same sockets: each run starts one server,
 * connects every socket (authenticated, two channels each), measures memory (S4), then sends at
 * fixed rates into one channel of all sockets (S1a) and into many small channels (S1b).
 */
export const CONTENDERS = ['parley', 'ws', 'socketio'];

/**
 * Rates: "fixed" windows offer ~10k frames/s, which a bare `ws` server on this shared 2-core box
 * delivers with CPU to spare; "high" windows offer 4x that, at or past what it keeps up with, so
 * coalescing and backpressure show (delivered frames/s, CPU per frame).
 */
export const SCALES = {
  full: {
    sockets: 10_000,
    clientProcesses: 2,
    users: 20,
    rooms: 100,
    pairs: 3,
    warmupS: 2,
    measureS: 5,
    settleS: 3,
    drainS: 20,
    windows: [
      { id: 'a', target: 'big', rate: 1 },
      { id: 'b', target: 'rooms', rate: 100 },
      { id: 'a_high', target: 'big', rate: 4 },
      { id: 'b_high', target: 'rooms', rate: 400 },
    ],
  },
  quick: {
    sockets: 600,
    clientProcesses: 2,
    users: 2,
    rooms: 6,
    pairs: 1,
    warmupS: 0.3,
    measureS: 0.8,
    settleS: 0.5,
    drainS: 2,
    windows: [
      { id: 'a', target: 'big', rate: 10 },
      { id: 'b', target: 'rooms', rate: 100 },
      { id: 'a_high', target: 'big', rate: 40 },
      { id: 'b_high', target: 'rooms', rate: 400 },
    ],
  },
};

/** Socket k belongs to user k % users and joins the big channel and room k % rooms (owned by that user). */
function socketSpecs(scale, tokens, big, rooms) {
  return Array.from({ length: scale.sockets }, (_, k) => ({
    token: tokens[k % tokens.length] ?? '',
    channels: [big, rooms[k % rooms.length]],
  }));
}

/** Users, channels and memberships in a Parley data dir, reused by every Parley run. */
export async function setupParley(scale, log) {
  if (scale.rooms % scale.users !== 0) throw new Error('rooms must be a multiple of users');
  const started = performance.now();
  const { proc, base, dataDir } = await startParley({ dataDir: tempDir('fanout') });
  try {
    const names = ['sender', ...Array.from({ length: scale.users }, (_, i) => `user${i}`)];
    const [sender, ...users] = await inBatches(names, 2, (name) => makeUser(base, name));
    const big = await createChannel(base, sender.token, 'everyone');
    await inBatches(users, 8, (u) => joinChannel(base, u.token, big));
    const rooms = await inBatches(
      Array.from({ length: scale.rooms }, (_, r) => r),
      8,
      (r) => createChannel(base, users[r % users.length].token, `room-${r}`),
    );
    await inBatches(rooms, 8, (room) => joinChannel(base, sender.token, room));
    log(`  parley setup: ${users.length + 1} users, ${rooms.length + 1} channels in ${elapsedS(started)} s`);
    return {
      dataDir,
      senderToken: sender.token,
      big,
      rooms,
      specs: socketSpecs(
        scale,
        users.map((u) => u.token),
        big,
        rooms,
      ),
    };
  } finally {
    await proc.stop();
  }
}

function peerTopology(scale) {
  const big = randomUUID();
  const rooms = Array.from({ length: scale.rooms }, () => randomUUID());
  return { big, rooms, senderToken: '', specs: socketSpecs(scale, [''], big, rooms) };
}

const elapsedS = (since) => ((performance.now() - since) / 1000).toFixed(1);

/** S4 then S1 on live servers: tranches of connections and measurement windows, alternating contenders. */
export async function measureAll({ contenders, topoOf, scale, log, nodeArgs }) {
  const live = {};
  const runs = [];
  const record = (contender, round, metrics) => {
    let run = runs.find((r) => r.contender === contender && r.round === round);
    if (!run) {
      run = { contender, round, metrics: {} };
      runs.push(run);
    }
    Object.assign(run.metrics, metrics);
  };
  const fail = (contender, round, err) => {
    const message = err instanceof Error ? err.message : String(err);
    runs.push({ contender, round, error: message });
    log(`  ${contender} #${round + 1}: FAILED ${message}`);
  };
  try {
    for (const c of contenders) {
      try {
        live[c] = await startContender(c, topoOf(c), scale, nodeArgs);
      } catch (err) {
        fail(c, 0, err);
      }
    }
    const tranche = Math.ceil(scale.sockets / scale.pairs);
    for (let round = 0; round < scale.pairs; round += 1) {
      for (const c of rotation(contenders, round).filter((x) => live[x])) {
        try {
          const specs = live[c].topo.specs.slice(round * tranche, (round + 1) * tranche);
          const m = await connectTranche(live[c], specs);
          record(c, round, m);
          log(`  ${c} S4 tranche ${round + 1}: ${m['s4.connections']} sockets at ${m['s4.conns_per_s'].toFixed(0)}/s`);
        } catch (err) {
          fail(c, round, err);
          await stopContender(live[c]).catch(() => undefined);
          delete live[c];
        }
      }
    }
    await sleep(scale.settleS * 1000);
    for (const c of Object.keys(live)) {
      const x = live[c];
      const total = (rssBytes(x.server.proc.pid) - x.rss0) / x.connected;
      for (let round = 0; round < scale.pairs; round += 1) {
        record(c, round, { 's4.rss_total_per_conn_kib': total / 1024, 's4.rss_base_mib': x.rss0 / 2 ** 20 });
      }
    }
    for (let round = 0; round < scale.pairs; round += 1) {
      for (const c of rotation(contenders, round).filter((x) => live[x])) {
        const started = performance.now();
        try {
          const x = live[c];
          const metrics = {};
          for (const win of scale.windows) Object.assign(metrics, await measureWindow({ ...x, scale, win }));
          record(c, round, metrics);
          log(`  ${c} S1 #${round + 1}: ${brief(metrics)} (${elapsedS(started)} s)`);
        } catch (err) {
          fail(c, round, err);
        }
      }
    }
  } finally {
    await Promise.allSettled(Object.values(live).map(stopContender));
  }
  return runs;
}

function brief(m) {
  return scaleWindows(m)
    .map(
      (id) =>
        `${id}: ${Math.round(m[`${id}.frames_per_s`])} f/s ${m[`${id}.cpu_us_per_frame`]?.toFixed(2)} us/f p99 ${m[`${id}.p99_ms`]?.toFixed(1)} ms`,
    )
    .join(' | ');
}

const scaleWindows = (m) => [
  ...new Set(
    Object.keys(m)
      .filter((k) => k.includes('.frames_per_s'))
      .map((k) => k.split('.')[0]),
  ),
];

/**
 * One extra Parley run under `--cpu-prof` (windows a and b_high only), not in the figures: the
 * profile is written when the server exits, into `profileDir`.
 */
export async function profileParley({ mode, scale = SCALES[mode], parley, log, profileDir }) {
  const topo = parley ?? (await setupParley(scale, log));
  log('  profiling parley (--cpu-prof, one extra run, not in the figures)');
  const profileScale = { ...scale, pairs: 1, windows: scale.windows.filter((w) => w.id === 'a' || w.id === 'b_high') };
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=500'];
  return measureAll({ contenders: ['parley'], topoOf: () => topo, scale: profileScale, log, nodeArgs });
}

/** Runs S1 + S4 (and, with `profileDir`, one extra Parley run under --cpu-prof, not in the figures). */
export async function runFanout({ mode, log, profileDir }) {
  const scale = SCALES[mode];
  const parley = await setupParley(scale, log);
  const peer = peerTopology(scale);
  const topoOf = (c) => (c === 'parley' ? parley : peer);
  const runs = await measureAll({ contenders: CONTENDERS, topoOf, scale, log });
  const profileRuns = profileDir ? await profileParley({ scale, parley, log, profileDir }) : undefined;
  const summary = summarize(runs, CONTENDERS);
  const ratios = {};
  for (const metric of Object.keys(summary)) {
    ratios[metric] = {
      vs_ws: ratioOf(summary, metric, 'parley', 'ws'),
      vs_socketio: ratioOf(summary, metric, 'parley', 'socketio'),
    };
  }
  const s1ok = hasNumbers(runs, 'parley', ['a.frames_per_s', 'b.frames_per_s', 'a.p99_ms']);
  const s4ok = hasNumbers(runs, 'parley', ['s4.conns_per_gib']);
  const params = describeScale(scale);
  const s1Keys = /^(a|b|a_high|b_high)\./;
  return {
    s1: {
      status: s1ok ? 'ok' : 'failed',
      params,
      contenders: CONTENDERS,
      runs,
      summary: pick(summary, s1Keys),
      ratios: pick(ratios, s1Keys),
    },
    s4: {
      status: s4ok ? 'ok' : 'failed',
      params,
      contenders: CONTENDERS,
      summary: pick(summary, /^s4\./),
      ratios: pick(ratios, /^s4\./),
    },
    profile: profileRuns ? { dir: profileDir, runs: profileRuns } : undefined,
  };
}

function pick(obj, pattern) {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => pattern.test(k)));
}

function describeScale(scale) {
  return {
    sockets: scale.sockets,
    client_processes: scale.clientProcesses,
    users: scale.users,
    rooms: scale.rooms,
    pairs: scale.pairs,
    warmup_s: scale.warmupS,
    measure_s: scale.measureS,
    windows: scale.windows,
  };
}
