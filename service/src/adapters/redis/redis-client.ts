import { Redis } from 'ioredis';

export interface RedisLog {
  warn(message: string, err?: unknown): void;
  info(message: string): void;
}

/** Every key Parley writes starts with this. */
export const KEY_PREFIX = 'parley:';

/**
 * An ioredis client that fails fast instead of queueing while Redis is away (no offline queue,
 * one attempt, a 1 s command timeout) and reconnects in the background, so callers can degrade
 * at once: a cache miss, presence off, a skipped rate limit.
 */
export function createRedis(url: string, log?: RedisLog): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  let down = false;
  redis.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    log?.warn('redis: unreachable; cache misses, presence off, rate limits skipped until it is back', err);
  });
  redis.on('ready', () => {
    if (down) log?.info('redis: reachable again');
    down = false;
  });
  return redis;
}

/** Runs a Redis call, turning any failure into `fallback` (Redis is never allowed to fail a request). */
export async function degrade<T>(fallback: T, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}
