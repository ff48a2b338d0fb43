import { resolve } from 'node:path';

/** Parley's configuration. Every `PARLEY_*` variable is read here and nowhere else. */
export type StoreKind = 'sqlite' | 'cassandra';
export type BusKind = 'memory' | 'kafka';
export type CacheKind = 'memory' | 'redis';

export interface CassandraConfig {
  contactPoints: string[];
  localDataCenter: string;
  keyspace: string;
  /** Consistency of reads and writes (lightweight transactions use the matching SERIAL level). */
  consistency: string;
  replicationFactor: number;
  /** Apply pending CQL migrations at start (otherwise `npm run migrate` must have). */
  migrateOnStart: boolean;
}

export interface KafkaConfig {
  brokers: string[];
  topic: string;
  partitions: number;
  /** Events held while Kafka is unreachable, past which the oldest are dropped. */
  outboxMax: number;
}

export interface Config {
  /** `cluster` when any port uses a cluster adapter. */
  mode: 'embedded' | 'cluster';
  /** Which adapter each port uses: from PARLEY_MODE, overridden per port. */
  adapters: { store: StoreKind; bus: BusKind; cache: CacheKind };
  cassandra: CassandraConfig;
  kafka: KafkaConfig;
  redis: { url: string };
  http: { host: string; port: number };
  dataDir: string;
  /** Undefined in embedded mode means: generate one and keep it in the data dir. */
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  instanceId: number;
  corsOrigins: '*' | string[];
  rateLimit: { authPerMinute: number; sendsPerMinute: number; sendsPerMinutePerIp: number };
  ws: {
    maxPayloadBytes: number;
    maxBufferedBytes: number;
    pingIntervalMs: number;
    authTimeoutMs: number;
  };
  typingTtlMs: number;
  /** Always replayed below a resuming client's `since` (ms): covers clock skew between instances. */
  recoveryWindowMs: number;
  logLevel: string;
  /** Trust `X-Forwarded-For` from a load balancer in front (per-IP limits then see client addresses). */
  trustProxy: boolean;
  grpc: { port: number; adminSecret: string | undefined };
  /** OTLP/HTTP traces endpoint; tracing is off when unset. */
  otelEndpoint: string | undefined;
}

/** One entry per accepted variable: its default and a one-line description (the README's table). */
export const CONFIG_VARIABLES = {
  PARLEY_MODE: {
    default: 'embedded',
    doc: '`embedded` (SQLite, in-process bus) or `cluster` (Cassandra, Kafka, Redis)',
  },
  PARLEY_STORE: { default: '', doc: '`sqlite` or `cassandra`; overrides the mode for the stores' },
  PARLEY_BUS: { default: '', doc: '`memory` or `kafka`; overrides the mode for the event bus' },
  PARLEY_CACHE: { default: '', doc: '`memory` or `redis`; overrides the mode for cache, presence and rate limits' },
  PARLEY_CASSANDRA_CONTACT_POINTS: { default: '127.0.0.1:9042', doc: 'Comma-separated `host[:port]` list' },
  PARLEY_CASSANDRA_LOCAL_DC: { default: 'datacenter1', doc: 'Local data center (DC-aware, token-aware routing)' },
  PARLEY_CASSANDRA_KEYSPACE: { default: 'parley', doc: 'Keyspace (created by the first migration)' },
  PARLEY_CASSANDRA_CONSISTENCY: { default: 'LOCAL_QUORUM', doc: 'Read/write consistency level' },
  PARLEY_CASSANDRA_REPLICATION_FACTOR: { default: '1', doc: 'Replicas in the local DC when creating the keyspace' },
  PARLEY_CASSANDRA_MIGRATE: { default: 'true', doc: 'Apply pending CQL migrations at start (`true`/`false`)' },
  PARLEY_KAFKA_BROKERS: { default: '127.0.0.1:9092', doc: 'Comma-separated `host:port` list' },
  PARLEY_KAFKA_TOPIC: { default: 'parley.events', doc: 'Events topic (created at start when missing)' },
  PARLEY_KAFKA_PARTITIONS: { default: '6', doc: 'Partitions of the events topic when it is created' },
  PARLEY_KAFKA_OUTBOX_MAX: { default: '100000', doc: 'Events held while Kafka is unreachable' },
  PARLEY_REDIS_URL: { default: 'redis://127.0.0.1:6379', doc: 'Redis for cache, presence, typing and rate limits' },
  PARLEY_HTTP_HOST: { default: '0.0.0.0', doc: 'Address to listen on' },
  PARLEY_HTTP_PORT: { default: '8080', doc: 'HTTP and WebSocket port' },
  PARLEY_DATA_DIR: { default: './data', doc: 'Where the embedded store (and a generated JWT secret) live' },
  PARLEY_JWT_SECRET: { default: '', doc: 'HS256 secret (>= 32 chars); generated into the data dir when unset' },
  PARLEY_JWT_TTL_SECONDS: { default: '86400', doc: 'Token lifetime' },
  PARLEY_INSTANCE_ID: { default: '0', doc: 'Snowflake worker id, 0-1023, unique per instance' },
  PARLEY_CORS_ORIGINS: { default: '*', doc: 'Comma-separated allowed origins for CORS and WebSocket `Origin`' },
  PARLEY_RATE_AUTH_PER_MINUTE: { default: '30', doc: 'Register + login attempts per IP per minute' },
  PARLEY_RATE_SENDS_PER_MINUTE: { default: '600', doc: 'Messages and replies per user per minute' },
  PARLEY_RATE_SENDS_PER_MINUTE_PER_IP: { default: '3000', doc: 'Messages and replies per IP per minute' },
  PARLEY_WS_MAX_PAYLOAD_BYTES: { default: '65536', doc: 'Largest accepted frame (bigger closes with 1009)' },
  PARLEY_WS_MAX_BUFFERED_BYTES: { default: '4194304', doc: 'Send buffer past which a socket is closed with 4008' },
  PARLEY_WS_PING_INTERVAL_MS: { default: '30000', doc: 'Heartbeat interval; a missed pong closes with 4009' },
  PARLEY_WS_AUTH_TIMEOUT_MS: { default: '5000', doc: 'Time allowed for the auth frame (then 4501)' },
  PARLEY_TYPING_TTL_MS: { default: '5000', doc: 'How long a typing indicator lasts' },
  PARLEY_RECOVERY_WINDOW_MS: {
    default: '',
    doc: 'Least window (ms) replayed below a resuming `since` (clock skew between instances); 0 with the in-process bus, 1000 with Kafka',
  },
  PARLEY_LOG_LEVEL: { default: 'info', doc: 'pino level (`silent` to mute)' },
  PARLEY_TRUST_PROXY: { default: 'false', doc: '`true` behind a load balancer: client IPs from X-Forwarded-For' },
  PARLEY_GRPC_PORT: { default: '9090', doc: 'gRPC port of the host API (ChatAdminService)' },
  PARLEY_ADMIN_SECRET: { default: '', doc: 'Bearer secret for the gRPC host API; no gRPC server without it' },
  PARLEY_OTEL_ENDPOINT: { default: '', doc: 'OTLP/HTTP endpoint for traces (e.g. http://jaeger:4318); off when unset' },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

const CONSISTENCY_LEVELS = ['ONE', 'LOCAL_ONE', 'QUORUM', 'LOCAL_QUORUM', 'EACH_QUORUM', 'ALL'];

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `loadConfig` for a process entry: a bad configuration prints every problem and exits with 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`parley: ${err.message}\n`);
    process.exit(2);
  }
}

/** Reads and validates the configuration, listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  for (const key of Object.keys(env)) {
    // PARLEY_INFRA_* belong to scripts/infra.sh, not to the service.
    if (key.startsWith('PARLEY_') && !key.startsWith('PARLEY_INFRA_') && !(key in CONFIG_VARIABLES)) {
      problems.push(`${key} is not a known setting`);
    }
  }
  const raw = (name: ConfigVariable): string => {
    const value = env[name];
    return value === undefined || value === '' ? CONFIG_VARIABLES[name].default : value;
  };
  const int = (name: ConfigVariable, min: number, max: number): number => {
    const text = raw(name);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${text}")`);
      return Number(CONFIG_VARIABLES[name].default);
    }
    return value;
  };

  const mode = raw('PARLEY_MODE');
  if (mode !== 'embedded' && mode !== 'cluster') {
    problems.push(`PARLEY_MODE must be "embedded" or "cluster" (got "${mode}")`);
  }
  const cluster = mode === 'cluster';
  const choose = <T extends string>(name: ConfigVariable, embedded: T, clustered: T): T => {
    const value = raw(name) || (cluster ? clustered : embedded);
    if (value !== embedded && value !== clustered) {
      problems.push(`${name} must be "${embedded}" or "${clustered}" (got "${value}")`);
      return embedded;
    }
    return value as T;
  };
  const adapters = {
    store: choose<StoreKind>('PARLEY_STORE', 'sqlite', 'cassandra'),
    bus: choose<BusKind>('PARLEY_BUS', 'memory', 'kafka'),
    cache: choose<CacheKind>('PARLEY_CACHE', 'memory', 'redis'),
  };
  const list = (name: ConfigVariable): string[] => {
    const items = raw(name)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (items.length === 0 || items.some((item) => !/^[A-Za-z0-9_.-]+(:\d{1,5})?$/.test(item))) {
      problems.push(`${name} must be a comma-separated host[:port] list (got "${raw(name)}")`);
    }
    return items;
  };
  const consistency = raw('PARLEY_CASSANDRA_CONSISTENCY').toUpperCase();
  if (!CONSISTENCY_LEVELS.includes(consistency)) {
    problems.push(`PARLEY_CASSANDRA_CONSISTENCY must be one of ${CONSISTENCY_LEVELS.join(', ')}`);
  }
  const migrate = raw('PARLEY_CASSANDRA_MIGRATE');
  if (migrate !== 'true' && migrate !== 'false') problems.push('PARLEY_CASSANDRA_MIGRATE must be "true" or "false"');
  const keyspace = raw('PARLEY_CASSANDRA_KEYSPACE');
  if (!/^[a-z][a-z0-9_]{0,47}$/.test(keyspace)) {
    problems.push(`PARLEY_CASSANDRA_KEYSPACE must be lowercase letters, digits and _ (got "${keyspace}")`);
  }
  const topic = raw('PARLEY_KAFKA_TOPIC');
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(topic)) problems.push(`PARLEY_KAFKA_TOPIC is not a valid topic (got "${topic}")`);
  const redisUrl = raw('PARLEY_REDIS_URL');
  if (!/^rediss?:\/\/\S+$/.test(redisUrl)) problems.push(`PARLEY_REDIS_URL must be a redis:// URL (got "${redisUrl}")`);
  const secret = raw('PARLEY_JWT_SECRET') || undefined;
  if (secret !== undefined && secret.length < 32) problems.push('PARLEY_JWT_SECRET must be at least 32 characters');
  const origins = raw('PARLEY_CORS_ORIGINS').trim();
  const corsOrigins = origins === '*' ? '*' : origins.split(',').map((o) => o.trim().replace(/\/$/, ''));
  if (corsOrigins !== '*') {
    for (const origin of corsOrigins) {
      if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`PARLEY_CORS_ORIGINS: "${origin}" is not an origin`);
    }
  }

  const config: Config = {
    mode:
      adapters.store === 'cassandra' || adapters.bus === 'kafka' || adapters.cache === 'redis' ? 'cluster' : 'embedded',
    adapters,
    cassandra: {
      contactPoints: list('PARLEY_CASSANDRA_CONTACT_POINTS'),
      localDataCenter: raw('PARLEY_CASSANDRA_LOCAL_DC'),
      keyspace,
      consistency,
      replicationFactor: int('PARLEY_CASSANDRA_REPLICATION_FACTOR', 1, 9),
      migrateOnStart: migrate === 'true',
    },
    kafka: {
      brokers: list('PARLEY_KAFKA_BROKERS'),
      topic,
      partitions: int('PARLEY_KAFKA_PARTITIONS', 1, 1000),
      outboxMax: int('PARLEY_KAFKA_OUTBOX_MAX', 100, 10_000_000),
    },
    redis: { url: redisUrl },
    http: { host: raw('PARLEY_HTTP_HOST'), port: int('PARLEY_HTTP_PORT', 0, 65535) },
    dataDir: resolve(raw('PARLEY_DATA_DIR')),
    jwtSecret: secret,
    jwtTtlSeconds: int('PARLEY_JWT_TTL_SECONDS', 60, 31_536_000),
    instanceId: int('PARLEY_INSTANCE_ID', 0, 1023),
    corsOrigins,
    rateLimit: {
      authPerMinute: int('PARLEY_RATE_AUTH_PER_MINUTE', 1, 1_000_000),
      sendsPerMinute: int('PARLEY_RATE_SENDS_PER_MINUTE', 1, 10_000_000),
      sendsPerMinutePerIp: int('PARLEY_RATE_SENDS_PER_MINUTE_PER_IP', 1, 10_000_000),
    },
    ws: {
      maxPayloadBytes: int('PARLEY_WS_MAX_PAYLOAD_BYTES', 1024, 16 * 1024 * 1024),
      maxBufferedBytes: int('PARLEY_WS_MAX_BUFFERED_BYTES', 16 * 1024, 1024 * 1024 * 1024),
      pingIntervalMs: int('PARLEY_WS_PING_INTERVAL_MS', 100, 3_600_000),
      authTimeoutMs: int('PARLEY_WS_AUTH_TIMEOUT_MS', 100, 60_000),
    },
    typingTtlMs: int('PARLEY_TYPING_TTL_MS', 100, 60_000),
    recoveryWindowMs:
      raw('PARLEY_RECOVERY_WINDOW_MS') === ''
        ? adapters.bus === 'kafka'
          ? 1000
          : 0
        : int('PARLEY_RECOVERY_WINDOW_MS', 0, 3_600_000),
    logLevel: raw('PARLEY_LOG_LEVEL'),
    trustProxy: raw('PARLEY_TRUST_PROXY') === 'true',
    grpc: { port: int('PARLEY_GRPC_PORT', 0, 65535), adminSecret: raw('PARLEY_ADMIN_SECRET') || undefined },
    otelEndpoint: raw('PARLEY_OTEL_ENDPOINT') || undefined,
  };
  if (config.grpc.adminSecret !== undefined && config.grpc.adminSecret.length < 16) {
    problems.push('PARLEY_ADMIN_SECRET must be at least 16 characters');
  }
  if (config.otelEndpoint !== undefined && !/^https?:\/\/\S+$/.test(config.otelEndpoint)) {
    problems.push(`PARLEY_OTEL_ENDPOINT must be an http(s) URL (got "${config.otelEndpoint}")`);
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`PARLEY_LOG_LEVEL must be a pino level (got "${config.logLevel}")`);
  }
  if (!['true', 'false'].includes(raw('PARLEY_TRUST_PROXY'))) {
    problems.push(`PARLEY_TRUST_PROXY must be true or false (got "${raw('PARLEY_TRUST_PROXY')}")`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
