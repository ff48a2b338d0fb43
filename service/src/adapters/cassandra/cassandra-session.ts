import type cassandra from 'cassandra-driver';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import { type CassandraEndpoint, type CqlClient, createClient } from './cassandra-client.js';
import { type MigrationOptions, migrateCassandra } from './cassandra-migrator.js';

export type ResultSet = cassandra.types.ResultSet;
export type Row = cassandra.types.Row;
export type Params = unknown[];

export interface CassandraLog {
  warn(message: string, err?: unknown): void;
  info(message: string): void;
}

export interface CassandraSessionOptions extends Omit<MigrationOptions, 'log'>, CassandraEndpoint {
  migrateOnStart: boolean;
  log?: CassandraLog;
}

export interface ExecuteOptions {
  /** Safe to retry on a timeout (reads and plain upserts). Lightweight transactions and counters are not. */
  idempotent?: boolean;
  fetchSize?: number;
}

/** Longer than the driver's read timeout (8 s), so the driver's own error normally comes first. */
const DEADLINE_MS = 15_000;

/** Wraps a driver failure (no host, timeout, unavailable replicas...) as `unavailable`. */
export function unavailable(operation: string, err: unknown): ParleyError {
  if (err instanceof ParleyError) return err;
  return new ParleyError(ErrorCode.Unavailable, `store unavailable (${operation})`, { cause: err });
}

/**
 * One driver client for every Cassandra store: prepared statements, token-aware + DC-aware
 * routing, the configured consistency. It connects (and migrates, when asked) on first use; a
 * failed start is retried by a later call, at most once a second, so the service can start
 * before Cassandra and recovers when it comes back.
 */
export class CassandraSession {
  readonly #options: CassandraSessionOptions;
  #client: Promise<CqlClient> | undefined;
  #failedAt = 0;
  #lastError: unknown;
  #closed = false;

  constructor(options: CassandraSessionOptions) {
    this.#options = options;
  }

  get keyspace(): string {
    return this.#options.keyspace;
  }

  /** Starts connecting now (the stores would otherwise wait for their first query). */
  start(): void {
    this.#connected().catch(() => undefined);
  }

  async execute(operation: string, query: string, params: Params = [], options: ExecuteOptions = {}) {
    const client = await this.#connected().catch((err: unknown) => Promise.reject(unavailable(operation, err)));
    const run = client.execute(query, params, {
      prepare: true,
      isIdempotent: options.idempotent ?? false,
      ...(options.fetchSize ? { fetchSize: options.fetchSize } : {}),
    });
    try {
      return await this.#bounded(operation, run);
    } catch (err) {
      throw unavailable(operation, err);
    }
  }

  /**
   * A hard deadline over the driver's own timeouts: whatever happens to a connection while a
   * node restarts, a caller (and the socket whose frames wait behind it) never hangs.
   */
  #bounded<T>(operation: string, run: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#options.log?.warn(`cassandra: ${operation} did not complete in ${DEADLINE_MS} ms`);
        reject(new Error(`${operation} timed out`));
      }, DEADLINE_MS);
    });
    run.catch(() => undefined);
    return Promise.race([run, deadline]).finally(() => clearTimeout(timer));
  }

  /** A logged batch: the statements are applied all or none (eventually), across partitions. */
  async batch(operation: string, queries: Array<{ query: string; params: Params }>): Promise<void> {
    const client = await this.#connected().catch((err: unknown) => Promise.reject(unavailable(operation, err)));
    try {
      await this.#bounded(operation, client.batch(queries, { prepare: true, logged: true, isIdempotent: true }));
    } catch (err) {
      throw unavailable(operation, err);
    }
  }

  /** True when a replica answers a query now. */
  async ready(): Promise<boolean> {
    try {
      await this.execute('ping', 'SELECT release_version FROM system.local', [], { idempotent: true });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = await this.#client?.catch(() => undefined);
    await client?.shutdown();
  }

  #connected(): Promise<CqlClient> {
    if (this.#closed) return Promise.reject(new Error('cassandra session closed'));
    if (this.#client) return this.#client;
    if (Date.now() - this.#failedAt < 1000) return Promise.reject(this.#lastError);
    const starting = this.#start();
    this.#client = starting;
    starting.catch((err: unknown) => {
      this.#client = undefined;
      this.#failedAt = Date.now();
      this.#lastError = err;
      this.#options.log?.warn('cassandra: start failed, retrying on next use', err);
    });
    return starting;
  }

  async #start(): Promise<CqlClient> {
    const o = this.#options;
    if (o.migrateOnStart) await migrateCassandra(o); // logs each file it applies
    const client = createClient(o, o.keyspace);
    try {
      await client.connect();
    } catch (err) {
      await client.shutdown().catch(() => undefined);
      throw err;
    }
    o.log?.info(
      `cassandra: connected to ${o.contactPoints.join(',')} (keyspace ${o.keyspace}, DC ${o.localDataCenter})`,
    );
    return client;
  }
}
