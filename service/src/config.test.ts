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
