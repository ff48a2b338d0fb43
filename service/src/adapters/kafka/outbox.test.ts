import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('Outbox', () => {
  it('hands out batches from the head in order and keeps the one in flight until it is sent', async () => {
    const depths: number[] = [];
    const box = new Outbox<number>(100, (d) => depths.push(d));
    const sent = [1, 2, 3, 4, 5].map((n) => box.push(n));
    expect(box.head(2)).toEqual([1, 2]);
    box.push(6);
    expect(box.head(10)).toEqual([1, 2]); // a retry resends exactly the same batch
    expect(await settled(sent[0] as Promise<void>)).toBe(false);
    box.sent();
    expect(await settled(sent[0] as Promise<void>)).toBe(true);
    expect(await settled(sent[2] as Promise<void>)).toBe(false);
    expect(box.head(10)).toEqual([3, 4, 5, 6]);
    box.sent();
    expect(box.depth).toBe(0);
    expect(depths.at(-1)).toBe(0);
  });

  it('lets publishers go when released or told not to wait, keeping their events queued', async () => {
    const box = new Outbox<string>(100);
    const waiting = box.push('a');
    box.release();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(box.push('b', false))).toBe(true);
    expect(box.head(10)).toEqual(['a', 'b']);
  });

  it('drops the oldest event not in flight when full', () => {
    const box = new Outbox<number>(3);
    for (const n of [1, 2, 3]) box.push(n);
    expect(box.head(1)).toEqual([1]);
    box.push(4);
    expect(box.dropped).toBe(1);
    box.sent();
    expect(box.head(10)).toEqual([3, 4]);
  });
});
