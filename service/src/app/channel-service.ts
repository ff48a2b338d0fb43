import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import type { Channel, Identity, Member, Page } from '../domain/entities.js';
import { ErrorCode, ParleyError } from '../domain/errors.js';
import type { ChannelStore } from '../ports/channel-store.port.js';
import { channelListKey } from '../ports/channel-store.port.js';
import type { EventBus } from '../ports/event-bus.port.js';
import type { Presence } from '../ports/presence.port.js';
import type { UserStore } from '../ports/user-store.port.js';
import type { Membership } from './membership.js';

export interface ChannelServiceDeps {
  channels: ChannelStore;
  users: UserStore;
  membership: Membership;
  presence: Presence;
  bus: EventBus;
  now?: () => Date;
}

const CHANNEL_KEY = /^\d{1,16}\|[0-9a-f-]{36}$/i;

export class ChannelService {
  readonly #deps: ChannelServiceDeps;
  readonly #now: () => Date;

  constructor(deps: ChannelServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Creates a channel owned (and joined) by `creatorId`: the caller, or a user a host backend names. */
  async create(creator: Identity | string, name: string): Promise<Channel> {
    const userId = typeof creator === 'string' ? creator : creator.userId;
    if (typeof creator === 'string') await this.#requireUser(userId);
    const channel: Channel = { id: randomUUID(), name: name.trim(), userId, createdAt: this.#now() };
    await this.#deps.channels.create(channel);
    await this.#deps.membership.invalidate(channel.id, userId);
    await this.#deps.bus.publish({ kind: 'member', channelId: channel.id, userId, joined: true });
    return channel;
  }

  async #requireUser(userId: string): Promise<void> {
    if (!(await this.#deps.users.byId(userId))) throw new ParleyError(ErrorCode.NotFound, 'user not found');
  }

  /** The channel, or `not_found`. */
  async require(channelId: string): Promise<Channel> {
    const channel = await this.#deps.channels.get(channelId);
    if (!channel) throw new ParleyError(ErrorCode.NotFound, 'channel not found');
    return channel;
  }

  async list(cursor: string | undefined, limit: number): Promise<Page<Channel>> {
    const after = decodeCursor(cursor, (k) => CHANNEL_KEY.test(k))?.after;
    const rows = await this.#deps.channels.list(after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ after: channelListKey(last) }) : '' };
  }

  listMine(identity: Identity): Promise<Channel[]> {
    return this.#deps.channels.listForUser(identity.userId);
  }

  async join(identity: Identity, channelId: string): Promise<void> {
    if (!(await this.addMember(channelId, identity.userId))) {
      throw new ParleyError(ErrorCode.Conflict, 'user already in channel');
    }
  }

  async leave(identity: Identity, channelId: string): Promise<void> {
    await this.#deps.membership.require(channelId, identity.userId);
    await this.removeMember(channelId, identity.userId);
  }

  /** Adds a member (`not_found` for an unknown channel); false when already a member. */
  async addMember(channelId: string, userId: string): Promise<boolean> {
    await this.require(channelId);
    await this.#requireUser(userId);
    const added = await this.#deps.channels.addMember(channelId, userId, this.#now());
    if (!added) return false;
    await this.#deps.membership.invalidate(channelId, userId);
    await this.#deps.bus.publish({ kind: 'member', channelId, userId, joined: true });
    return true;
  }

  /** Removes a member; false when not a member. Their sockets stop hearing the channel. */
  async removeMember(channelId: string, userId: string): Promise<boolean> {
    await this.require(channelId);
    const removed = await this.#deps.channels.removeMember(channelId, userId);
    await this.#deps.membership.invalidate(channelId, userId);
    if (removed) await this.#deps.bus.publish({ kind: 'member', channelId, userId, joined: false });
    return removed;
  }

  async members(identity: Identity, channelId: string): Promise<Array<Member & { online: boolean }>> {
    await this.#deps.membership.require(channelId, identity.userId);
    const members = await this.#deps.channels.members(channelId);
    const online = await this.#deps.presence.online(members.map((m) => m.userId));
    return members.map((m) => ({ ...m, online: online.has(m.userId) }));
  }
}
