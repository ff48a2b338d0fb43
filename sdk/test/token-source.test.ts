import { describe, expect, it, vi } from 'vitest';
import { createTokenSource, UnauthorizedError } from '../src/index.js';

describe('createTokenSource', () => {
  it('serves a static token and cannot refresh it', async () => {
    const tokens = createTokenSource('t1');
    await expect(tokens.get()).resolves.toBe('t1');
    expect(tokens.invalidate()).toBe(false);
    await expect(tokens.get()).resolves.toBe('t1');
  });

  it('rejects with UnauthorizedError when there is no token at all', async () => {
    await expect(createTokenSource(undefined).get()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('caches the provider token, asks again after invalidate, and shares one call between waiters', async () => {
    let n = 0;
    const provider = vi.fn(async () => `t${++n}`);
    const tokens = createTokenSource(provider);
    const [a, b] = await Promise.all([tokens.get(), tokens.get()]);
    expect([a, b]).toEqual(['t1', 't1']);
    await expect(tokens.get()).resolves.toBe('t1');
    expect(tokens.invalidate()).toBe(true);
    await expect(tokens.get()).resolves.toBe('t2');
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('lets set() replace the token (after a login)', async () => {
    const tokens = createTokenSource(undefined);
    tokens.set('fresh');
    await expect(tokens.get()).resolves.toBe('fresh');
  });

  it('treats an empty answer from the provider as unauthorized', async () => {
    await expect(createTokenSource(() => '').get()).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
