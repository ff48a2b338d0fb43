import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../../src/ports/presence.port.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The behaviour every Presence adapter must have. `makePair` returns two presences standing for
 * two instances (the in-process one returns the same one twice).
 */
export function presenceContract(name: string, makePair: () => Promise<[Presence, Presence]>): void {
  describe(`Presence contract: ${name}`, () => {
    let a: Presence;
    let b: Presence;
    beforeAll(async () => {
      [a, b] = await makePair();
    });
    afterAll(async () => {
      await a.close();
      if (b !== a) await b.close();
    });

    it('counts a user online from their first connection to their last, across instances', async () => {
      const user = randomUUID();
      const other = randomUUID();
      expect(await a.online([user, other])).toEqual(new Set());
      expect(await a.connect(user, 'c1')).toBe(true);
      expect(await b.connect(user, 'c2')).toBe(false);
      expect(await b.online([user, other])).toEqual(new Set([user]));
      expect(await a.disconnect(user, 'c1')).toBe(false);
      expect(await a.online([user])).toEqual(new Set([user]));
      expect(await b.disconnect(user, 'c2')).toBe(true);
      expect(await a.online([user])).toEqual(new Set());
      expect(await a.disconnect(user, 'c2')).toBe(false);
      expect(await a.online([])).toEqual(new Set());
    });

    it('reports a typing start once per mark, and its stop', async () => {
      const channel = randomUUID();
      const user = randomUUID();
      expect(await a.startTyping(channel, user, 10_000)).toBe(true);
      expect(await b.startTyping(channel, user, 10_000)).toBe(false);
      expect(await b.stopTyping(channel, user)).toBe(true);
      expect(await a.stopTyping(channel, user)).toBe(false);
      expect(await a.startTyping(channel, user, 10_000)).toBe(true);
      expect(await a.stopTyping(channel, randomUUID())).toBe(false);
    });

    it('starts afresh after a mark expires, and still reports the stop of an expired mark', async () => {
      const channel = randomUUID();
      const user = randomUUID();
      expect(await a.startTyping(channel, user, 200)).toBe(true);
      await sleep(300);
      expect(await b.startTyping(channel, user, 200)).toBe(true);
      await sleep(300);
      expect(await a.stopTyping(channel, user)).toBe(true);
    });
  });
}
