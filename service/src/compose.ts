import type { CassandraChannelStore } from './adapters/cassandra/cassandra-channel-store.js';
import type { CassandraInstanceLease } from './adapters/cassandra/cassandra-instance-lease.js';
import type { CassandraMessageStore } from './adapters/cassandra/cassandra-message-store.js';
import type { CassandraOutboxJournal } from './adapters/cassandra/cassandra-outbox-journal.js';
import type { CassandraReadStateStore } from './adapters/cassandra/cassandra-read-state-store.js';
import type { CassandraSession } from './adapters/cassandra/cassandra-session.js';
import type { CassandraUserStore } from './adapters/cassandra/cassandra-user-store.js';
import { Hs256TokenIssuer } from './adapters/crypto/hs256-token-issuer.js';
import { type ScryptParams, ScryptPasswordHasher } from './adapters/crypto/scrypt-password-hasher.js';
import { loadOrCreateSecret } from './adapters/crypto/secret-file.js';
import type { KafkaEventBus } from './adapters/kafka/kafka-event-bus.js';
import { MemoryEventBus } from './adapters/memory-bus/memory-event-bus.js';
import { MemoryCache } from './adapters/memory-cache/memory-cache.js';
import { MemoryPresence } from './adapters/memory-cache/memory-presence.js';
import { PrometheusMetrics } from './adapters/prometheus/prometheus-metrics.js';
import type { RedisCache } from './adapters/redis/redis-cache.js';
import type { RedisCachedChannelStore } from './adapters/redis/redis-cached-channel-store.js';
import type { createRedis } from './adapters/redis/redis-client.js';
import type { RedisPresence } from './adapters/redis/redis-presence.js';
import { openSqlite } from './adapters/sqlite/database.js';
import { SqliteChannelStore } from './adapters/sqlite/sqlite-channel-store.js';
import { SqliteMessageStore } from './adapters/sqlite/sqlite-message-store.js';
import { SqliteReadStateStore } from './adapters/sqlite/sqlite-read-state-store.js';
import { SqliteUserStore } from './adapters/sqlite/sqlite-user-store.js';
import { AuthService } from './app/auth-service.js';
import { ChannelService } from './app/channel-service.js';
import { Membership } from './app/membership.js';
import { MessageService } from './app/message-service.js';
import { RealtimeService } from './app/realtime-service.js';
import type { Services } from './app/services.js';
import type { Config } from './config.js';
import { createSnowflake } from './domain/snowflake.js';
import { instrumentBus, instrumentStore } from './observability/instrumented.js';
import type { Cache } from './ports/cache.port.js';
import type { ChannelStore } from './ports/channel-store.port.js';
import type { EventBus } from './ports/event-bus.port.js';
import type { HealthCheck } from './ports/health-check.port.js';
import type { MessageStore } from './ports/message-store.port.js';
import type { Metrics } from './ports/metrics.port.js';
import type { OutboxJournal } from './ports/outbox-journal.port.js';
import type { Presence } from './ports/presence.port.js';
import type { ReadStateStore } from './ports/read-state-store.port.js';
import type { UserStore } from './ports/user-store.port.js';

/** Explicit adapters (tests) win over what the config picks. */
export interface Overrides {
  users?: UserStore;
  channels?: ChannelStore;
  messages?: MessageStore;
  readState?: ReadStateStore;
  bus?: EventBus;
  cache?: Cache;
  presence?: Presence;
  metrics?: Metrics;
  /** Cheaper scrypt parameters for tests. */
  scrypt?: ScryptParams;
  now?: () => Date;
}

/**
 * Starts OpenTelemetry when `PARLEY_OTEL_ENDPOINT` is set (before anything creates spans). The SDK
 * is imported only then: loading it costs about a second of start.
 */
export async function startTracingFor(config: Config): Promise<{ shutdown(): Promise<void> } | undefined> {
  if (!config.otelEndpoint) return undefined;
  const { startTracing } = await import('./adapters/otel/tracing.js');
  return startTracing({ endpoint: config.otelEndpoint, instanceId: config.instanceId });
}

/**
 * The cluster adapters the config selects. They are imported on demand (`loadAdapters`), so an
 * embedded process never loads cassandra-driver, kafkajs or ioredis (about a second of start).
 */
export interface AdapterModules {
  cassandra?: {
    CassandraSession: typeof CassandraSession;
    CassandraInstanceLease: typeof CassandraInstanceLease;
    CassandraUserStore: typeof CassandraUserStore;
    CassandraChannelStore: typeof CassandraChannelStore;
    CassandraMessageStore: typeof CassandraMessageStore;
    CassandraReadStateStore: typeof CassandraReadStateStore;
    CassandraOutboxJournal: typeof CassandraOutboxJournal;
  };
  kafka?: { KafkaEventBus: typeof KafkaEventBus };
  redis?: {
    createRedis: typeof createRedis;
    RedisCache: typeof RedisCache;
    RedisPresence: typeof RedisPresence;
    RedisCachedChannelStore: typeof RedisCachedChannelStore;
  };
}

/** Imports the modules of the cluster adapters that `config` selects (none in embedded mode). */
export async function loadAdapters(config: Config): Promise<AdapterModules> {
  const modules: AdapterModules = {};
  const loads: Promise<void>[] = [];
  if (config.adapters.store === 'cassandra') {
    loads.push(
      Promise.all([
        import('./adapters/cassandra/cassandra-session.js'),
        import('./adapters/cassandra/cassandra-instance-lease.js'),
        import('./adapters/cassandra/cassandra-user-store.js'),
        import('./adapters/cassandra/cassandra-channel-store.js'),
        import('./adapters/cassandra/cassandra-message-store.js'),
        import('./adapters/cassandra/cassandra-read-state-store.js'),
        import('./adapters/cassandra/cassandra-outbox-journal.js'),
      ]).then(([session, lease, users, channels, messages, readState, journal]) => {
        modules.cassandra = { ...session, ...lease, ...users, ...channels, ...messages, ...readState, ...journal };
      }),
    );
  }
  if (config.adapters.bus === 'kafka') {
    loads.push(
      import('./adapters/kafka/kafka-event-bus.js').then((kafka) => {
        modules.kafka = kafka;
      }),
    );
  }
  if (config.adapters.cache === 'redis') {
    loads.push(
      Promise.all([
        import('./adapters/redis/redis-client.js'),
        import('./adapters/redis/redis-cache.js'),
        import('./adapters/redis/redis-presence.js'),
        import('./adapters/redis/redis-cached-channel-store.js'),
      ]).then(([client, cache, presence, cached]) => {
        modules.redis = { ...client, ...cache, ...presence, ...cached };
      }),
    );
  }
  await Promise.all(loads);
  return modules;
}

/** The loaded modules of one adapter family, or a clear error when `loadAdapters` was skipped. */
function loaded<T>(family: T | undefined, name: string): T {
  if (!family) throw new Error(`compose: the ${name} adapters are not loaded (await loadAdapters(config) first)`);
  return family;
}

/**
 * The composition root: config -> adapters -> app services. The only file that knows adapters.
 * Cluster mode needs the modules of `loadAdapters(config)`; embedded mode needs none.
 */
export function compose(config: Config, overrides: Overrides = {}, modules: AdapterModules = {}): Services {
  const metrics = overrides.metrics ?? new PrometheusMetrics();
  const log = adapterLog(config.logLevel);
  const stores = buildStores(config, overrides, log, modules);
  const edge = buildCache(config, overrides, log, modules);
  const busAdapter = overrides.bus
    ? { bus: overrides.bus, healthName: 'bus' }
    : buildBus(config, metrics, log, modules, stores.outboxJournal);
  const users = instrumentStore(stores.users, 'user', metrics);
  const channels = instrumentStore(edge.cacheChannels(stores.channels), 'channel', metrics);
  const messages = instrumentStore(stores.messages, 'message', metrics);
  const readState = instrumentStore(stores.readState, 'read', metrics);
  const bus = instrumentBus(busAdapter.bus, metrics);
  const { cache, presence } = edge;
  const secret = config.jwtSecret ?? loadOrCreateSecret(config.dataDir);
  const clock = overrides.now;

  const membership = new Membership(channels, cache);
  const realtime = new RealtimeService({ presence, bus, typingTtlMs: config.typingTtlMs });
  const auth = new AuthService({
    users,
    hasher: new ScryptPasswordHasher(overrides.scrypt),
    tokens: new Hs256TokenIssuer(secret, config.jwtTtlSeconds),
    ...(clock ? { now: clock } : {}),
  });
  const channelService = new ChannelService({
    channels,
    users,
    membership,
    presence,
    bus,
    ...(clock ? { now: clock } : {}),
  });
  const messageService = new MessageService({
    messages,
    readState,
    membership,
    bus,
    realtime,
    metrics,
    ids: createSnowflake({ workerId: config.instanceId }),
    recoveryWindowMs: config.recoveryWindowMs,
    ...(clock ? { now: clock } : {}),
  });

  return {
    auth,
    channels: channelService,
    messages: messageService,
    realtime,
    membership,
    bus,
    metrics,
    health: [...stores.health, { name: busAdapter.healthName, check: () => bus.ready() }, ...edge.health],
    ...(edge.rateLimitRedis ? { rateLimitRedis: edge.rateLimitRedis } : {}),
    async close() {
      realtime.close();
      await bus.close();
      await cache.close();
      await presence.close();
      await edge.close();
      await stores.close();
    },
  };
}

/** Applies pending migrations of the configured store (`npm run migrate`); returns the files run. */
export async function migrate(config: Config): Promise<string[]> {
  if (config.adapters.store === 'cassandra') {
    const { migrateCassandra } = await import('./adapters/cassandra/cassandra-migrator.js');
    return migrateCassandra({ ...config.cassandra, log: adapterLog(config.logLevel) });
  }
  const db = openSqlite(config.dataDir); // applies the SQLite migrations as it opens
  db.close();
  return [];
}

interface AdapterLog {
  warn(message: string, err?: unknown): void;
  info(message: string): void;
}

/** JSON log lines (pino's shape) for the adapters' connection state changes. */
function adapterLog(level: string): AdapterLog {
  const rank: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
  const min = rank[level] ?? Number.POSITIVE_INFINITY;
  const write = (lvl: number, msg: string, err?: unknown) => {
    if (lvl < min) return;
    const detail =
      err === undefined ? {} : { err: err instanceof Error ? { type: err.name, message: err.message } : err };
    process.stdout.write(`${JSON.stringify({ level: lvl, time: Date.now(), pid: process.pid, msg, ...detail })}\n`);
  };
  return { warn: (msg, err) => write(40, msg, err), info: (msg) => write(30, msg) };
}

interface Stores {
  users: UserStore;
  channels: ChannelStore;
  messages: MessageStore;
  readState: ReadStateStore;
  /** Where the Kafka bus keeps its outbox while Kafka is down (Cassandra only). */
  outboxJournal?: OutboxJournal;
  health: HealthCheck[];
  close(): Promise<void>;
}

/** SQLite (embedded) or Cassandra (cluster); the Cassandra session connects in the background. */
function buildStores(config: Config, o: Overrides, log: AdapterLog, modules: AdapterModules): Stores {
  if (config.adapters.store === 'cassandra') {
    const {
      CassandraSession,
      CassandraInstanceLease,
      CassandraUserStore,
      CassandraChannelStore,
      CassandraMessageStore,
      CassandraReadStateStore,
      CassandraOutboxJournal,
    } = loaded(modules.cassandra, 'cassandra');
    const session = new CassandraSession({ ...config.cassandra, log });
    const lease = new CassandraInstanceLease(session, config.instanceId, { log });
    session.start();
    lease.start();
    return {
      users: o.users ?? new CassandraUserStore(session),
      channels: o.channels ?? new CassandraChannelStore(session),
      messages: o.messages ?? new CassandraMessageStore(session, { beforeWrite: () => lease.ensure() }),
      readState: o.readState ?? new CassandraReadStateStore(session),
      outboxJournal: new CassandraOutboxJournal(session, config.instanceId),
      health: [
        { name: 'cassandra', check: () => session.ready() },
        { name: 'instance_id', check: async () => lease.held() },
      ],
      async close() {
        await lease.close();
        await session.close();
      },
    };
  }
  const db = openSqlite(config.dataDir);
  return {
    users: o.users ?? new SqliteUserStore(db),
    channels: o.channels ?? new SqliteChannelStore(db),
    messages: o.messages ?? new SqliteMessageStore(db),
    readState: o.readState ?? new SqliteReadStateStore(db),
    health: [{ name: 'store', check: async () => db.prepare('SELECT 1').get() !== undefined }],
    async close() {
      db.close();
    },
  };
}

/** The in-process bus (embedded) or Kafka (cluster), which starts connecting at once. */
function buildBus(
  config: Config,
  metrics: Metrics,
  log: AdapterLog,
  modules: AdapterModules,
  journal: OutboxJournal | undefined,
): { bus: EventBus; healthName: string } {
  if (config.adapters.bus === 'kafka') {
    const { KafkaEventBus } = loaded(modules.kafka, 'kafka');
    const bus = new KafkaEventBus({
      ...config.kafka,
      instanceId: config.instanceId,
      metrics,
      log,
      ...(journal ? { journal } : {}),
    });
    bus.start().catch(() => undefined);
    return { bus, healthName: 'kafka' };
  }
  return { bus: new MemoryEventBus(), healthName: 'bus' };
}

interface Edge {
  cache: Cache;
  presence: Presence;
  /** Puts the channel cache in front of the channel store (Redis only). */
  cacheChannels(store: ChannelStore): ChannelStore;
  health: HealthCheck[];
  /** The ioredis client for @fastify/rate-limit's Redis store. */
  rateLimitRedis: unknown;
  close(): Promise<void>;
}

/** In-memory cache and presence (embedded) or Redis (cluster), degrading when Redis is down. */
function buildCache(config: Config, o: Overrides, log: AdapterLog, modules: AdapterModules): Edge {
  if (config.adapters.cache === 'redis') {
    const { createRedis, RedisCache, RedisPresence, RedisCachedChannelStore } = loaded(modules.redis, 'redis');
    const redis = createRedis(config.redis.url, log);
    return {
      cache: o.cache ?? new RedisCache(redis),
      presence: o.presence ?? new RedisPresence(redis),
      cacheChannels: (store) => (o.channels ? store : new RedisCachedChannelStore(store, redis)),
      health: [
        {
          name: 'redis',
          degradesOnly: true,
          check: () =>
            redis.ping().then(
              () => true,
              () => false,
            ),
        },
      ],
      rateLimitRedis: redis,
      async close() {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  return {
    cache: o.cache ?? new MemoryCache(),
    presence: o.presence ?? new MemoryPresence(),
    cacheChannels: (store) => store,
    health: [],
    rateLimitRedis: undefined,
    close: () => Promise.resolve(),
  };
}
