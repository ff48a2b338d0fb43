import type { User, UserWithSecret } from '../../domain/entities.js';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import type { UserStore } from '../../ports/user-store.port.js';
import { guard, type SqliteDatabase } from './database.js';

interface UserRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  created_at: number;
}

const toUser = (r: UserRow): UserWithSecret => ({
  id: r.id,
  name: r.name,
  email: r.email,
  passwordHash: r.password_hash,
  createdAt: new Date(r.created_at),
});

export class SqliteUserStore implements UserStore {
  readonly #insert;
  readonly #byEmail;
  readonly #byId;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare(
      'INSERT INTO users (id, name, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
    );
    this.#byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
    this.#byId = db.prepare('SELECT * FROM users WHERE id = ?');
  }

  create(user: UserWithSecret): Promise<void> {
    return guard('user.create', () => {
      const r = this.#insert.run(user.id, user.name, user.email, user.passwordHash, user.createdAt.getTime());
      if (r.changes === 0) throw new ParleyError(ErrorCode.Conflict, 'email already registered', { field: 'email' });
    });
  }

  byEmail(email: string): Promise<UserWithSecret | undefined> {
    return guard('user.byEmail', () => {
      const row = this.#byEmail.get(email) as UserRow | undefined;
      return row && toUser(row);
    });
  }

  byId(id: string): Promise<User | undefined> {
    return guard('user.byId', () => {
      const row = this.#byId.get(id) as UserRow | undefined;
      if (!row) return undefined;
      const { passwordHash: _omit, ...user } = toUser(row);
      return user;
    });
  }
}
