import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ErrorCode, ParleyError } from '../../domain/errors.js';

export type SqliteDatabase = Database.Database;

export const SQLITE_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations/sqlite');

/** Opens (creating) `parley.db` in `dataDir` with WAL and applies pending migrations. */
export function openSqlite(dataDir: string, migrationsDir = SQLITE_MIGRATIONS_DIR): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'parley.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db, migrationsDir);
  return db;
}

/** Applies `NNNN_name.sql` files not yet recorded in `schema_migrations`, each in a transaction. */
export function migrateSqlite(db: SqliteDatabase, migrationsDir = SQLITE_MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 4));
    if (applied.has(version)) continue;
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        Date.now(),
      );
    })();
    ran.push(file);
  }
  return ran;
}

/** Runs a store operation, turning driver failures into `unavailable` (ParleyErrors pass through). */
export function guard<T>(operation: string, fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    if (err instanceof ParleyError) return Promise.reject(err);
    return Promise.reject(new ParleyError(ErrorCode.Unavailable, `store unavailable (${operation})`, { cause: err }));
  }
}
