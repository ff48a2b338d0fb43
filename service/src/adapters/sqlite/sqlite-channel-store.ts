import type { Channel, Member } from '../../domain/entities.js';
import type { ChannelStore } from '../../ports/channel-store.port.js';
import { guard, type SqliteDatabase } from './database.js';

interface ChannelRow {
  id: string;
  name: string;
  user_id: string;
  created_at: number;
}

const toChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  createdAt: new Date(r.created_at),
});

export class SqliteChannelStore implements ChannelStore {
  readonly #db: SqliteDatabase;
  readonly #insert;
  readonly #get;
  readonly #first;
  readonly #after;
  readonly #forUser;
  readonly #addMember;
  readonly #removeMember;
  readonly #isMember;
  readonly #members;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#insert = db.prepare('INSERT INTO channels (id, name, user_id, created_at) VALUES (?, ?, ?, ?)');
    this.#get = db.prepare('SELECT * FROM channels WHERE id = ?');
    this.#first = db.prepare('SELECT * FROM channels ORDER BY created_at DESC, id DESC LIMIT ?');
    this.#after = db.prepare(
      'SELECT * FROM channels WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?',
    );
    this.#forUser = db.prepare(
      `SELECT c.* FROM channel_members m JOIN channels c ON c.id = m.channel_id
       WHERE m.user_id = ? ORDER BY c.created_at DESC, c.id DESC`,
    );
    this.#addMember = db.prepare(
      'INSERT INTO channel_members (channel_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.#removeMember = db.prepare('DELETE FROM channel_members WHERE channel_id = ? AND user_id = ?');
    this.#isMember = db.prepare('SELECT 1 FROM channel_members WHERE channel_id = ? AND user_id = ?');
    this.#members = db.prepare(
      `SELECT m.user_id, u.name, m.joined_at FROM channel_members m JOIN users u ON u.id = m.user_id
       WHERE m.channel_id = ? ORDER BY m.joined_at, m.user_id`,
    );
  }

  create(channel: Channel): Promise<void> {
    return guard('channel.create', () =>
      this.#db.transaction(() => {
        this.#insert.run(channel.id, channel.name, channel.userId, channel.createdAt.getTime());
        this.#addMember.run(channel.id, channel.userId, channel.createdAt.getTime());
      })(),
    );
  }

  get(id: string): Promise<Channel | undefined> {
    return guard('channel.get', () => {
      const row = this.#get.get(id) as ChannelRow | undefined;
      return row && toChannel(row);
    });
  }

  list(after: string | undefined, limit: number): Promise<Channel[]> {
    return guard('channel.list', () => {
      if (after === undefined) return (this.#first.all(limit) as ChannelRow[]).map(toChannel);
      const [ms, id] = after.split('|');
      return (this.#after.all(Number(ms), id, limit) as ChannelRow[]).map(toChannel);
    });
  }

  listForUser(userId: string): Promise<Channel[]> {
    return guard('channel.listForUser', () => (this.#forUser.all(userId) as ChannelRow[]).map(toChannel));
  }

  addMember(channelId: string, userId: string, joinedAt: Date): Promise<boolean> {
    return guard('channel.addMember', () => this.#addMember.run(channelId, userId, joinedAt.getTime()).changes > 0);
  }

  removeMember(channelId: string, userId: string): Promise<boolean> {
    return guard('channel.removeMember', () => this.#removeMember.run(channelId, userId).changes > 0);
  }

  isMember(channelId: string, userId: string): Promise<boolean> {
    return guard('channel.isMember', () => this.#isMember.get(channelId, userId) !== undefined);
  }

  members(channelId: string): Promise<Member[]> {
    return guard('channel.members', () =>
      (this.#members.all(channelId) as Array<{ user_id: string; name: string; joined_at: number }>).map((r) => ({
        userId: r.user_id,
        name: r.name,
        joinedAt: new Date(r.joined_at),
      })),
    );
  }
}
