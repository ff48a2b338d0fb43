/**
 * Statistics: a mergeable log-bucket latency histogram (2% resolution, so client processes can
 * send theirs to the orchestrator and be summed) and median/spread over repeated runs.
 */

const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Buckets cover 1 us .. ~10 min at 2% resolution. */
const BUCKETS = 1400;

/** A latency histogram in microseconds; plain data, so it crosses IPC as JSON. */
export function createHistogram() {
  return { counts: new Array(BUCKETS).fill(0), n: 0, sum: 0, max: 0, min: Number.POSITIVE_INFINITY, negative: 0 };
}

/** Records one latency in milliseconds (negative values, from clock skew between processes, count as 0). */
export function record(h, ms) {
  let us = ms * 1000;
  if (us < 0) {
    h.negative += 1;
    us = 0;
  }
  const index = us < 1 ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(us) / LOG_GROWTH) + 1);
  h.counts[index] += 1;
  h.n += 1;
  h.sum += us;
  if (us > h.max) h.max = us;
  if (us < h.min) h.min = us;
}

export function merge(into, from) {
  for (let i = 0; i < BUCKETS; i += 1) into.counts[i] += from.counts[i];
  into.n += from.n;
  into.sum += from.sum;
  into.max = Math.max(into.max, from.max);
  into.min = Math.min(into.min, from.min);
  into.negative += from.negative;
  return into;
}

/** The q-quantile (0..1) in milliseconds, or null when the histogram is empty. */
export function quantile(h, q) {
  if (h.n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * h.n));
  let seen = 0;
  for (let i = 0; i < BUCKETS; i += 1) {
    seen += h.counts[i];
    if (seen >= rank) {
      if (i === 0) return 0;
      // Geometric middle of the bucket [GROWTH^(i-1), GROWTH^i), capped by the largest value seen.
      const mid = GROWTH ** (i - 0.5);
      return Math.min(mid, h.max) / 1000;
    }
  }
  return h.max / 1000;
}

export function summarizeHistogram(h) {
  return {
    n: h.n,
    p50_ms: quantile(h, 0.5),
    p99_ms: quantile(h, 0.99),
    p999_ms: quantile(h, 0.999),
    max_ms: h.n ? h.max / 1000 : null,
    mean_ms: h.n ? h.sum / h.n / 1000 : null,
  };
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median and spread (min..max) of one metric over the runs of one contender. */
export function spread(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return { median: null, min: null, max: null, n: 0 };
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return null;
  return a / b;
}

/** Rounds to `digits` significant digits (for the report and the JSON). */
export function round(x, digits = 3) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return x ?? null;
  if (x === 0) return 0;
  const scale = 10 ** (digits - Math.ceil(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
}
