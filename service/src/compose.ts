import { Hs256TokenIssuer } from './adapters/crypto/hs256-token-issuer.js';
import { type ScryptParams, ScryptPasswordHasher } from './adapters/crypto/scrypt-password-hasher.js';
import { loadOrCreateSecret } from './adapters/crypto/secret-file.js';
import { MemoryEventBus } from './adapters/memory-bus/memory-event-bus.js';
import { MemoryCache } from './adapters/memory-cache/memory-cache.js';
import { MemoryPresence } from './adapters/memory-cache/memory-presence.js';
import { startTracing } from './adapters/otel/tracing.js';
import { PrometheusMetrics } from './adapters/prometheus/prometheus-metrics.js';
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
import type { MessageStore } from './ports/message-store.port.js';
import type { Metrics } from './ports/metrics.port.js';
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

/** Starts OpenTelemetry when `PARLEY_OTEL_ENDPOINT` is set (before anything creates spans). */
export function startTracingFor(config: Config): { shutdown(): Promise<void> } | undefined {
  return config.otelEndpoint
    ? startTracing({ endpoint: config.otelEndpoint, instanceId: config.instanceId })
    : undefined;
}

/** The composition root: config -> adapters -> app services. The only file that knows adapters. */
export function compose(config: Config, overrides: Overrides = {}): Services {
  const metrics = overrides.metrics ?? new PrometheusMetrics();
  const db = openSqlite(config.dataDir);
  const users = instrumentStore(overrides.users ?? new SqliteUserStore(db), 'user', metrics);
  const channels = instrumentStore(overrides.channels ?? new SqliteChannelStore(db), 'channel', metrics);
  const messages = instrumentStore(overrides.messages ?? new SqliteMessageStore(db), 'message', metrics);
  const readState = instrumentStore(overrides.readState ?? new SqliteReadStateStore(db), 'read', metrics);
  const bus = instrumentBus(overrides.bus ?? new MemoryEventBus(), metrics);
  const cache = overrides.cache ?? new MemoryCache();
  const presence = overrides.presence ?? new MemoryPresence();
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
  const channelService = new ChannelService({ channels, membership, presence, bus, ...(clock ? { now: clock } : {}) });
  const messageService = new MessageService({
    messages,
    readState,
    membership,
    bus,
    realtime,
    metrics,
    ids: createSnowflake({ workerId: config.instanceId }),
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
    health: [
      { name: 'store', check: async () => db.prepare('SELECT 1').get() !== undefined },
      { name: 'bus', check: () => bus.ready() },
    ],
    async close() {
      realtime.close();
      await bus.close();
      await cache.close();
      await presence.close();
      db.close();
    },
  };
}
