import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelStore } from '../../src/ports/channel-store.port.js';
import type { ReadStateStore } from '../../src/ports/read-state-store.port.js';
import type { UserStore } from '../../src/ports/user-store.port.js';

export interface AccountStores {
  users: UserStore;
  channels: ChannelStore;
  readState: ReadStateStore;
}

/** The behaviour every UserStore, ChannelStore and ReadStateStore adapter must have. */
export function accountStoresContract(name: string, make: () => Promise<AccountStores>): void {
  describe(`User, channel and read-state contract: ${name}`, () => {
    let s: AccountStores;
    beforeAll(async () => {
      s = await make();
    });
    const user = (email = `${randomUUID()}@example.test`) => ({
      id: randomUUID(),
      name: 'n',
      email,
      passwordHash: 'h',
      createdAt: new Date(1_800_000_000_000),
    });

    it('keeps e-mails unique under concurrent registration', async () => {
      const email = `${randomUUID()}@example.test`;
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => s.users.create(user(email))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
      }
      const found = await s.users.byEmail(email);
      expect(found?.email).toBe(email);
      expect(await s.users.byId(found?.id ?? '')).toMatchObject({ email });
      expect(await s.users.byEmail('nobody@example.test')).toBeUndefined();
    });

    it('makes a channel creator a member and tracks joins and leaves', async () => {
      const owner = user();
      const other = user();
      await s.users.create(owner);
      await s.users.create(other);
      const channel = { id: randomUUID(), name: 'c', userId: owner.id, createdAt: new Date() };
      await s.channels.create(channel);
      expect(await s.channels.get(channel.id)).toEqual(channel);
      expect(await s.channels.isMember(channel.id, owner.id)).toBe(true);
      expect(await s.channels.isMember(channel.id, other.id)).toBe(false);
      expect(await s.channels.addMember(channel.id, other.id, new Date())).toBe(true);
      expect(await s.channels.addMember(channel.id, other.id, new Date())).toBe(false);
      expect((await s.channels.members(channel.id)).map((m) => m.userId).sort()).toEqual([owner.id, other.id].sort());
      expect((await s.channels.listForUser(other.id)).map((c) => c.id)).toContain(channel.id);
      expect(await s.channels.removeMember(channel.id, other.id)).toBe(true);
      expect(await s.channels.removeMember(channel.id, other.id)).toBe(false);
      expect(await s.channels.isMember(channel.id, other.id)).toBe(false);
      expect((await s.channels.listForUser(other.id)).map((c) => c.id)).not.toContain(channel.id);
    });

    it('moves read positions forward only', async () => {
      const u = randomUUID();
      const c = randomUUID();
      expect(await s.readState.get(u, c)).toBeUndefined();
      expect(await s.readState.markRead(u, c, '400000000000000000')).toBe('400000000000000000');
      expect(await s.readState.markRead(u, c, '399999999999999999')).toBe('400000000000000000');
      expect(await s.readState.markRead(u, c, '400000000000000001')).toBe('400000000000000001');
      expect(await s.readState.get(u, c)).toBe('400000000000000001');
    });
  });
}
