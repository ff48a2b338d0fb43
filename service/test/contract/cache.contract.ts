import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/ports/cache.port.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every Cache adapter must have (memory and Redis). */
export function cacheContract(name: string, make: () => Promise<Cache>): void {
  describe(`Cache contract: ${name}`, () => {
    let cache: Cache;
    beforeAll(async () => {
      cache = await make();
    });
    afterAll(() => cache.close());
    const key = () => `contract:${randomUUID()}`;

    it('returns a value until its TTL passes, then misses', async () => {
      const k = key();
      await cache.set(k, 'v1', 300);
      expect(await cache.get(k)).toBe('v1');
      await sleep(450);
      expect(await cache.get(k)).toBeUndefined();
    });

    it('overwrites, deletes, and misses keys it never had', async () => {
      const k = key();
      await cache.set(k, 'one', 60_000);
      await cache.set(k, 'two "quoted" ü', 60_000);
      expect(await cache.get(k)).toBe('two "quoted" ü');
      await cache.delete(k);
      expect(await cache.get(k)).toBeUndefined();
      await cache.delete(key());
      expect(await cache.get(key())).toBeUndefined();
    });
  });
}
