import { ErrorCode, ParleyError } from '../domain/errors.js';
import type { Cache } from '../ports/cache.port.js';
import type { ChannelStore } from '../ports/channel-store.port.js';

const TTL_MS = 60_000;
const key = (channelId: string, userId: string) => `member:${channelId}:${userId}`;

/** Cache-aside membership checks, shared by every use case that reads or writes a channel. */
export class Membership {
  readonly #channels: ChannelStore;
  readonly #cache: Cache;

  constructor(channels: ChannelStore, cache: Cache) {
    this.#channels = channels;
    this.#cache = cache;
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    const cached = await this.#cache.get(key(channelId, userId));
    if (cached !== undefined) return cached === '1';
    const member = await this.#channels.isMember(channelId, userId);
    await this.#cache.set(key(channelId, userId), member ? '1' : '0', TTL_MS);
    return member;
  }

  /** Throws `not_found` for an unknown channel and `forbidden` for a non-member. */
  async require(channelId: string, userId: string): Promise<void> {
    if (await this.isMember(channelId, userId)) return;
    if (!(await this.#channels.get(channelId))) {
      throw new ParleyError(ErrorCode.NotFound, 'channel not found');
    }
    throw new ParleyError(ErrorCode.Forbidden, 'you are not a member of this channel');
  }

  /** Throws `not_found` for an unknown channel. */
  async requireChannel(channelId: string): Promise<void> {
    if (!(await this.#channels.get(channelId))) throw new ParleyError(ErrorCode.NotFound, 'channel not found');
  }

  invalidate(channelId: string, userId: string): Promise<void> {
    return this.#cache.delete(key(channelId, userId));
  }
}
