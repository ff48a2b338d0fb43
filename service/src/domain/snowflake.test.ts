import { describe, expect, it } from 'vitest';
import {
  compareIds,
  createSnowflake,
  isSnowflake,
  MAX_WORKER_ID,
  PARLEY_EPOCH_MS,
  snowflakeAt,
  snowflakeTime,
  snowflakeWorker,
} from './snowflake.js';

const sorted = (ids: string[]) => [...ids].sort(compareIds);

describe('snowflake', () => {
  it('issues strictly increasing ids within one millisecond', () => {
    const gen = createSnowflake({ workerId: 1, now: () => PARLEY_EPOCH_MS + 1000 });
    const ids = Array.from({ length: 5000 }, () => gen.next());
    expect(new Set(ids).size).toBe(ids.length);
    expect(sorted(ids)).toEqual(ids);
  });

  it('stays monotonic when the clock steps back', () => {
    let now = PARLEY_EPOCH_MS + 10_000;
    const gen = createSnowflake({ workerId: 7, now: () => now });
    const before = gen.next();
    now -= 5_000;
    const after = gen.next();
    now += 10_000;
    const later = gen.next();
    expect(compareIds(after, before)).toBeGreaterThan(0);
    expect(compareIds(later, after)).toBeGreaterThan(0);
    expect(snowflakeTime(later)).toBe(now);
  });

  it('borrows the next millisecond when the sequence runs out', () => {
    const gen = createSnowflake({ workerId: 0, now: () => PARLEY_EPOCH_MS + 50 });
    const ids = Array.from({ length: 4097 }, () => gen.next());
    expect(snowflakeTime(ids[4095] as string)).toBe(PARLEY_EPOCH_MS + 50);
    expect(snowflakeTime(ids[4096] as string)).toBe(PARLEY_EPOCH_MS + 51);
  });

  it('places the worker id in bits 12-21 so two workers never collide', () => {
    const now = () => PARLEY_EPOCH_MS + 123_456;
    const a = createSnowflake({ workerId: 3, now });
    const b = createSnowflake({ workerId: 1023, now });
    const idA = a.next();
    const idB = b.next();
    expect(snowflakeWorker(idA)).toBe(3);
    expect(snowflakeWorker(idB)).toBe(1023);
    expect(idA).not.toBe(idB);
    expect(BigInt(idB) - BigInt(idA)).toBe(BigInt(1020) << 12n);
  });

  it('rejects worker ids outside 0-1023', () => {
    expect(() => createSnowflake({ workerId: -1 })).toThrow(RangeError);
    expect(() => createSnowflake({ workerId: MAX_WORKER_ID + 1 })).toThrow(RangeError);
    expect(() => createSnowflake({ workerId: 1.5 })).toThrow(RangeError);
  });

  it('keeps ids past 2^53 exact as decimal strings', () => {
    const gen = createSnowflake({ workerId: 1023, now: () => PARLEY_EPOCH_MS + 2 ** 40 });
    const id = gen.next();
    expect(BigInt(id)).toBeGreaterThan(2n ** 53n);
    expect(BigInt(id).toString()).toBe(id);
    expect(isSnowflake(id)).toBe(true);
  });

  it.each([
    ['1', '2', -1],
    ['10', '9', 1],
    ['385496414626512896', '385496414626512896', 0],
    ['385496414626512897', '385496414626512896', 1],
  ])('compares %s and %s numerically', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });

  it.each(['', '0', '01', '-1', '1.5', 'abc', '99999999999999999999', '9223372036854775808'])(
    'rejects %j as a snowflake',
    (id) => {
      expect(isSnowflake(id)).toBe(false);
    },
  );

  it('maps a time to the smallest id issued at it', () => {
    const gen = createSnowflake({ workerId: 5, now: () => PARLEY_EPOCH_MS + 999 });
    const id = gen.next();
    expect(compareIds(snowflakeAt(PARLEY_EPOCH_MS + 999), id)).toBeLessThanOrEqual(0);
    expect(compareIds(snowflakeAt(PARLEY_EPOCH_MS + 1000), id)).toBeGreaterThan(0);
  });
});
