import { ratio, round, spread } from './stats.mjs';

/**
 * Summaries over alternating runs: median and spread per contender, ratios of medians.
 */

/** Contender order for round `round`: A B C, B C A, C A B, ... so each takes each position in turn. */
export function rotation(list, round) {
  return list.map((_, i) => list[(i + round) % list.length]);
}

/** metric -> contender -> {median, min, max, n}, over the successful runs. */
export function summarize(runs, contenders) {
  const metrics = new Set();
  for (const r of runs) {
    for (const [k, v] of Object.entries(r.metrics ?? {})) if (typeof v === 'number') metrics.add(k);
  }
  const summary = {};
  for (const metric of metrics) {
    summary[metric] = {};
    for (const c of contenders) {
      const values = runs.filter((r) => r.contender === c && r.metrics).map((r) => r.metrics[metric]);
      const s = spread(values);
      summary[metric][c] = { median: round(s.median, 4), min: round(s.min, 4), max: round(s.max, 4), n: s.n };
    }
  }
  return summary;
}

/** Ratio of medians `a / b` for a metric (the way every figure in the report is stated). */
export function ratioOf(summary, metric, a, b) {
  return round(ratio(summary[metric]?.[a]?.median, summary[metric]?.[b]?.median), 3);
}

/** True when Parley produced a number for every listed metric in at least one run. */
export function hasNumbers(runs, contender, metrics) {
  return runs.some(
    (r) => r.contender === contender && r.metrics && metrics.every((m) => Number.isFinite(r.metrics[m])),
  );
}
