#!/usr/bin/env node
// Renders a results file as docs/benchmarks.md plus SVG charts (vega-lite -> vega -> SVG, no
// browser). `node bench/report.mjs bench/results/<date>.json [--docs-dir docs]`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_DIR, ROOT_DIR } from './lib/processes.mjs';
import { charts } from './lib/report-charts.mjs';
import { evaluate, S1_WINDOWS } from './lib/targets.mjs';

const fmt = (x, digits = 3) => {
  if (typeof x !== 'number' || !Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(digits)).toString();
};

function cell(stat, digits) {
  if (!stat || stat.n === 0) return 'n/a';
  const m = fmt(stat.median, digits);
  return stat.n > 1 ? `${m} <sub>${fmt(stat.min, digits)}..${fmt(stat.max, digits)}</sub>` : m;
}

/** A metrics x contenders table, medians with min..max of the runs, plus ratio columns. */
function table(result, metrics, { contenders = result.contenders, ratios = [], extra } = {}) {
  const head = ['metric', ...contenders, ...ratios.map((r) => r.label), ...(extra ? [extra.label] : [])];
  const out = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const m of metrics) {
    const row = [m.label, ...contenders.map((c) => cell(result.summary[m.key]?.[c], m.digits))];
    for (const r of ratios) {
      const v = result.ratios?.[m.key]?.[r.key];
      row.push(typeof v === 'number' ? `${fmt(v, 3)}x` : 'n/a');
    }
    if (extra) row.push(extra.value(m.key));
    out.push(`| ${row.join(' | ')} |`);
  }
  return out.join('\n');
}

function statusLine(r) {
  if (!r) return '_not run_';
  if (r.status === 'skipped') return `**Skipped:** ${r.reason}.`;
  if (r.status === 'failed') return `**Failed:** ${r.error ?? 'no numbers for Parley'}.`;
  return undefined;
}

/** Which runs stopped early because a contender delivered less than half of what was offered. */
function saturation(r) {
  const stops = r.runs
    .filter((x) => x.metrics?.saturated_at)
    .map((x) => `${x.contender} #${x.round + 1} at ${x.metrics.saturated_at}/s`);
  return stops.length
    ? `Saturated (less than half delivered; higher rates not run in that round): ${stops.join(', ')}.` +
        (r.status_note ? ` Note: ${r.status_note}.` : '')
    : '';
}

/** A note on scenarios taken from a supplementary run (see `--with`). */
const fromNote = (r) =>
  r?.from
    ? `_From the supplementary run of ${r.from.started_at} (\`${r.from.file}\`, load average before \`${r.from.loadavg_before}\`, ` +
      `after \`${r.from.loadavg_after}\`): in the main run this scenario was ${r.from.replaced}._\n\n`
    : '';

/**
 * Fills scenarios the main run skipped (or could not run) from supplementary results files,
 * marking each with where it came from. Nothing the main run measured is replaced.
 */
export function mergeResults(main, supplements) {
  const out = { ...main, scenarios: { ...main.scenarios } };
  for (const { file, results } of supplements) {
    for (const [id, r] of Object.entries(results.scenarios)) {
      const mine = out.scenarios[id];
      if (r.status !== 'ok' || mine?.status === 'ok') continue;
      const replaced = mine ? `${mine.status}${mine.reason ? ` (${mine.reason})` : ''}` : 'not run';
      out.scenarios[id] = {
        ...r,
        from: {
          file,
          started_at: results.started_at,
          loadavg_before: results.loadavg_before,
          loadavg_after: results.loadavg_after,
          replaced,
        },
      };
    }
  }
  return out;
}

const S1_METRICS = (w) => [
  { key: `${w}.offered_msgs_per_s`, label: 'offered messages/s' },
  { key: `${w}.frames_per_s`, label: 'delivered frames/s' },
  { key: `${w}.delivery`, label: 'delivered / expected' },
  { key: `${w}.cpu_us_per_frame`, label: 'server CPU per frame (us)' },
  { key: `${w}.frames_per_cpu_s`, label: 'frames per server CPU-second' },
  { key: `${w}.server_cpu_pct`, label: 'server CPU (% of a core)' },
  { key: `${w}.p50_ms`, label: 'latency p50 (ms)' },
  { key: `${w}.p99_ms`, label: 'latency p99 (ms)' },
  { key: `${w}.p999_ms`, label: 'latency p99.9 (ms)' },
  { key: `${w}.client_cpu_pct`, label: 'load generator CPU (% of a core)' },
  { key: `${w}.machine_busy_pct`, label: 'whole machine busy (%)' },
];

function targetsSection(results) {
  const checks = evaluate(results);
  if (checks.length === 0) return '_No targets could be checked._';
  const rows = checks.map((c) => {
    const mark = c.met === null ? 'n/a' : c.met ? 'met' : `**missed** (${c.by})`;
    return `| ${c.label} | ${fmt(c.value)}${c.unit} | ${c.op} ${fmt(c.target)}${c.unit} | ${mark} |`;
  });
  return ['| target (ARCHITECTURE §8) | Parley | target | |', '| --- | ---: | ---: | --- |', ...rows].join('\n');
}

function profileSection(results) {
  const p = results.profile;
  if (!p) return '_No profile in this run (`--no-profile`, or S1 did not run)._';
  const out = [];
  for (const [w, s] of Object.entries(p.windows)) {
    out.push(`#### Window ${w}: ${S1_WINDOWS[w]} (${fmt(s.busy_ms)} ms busy, ${fmt(s.idle_ms)} ms idle in the window)`);
    out.push('', '| self time | share | function |', '| ---: | ---: | --- |');
    for (const f of s.functions.slice(0, 15)) out.push(`| ${fmt(f.self_ms)} ms | ${f.self_pct}% | \`${f.name}\` |`);
    out.push(
      '',
      `By where the code lives: ${s.categories
        .slice(0, 8)
        .map((c) => `${c.name} ${c.self_pct}%`)
        .join(', ')}.`,
      '',
    );
    out.push(`![flame graph, window ${w}](benchmarks/s1-flame-${w}.svg)`, '');
  }
  return out.join('\n');
}

function method(results) {
  const m = results.machine;
  return [
    `Run of ${results.started_at} (${results.mode} mode, ${results.seconds} s), service at \`${results.service?.commit}\` ` +
      `(${results.service?.dirty_files ?? 0} uncommitted files under service/). Results: \`${results.resultsFile}\`.`,
    '',
    `Machine: ${m.cpus} x ${m.cpuModel}, ${m.memGiB} GiB, ${m.kernel}, Node ${m.node}, open files ${m.openFiles.soft}/${m.openFiles.hard}. ` +
      `Load average (1/5/15 min, runnable/total, last pid) before: \`${results.loadavg_before}\`, after: \`${results.loadavg_after}\`. ` +
      'The machine is shared with other engineers running test suites and the Kafka/Cassandra/Redis servers, so ' +
      'absolute figures move with their load; compare ratios, which are taken between contenders measured ' +
      'alternately in the same run.',
  ].join('\n');
}

export async function renderReport(results, { docsDir = join(ROOT_DIR, 'docs'), resultsFile } = {}) {
  const svgDir = join(docsDir, 'benchmarks');
  mkdirSync(svgDir, { recursive: true });
  const r = { ...results, resultsFile: resultsFile ?? results.resultsFile };
  const files = await charts(r, svgDir);
  const img = (name, alt) => (files[name] ? `![${alt}](benchmarks/${name})\n` : '');
  const s = r.scenarios;
  const analysisFile = join(BENCH_DIR, 'analysis.md');
  const analysis = existsSync(analysisFile) && r.mode === 'full' ? readFileSync(analysisFile, 'utf8').trim() : '';

  const parts = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/report.mjs) from a results file; the analysis comes from bench/analysis.md. -->',
    '',
    'Every figure is a ratio against a peer measured in the same run: contenders run one after another, ' +
      'alternating, and each table gives the median of the runs with their spread (min..max, small print). ' +
      'Servers and load generators are separate processes; server CPU is read from `/proc/<pid>/stat` ' +
      '(utime+stime, all threads) for every contender alike, memory from `/proc/<pid>/status` (VmRSS) and ' +
      '`/proc/net/sockstat` + `/proc/slabinfo` (kernel). How to run: `npm run bench` (full, ~15 min) or ' +
      '`npm run bench -- --quick` (CI, under two minutes); see [bench/README.md](../bench/README.md).',
    '',
    method(r),
    '',
    '## Targets',
    '',
    targetsSection(r),
    '',
    ...(analysis ? [analysis, ''] : []),
    '## S1 fan-out',
    '',
    statusLine(s.s1) ??
      [
        `${s.s1.params.sockets.toLocaleString('en-US')} sockets over ${s.s1.params.client_processes} client processes, each socket ` +
          `authenticated and subscribed to the big channel and one of ${s.s1.params.rooms} rooms; ${s.s1.params.pairs} alternating rounds, ` +
          `${s.s1.params.warmup_s} s warm-up then ${s.s1.params.measure_s} s measured per window. Latency is send to receive, from the ` +
          'timestamp the sender puts in the message. Throughput is compared as frames per server CPU-second: at a fixed offered rate ' +
          'every contender delivers the same frames/s until it saturates, and on 2 shared cores the load generator competes for CPU.',
        '',
        img('s1-cpu-per-frame.svg', 'S1 CPU per frame') +
          img('s1-frames.svg', 'S1 frames per second') +
          img('s1-latency.svg', 'S1 latency'),
        ...Object.entries(S1_WINDOWS).flatMap(([w, label]) => {
          const win = s.s1.params.windows.find((x) => x.id === w);
          return [
            `### ${label}: ${win?.rate} msg/s into ${win?.target === 'big' ? `1 channel of ${s.s1.params.sockets}` : `${s.s1.params.rooms} channels of ${s.s1.params.sockets / s.s1.params.rooms}`}`,
            '',
            table(s.s1, S1_METRICS(w), {
              ratios: [
                { label: 'parley/ws', key: 'vs_ws' },
                { label: 'parley/socket.io', key: 'vs_socketio' },
              ],
            }),
            '',
          ];
        }),
      ].join('\n'),
    '',
    '## S4 idle connections',
    '',
    statusLine(s.s4) ??
      [
        'The S1 sockets (authenticated, two channels each), connected in alternating tranches of a third: each tranche gives one ' +
          'sample of the memory it added. Kernel memory is the growth of socket-related slab caches and TCP buffer pages, halved ' +
          '(both ends of a loopback connection are on this machine); it is machine-wide, so other processes add noise.',
        '',
        img('s4-memory.svg', 'S4 memory per connection'),
        table(
          s.s4,
          [
            { key: 's4.connections', label: 'connections per tranche' },
            { key: 's4.conns_per_s', label: 'connect + auth + 2 subscribes per second' },
            { key: 's4.rss_base_mib', label: 'RSS before connections (MiB)' },
            { key: 's4.rss_per_conn_kib', label: 'process RSS per connection (KiB)' },
            { key: 's4.rss_total_per_conn_kib', label: 'process RSS per connection, all sockets (KiB)' },
            { key: 's4.kernel_per_conn_kib', label: 'kernel per connection (KiB)' },
            { key: 's4.conns_per_gib', label: 'connections per GiB (process + kernel)' },
          ],
          {
            ratios: [
              { label: 'parley/ws', key: 'vs_ws' },
              { label: 'parley/socket.io', key: 'vs_socketio' },
            ],
          },
        ),
      ].join('\n'),
    '',
    '## S2 across instances (Kafka)',
    '',
    statusLine(s.s2) ??
      [
        fromNote(s.s2) +
          'Two cluster instances; the sender on one, one receiving socket per channel on the other; the peer is a raw kafkajs ' +
          'producer -> consumer hop on the same broker and topic settings. "diff" is Parley minus the raw hop (medians).',
        '',
        img('s2-latency.svg', 'S2 latency'),
        table(
          s.s2,
          s.s2.params.rates.flatMap((rate) => [
            { key: `r${rate}.delivered_per_s`, label: `${rate}/s: delivered/s` },
            { key: `r${rate}.p50_ms`, label: `${rate}/s: p50 (ms)` },
            { key: `r${rate}.p99_ms`, label: `${rate}/s: p99 (ms)` },
            { key: `r${rate}.p999_ms`, label: `${rate}/s: p99.9 (ms)` },
          ]),
          { extra: { label: 'diff (ms)', value: (key) => fmt(s.s2.diffs_ms?.[key]) } },
        ),
        '',
        saturation(s.s2),
      ].join('\n'),
    '',
    ...['s3', 's3_cassandra'].flatMap((key) => [
      `## S3 history (${key === 's3' ? 'SQLite' : 'Cassandra'})`,
      '',
      statusLine(s[key]) ??
        [
          fromNote(s[key]) +
            `${s[key].params.messages.toLocaleString('en-US')} messages in one channel over ${s[key].params.buckets} ten-day buckets; ` +
            `${s[key].params.rate} requests/s for ${s[key].params.seconds} s per page kind, after a warm-up; deep pages start at a ` +
            `cursor drawn from ${s[key].params.deepCursors} spread over the older 90% of the history. \`driver\`: the same prepared ` +
            'query (bench/lib/history-sql.mjs) issued by the bare driver in its own process' +
            (key === 's3'
              ? '; `http_driver`: that query behind a bare node:http server (what HTTP alone costs).'
              : '.'),
          '',
          img(`${key.replace('_', '-')}-history.svg`, 'S3 latency'),
          table(
            s[key],
            s[key].params.pages.flatMap((p) => [
              { key: `${p.id}.p50_ms`, label: `${p.id}: p50 (ms)` },
              { key: `${p.id}.p99_ms`, label: `${p.id}: p99 (ms)` },
            ]),
            {
              ratios: s[key].contenders
                .filter((c) => c !== 'parley')
                .map((c) => ({ label: `parley/${c}`, key: `vs_${c}` })),
            },
          ),
        ].join('\n'),
      '',
    ]),
    ...['s5', 's5_cluster'].flatMap((key) => [
      `## S5 start (${key === 's5' ? 'embedded' : 'cluster'})`,
      '',
      statusLine(s[key]) ??
        [
          fromNote(s[key]) +
            'Milliseconds from spawn to the `Server listening` log line, to `parley ready`, and to a probe message delivered over ' +
            'the WebSocket (auth, subscribe, send, receive). Peers: a bare node:http server and the bare `ws` server, to listening.',
          '',
          img(`${key.replace('_', '-')}-start.svg`, 'S5 start'),
          table(
            s[key],
            [
              { key: 'listening_ms', label: 'to listening (ms)' },
              { key: 'ready_ms', label: 'to ready (ms)' },
              { key: 'probe_ms', label: 'to a probe message delivered (ms)' },
            ],
            { ratios: [{ label: 'parley/node', key: 'vs_node' }] },
          ),
        ].join('\n'),
      '',
    ]),
    '## Size',
    '',
    statusLine(s.size) ??
      [
        '| part | minified | min+gzip |',
        '| --- | ---: | ---: |',
        ...Object.entries(s.size.parts).map(
          ([n, v]) => `| ${n} | ${fmt(v.min_bytes / 1024)} kB | ${fmt(v.gzip_bytes / 1024)} kB |`,
        ),
        `| **total** | | **${fmt(s.size.total_gzip_bytes / 1024)} kB** (target <= 30 kB) |`,
        '',
        s.size.missing.length ? `Missing: ${s.size.missing.join('; ')}. The total adds the parts that exist.` : '',
      ].join('\n'),
    '',
    '## Profile: Parley in S1 (`node --cpu-prof`)',
    '',
    'One extra Parley run under `--cpu-prof --cpu-prof-interval=500` (not in the figures above); only the samples inside ' +
      "the measured windows count (matched on the kernel's monotonic clock). Self time by function:",
    '',
    profileSection(r),
  ];
  const md = `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  const file = join(docsDir, 'benchmarks.md');
  writeFileSync(file, md);
  return [file, ...Object.keys(files).map((f) => join(svgDir, f))];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'docs-dir': { type: 'string' }, with: { type: 'string', multiple: true } },
  });
  const input = positionals[0];
  if (!input) {
    console.error('usage: node bench/report.mjs bench/results/<date>.json [--with <other>.json ...] [--docs-dir docs]');
    process.exit(2);
  }
  const supplements = (values.with ?? []).map((file) => ({ file, results: JSON.parse(readFileSync(file, 'utf8')) }));
  const results = mergeResults(JSON.parse(readFileSync(input, 'utf8')), supplements);
  const written = await renderReport(results, {
    docsDir: values['docs-dir'] ?? join(ROOT_DIR, 'docs'),
    resultsFile: input,
  });
  console.log(written.join('\n'));
}
