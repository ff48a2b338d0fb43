import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'embedded',
      http: { host: '0.0.0.0', port: 8080 },
      jwtSecret: undefined,
      jwtTtlSeconds: 86400,
      instanceId: 0,
      corsOrigins: '*',
    });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.ws.authTimeoutMs).toBe(5000);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PARLEY_HTTP_HOST: '127.0.0.1',
      PARLEY_HTTP_PORT: '9000',
      PARLEY_DATA_DIR: '/tmp/x',
      PARLEY_JWT_SECRET: 's'.repeat(32),
      PARLEY_JWT_TTL_SECONDS: '120',
      PARLEY_INSTANCE_ID: '1023',
      PARLEY_CORS_ORIGINS: 'https://a.example, https://b.example/',
    });
    expect(c.http).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.jwtSecret).toBe('s'.repeat(32));
    expect(c.instanceId).toBe(1023);
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('picks the cluster adapters from PARLEY_MODE=cluster, aimed at scripts/infra.sh by default', () => {
    const c = loadConfig({ PARLEY_MODE: 'cluster', PARLEY_INSTANCE_ID: '2' });
    expect(c.mode).toBe('cluster');
    expect(c.adapters).toEqual({ store: 'cassandra', bus: 'kafka', cache: 'redis' });
    expect(c.cassandra).toMatchObject({
      contactPoints: ['127.0.0.1:9042'],
      localDataCenter: 'datacenter1',
      keyspace: 'parley',
      consistency: 'LOCAL_QUORUM',
      migrateOnStart: true,
    });
    expect(c.kafka).toMatchObject({ brokers: ['127.0.0.1:9092'], topic: 'parley.events', partitions: 6 });
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
  });

  it('lets one port use a cluster adapter while the rest stay embedded, and rejects unknown ones', () => {
    expect(loadConfig({ PARLEY_BUS: 'kafka' })).toMatchObject({
      mode: 'cluster',
      adapters: { store: 'sqlite', bus: 'kafka', cache: 'memory' },
    });
    expect(loadConfig({ PARLEY_MODE: 'cluster', PARLEY_CACHE: 'memory' }).adapters.cache).toBe('memory');
    expect(() => loadConfig({ PARLEY_STORE: 'mongo' })).toThrow(/PARLEY_STORE/);
    expect(() => loadConfig({ PARLEY_CASSANDRA_CONSISTENCY: 'SOME' })).toThrow(/PARLEY_CASSANDRA_CONSISTENCY/);
    expect(() => loadConfig({ PARLEY_KAFKA_BROKERS: 'a b' })).toThrow(/PARLEY_KAFKA_BROKERS/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PARLEY_HTTP_PORT: 'eighty',
        PARLEY_INSTANCE_ID: '1024',
        PARLEY_JWT_SECRET: 'short',
        PARLEY_MODE: 'cloud',
        PARLEY_CORS_ORIGINS: 'not an origin',
        PARLEY_TYPO: '1',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of [
        'PARLEY_HTTP_PORT',
        'PARLEY_INSTANCE_ID',
        'PARLEY_JWT_SECRET',
        'PARLEY_MODE',
        'PARLEY_CORS_ORIGINS',
        'PARLEY_TYPO',
      ]) {
        expect(problems).toContain(name);
      }
    }
  });
});
