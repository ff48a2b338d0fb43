import { resolve } from 'node:path';

/** Parley's configuration. Every `PARLEY_*` variable is read here and nowhere else. */
export interface Config {
  mode: 'embedded';
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
  logLevel: string;
  grpc: { port: number; adminSecret: string | undefined };
  /** OTLP/HTTP traces endpoint; tracing is off when unset. */
  otelEndpoint: string | undefined;
}

/** One entry per accepted variable: its default and a one-line description (the README's table). */
export const CONFIG_VARIABLES = {
  PARLEY_MODE: { default: 'embedded', doc: '`embedded` (SQLite, in-process bus)' },
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
  PARLEY_LOG_LEVEL: { default: 'info', doc: 'pino level (`silent` to mute)' },
  PARLEY_GRPC_PORT: { default: '9090', doc: 'gRPC port of the host API (ChatAdminService)' },
  PARLEY_ADMIN_SECRET: { default: '', doc: 'Bearer secret for the gRPC host API; no gRPC server without it' },
  PARLEY_OTEL_ENDPOINT: { default: '', doc: 'OTLP/HTTP endpoint for traces (e.g. http://jaeger:4318); off when unset' },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
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
  if (mode !== 'embedded') problems.push(`PARLEY_MODE must be "embedded" (got "${mode}")`);
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
    mode: 'embedded',
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
    logLevel: raw('PARLEY_LOG_LEVEL'),
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
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
