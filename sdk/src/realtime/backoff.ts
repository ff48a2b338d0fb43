/**
 * Full-jitter exponential backoff: a uniform delay in `[0, min(maxMs, minMs * 2^attempt))`, so
 * clients dropped together do not come back together.
 */
export function backoff(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, minMs * 2 ** attempt));
}
