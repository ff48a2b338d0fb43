/**
 * Ordered, de-duplicated lists of messages (or replies). Invariant: the confirmed items (status
 * `sent`) come first, ascending by id, each id once; local items (pending, failed) follow in the
 * order they were created. Functions return the same array when nothing changed, so selectors
 * see stable references.
 */

export const MessageStatus = { Pending: 'pending', Sent: 'sent', Failed: 'failed' } as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

/** What a list needs of an item. */
export interface ListItem {
  status: MessageStatus;
  clientMsgId: string;
}

export type IdOf<T> = (item: T) => string;

/** Orders decimal-string Snowflakes without parsing them (they have no leading zeros). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The larger of two ids, `''` counting as none. */
export function maxId(a: string, b: string): string {
  return compareIds(a, b) >= 0 ? a : b;
}

/** How many confirmed items lead the list. */
export function confirmedCount(list: readonly ListItem[]): number {
  let n = list.length;
  while (n > 0 && list[n - 1]?.status !== MessageStatus.Sent) n -= 1;
  return n;
}

/** The newest confirmed id, `''` when none. */
export function newestId<T extends ListItem>(list: readonly T[], idOf: IdOf<T>): string {
  const item = list[confirmedCount(list) - 1];
  return item ? idOf(item) : '';
}

/** The ids of the newest `n` confirmed items, oldest first (what a resuming `subscribe` lists in `have`). */
export function newestIds<T extends ListItem>(list: readonly T[], idOf: IdOf<T>, n: number): string[] {
  const end = confirmedCount(list);
  return list.slice(Math.max(0, end - n), end).map(idOf);
}

/** The oldest confirmed id, `''` when none. */
export function oldestId<T extends ListItem>(list: readonly T[], idOf: IdOf<T>): string {
  const item = list[0];
  return item?.status === MessageStatus.Sent ? idOf(item) : '';
}

/** The index of the first confirmed item whose id is >= `id`. */
function lowerBound<T>(confirmed: readonly T[], id: string, idOf: IdOf<T>): number {
  let lo = 0;
  let hi = confirmed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareIds(idOf(confirmed[mid] as T), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds confirmed items (any order): new ids are inserted in order, known ids go through
 * `combine` (default: keep the old one), and local items with the same `clientMsgId` are
 * replaced. `added` lists the ids that were new.
 */
export function mergeItems<T extends ListItem>(
  list: readonly T[],
  incoming: readonly T[],
  idOf: IdOf<T>,
  combine: (old: T, next: T) => T = (old) => old,
): { items: readonly T[]; added: T[] } {
  const count = confirmedCount(list);
  const confirmed = list.slice(0, count);
  const added: T[] = [];
  let changed = false;
  for (const item of incoming) {
    const id = idOf(item);
    const at = lowerBound(confirmed, id, idOf);
    const old = confirmed[at];
    if (old && idOf(old) === id) {
      const kept = combine(old, item);
      if (kept !== old) confirmed[at] = kept;
      changed ||= kept !== old;
    } else {
      confirmed.splice(at, 0, item);
      added.push(item);
      changed = true;
    }
  }
  const clientIds = new Set(incoming.map((item) => item.clientMsgId));
  const locals = list.slice(count);
  const keptLocals = locals.filter((item) => !clientIds.has(item.clientMsgId));
  if (!changed && keptLocals.length === locals.length) return { items: list, added };
  return { items: [...confirmed, ...keptLocals], added };
}

/**
 * Merges the newest page (ascending) after continuity was lost at `since` (the newest id the
 * list had then; `''` when it had none). When the page does not reach back to `since` there may
 * be a hole: what precedes it is dropped (`reset`); items that arrived live since are kept.
 * `paged` says the page now holds the oldest items, so its cursor is where paging continues.
 */
export function mergeNewest<T extends ListItem>(
  list: readonly T[],
  page: readonly T[],
  cursor: string,
  since: string,
  idOf: IdOf<T>,
  combine?: (old: T, next: T) => T,
): { items: readonly T[]; added: T[]; reset: boolean; paged: boolean } {
  const first = page[0];
  const reset = since === '' || (first !== undefined && cursor !== '' && compareIds(idOf(first), since) > 0);
  const base = reset
    ? list.filter((item) => item.status !== MessageStatus.Sent || compareIds(idOf(item), since) > 0)
    : list;
  const oldest = oldestId(base, idOf);
  const paged = oldest === '' || first === undefined || compareIds(idOf(first), oldest) <= 0;
  return { ...mergeItems(base, page, idOf, combine), reset, paged };
}

/** Replaces the local item with `clientMsgId` (or removes it when `next` is undefined). */
export function updateLocal<T extends ListItem>(
  list: readonly T[],
  clientMsgId: string,
  next: (item: T) => T | undefined,
): readonly T[] {
  const at = list.findIndex((item) => item.status !== MessageStatus.Sent && item.clientMsgId === clientMsgId);
  const item = list[at];
  if (!item) return list;
  const replaced = next(item);
  const out = list.slice();
  if (replaced) out[at] = replaced;
  else out.splice(at, 1);
  return out;
}

/** Confirmed items by others after `after` (all when `''`), counted from the newest, capped. */
export function countAfter<T extends ListItem & { userId: string }>(
  list: readonly T[],
  after: string,
  idOf: IdOf<T>,
  me: string,
  cap: number,
): number {
  let n = 0;
  for (let i = confirmedCount(list) - 1; i >= 0 && n < cap; i -= 1) {
    const item = list[i] as T;
    if (after && compareIds(idOf(item), after) <= 0) break;
    if (item.userId !== me) n += 1;
  }
  return n;
}
