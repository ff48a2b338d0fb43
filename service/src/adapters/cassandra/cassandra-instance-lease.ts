import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ErrorCode, ParleyError } from '../../domain/errors.js';
import type { CassandraLog, CassandraSession } from './cassandra-session.js';

const Q = {
  acquire: `INSERT INTO instance_leases (instance_id, owner, host, started_at) VALUES (?, ?, ?, ?)
    IF NOT EXISTS USING TTL ?`,
  renew: 'UPDATE instance_leases USING TTL ? SET owner = ?, host = ? WHERE instance_id = ? IF owner = ?',
  release: 'DELETE FROM instance_leases WHERE instance_id = ? IF owner = ?',
};

export interface LeaseOptions {
  ttlSeconds?: number;
  renewMs?: number;
  log?: CassandraLog;
}

type State = 'pending' | 'held' | 'taken' | 'unknown';

/**
 * Holds this instance's Snowflake worker id (PARLEY_INSTANCE_ID) with a TTL'd lease in
 * `instance_leases`, renewed in the background. While another live process holds the same id,
 * sends are refused (`unavailable`) instead of issuing ids that could collide and overwrite
 * messages. A crashed holder's lease expires after the TTL; a graceful close releases it at once.
 */
export class CassandraInstanceLease {
  readonly #s: CassandraSession;
  readonly #instanceId: number;
  readonly #owner = randomUUID();
  readonly #host = `${hostname()}:${process.pid}`;
  readonly #ttl: number;
  readonly #renewMs: number;
  readonly #log: CassandraLog | undefined;
  #state: State = 'pending';
  #holder = '';
  #first: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #inflight: Promise<void> | undefined;
  #closed = false;
  #failedAt = 0;

  constructor(session: CassandraSession, instanceId: number, options: LeaseOptions = {}) {
    this.#s = session;
    this.#instanceId = instanceId;
    this.#ttl = options.ttlSeconds ?? 20;
    this.#renewMs = options.renewMs ?? 5000;
    this.#log = options.log;
  }

  start(): void {
    this.#first ??= this.#tick();
  }

  /** Resolves while the lease is ours; `unavailable` when another instance holds the id. */
  async ensure(): Promise<void> {
    this.start();
    if (this.#state === 'pending') await this.#first;
    if (this.#state === 'held') return;
    // Without the lease (Cassandra away, or the id taken), a send retries it at most once a second.
    if (this.#state === 'pending' || Date.now() - this.#failedAt > 1000) {
      await this.#tick();
    }
    if (this.held()) return;
    throw new ParleyError(
      ErrorCode.Unavailable,
      this.#state === 'taken'
        ? `instance id ${this.#instanceId} is in use by another live instance (${this.#holder})`
        : 'store unavailable (instance lease)',
    );
  }

  held(): boolean {
    return this.#state === 'held';
  }

  /** One renewal (or acquisition) at a time; concurrent callers share it. */
  #tick(): Promise<void> {
    this.#inflight ??= this.#renew().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #renew(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    try {
      const renewed =
        this.#state === 'held' &&
        (
          await this.#s.execute('lease.renew', Q.renew, [
            this.#ttl,
            this.#owner,
            this.#host,
            this.#instanceId,
            this.#owner,
          ])
        ).wasApplied();
      if (!renewed) await this.#acquire();
    } catch (err) {
      if (this.#state === 'held')
        this.#log?.warn('cassandra: instance lease not renewed; sends refused until it is', err);
      if (this.#state !== 'taken') this.#state = 'unknown';
      this.#failedAt = Date.now();
    } finally {
      if (!this.#closed) {
        this.#timer = setTimeout(() => void this.#tick(), this.#renewMs);
        this.#timer.unref();
      }
    }
  }

  async #acquire(): Promise<void> {
    const result = await this.#s.execute('lease.acquire', Q.acquire, [
      this.#instanceId,
      this.#owner,
      this.#host,
      new Date(),
      this.#ttl,
    ]);
    const row = result.first();
    const mine = result.wasApplied() || row?.get('owner') === this.#owner;
    if (mine && this.#state !== 'held' && this.#state !== 'pending')
      this.#log?.info('cassandra: instance lease held again');
    if (!mine && this.#state !== 'taken') {
      this.#log?.warn(
        `cassandra: PARLEY_INSTANCE_ID ${this.#instanceId} is held by ${row?.get('host')}; sends refused`,
      );
    }
    this.#holder = mine ? '' : String(row?.get('host'));
    if (!mine) this.#failedAt = Date.now();
    this.#state = mine ? 'held' : 'taken';
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#inflight;
    if (this.#state !== 'held') return;
    this.#state = 'unknown';
    await this.#s.execute('lease.release', Q.release, [this.#instanceId, this.#owner]).catch(() => undefined);
  }
}
