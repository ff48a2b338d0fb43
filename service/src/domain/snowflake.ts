/**
 * Snowflake ids: 41 bits of milliseconds since {@link PARLEY_EPOCH_MS}, 10 bits of worker id,
 * 12 bits of sequence. Sent on the wire as decimal strings (a JS number loses precision past 2^53).
 */
export const PARLEY_EPOCH_MS = 1_704_067_200_000; // 2024-01-01T00:00:00Z
export const WORKER_BITS = 10n;
export const SEQUENCE_BITS = 12n;
export const MAX_WORKER_ID = (1 << Number(WORKER_BITS)) - 1;
const MAX_SEQUENCE = (1 << Number(SEQUENCE_BITS)) - 1;
const TIMESTAMP_SHIFT = WORKER_BITS + SEQUENCE_BITS;

export interface SnowflakeOptions {
  workerId: number;
  /** Milliseconds since the Unix epoch; injectable for tests. */
  now?: () => number;
}

export interface SnowflakeGenerator {
  next(): string;
  readonly workerId: number;
}

/**
 * Creates a generator that is monotonic per worker even when the clock steps back: it keeps
 * issuing from the last timestamp it used (borrowing the next millisecond when a sequence runs
 * out) until the clock catches up.
 */
export function createSnowflake({ workerId, now = Date.now }: SnowflakeOptions): SnowflakeGenerator {
  if (!Number.isInteger(workerId) || workerId < 0 || workerId > MAX_WORKER_ID) {
    throw new RangeError(`worker id must be an integer from 0 to ${MAX_WORKER_ID}`);
  }
  const worker = BigInt(workerId) << SEQUENCE_BITS;
  let lastMs = -1;
  let sequence = 0;
  return {
    workerId,
    next() {
      const ms = now() - PARLEY_EPOCH_MS;
      if (ms > lastMs) {
        lastMs = ms;
        sequence = 0;
      } else if (sequence < MAX_SEQUENCE) {
        sequence += 1;
      } else {
        lastMs += 1;
        sequence = 0;
      }
      return ((BigInt(lastMs) << TIMESTAMP_SHIFT) | worker | BigInt(sequence)).toString();
    },
  };
}

/** The Unix time (ms) a Snowflake id was issued at. */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> TIMESTAMP_SHIFT) + PARLEY_EPOCH_MS;
}

/** The worker id bits of a Snowflake. */
export function snowflakeWorker(id: string): number {
  return Number((BigInt(id) >> SEQUENCE_BITS) & BigInt(MAX_WORKER_ID));
}

/** The smallest Snowflake issued at or after `ms` (Unix ms), for range queries. */
export function snowflakeAt(ms: number): string {
  return (BigInt(Math.max(0, ms - PARLEY_EPOCH_MS)) << TIMESTAMP_SHIFT).toString();
}

/** Orders two decimal-string ids numerically without parsing them. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const SNOWFLAKE_PATTERN = /^[1-9][0-9]{0,19}$/;

/** True when `id` is a well-formed Snowflake that fits in 64 bits. */
export function isSnowflake(id: string): boolean {
  return SNOWFLAKE_PATTERN.test(id) && BigInt(id) < 1n << 63n;
}
