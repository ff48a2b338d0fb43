import type { User, UserWithSecret } from '../../domain/entities.js';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import type { UserStore } from '../../ports/user-store.port.js';
import type { CassandraSession, Row } from './cassandra-session.js';

const toUser = (r: Row): UserWithSecret => ({
  id: r.get('user_id'),
  name: r.get('name'),
  email: r.get('email'),
  passwordHash: r.get('password_hash'),
  createdAt: r.get('created_at'),
  ...(r.get('external_id') ? { externalId: r.get('external_id') } : {}),
});

const withoutSecret = ({ passwordHash: _p, externalId: _e, ...user }: UserWithSecret): User => user;

const Q = {
  insert: `INSERT INTO users_by_id (user_id, name, email, password_hash, created_at, external_id)
    VALUES (?, ?, ?, ?, ?, ?)`,
  byId: 'SELECT * FROM users_by_id WHERE user_id = ?',
  delete: 'DELETE FROM users_by_id WHERE user_id = ?',
  claimEmail: 'INSERT INTO users_by_email (email, user_id) VALUES (?, ?) IF NOT EXISTS',
  byEmail: 'SELECT user_id FROM users_by_email WHERE email = ?',
  claimExternal: 'INSERT INTO users_by_external_id (external_id, user_id) VALUES (?, ?) IF NOT EXISTS',
  releaseExternal: 'DELETE FROM users_by_external_id WHERE external_id = ? IF user_id = ?',
  byExternal: 'SELECT user_id FROM users_by_external_id WHERE external_id = ?',
};

/**
 * Users by id, with e-mail (compared lower-cased) and host ids claimed by lightweight
 * transactions: under concurrent registration exactly one claim wins. The user row is written
 * first, so a claimed e-mail always points at a complete user; a losing row is removed again.
 */
export class CassandraUserStore implements UserStore {
  readonly #s: CassandraSession;

  constructor(session: CassandraSession) {
    this.#s = session;
  }

  async create(user: UserWithSecret): Promise<void> {
    const s = this.#s;
    const email = user.email.toLowerCase();
    await s.execute(
      'user.create',
      Q.insert,
      [user.id, user.name, user.email, user.passwordHash, user.createdAt, user.externalId],
      { idempotent: true },
    );
    try {
      if (user.externalId !== undefined && !(await this.#claim(Q.claimExternal, user.externalId, user.id))) {
        throw new ParleyError(ErrorCode.Conflict, 'user already issued for this host id', { field: 'external_id' });
      }
      if (!(await this.#claim(Q.claimEmail, email, user.id))) {
        if (user.externalId !== undefined) {
          await s.execute('user.create', Q.releaseExternal, [user.externalId, user.id]);
        }
        throw new ParleyError(ErrorCode.Conflict, 'email already registered', { field: 'email' });
      }
    } catch (err) {
      if (err instanceof ParleyError && err.code === ErrorCode.Conflict) {
        await s.execute('user.create', Q.delete, [user.id], { idempotent: true }).catch(() => undefined);
      }
      throw err;
    }
  }

  /** True when the key is now ours (also when a retried claim of ours had already applied). */
  async #claim(query: string, key: string, userId: string): Promise<boolean> {
    const result = await this.#s.execute('user.create', query, [key, userId]);
    return result.wasApplied() || result.first()?.get('user_id') === userId;
  }

  async byEmail(email: string): Promise<UserWithSecret | undefined> {
    const claim = (
      await this.#s.execute('user.byEmail', Q.byEmail, [email.toLowerCase()], { idempotent: true })
    ).first();
    if (!claim) return undefined;
    const row = (await this.#s.execute('user.byEmail', Q.byId, [claim.get('user_id')], { idempotent: true })).first();
    return row ? toUser(row) : undefined;
  }

  async byId(id: string): Promise<User | undefined> {
    const row = (await this.#s.execute('user.byId', Q.byId, [id], { idempotent: true })).first();
    return row ? withoutSecret(toUser(row)) : undefined;
  }

  async byExternalId(externalId: string): Promise<User | undefined> {
    const claim = (
      await this.#s.execute('user.byExternalId', Q.byExternal, [externalId], { idempotent: true })
    ).first();
    if (!claim) return undefined;
    return this.byId(claim.get('user_id'));
  }
}
