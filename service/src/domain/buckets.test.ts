import { describe, expect, it } from 'vitest';
import { BUCKET_MS, bucketAt, bucketOf, bucketsAscending, bucketsDescending } from './buckets.js';
import { createSnowflake, PARLEY_EPOCH_MS } from './snowflake.js';

const idAt = (ms: number) => createSnowflake({ workerId: 1, now: () => ms }).next();

describe('buckets', () => {
  it('puts the epoch in bucket 0 and advances one bucket per window', () => {
    expect(bucketOf(idAt(PARLEY_EPOCH_MS))).toBe(0);
    expect(bucketOf(idAt(PARLEY_EPOCH_MS + BUCKET_MS - 1))).toBe(0);
    expect(bucketOf(idAt(PARLEY_EPOCH_MS + BUCKET_MS))).toBe(1);
    expect(bucketOf(idAt(PARLEY_EPOCH_MS + 7 * BUCKET_MS + 5))).toBe(7);
  });

  it('agrees between ids and times', () => {
    const ms = PARLEY_EPOCH_MS + 123 * BUCKET_MS + 42;
    expect(bucketOf(idAt(ms))).toBe(bucketAt(ms));
  });

  it('orders ids across buckets the same way as bucket numbers', () => {
    const a = idAt(PARLEY_EPOCH_MS + BUCKET_MS - 1);
    const b = idAt(PARLEY_EPOCH_MS + BUCKET_MS);
    expect(BigInt(a) < BigInt(b)).toBe(true);
    expect(bucketOf(a)).toBeLessThan(bucketOf(b));
  });

  it('supports a custom window', () => {
    expect(bucketOf(idAt(PARLEY_EPOCH_MS + 2500), 1000)).toBe(2);
  });

  it('lists bucket ranges in both directions', () => {
    expect(bucketsDescending(5, 2)).toEqual([5, 4, 3, 2]);
    expect(bucketsAscending(2, 5)).toEqual([2, 3, 4, 5]);
    expect(bucketsDescending(1, 2)).toEqual([]);
  });
});
