import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';

const settled = async (p: Promise<unknown>) => {
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
    expect(await settled(sent[0] as Promise<boolean>)).toBe(false);
    box.sent();
    expect(await settled(sent[0] as Promise<boolean>)).toBe(true);
    expect(await settled(sent[2] as Promise<boolean>)).toBe(false);
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

  it('tells a publisher whether its event was sent or only held', async () => {
    const box = new Outbox<string>(100);
    const sent = box.push('a');
    box.head(10);
    box.sent();
    expect(await sent).toBe(true);
    const held = box.push('b');
    box.release();
    expect(await held).toBe(false);
    expect(await box.push('c', false)).toBe(false);
  });

  it('journals each held entry once, names the journaled ones when sent, and puts leftovers first', () => {
    const box = new Outbox<string>(100);
    box.push('a', false, '10');
    box.push('b', false, '11');
    expect(box.takeUnjournaled()).toEqual([
      { value: 'a', seq: '10' },
      { value: 'b', seq: '11' },
    ]);
    box.push('c', false, '12');
    expect(box.takeUnjournaled()).toEqual([{ value: 'c', seq: '12' }]);
    box.unjournal(new Set(['12'])); // its journal write failed: taken again next time
    expect(box.takeUnjournaled()).toEqual([{ value: 'c', seq: '12' }]);
    expect(box.head(2)).toEqual(['a', 'b']);
    expect(box.sent()).toEqual(['10', '11']);
    box.push('d', false, '13'); // never journaled (Kafka took it first)
    expect(box.head(10)).toEqual(['c', 'd']);
    expect(box.sent()).toEqual(['12']);

    const next = new Outbox<string>(100);
    next.push('new', false, '20');
    next.prepend([
      { value: 'old1', seq: '1' },
      { value: 'old2', seq: '2' },
    ]);
    expect(next.takeUnjournaled()).toEqual([{ value: 'new', seq: '20' }]); // leftovers are journaled
    expect(next.head(10)).toEqual(['old1', 'old2', 'new']);
    expect(next.sent()).toEqual(['1', '2', '20']);
  });
});
