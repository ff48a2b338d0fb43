/**
 * ARCHITECTURE §8 targets, checked against a results file. Each check names the figure it reads,
 * so the report can say by how much a target is missed.
 */
const med = (s, metric, contender) => s?.summary?.[metric]?.[contender]?.median ?? null;

function check(scenario, label, value, op, target, unit = '') {
  const met = typeof value !== 'number' ? null : op === '>=' ? value >= target : value <= target;
  let by = null;
  if (met === false)
    by =
      op === '>='
        ? `${(100 * (1 - value / target)).toFixed(0)}% short`
        : `${(100 * (value / target - 1)).toFixed(0)}% over`;
  return { scenario, label, value, op, target, unit, met, by };
}

export const S1_WINDOWS = {
  a: 'S1a one channel, fixed rate',
  b: 'S1b many channels, fixed rate',
  a_high: 'S1a one channel, high rate',
  b_high: 'S1b many channels, high rate',
};

export function evaluate(results) {
  const s = results.scenarios;
  const out = [];
  if (s.s1?.status === 'ok') {
    for (const [w, label] of Object.entries(S1_WINDOWS)) {
      const r = s.s1.ratios[`${w}.frames_per_cpu_s`];
      out.push(check('s1', `${label}: frames per server CPU-second vs bare ws`, r?.vs_ws, '>=', 0.8, 'x'));
      out.push(check('s1', `${label}: frames per server CPU-second vs Socket.IO`, r?.vs_socketio, '>=', 3, 'x'));
      if (!w.endsWith('_high'))
        out.push(check('s1', `${label}: delivery p99`, med(s.s1, `${w}.p99_ms`, 'parley'), '<=', 100, 'ms'));
    }
    for (const w of ['a_high', 'b_high']) {
      const r = s.s1.ratios[`${w}.frames_per_s`];
      out.push(check('s1', `${S1_WINDOWS[w]}: delivered frames/s vs bare ws`, r?.vs_ws, '>=', 0.8, 'x'));
      out.push(check('s1', `${S1_WINDOWS[w]}: delivered frames/s vs Socket.IO`, r?.vs_socketio, '>=', 3, 'x'));
    }
  }
  if (s.s2?.status === 'ok') {
    const saturated = s.s2.runs.filter((r) => r.contender === 'parley' && r.metrics?.saturated_at <= 1000).length;
    const note = saturated ? ` (Parley saturated at 1k msg/s in ${saturated} of ${s.s2.params.pairs} rounds)` : '';
    out.push(check('s2', `S2 1k msg/s: p50${note}`, med(s.s2, 'r1000.p50_ms', 'parley'), '<=', 5, 'ms'));
    out.push(check('s2', 'S2 1k msg/s: p99', med(s.s2, 'r1000.p99_ms', 'parley'), '<=', 25, 'ms'));
    out.push(check('s2', 'S2 1k msg/s: p99 minus the raw kafkajs hop', s.s2.diffs_ms?.['r1000.p99_ms'], '<=', 3, 'ms'));
  }
  for (const key of ['s3', 's3_cassandra']) {
    const h = s[key];
    if (h?.status !== 'ok') continue;
    const store = key === 's3' ? 'SQLite' : 'Cassandra';
    for (const page of h.params.pages) {
      out.push(check(key, `S3 ${store} ${page.id}: p99`, med(h, `${page.id}.p99_ms`, 'parley'), '<=', 10, 'ms'));
      out.push(
        check(
          key,
          `S3 ${store} ${page.id}: p99 vs the bare driver`,
          h.ratios[`${page.id}.p99_ms`]?.vs_driver,
          '<=',
          1.3,
          'x',
        ),
      );
    }
  }
  if (s.s4?.status === 'ok') {
    out.push(check('s4', 'S4 idle connections per GiB', med(s.s4, 's4.conns_per_gib', 'parley'), '>=', 60_000));
    out.push(check('s4', 'S4 per GiB vs bare ws', s.s4.ratios['s4.conns_per_gib']?.vs_ws, '>=', 0.6, 'x'));
  }
  if (s.s5?.status === 'ok')
    out.push(check('s5', 'S5 embedded start to listening', med(s.s5, 'listening_ms', 'parley'), '<=', 400, 'ms'));
  if (s.s5_cluster?.status === 'ok') {
    out.push(
      check('s5_cluster', 'S5 cluster start to ready', med(s.s5_cluster, 'ready_ms', 'parley'), '<=', 5000, 'ms'),
    );
  }
  if (s.size?.status === 'ok') {
    out.push(check('size', 'Size widget + SDK + Lit, min+gzip', s.size.total_gzip_bytes / 1024, '<=', 30, 'kB'));
  }
  return out;
}

const f = (x, d = 1) => (typeof x === 'number' ? x.toFixed(d) : 'n/a');
const k = (x) => (typeof x === 'number' ? `${(x / 1000).toFixed(1)}k` : 'n/a');

/** One line per scenario for the console. */
export function summaryLines(results) {
  const s = results.scenarios;
  const lines = [];
  const line = (id, text) => {
    const r = s[id];
    if (!r) return;
    if (r.status === 'skipped') lines.push(`${id}: skipped: ${r.reason}`);
    else if (r.status === 'failed') lines.push(`${id}: FAILED: ${r.error ?? 'no numbers for Parley'}`);
    else lines.push(`${id}: ${text(r)}`);
  };
  line('s1', (r) =>
    ['a', 'b', 'a_high', 'b_high']
      .map(
        (w) =>
          `${w} ${k(med(r, `${w}.frames_per_s`, 'parley'))} f/s ${f(med(r, `${w}.cpu_us_per_frame`, 'parley'), 2)} us/f ` +
          `(${f(r.ratios[`${w}.frames_per_cpu_s`]?.vs_ws, 2)}x ws, ${f(r.ratios[`${w}.frames_per_cpu_s`]?.vs_socketio, 2)}x sio) ` +
          `p99 ${f(med(r, `${w}.p99_ms`, 'parley'))} ms`,
      )
      .join(' | '),
  );
  line('s2', (r) =>
    r.params.rates
      .map(
        (rate) =>
          `${rate}/s p99 ${f(med(r, `r${rate}.p99_ms`, 'parley'))} ms (raw ${f(med(r, `r${rate}.p99_ms`, 'kafka'))})`,
      )
      .join(', '),
  );
  for (const id of ['s3', 's3_cassandra']) {
    line(id, (r) =>
      r.params.pages
        .map(
          (p) =>
            `${p.id} p99 ${f(med(r, `${p.id}.p99_ms`, 'parley'), 2)} ms (${f(r.ratios[`${p.id}.p99_ms`]?.vs_driver, 1)}x driver)`,
        )
        .join(', '),
    );
  }
  line(
    's4',
    (r) => `${k(med(r, 's4.conns_per_gib', 'parley'))} conns/GiB (${f(r.ratios['s4.conns_per_gib']?.vs_ws, 2)}x ws)`,
  );
  for (const id of ['s5', 's5_cluster']) {
    line(
      id,
      (r) =>
        `listening ${f(med(r, 'listening_ms', 'parley'), 0)} ms, ready ${f(med(r, 'ready_ms', 'parley'), 0)} ms, probe ${f(med(r, 'probe_ms', 'parley'), 0)} ms (node floor ${f(med(r, 'listening_ms', 'node'), 0)} ms)`,
    );
  }
  line(
    'size',
    (r) =>
      `${Object.entries(r.parts)
        .map(([n, v]) => `${n} ${f(v.gzip_bytes / 1024)} kB`)
        .join(
          ' + ',
        )} = ${f(r.total_gzip_bytes / 1024)} kB gz${r.missing.length ? ` (missing: ${r.missing.join(', ')})` : ''}`,
  );
  return lines;
}
