import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/domain/entities.js';
import { type ChannelStore, channelListKey } from '../../src/ports/channel-store.port.js';

/**
 * The newest-first channel listing every ChannelStore must serve: pages continue strictly after
 * the cursor key, ties on the creation time order by id, months without channels are skipped.
 * The channels are dated in the 2150s so they are the newest in a shared store.
 */
export function channelListingContract(name: string, make: () => Promise<ChannelStore>): void {
  describe(`Channel listing contract: ${name}`, () => {
    let store: ChannelStore;
    beforeAll(async () => {
      store = await make();
    });

    it('pages channels newest first across months, ties by id, with the cursor key', async () => {
      const owner = randomUUID();
      const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d, 12));
      const dates = [
        at(2150, 0, 5),
        at(2150, 0, 5),
        at(2150, 2, 1),
        at(2151, 11, 31),
        at(2151, 11, 30),
        at(2152, 0, 1),
      ];
      const channels: Channel[] = dates.map((createdAt, i) => ({
        id: randomUUID(),
        name: `c${i}`,
        userId: owner,
        createdAt,
      }));
      for (const c of channels) await store.create(c);
      const expected = [...channels].sort(
        (x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1),
      );

      const seen: Channel[] = [];
      let after: string | undefined;
      while (seen.length < expected.length) {
        const page = await store.list(after, 4);
        expect(page.length).toBeGreaterThan(0);
        seen.push(...page);
        after = channelListKey(page.at(-1) as Channel);
      }
      expect(seen.slice(0, expected.length)).toEqual(expected);
      expect((await store.list(channelListKey(expected[1] as Channel), 2)).map((c) => c.id)).toEqual(
        expected.slice(2, 4).map((c) => c.id),
      );
    });
  });
}
