import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { hasNumbers, ratioOf, rotation, summarize } from '../lib/alternate.mjs';
import { createChannel, inBatches, joinChannel, makeUser, startParley, tempDir } from '../lib/parley.mjs';
import { cpuSeconds, kernelSnapshot, machineBusy, machineCpu, rssBytes } from '../lib/proc.mjs';
import { BENCH_DIR, freePort, sleep, spawnNode } from '../lib/processes.mjs';
import { createHistogram, merge, summarizeHistogram } from '../lib/stats.mjs';

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
    windows: [
      { id: 'a', target: 'big', rate: 1 },
      { id: 'b', target: 'rooms', rate: 100 },
      { id: 'a_high', target: 'big', rate: 4 },
      { id: 'b_high', target: 'rooms', rate: 400 },
    ],
  },
  quick: {
    sockets: 1000,
    clientProcesses: 2,
    users: 2,
    rooms: 10,
    pairs: 1,
    warmupS: 1,
    measureS: 2,
    settleS: 1,
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

async function startServer(contender, topo, nodeArgs = []) {
  if (contender === 'parley') {
    const { proc, base } = await startParley({ dataDir: topo.dataDir, nodeArgs });
    return { proc, base };
  }
  const port = await freePort();
  const script = join(BENCH_DIR, contender === 'ws' ? 'peers/ws-server.mjs' : 'peers/socketio-server.mjs');
  const proc = spawnNode(script, [], { name: contender, env: { PORT: String(port) }, nodeArgs });
  await proc.waitFor(/listening/, 30_000);
  return { proc, base: `http://127.0.0.1:${port}` };
}

/** Polls the receivers until their frame count has not grown for a second (the backlog has drained). */
async function drain(receivers, maxMs = 20_000) {
  const deadline = performance.now() + maxMs;
  let last = -1;
  let still = 0;
  for (;;) {
    const counts = await Promise.all(receivers.map((r) => r.request('collect')));
    const total = counts.reduce((n, c) => n + c.frames, 0);
    still = total === last ? still + 1 : 0;
    if (still >= 3 || performance.now() > deadline) return;
    last = total;
    await sleep(330);
  }
}

/**
 * One window: a fresh sender connection, warm-up, the measured span, then the sender disconnects
 * (so a backlog of sends the server has not read yet, which Parley handles in order per socket,
 * is dropped rather than leaking into the next window) and the receivers drain.
 */
async function measureWindow({ contender, server, receivers, sender, topo, scale, win }) {
  const channels = win.target === 'big' ? [topo.big] : topo.rooms;
  const perMessage = win.target === 'big' ? scale.sockets : scale.sockets / scale.rooms;
  await sender.request('connect', { kind: contender, base: server.base, token: topo.senderToken });
  await Promise.all(receivers.map((r) => r.request('reset')));
  await sender.request('start', { rate: win.rate, channels });
  await sleep(scale.warmupS * 1000);
  const clientPids = [...receivers, sender].map((p) => p.pid);
  await Promise.all([...receivers.map((r) => r.request('reset')), sender.request('reset')]);
  const cpu0 = cpuSeconds(server.proc.pid);
  const clientCpu0 = clientPids.reduce((s, pid) => s + (cpuSeconds(pid) ?? 0), 0);
  const machine0 = machineCpu();
  const t0 = performance.now();
  const mono0 = Number(process.hrtime.bigint() / 1000n);
  await sleep(scale.measureS * 1000);
  const monoRange = [mono0, Number(process.hrtime.bigint() / 1000n)];
  const [sent, ...got] = await Promise.all([sender.request('collect'), ...receivers.map((r) => r.request('collect'))]);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.proc.pid) - cpu0;
  const clientCpu = clientPids.reduce((s, pid) => s + (cpuSeconds(pid) ?? 0), 0) - clientCpu0;
  const busy = machineBusy(machine0, machineCpu());
  await sender.request('stop');
  await sender.request('close');
  await drain(receivers);

  const histogram = got.reduce((h, g) => merge(h, g.histogram), createHistogram());
  const frames = got.reduce((n, g) => n + g.frames, 0);
  const lat = summarizeHistogram(histogram);
  const m = `${win.id}.`;
  return {
    [`${m}offered_msgs_per_s`]: sent.windowSent / seconds,
    [`${m}frames_per_s`]: frames / seconds,
    [`${m}delivery`]: frames / Math.max(1, sent.windowSent * perMessage),
    [`${m}server_cpu_pct`]: (cpu / seconds) * 100,
    [`${m}cpu_us_per_frame`]: frames > 0 ? (cpu / frames) * 1e6 : null,
    [`${m}frames_per_cpu_s`]: cpu > 0 ? frames / cpu : null,
    [`${m}p50_ms`]: lat.p50_ms,
    [`${m}p99_ms`]: lat.p99_ms,
    [`${m}p999_ms`]: lat.p999_ms,
    [`${m}client_cpu_pct`]: (clientCpu / seconds) * 100,
    [`${m}machine_busy_pct`]: busy === null ? null : busy * 100,
    [`${m}send_errors`]: sent.errors,
    [`${m}acks`]: sent.acks,
    [`${m}sockets_open`]: got.reduce((n, g) => n + g.open, 0),
    [`${m}sockets_closed`]: got.reduce((n, g) => n + g.unexpectedCloses, 0),
    [`${m}sender_open`]: sent.open,
    [`${m}window_us`]: monoRange,
  };
}

/** A contender's server, its receiver processes and its sender, alive for the whole scenario. */
async function startContender(contender, topo, scale, nodeArgs) {
  const server = await startServer(contender, topo, nodeArgs);
  const receivers = [];
  for (let i = 0; i < scale.clientProcesses; i += 1) {
    const name = `${contender}-recv${i}`;
    receivers.push(spawnNode(join(BENCH_DIR, 'clients/fanout-client.mjs'), [], { ipc: true, name }));
  }
  const sender = spawnNode(join(BENCH_DIR, 'clients/sender.mjs'), [], { ipc: true, name: `${contender}-sender` });
  await sleep(300);
  return { contender, topo, server, receivers, sender, rss0: rssBytes(server.proc.pid), connected: 0 };
}

async function stopContender(c) {
  const clients = [...c.receivers, c.sender];
  await Promise.allSettled(clients.map((p) => p.request('close', {}, 10_000)));
  await Promise.allSettled(clients.map((p) => p.stop()));
  await c.server.proc.stop();
}

/**
 * Connects one tranche of a contender's sockets (spread over its receiver processes) and returns
 * the S4 sample: process and kernel memory per connection added by the tranche.
 */
async function connectTranche(c, specs) {
  const kernel0 = kernelSnapshot();
  const rss0 = rssBytes(c.server.proc.pid);
  const t0 = performance.now();
  const per = Math.ceil(specs.length / c.receivers.length);
  const results = await Promise.all(
    c.receivers.map((r, i) =>
      r.request(
        'connect',
        { kind: c.contender, base: c.server.base, specs: specs.slice(i * per, (i + 1) * per) },
        600_000,
      ),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const ok = results.reduce((n, r) => n + r.ok, 0);
  if (ok < specs.length) {
    const errors = results.flatMap((r) => r.errors).slice(0, 3);
    throw new Error(`${specs.length - ok} of ${specs.length} sockets failed: ${errors.join('; ')}`);
  }
  c.connected += ok;
  await sleep(1000);
  const rssPerConn = (rssBytes(c.server.proc.pid) - rss0) / ok;
  const kernel1 = kernelSnapshot();
  // Loopback: both ends of every connection are in the kernel's counts, so half is the server's.
  const kernelPerConn =
    (kernel1.slabBytes - kernel0.slabBytes + (kernel1.tcpMemBytes - kernel0.tcpMemBytes)) / (2 * ok);
  return {
    's4.connections': ok,
    's4.conns_per_s': ok / seconds,
    's4.rss_per_conn_kib': rssPerConn / 1024,
    's4.kernel_per_conn_kib': kernelPerConn / 1024,
    's4.conns_per_gib': 2 ** 30 / (rssPerConn + Math.max(0, kernelPerConn)),
  };
}

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
