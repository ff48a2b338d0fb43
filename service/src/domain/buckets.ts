import { PARLEY_EPOCH_MS, snowflakeTime } from './snowflake.js';

/**
 * Discord-style buckets: a channel's messages are partitioned by a fixed window of the
 * Snowflake timestamp, so one partition never grows without bound.
 */
export const BUCKET_MS = 10 * 24 * 60 * 60 * 1000; // ten days

/** The bucket a Snowflake id falls in. */
export function bucketOf(id: string, bucketMs = BUCKET_MS): number {
  return Math.floor((snowflakeTime(id) - PARLEY_EPOCH_MS) / bucketMs);
}

/** The bucket of a Unix time in ms. */
export function bucketAt(ms: number, bucketMs = BUCKET_MS): number {
  return Math.floor((ms - PARLEY_EPOCH_MS) / bucketMs);
}

/** Buckets from `from` down to `to` inclusive (newest first). */
export function bucketsDescending(from: number, to: number): number[] {
  const out: number[] = [];
  for (let b = from; b >= to; b -= 1) out.push(b);
  return out;
}

/** Buckets from `from` up to `to` inclusive (oldest first). */
export function bucketsAscending(from: number, to: number): number[] {
  const out: number[] = [];
  for (let b = from; b <= to; b += 1) out.push(b);
  return out;
}
