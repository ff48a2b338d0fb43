import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/domain/events.js';
import type { EventBus } from '../../src/ports/event-bus.port.js';
import { waitFor } from '../support/test-app.js';

/**
 * The behaviour every EventBus adapter must have. `makePair` returns two buses standing for two
 * instances (the memory bus returns the same one twice).
 */
export function eventBusContract(name: string, makePair: () => Promise<[EventBus, EventBus]>): void {
  describe(`EventBus contract: ${name}`, () => {
    let a: EventBus;
    let b: EventBus;
    beforeAll(async () => {
      [a, b] = await makePair();
    });
    afterAll(async () => {
      await a.close();
      if (b !== a) await b.close();
    });

    it('delivers every event to every instance, in publish order per channel, as real JSON values', async () => {
      const channelId = randomUUID();
      const seen: ChatEvent[] = [];
      const off = b.subscribe((e) => {
        if (e.channelId === channelId) seen.push(e);
      });
      const events: ChatEvent[] = Array.from({ length: 50 }, (_, i) => ({
        kind: 'message',
        channelId,
        origin: 'conn-1',
        message: {
          messageId: String(400000000000000000n + BigInt(i)),
          channelId,
          userId: randomUUID(),
          username: 'ü "q"',
          content: `line\n${i} \u{1F600}`,
          createdAt: new Date(1_800_000_000_000 + i),
          clientMsgId: `c${i}`,
          replyCount: 0,
        },
      }));
      for (const e of events) await a.publish(e);
      await waitFor(() => seen.length === events.length, 20_000, 'events');
      off();
      expect(seen).toEqual(events);
      expect(await a.ready()).toBe(true);
    });
  });
}
