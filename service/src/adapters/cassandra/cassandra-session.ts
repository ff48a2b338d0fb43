import cassandra from 'cassandra-driver';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import { type MigrationOptions, migrateCassandra } from './cassandra-migrator.js';

const { Client, policies, types } = cassandra;
type CqlClient = InstanceType<typeof Client>;
export type ResultSet = cassandra.types.ResultSet;
export type Row = cassandra.types.Row;
export type Params = unknown[];

export interface CassandraLog {
  warn(message: string, err?: unknown): void;
  info(message: string): void;
}

export interface CassandraSessionOptions extends Omit<MigrationOptions, 'log'> {
  contactPoints: string[];
  localDataCenter: string;
  /** `LOCAL_QUORUM`, `QUORUM`, `ONE`, ...; lightweight transactions use the matching SERIAL level. */
  consistency: string;
  migrateOnStart: boolean;
  log?: CassandraLog;
}

export interface ExecuteOptions {
  /** Safe to retry on a timeout (reads and plain upserts). Lightweight transactions and counters are not. */
  idempotent?: boolean;
  fetchSize?: number;
}

const CONSISTENCY: Record<string, number> = {
  ONE: types.consistencies.one,
  LOCAL_ONE: types.consistencies.localOne,
  QUORUM: types.consistencies.quorum,
  LOCAL_QUORUM: types.consistencies.localQuorum,
  EACH_QUORUM: types.consistencies.eachQuorum,
  ALL: types.consistencies.all,
};

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
    try {
      return await client.execute(query, params, {
        prepare: true,
        isIdempotent: options.idempotent ?? false,
        ...(options.fetchSize ? { fetchSize: options.fetchSize } : {}),
      });
    } catch (err) {
      throw unavailable(operation, err);
    }
  }

  /** A logged batch: the statements are applied all or none (eventually), across partitions. */
  async batch(operation: string, queries: Array<{ query: string; params: Params }>): Promise<void> {
    const client = await this.#connected().catch((err: unknown) => Promise.reject(unavailable(operation, err)));
    try {
      await client.batch(queries, { prepare: true, logged: true, isIdempotent: true });
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
    if (o.migrateOnStart) {
      const ran = await migrateCassandra({ ...o, log: o.log });
      if (ran.length > 0) o.log?.info(`cassandra: applied migrations ${ran.join(', ')}`);
    }
    const client = createClient(o, o.keyspace);
    try {
      await client.connect();
    } catch (err) {
      await client.shutdown().catch(() => undefined);
      throw err;
    }
    return client;
  }
}

/** A driver client with Parley's settings; `keyspace` undefined for bootstrap work. */
export function createClient(o: CassandraSessionOptions | MigrationOptions, keyspace?: string): CqlClient {
  const consistency = 'consistency' in o ? (CONSISTENCY[o.consistency] ?? types.consistencies.localQuorum) : undefined;
  const global = consistency === types.consistencies.quorum || consistency === types.consistencies.all;
  return new Client({
    contactPoints: o.contactPoints,
    localDataCenter: o.localDataCenter,
    ...(keyspace ? { keyspace } : {}),
    encoding: { useBigIntAsLong: true, useUndefinedAsUnset: true },
    policies: {
      loadBalancing: new policies.loadBalancing.TokenAwarePolicy(
        new policies.loadBalancing.DCAwareRoundRobinPolicy(o.localDataCenter),
      ),
      reconnection: new policies.reconnection.ExponentialReconnectionPolicy(250, 2000, false),
    },
    queryOptions: {
      prepare: true,
      consistency: consistency ?? types.consistencies.localQuorum,
      serialConsistency: global ? types.consistencies.serial : types.consistencies.localSerial,
    },
    socketOptions: { connectTimeout: 3000, readTimeout: 8000 },
    protocolOptions: { maxSchemaAgreementWaitSeconds: 20 },
  });
}
