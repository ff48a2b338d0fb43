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
  external_id: string | null;
}

const toUser = (r: UserRow): UserWithSecret => ({
  id: r.id,
  name: r.name,
  email: r.email,
  passwordHash: r.password_hash,
  createdAt: new Date(r.created_at),
  ...(r.external_id ? { externalId: r.external_id } : {}),
});

const withoutSecret = ({ passwordHash: _p, externalId: _e, ...user }: UserWithSecret): User => user;

export class SqliteUserStore implements UserStore {
  readonly #insert;
  readonly #byEmail;
  readonly #byId;
  readonly #byExternalId;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare(
      `INSERT INTO users (id, name, email, password_hash, created_at, external_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.#byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
    this.#byId = db.prepare('SELECT * FROM users WHERE id = ?');
    this.#byExternalId = db.prepare('SELECT * FROM users WHERE external_id = ?');
  }

  create(user: UserWithSecret): Promise<void> {
    return guard('user.create', () => {
      const r = this.#insert.run(
        user.id,
        user.name,
        user.email,
        user.passwordHash,
        user.createdAt.getTime(),
        user.externalId ?? null,
      );
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
      return row && withoutSecret(toUser(row));
    });
  }

  byExternalId(externalId: string): Promise<User | undefined> {
    return guard('user.byExternalId', () => {
      const row = this.#byExternalId.get(externalId) as UserRow | undefined;
      return row && withoutSecret(toUser(row));
    });
  }
}
