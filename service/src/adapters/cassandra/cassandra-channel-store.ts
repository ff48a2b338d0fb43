import type { Channel, Member } from '../../domain/entities.js';
import type { ChannelStore } from '../../ports/channel-store.port.js';
import type { CassandraSession, Row } from './cassandra-session.js';

/** The listing's partition: months since year 0, UTC (channels_by_month). */
export const monthOf = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();

const toChannel = (r: Row, owner = 'user_id'): Channel => ({
  id: r.get('channel_id'),
  name: r.get('name'),
  userId: r.get(owner),
  createdAt: r.get('created_at'),
});

const Q = {
  insert: 'INSERT INTO channels (channel_id, name, user_id, created_at) VALUES (?, ?, ?, ?)',
  insertByMonth: `INSERT INTO channels_by_month (month, created_at, channel_id, name, user_id)
    VALUES (?, ?, ?, ?, ?)`,
  insertMonth: "INSERT INTO channel_months (scope, month) VALUES ('all', ?)",
  get: 'SELECT * FROM channels WHERE channel_id = ?',
  months: "SELECT month FROM channel_months WHERE scope = 'all' AND month <= ? LIMIT ?",
  first: 'SELECT * FROM channels_by_month WHERE month = ? LIMIT ?',
  after: 'SELECT * FROM channels_by_month WHERE month = ? AND (created_at, channel_id) < (?, ?) LIMIT ?',
  addMember: 'INSERT INTO channel_members (channel_id, user_id, joined_at) VALUES (?, ?, ?) IF NOT EXISTS',
  removeMember: 'DELETE FROM channel_members WHERE channel_id = ? AND user_id = ? IF EXISTS',
  isMember: 'SELECT user_id FROM channel_members WHERE channel_id = ? AND user_id = ?',
  members: 'SELECT user_id, joined_at FROM channel_members WHERE channel_id = ?',
  userName: 'SELECT name FROM users_by_id WHERE user_id = ?',
  insertForUser: `INSERT INTO channels_by_user (user_id, channel_id, name, owner_id, created_at)
    VALUES (?, ?, ?, ?, ?)`,
  deleteForUser: 'DELETE FROM channels_by_user WHERE user_id = ? AND channel_id = ?',
  forUser: 'SELECT channel_id, name, owner_id, created_at FROM channels_by_user WHERE user_id = ?',
};

const newestFirst = (a: Channel, b: Channel): number =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Channels, their members (written only through lightweight transactions, so "already a member"
 * is exact under races) and each user's channels. The newest-first listing reads month
 * partitions named by `channel_months`, so empty months are never scanned.
 */
export class CassandraChannelStore implements ChannelStore {
  readonly #s: CassandraSession;

  constructor(session: CassandraSession) {
    this.#s = session;
  }

  async create(c: Channel): Promise<void> {
    const month = monthOf(c.createdAt);
    await this.#s.batch('channel.create', [
      { query: Q.insert, params: [c.id, c.name, c.userId, c.createdAt] },
      { query: Q.insertByMonth, params: [month, c.createdAt, c.id, c.name, c.userId] },
      { query: Q.insertMonth, params: [month] },
    ]);
    await this.#join(c, c.userId, c.createdAt);
  }

  async get(id: string): Promise<Channel | undefined> {
    const row = (await this.#s.execute('channel.get', Q.get, [id], { idempotent: true })).first();
    return row ? toChannel(row) : undefined;
  }

  async list(after: string | undefined, limit: number): Promise<Channel[]> {
    const [ms, id] = after === undefined ? [] : after.split('|');
    const cursor = ms === undefined || id === undefined ? undefined : { at: new Date(Number(ms)), id };
    const out: Channel[] = [];
    let month = cursor ? monthOf(cursor.at) : 2 ** 31 - 1;
    while (out.length < limit) {
      const months = await this.#s.execute('channel.list', Q.months, [month, 12], { idempotent: true });
      if (months.rows.length === 0) break;
      for (const m of months.rows.map((r) => r.get('month') as number)) {
        const rest = limit - out.length;
        const page =
          cursor && m === monthOf(cursor.at)
            ? await this.#s.execute('channel.list', Q.after, [m, cursor.at, cursor.id, rest], { idempotent: true })
            : await this.#s.execute('channel.list', Q.first, [m, rest], { idempotent: true });
        out.push(...page.rows.map((r) => toChannel(r)));
        if (out.length >= limit) break;
        month = m - 1;
      }
    }
    return out;
  }

  async listForUser(userId: string): Promise<Channel[]> {
    const rows = await this.#s.execute('channel.listForUser', Q.forUser, [userId], { idempotent: true });
    return rows.rows.map((r) => toChannel(r, 'owner_id')).sort(newestFirst);
  }

  async addMember(channelId: string, userId: string, joinedAt: Date): Promise<boolean> {
    const channel = await this.get(channelId);
    if (!channel) return false;
    return this.#join(channel, userId, joinedAt);
  }

  async #join(c: Channel, userId: string, joinedAt: Date): Promise<boolean> {
    const result = await this.#s.execute('channel.addMember', Q.addMember, [c.id, userId, joinedAt]);
    const mine = result.wasApplied() || result.first()?.get('joined_at')?.getTime() === joinedAt.getTime();
    if (!mine) return false;
    await this.#s.execute('channel.addMember', Q.insertForUser, [userId, c.id, c.name, c.userId, c.createdAt], {
      idempotent: true,
    });
    return true;
  }

  async removeMember(channelId: string, userId: string): Promise<boolean> {
    const result = await this.#s.execute('channel.removeMember', Q.removeMember, [channelId, userId]);
    await this.#s.execute('channel.removeMember', Q.deleteForUser, [userId, channelId], { idempotent: true });
    return result.wasApplied();
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    const rows = await this.#s.execute('channel.isMember', Q.isMember, [channelId, userId], { idempotent: true });
    return rows.rowLength > 0;
  }

  async members(channelId: string): Promise<Member[]> {
    const rows = (await this.#s.execute('channel.members', Q.members, [channelId], { idempotent: true })).rows;
    const members = await Promise.all(
      rows.map(async (r): Promise<Member> => {
        const userId = r.get('user_id') as string;
        const user = await this.#s.execute('channel.members', Q.userName, [userId], { idempotent: true });
        return { userId, name: user.first()?.get('name') ?? '', joinedAt: r.get('joined_at') };
      }),
    );
    return members.sort(
      (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    );
  }
}
