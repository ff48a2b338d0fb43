import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flame, groupedBars, lines, toSvg } from './charts.mjs';
import { S1_WINDOWS } from './targets.mjs';

/** The rows of one metric for a grouped chart: one per contender (median and spread). */
export const rowsOf = (result, metric, group, contenders = result.contenders, facet) =>
  contenders
    .filter((c) => result.summary[metric]?.[c]?.n > 0)
    .map((c) => ({ group, contender: c, facet, ...result.summary[metric][c] }));

/** Renders the report's SVG charts into `dir`; returns the names written. */
export async function charts(results, dir) {
  const s = results.scenarios;
  const files = {};
  const write = async (name, spec) => {
    writeFileSync(join(dir, name), await toSvg(spec));
    files[name] = true;
  };
  if (s.s1?.status === 'ok') {
    const wins = Object.keys(S1_WINDOWS);
    await write(
      's1-cpu-per-frame.svg',
      groupedBars({
        title: 'S1 fan-out: server CPU per delivered frame (us, lower is better)',
        rows: wins.flatMap((w) => rowsOf(s.s1, `${w}.cpu_us_per_frame`, w)),
        yTitle: 'us per frame',
      }),
    );
    await write(
      's1-frames.svg',
      groupedBars({
        title: 'S1 fan-out: delivered frames/s (higher is better)',
        rows: wins.flatMap((w) => rowsOf(s.s1, `${w}.frames_per_s`, w)),
        yTitle: 'frames/s',
      }),
    );
    await write(
      's1-latency.svg',
      groupedBars({
        title: 'S1 fan-out: delivery latency, send to receive (ms, log scale)',
        rows: wins.flatMap((w) => [
          ...rowsOf(s.s1, `${w}.p50_ms`, w, undefined, 'p50'),
          ...rowsOf(s.s1, `${w}.p99_ms`, w, undefined, 'p99'),
        ]),
        yTitle: 'ms',
        log: true,
        facet: true,
      }),
    );
  }
  if (s.s4?.status === 'ok') {
    await write(
      's4-memory.svg',
      groupedBars({
        title: 'S4 idle connections: memory per connection (KiB)',
        rows: [
          ...rowsOf(s.s4, 's4.rss_per_conn_kib', 'process RSS'),
          ...rowsOf(s.s4, 's4.kernel_per_conn_kib', 'kernel'),
          ...rowsOf(s.s4, 's4.conns_per_gib', 'connections per GiB').map((r) => ({
            ...r,
            median: r.median / 1000,
            min: r.min / 1000,
            max: r.max / 1000,
            group: 'thousand per GiB',
          })),
        ],
        yTitle: 'KiB (thousands for per GiB)',
      }),
    );
  }
  for (const key of ['s3', 's3_cassandra']) {
    if (s[key]?.status !== 'ok') continue;
    await write(
      `${key.replace('_', '-')}-history.svg`,
      groupedBars({
        title: `S3 history on ${key === 's3' ? 'SQLite' : 'Cassandra'}: page latency (ms, log scale)`,
        rows: s[key].params.pages.flatMap((p) => [
          ...rowsOf(s[key], `${p.id}.p50_ms`, p.id, undefined, 'p50'),
          ...rowsOf(s[key], `${p.id}.p99_ms`, p.id, undefined, 'p99'),
        ]),
        yTitle: 'ms',
        log: true,
        facet: true,
        width: 110,
      }),
    );
  }
  if (s.s2?.status === 'ok') {
    const rows = [];
    for (const c of s.s2.contenders) {
      for (const q of ['p50', 'p99']) {
        for (const rate of s.s2.params.rates) {
          const st = s.s2.summary[`r${rate}.${q}_ms`]?.[c];
          if (st?.n) rows.push({ x: rate, series: `${c} ${q}`, ...st });
        }
      }
    }
    await write(
      's2-latency.svg',
      lines({ title: 'S2 across instances: send to receive (ms)', rows, xTitle: 'messages/s', yTitle: 'ms' }),
    );
  }
  for (const key of ['s5', 's5_cluster']) {
    if (s[key]?.status !== 'ok') continue;
    await write(
      `${key.replace('_', '-')}-start.svg`,
      groupedBars({
        title: `S5 start${key === 's5' ? ' (embedded)' : ' (cluster)'}: ms from spawn`,
        rows: ['listening_ms', 'ready_ms', 'probe_ms'].flatMap((m) => rowsOf(s[key], m, m.replace('_ms', ''))),
        yTitle: 'ms',
      }),
    );
  }
  for (const [w, p] of Object.entries(results.profile?.windows ?? {})) {
    if (p.flame.length < 2) continue;
    await write(
      `s1-flame-${w}.svg`,
      flame({ title: `Parley CPU profile, S1 window ${w} (${S1_WINDOWS[w]})`, nodes: p.flame }),
    );
  }
  return files;
}
