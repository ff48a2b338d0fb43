import { describe, expect, it } from 'vitest';
import {
  compareIds,
  countAfter,
  MessageStatus,
  maxId,
  mergeItems,
  mergeNewest,
  newestId,
  oldestId,
  updateLocal,
} from '../src/state/message-list.js';

interface Item {
  id: string;
  clientMsgId: string;
  status: MessageStatus;
  userId: string;
  n?: number;
}
const idOf = (i: Item) => i.id;
const sent = (id: string, userId = 'other'): Item => ({ id, clientMsgId: `c${id}`, status: 'sent', userId });
const local = (clientMsgId: string, status: MessageStatus = 'pending'): Item => ({
  id: '',
  clientMsgId,
  status,
  userId: 'me',
});
const ids = (list: readonly Item[]) => list.map((i) => i.id || i.clientMsgId);

describe('compareIds', () => {
  it.each([
    ['9', '10', -1],
    ['10', '9', 1],
    ['7212345678901234567', '7212345678901234568', -1],
    ['9007199254740993', '9007199254740992', 1], // past 2^53: a Number would call these equal
    ['123', '123', 0],
    ['', '1', -1],
  ])('orders %s vs %s as %i', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });

  it('maxId treats the empty id as none', () => {
    expect(maxId('', '5')).toBe('5');
    expect(maxId('12', '9')).toBe('12');
  });
});

describe('mergeItems', () => {
  it.each([
    { name: 'appends newer ids', list: ['1', '2'], incoming: ['3'], want: ['1', '2', '3'] },
    { name: 'inserts older ids in order', list: ['5', '9'], incoming: ['7', '1'], want: ['1', '5', '7', '9'] },
    { name: 'drops ids it already has', list: ['1', '2', '3'], incoming: ['2', '3'], want: ['1', '2', '3'] },
    { name: 'orders by length first', list: ['9', '100'], incoming: ['10'], want: ['9', '10', '100'] },
    { name: 'de-duplicates within the batch', list: [], incoming: ['4', '4', '2'], want: ['2', '4'] },
  ])('$name', ({ list, incoming, want }) => {
    const { items } = mergeItems(
      list.map((id) => sent(id)),
      incoming.map((id) => sent(id)),
      idOf,
    );
    expect(ids(items)).toEqual(want);
  });

  it('returns the same array when nothing changed', () => {
    const list = [sent('1'), sent('2')];
    expect(mergeItems(list, [sent('2')], idOf).items).toBe(list);
  });

  it('keeps local items after the confirmed ones and replaces the one with the same client id', () => {
    const list = [sent('1'), local('a'), local('b', 'failed')];
    const acked = { ...sent('5', 'me'), clientMsgId: 'a' };
    const { items, added } = mergeItems(list, [acked], idOf);
    expect(ids(items)).toEqual(['1', '5', 'b']);
    expect(added).toEqual([acked]);
  });

  it('lets combine pick what to keep for a known id', () => {
    const list = [{ ...sent('1'), n: 1 }];
    const { items } = mergeItems(list, [{ ...sent('1'), n: 3 }], idOf, (old, next) =>
      (next.n ?? 0) > (old.n ?? 0) ? next : old,
    );
    expect(items[0]?.n).toBe(3);
  });
});

describe('mergeNewest', () => {
  it.each([
    {
      name: 'first page: adopts it and its cursor',
      list: [],
      since: '',
      page: ['8', '9'],
      cursor: 'c',
      want: ['8', '9'],
      reset: true,
      paged: true,
    },
    {
      name: 'first page after live items arrived: keeps them, adopts the cursor',
      list: ['10'],
      since: '',
      page: ['8', '9', '10'],
      cursor: 'c',
      want: ['8', '9', '10'],
      reset: true,
      paged: true,
    },
    {
      name: 'page reaching back to since: merges, keeps the older items and cursor',
      list: ['1', '2', '3'],
      since: '3',
      page: ['3', '4'],
      cursor: 'c',
      want: ['1', '2', '3', '4'],
      reset: false,
      paged: false,
    },
    {
      name: 'page past a hole: drops what precedes it',
      list: ['1', '2'],
      since: '2',
      page: ['50', '51'],
      cursor: 'c',
      want: ['50', '51'],
      reset: true,
      paged: true,
    },
    {
      name: 'page past a hole: items that arrived live after it survive',
      list: ['1', '2', '60'],
      since: '2',
      page: ['50', '51'],
      cursor: 'c',
      want: ['50', '51', '60'],
      reset: true,
      paged: true,
    },
    {
      name: 'page reaching the start: no hole possible',
      list: ['1', '2'],
      since: '2',
      page: ['3', '4'],
      cursor: '',
      want: ['1', '2', '3', '4'],
      reset: false,
      paged: false,
    },
  ])('$name', ({ list, since, page, cursor, want, reset, paged }) => {
    const result = mergeNewest(
      list.map((id) => sent(id)),
      page.map((id) => sent(id)),
      cursor,
      since,
      idOf,
    );
    expect(ids(result.items)).toEqual(want);
    expect(result.reset).toBe(reset);
    expect(result.paged).toBe(paged);
  });

  it('keeps local items through a reset', () => {
    const result = mergeNewest([sent('1'), local('x')], [sent('50')], 'c', '1', idOf);
    expect(ids(result.items)).toEqual(['50', 'x']);
  });
});

describe('list helpers', () => {
  const list = [sent('1'), sent('2', 'me'), sent('3'), local('p')];

  it('finds the newest and oldest confirmed ids', () => {
    expect(newestId(list, idOf)).toBe('3');
    expect(oldestId(list, idOf)).toBe('1');
    expect(newestId([local('p')], idOf)).toBe('');
  });

  it.each([
    ['', 2],
    ['1', 1],
    ['3', 0],
  ])('counts confirmed items by others after %j: %i', (after, n) => {
    expect(countAfter(list, after, idOf, 'me', 1000)).toBe(n);
  });

  it('caps the count', () => {
    expect(countAfter(list, '', idOf, 'me', 1)).toBe(1);
  });

  it('updates or removes a local item by client id, never a confirmed one', () => {
    expect(ids(updateLocal(list, 'p', () => undefined))).toEqual(['1', '2', '3']);
    expect(updateLocal(list, 'c1', () => undefined)).toBe(list);
    expect(updateLocal(list, 'p', (i) => ({ ...i, status: 'failed' }))[3]?.status).toBe('failed');
  });
});
