import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisCache } from '../../src/adapters/redis/redis-cache.js';
import { createRedis } from '../../src/adapters/redis/redis-client.js';
import { RedisPresence } from '../../src/adapters/redis/redis-presence.js';
import { REDIS_URL } from '../cluster/infra.js';
import { cacheContract } from './cache.contract.js';
import { presenceContract } from './presence.contract.js';

/** The memory cache's and presence's contracts on a real Redis, plus what only Redis has. */
const clients: Redis[] = [];
const connect = async (url = REDIS_URL): Promise<Redis> => {
  const redis = createRedis(url);
  clients.push(redis);
  if (url === REDIS_URL) await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
};
afterAll(() => {
  for (const redis of clients) redis.disconnect();
});

cacheContract('Redis', async () => new RedisCache(await connect()));
presenceContract('Redis', async () => [new RedisPresence(await connect()), new RedisPresence(await connect())]);

describe('Redis presence and cache specifics', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("lets a dead instance's connections expire, while a live instance's heartbeat keeps them", async () => {
    const options = { connectionTtlMs: 400, heartbeatMs: 100 };
    const dying = new RedisPresence(await connect(), options);
    const living = new RedisPresence(await connect(), options);
    const [gone, stays] = [randomUUID(), randomUUID()];
    await dying.connect(gone, 'c1');
    await living.connect(stays, 'c2');
    await dying.close(); // stops its heartbeat without disconnecting, like a crashed process
    await sleep(900);
    expect(await living.online([gone, stays])).toEqual(new Set([stays]));
    expect(await living.connect(gone, 'c3')).toBe(true);
    await living.close();
  });

  it('keeps every key under the parley: prefix', async () => {
    const redis = await connect();
    const cache = new RedisCache(redis);
    const presence = new RedisPresence(redis);
    const [k, user, channel] = [randomUUID(), randomUUID(), randomUUID()];
    await cache.set(k, 'v', 10_000);
    await presence.connect(user, 'c');
    await presence.startTyping(channel, user, 10_000);
    expect(await redis.exists(`parley:cache:${k}`, `parley:presence:${user}`, `parley:typing:${channel}:${user}`)).toBe(
      3,
    );
    await presence.close();
  });

  it('degrades instead of failing when Redis cannot be reached', async () => {
    const down = await connect('redis://127.0.0.1:1');
    const cache = new RedisCache(down);
    const presence = new RedisPresence(down);
    await cache.set('k', 'v', 1000);
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    expect(await presence.connect('u', 'c')).toBe(false);
    expect(await presence.online(['u'])).toEqual(new Set());
    expect(await presence.startTyping('ch', 'u', 1000)).toBe(false);
    expect(await presence.stopTyping('ch', 'u')).toBe(false);
    expect(await presence.disconnect('u', 'c')).toBe(false);
    await presence.close();
  });
});
