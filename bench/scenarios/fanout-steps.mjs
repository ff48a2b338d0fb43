import { join } from 'node:path';
import { startParley } from '../lib/parley.mjs';
import { cpuSeconds, kernelSnapshot, machineBusy, machineCpu, rssBytes } from '../lib/proc.mjs';
import { BENCH_DIR, freePort, sleep, spawnNode } from '../lib/processes.mjs';
import { createHistogram, merge, summarizeHistogram } from '../lib/stats.mjs';

/**
 * The steps of S1/S4 (scenarios/fanout.mjs): start a contender (server, receiver processes,
 * sender), connect a tranche of sockets and measure its memory, measure one send window.
 */
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
    await sleep(maxMs < 10_000 ? 150 : 330);
  }
}

/**
 * One window: a fresh sender connection, warm-up, the measured span, then the sender disconnects
 * (so a backlog of sends the server has not read yet, which Parley handles in order per socket,
 * is dropped rather than leaking into the next window) and the receivers drain.
 */
export async function measureWindow({ contender, server, receivers, sender, topo, scale, win }) {
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
  await drain(receivers, (scale.drainS ?? 20) * 1000);

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
export async function startContender(contender, topo, scale, nodeArgs) {
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

export async function stopContender(c) {
  const clients = [...c.receivers, c.sender];
  await Promise.allSettled(clients.map((p) => p.request('close', {}, 10_000)));
  await Promise.allSettled(clients.map((p) => p.stop()));
  await c.server.proc.stop();
}

/**
 * Connects one tranche of a contender's sockets (spread over its receiver processes) and returns
 * the S4 sample: process and kernel memory per connection added by the tranche.
 */
export async function connectTranche(c, specs) {
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
