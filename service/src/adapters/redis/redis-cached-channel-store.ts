import type { Redis } from 'ioredis';
import type { Channel, Member } from '../../domain/entities.js';
import type { ChannelStore } from '../../ports/channel-store.port.js';
import { degrade, KEY_PREFIX } from './redis-client.js';

interface Wire {
  id: string;
  name: string;
  userId: string;
  createdAt: number;
}
const toWire = (c: Channel): Wire => ({ ...c, createdAt: c.createdAt.getTime() });
const fromWire = (w: Wire): Channel => ({ ...w, createdAt: new Date(w.createdAt) });

export interface ChannelCacheOptions {
  /** Channels never change once created; the TTL only bounds memory. */
  channelTtlMs?: number;
  /** A user's channel list; invalidated on create, join and leave. */
  userChannelsTtlMs?: number;
  prefix?: string;
}

/**
 * Cache-aside in front of any ChannelStore: `parley:channel:<id>` and `parley:user-channels:<id>`
 * (what a socket loads on connect), shared by every instance, dropped on create / join / leave.
 * When Redis is down every call goes to the store. Membership checks are cached by the app's
 * Membership through the Cache port, so they are not cached twice here.
 */
export class RedisCachedChannelStore implements ChannelStore {
  readonly #store: ChannelStore;
  readonly #redis: Redis;
  readonly #channelTtl: number;
  readonly #listTtl: number;
  readonly #prefix: string;

  constructor(store: ChannelStore, redis: Redis, options: ChannelCacheOptions = {}) {
    this.#store = store;
    this.#redis = redis;
    this.#channelTtl = options.channelTtlMs ?? 10 * 60_000;
    this.#listTtl = options.userChannelsTtlMs ?? 60_000;
    this.#prefix = options.prefix ?? KEY_PREFIX;
  }

  async create(channel: Channel): Promise<void> {
    await this.#store.create(channel);
    await this.#drop(this.#listKey(channel.userId));
  }

  async get(id: string): Promise<Channel | undefined> {
    const key = `${this.#prefix}channel:${id}`;
    const cached = await degrade(null, () => this.#redis.get(key));
    if (cached !== null) return fromWire(JSON.parse(cached) as Wire);
    const channel = await this.#store.get(id);
    if (channel) await this.#put(key, JSON.stringify(toWire(channel)), this.#channelTtl);
    return channel;
  }

  list(after: string | undefined, limit: number): Promise<Channel[]> {
    return this.#store.list(after, limit);
  }

  async listForUser(userId: string): Promise<Channel[]> {
    const key = this.#listKey(userId);
    const cached = await degrade(null, () => this.#redis.get(key));
    if (cached !== null) return (JSON.parse(cached) as Wire[]).map(fromWire);
    const channels = await this.#store.listForUser(userId);
    await this.#put(key, JSON.stringify(channels.map(toWire)), this.#listTtl);
    return channels;
  }

  async addMember(channelId: string, userId: string, joinedAt: Date): Promise<boolean> {
    const added = await this.#store.addMember(channelId, userId, joinedAt);
    await this.#drop(this.#listKey(userId));
    return added;
  }

  async removeMember(channelId: string, userId: string): Promise<boolean> {
    const removed = await this.#store.removeMember(channelId, userId);
    await this.#drop(this.#listKey(userId));
    return removed;
  }

  isMember(channelId: string, userId: string): Promise<boolean> {
    return this.#store.isMember(channelId, userId);
  }

  members(channelId: string): Promise<Member[]> {
    return this.#store.members(channelId);
  }

  #listKey(userId: string): string {
    return `${this.#prefix}user-channels:${userId}`;
  }

  #put(key: string, value: string, ttlMs: number): Promise<unknown> {
    return degrade(undefined, () => this.#redis.set(key, value, 'PX', ttlMs));
  }

  #drop(key: string): Promise<unknown> {
    return degrade(undefined, () => this.#redis.del(key));
  }
}
