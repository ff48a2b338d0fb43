import { describe, expect, it } from 'vitest';
import { RecoveryWindow } from './recovery-window.js';
import { snowflakeAt, snowflakeTime } from './snowflake.js';

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
/** A Snowflake issued at `T0 + ms` (worker and sequence bits set, like a real one). */
const idAt = (ms: number, seq = 1) => (BigInt(snowflakeAt(T0 + ms)) | (5n << 12n) | BigInt(seq)).toString();

function windowAt(clock: { now: number }, minWindowMs = 0) {
  return new RecoveryWindow({ minWindowMs, horizonMs: 60_000, now: () => clock.now });
}

describe('RecoveryWindow', () => {
  it('reads after since itself while nothing in the channel was overtaken', () => {
    const clock = { now: T0 + 1000 };
    const w = windowAt(clock);
    for (let i = 0; i < 5; i += 1) w.observe('c', idAt(100 * i));
    expect(w.windowMs('c')).toBe(0);
    expect(w.floor('c', idAt(400))).toBe(idAt(400));
  });

  it('widens by the delay of a message that arrived after a newer one', () => {
    const clock = { now: T0 + 300 };
    const w = windowAt(clock);
    w.observe('c', idAt(250)); // Y, newer, arrives first
    w.observe('c', idAt(40)); // X, id taken at 40 ms, arrives at 300 ms: overtaken by Y
    expect(w.windowMs('c')).toBe(260);
    const floor = w.floor('c', idAt(250));
    expect(BigInt(floor) < BigInt(idAt(40))).toBe(true);
    expect(snowflakeTime(floor)).toBe(T0 + 250 - 260);
    expect(w.windowMs('other')).toBe(0);
  });

  it('keeps the largest delay within the horizon, then forgets it', () => {
    const clock = { now: T0 + 1000 };
    const w = windowAt(clock, 50);
    w.observe('c', idAt(900));
    w.observe('c', idAt(100)); // 900 ms late
    clock.now += 10;
    w.observe('c', idAt(1005));
    w.observe('c', idAt(990)); // 20 ms late: smaller, kept 900
    expect(w.windowMs('c')).toBe(900);
    clock.now += 60_000;
    expect(w.windowMs('c')).toBe(50); // the minimum (clock skew) stays
  });

  it('never reads below the minimum window', () => {
    const clock = { now: T0 };
    const w = windowAt(clock, 1000);
    expect(snowflakeTime(w.floor('c', idAt(5000)))).toBe(T0 + 4000);
  });
});
