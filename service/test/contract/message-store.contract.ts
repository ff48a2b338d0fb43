import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_MS } from '../../src/domain/buckets.js';
import type { Message, Reply } from '../../src/domain/entities.js';
import { createSnowflake, PARLEY_EPOCH_MS } from '../../src/domain/snowflake.js';
import type { MessageStore } from '../../src/ports/message-store.port.js';

/**
 * The behaviour every MessageStore adapter must have. Run by each adapter's test file with a
 * factory for a fresh store.
 */
export function messageStoreContract(name: string, makeStore: () => Promise<MessageStore>): void {
  describe(`MessageStore contract: ${name}`, () => {
    let store: MessageStore;
    beforeAll(async () => {
      store = await makeStore();
    });

    let clock = PARLEY_EPOCH_MS + 400 * BUCKET_MS;
    const ids = createSnowflake({ workerId: 9, now: () => clock });
    const message = (channelId: string, over: Partial<Message> = {}): Message => {
      const messageId = ids.next();
      return {
        messageId,
        channelId,
        userId: randomUUID(),
        username: 'u',
        content: `content ${messageId}`,
        createdAt: new Date(clock),
        clientMsgId: `c-${messageId}`,
        replyCount: 0,
        ...over,
      };
    };

    /** Writes `perBucket` messages into each of `buckets` consecutive buckets, with empty ones between. */
    async function fill(channelId: string, buckets: number, perBucket: number): Promise<string[]> {
      const written: string[] = [];
      for (let b = 0; b < buckets; b += 1) {
        clock += 2 * BUCKET_MS; // skips a bucket each time: empty buckets must not stop the read
        for (let i = 0; i < perBucket; i += 1) {
          clock += 1;
          const m = message(channelId);
          await store.insertMessage(m);
          written.push(m.messageId);
        }
      }
      return written;
    }

    it('pages history newest first across at least three buckets, skipping empty ones', async () => {
      const channel = randomUUID();
      const written = await fill(channel, 4, 3);
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await store.history(channel, before, 5);
        seen.push(...page.map((m) => m.messageId));
        if (page.length < 5) break;
        before = page.at(-1)?.messageId;
      }
      expect(seen).toEqual([...written].reverse());
    });

    it('reads ascending after since across buckets, for recovery', async () => {
      const channel = randomUUID();
      const written = await fill(channel, 3, 4);
      expect((await store.after(channel, written[1] as string, 100)).map((m) => m.messageId)).toEqual(written.slice(2));
      expect((await store.after(channel, written[2] as string, 3)).map((m) => m.messageId)).toEqual(
        written.slice(3, 6),
      );
      expect(await store.after(channel, written.at(-1) as string, 10)).toEqual([]);
    });

    it('keeps channels apart', async () => {
      const a = randomUUID();
      const b = randomUUID();
      await fill(a, 1, 2);
      const inB = await fill(b, 1, 2);
      expect((await store.history(b, undefined, 10)).map((m) => m.messageId)).toEqual([...inB].reverse());
    });

    it('is idempotent on (channel, client_msg_id) and returns the original', async () => {
      const channel = randomUUID();
      const first = message(channel, { clientMsgId: 'same' });
      expect((await store.insertMessage(first)).created).toBe(true);
      clock += 1;
      const retry = message(channel, { clientMsgId: 'same', content: 'different' });
      const result = await store.insertMessage(retry);
      expect(result.created).toBe(false);
      expect(result.value.messageId).toBe(first.messageId);
      expect(result.value.content).toBe(first.content);
      expect(await store.history(channel, undefined, 10)).toHaveLength(1);
      const elsewhere = await store.insertMessage(message(randomUUID(), { clientMsgId: 'same' }));
      expect(elsewhere.created).toBe(true);
    });

    it('round-trips every field exactly, ids past 2^53 included', async () => {
      const channel = randomUUID();
      const m = message(channel, { content: 'quote " newline \n emoji \u{1F680}', username: 'Zoë' });
      await store.insertMessage(m);
      const [got] = await store.history(channel, undefined, 1);
      expect(got).toEqual(m);
      expect(BigInt(m.messageId)).toBeGreaterThan(2n ** 53n);
      expect(await store.getMessage(m.messageId)).toEqual(m);
      expect(await store.getMessage('123')).toBeUndefined();
    });

    it('stores replies, counts them on the parent and pages them newest first, idempotently', async () => {
      const channel = randomUUID();
      const parent = message(channel);
      await store.insertMessage(parent);
      const replies: Reply[] = [];
      for (let i = 0; i < 5; i += 1) {
        clock += 1;
        const replyId = ids.next();
        const r: Reply = {
          replyId,
          messageId: parent.messageId,
          channelId: channel,
          userId: randomUUID(),
          username: 'r',
          content: `reply ${i}`,
          createdAt: new Date(clock),
          clientMsgId: `r-${i}`,
        };
        expect((await store.insertReply(r)).created).toBe(true);
        replies.push(r);
      }
      const dup = await store.insertReply({ ...(replies[0] as Reply), replyId: ids.next(), content: 'dup' });
      expect(dup.created).toBe(false);
      expect(dup.value).toEqual(replies[0]);
      expect((await store.getMessage(parent.messageId))?.replyCount).toBe(5);
      const first = await store.replies(parent.messageId, undefined, 3);
      expect(first.map((r) => r.content)).toEqual(['reply 4', 'reply 3', 'reply 2']);
      const rest = await store.replies(parent.messageId, first.at(-1)?.replyId, 3);
      expect(rest).toEqual([replies[1], replies[0]]);
    });

    it('counts messages by others after a position, capped', async () => {
      const channel = randomUUID();
      const me = randomUUID();
      const mine = message(channel, { userId: me });
      await store.insertMessage(mine);
      for (let i = 0; i < 6; i += 1) {
        clock += BUCKET_MS / 2;
        await store.insertMessage(message(channel));
      }
      expect(await store.countAfter(channel, undefined, me, 100)).toBe(6);
      expect(await store.countAfter(channel, mine.messageId, me, 100)).toBe(6);
      expect(await store.countAfter(channel, mine.messageId, me, 4)).toBe(4);
      const [newest, , third] = await store.history(channel, undefined, 3);
      expect(await store.countAfter(channel, mine.messageId, me, 100, third?.messageId)).toBe(4);
      expect(await store.countAfter(channel, mine.messageId, me, 100, newest?.messageId)).toBe(6);
    });

    it('refuses a client id reused across a message and a reply in one channel, as a conflict', async () => {
      const channel = randomUUID();
      const parent = message(channel, { clientMsgId: 'shared' });
      await store.insertMessage(parent);
      clock += 1;
      const reply: Reply = {
        replyId: ids.next(),
        messageId: parent.messageId,
        channelId: channel,
        userId: randomUUID(),
        username: 'r',
        content: 'r',
        createdAt: new Date(clock),
        clientMsgId: 'shared',
      };
      await expect(store.insertReply(reply)).rejects.toMatchObject({ code: 'conflict' });
      await expect(store.insertMessage(message(channel, { clientMsgId: 'reply-id' }))).resolves.toMatchObject({
        created: true,
      });
    });
  });
}
