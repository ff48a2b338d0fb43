/**
 * The completeness check of a run (what `--quick` in CI asserts): every scenario ran, and every
 * contender produced a finite number for the scenario's key figures. Never a timing threshold.
 */

export const ALL_SCENARIOS = ['size', 's5', 's1', 's4', 's3', 's2', 's3_cassandra', 's5_cluster'];

/** scenario -> metrics that every contender must have produced (a median that is a finite number). */
const KEY_METRICS = {
  s1: ['a.frames_per_s', 'b.frames_per_s', 'a_high.frames_per_s', 'b_high.frames_per_s', 'a.p99_ms', 'b.p99_ms'],
  s4: ['s4.conns_per_gib', 's4.rss_per_conn_kib'],
  s3: ['newest_10.p99_ms', 'newest_50.p99_ms', 'deep_10.p99_ms', 'deep_50.p99_ms'],
  s3_cassandra: ['newest_10.p99_ms', 'newest_50.p99_ms', 'deep_10.p99_ms', 'deep_50.p99_ms'],
  s5: ['listening_ms'],
  s5_cluster: ['listening_ms'],
};
/** Figures only Parley has (the peers are not measured there). */
const PARLEY_ONLY = {
  s5: ['ready_ms', 'probe_ms'],
  s5_cluster: ['ready_ms', 'probe_ms'],
};

const finite = (v) => typeof v === 'number' && Number.isFinite(v);

/** Problems with one scenario's result, [] when it is complete. */
function problemsOf(id, r) {
  if (!r) return [`${id}: did not run`];
  if (r.status === 'skipped') return [`${id}: skipped (${r.reason})`];
  if (r.status !== 'ok') return [`${id}: ${r.status}${r.error ? ` (${r.error})` : ''}`];
  const out = [];
  if (id === 'size') {
    if (!finite(r.total_gzip_bytes) || r.total_gzip_bytes <= 0) out.push('size: no total');
    if (!r.complete) out.push(`size: incomplete (missing ${r.missing?.join(', ')})`);
    return out;
  }
  if (id === 's2') {
    // The lowest rate for both; at higher rates a saturated contender is a result, not a gap.
    for (const c of r.contenders ?? []) {
      const v = r.summary?.[`r${r.params?.rates?.[0]}.p99_ms`]?.[c]?.median;
      if (!finite(v)) out.push(`s2: no r${r.params?.rates?.[0]}.p99_ms for ${c}`);
    }
    return out;
  }
  for (const metric of KEY_METRICS[id] ?? []) {
    for (const c of r.contenders ?? []) {
      if (!finite(r.summary?.[metric]?.[c]?.median)) out.push(`${id}: no ${metric} for ${c}`);
    }
  }
  for (const metric of PARLEY_ONLY[id] ?? []) {
    if (!finite(r.summary?.[metric]?.parley?.median)) out.push(`${id}: no ${metric} for parley`);
  }
  return out;
}

/**
 * Problems over the scenarios that were asked for (`ids`). With `allowSkip`, a scenario skipped
 * because this machine does not allow it (no infra servers) is not a problem.
 */
export function verifyResults(results, ids, { allowSkip = false } = {}) {
  const problems = [];
  for (const id of ids) {
    const r = results.scenarios[id];
    if (allowSkip && r?.status === 'skipped') continue;
    problems.push(...problemsOf(id, r));
  }
  return problems;
}
