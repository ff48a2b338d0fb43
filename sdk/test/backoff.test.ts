import { describe, expect, it } from 'vitest';
import { backoff } from '../src/index.js';

describe('backoff (full jitter)', () => {
  it.each([
    { attempt: 0, random: 0, want: 0 },
    { attempt: 0, random: 0.5, want: 250 },
    { attempt: 1, random: 0.5, want: 500 },
    { attempt: 3, random: 0.5, want: 2000 },
    { attempt: 10, random: 0.5, want: 10_000 },
    { attempt: 10, random: 0.999999, want: 19_999 },
    { attempt: 2000, random: 0.5, want: 10_000 },
  ])('attempt $attempt with random() = $random waits $want ms (min 500, max 20000)', ({ attempt, random, want }) => {
    expect(backoff(attempt, 500, 20_000, () => random)).toBe(want);
  });

  it('stays within [0, min(max, min * 2^attempt)) for every attempt', () => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const ceiling = Math.min(20_000, 500 * 2 ** attempt);
      for (let i = 0; i < 200; i += 1) {
        const delay = backoff(attempt, 500, 20_000);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('spreads clients dropped together (not all on the same delay)', () => {
    const delays = new Set(Array.from({ length: 100 }, () => backoff(3, 500, 20_000)));
    expect(delays.size).toBeGreaterThan(50);
  });
});
