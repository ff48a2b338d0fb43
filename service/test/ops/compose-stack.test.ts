import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/**
 * The compose stack, checked statically (no Docker engine here or in CI): files it mounts and
 * builds exist, the settings it passes are ones the service accepts, and every metric the
 * dashboard and alerts use is one a live service exports.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  build?: { context: string; dockerfile?: string };
  image?: string;
  environment?: Record<string, string | number>;
  volumes?: Array<string | { type: string; source: string }>;
  ports?: string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const parleys = Object.entries(services).filter(([, s]) => s.environment && 'PARLEY_MODE' in s.environment);
const envOf = (s: ComposeService) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

/** `${NAME:-default}` as compose resolves it with nothing set in the shell. */
const interpolate = (value: string) => value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');

/** `./host/path` bind mounts of every service. */
const bindMounts = Object.entries(services).flatMap(([name, s]) =>
  (s.volumes ?? [])
    .map((v) => (typeof v === 'string' ? v.split(':')[0] : v.type === 'bind' ? v.source : undefined))
    .filter((source): source is string => source?.startsWith('./') === true)
    .map((source) => [name, source] as const),
);

describe('docker-compose.yml', () => {
  it('runs the whole stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'cassandra',
        'grafana',
        'jaeger',
        'kafka',
        'kafka-ui',
        'lb',
        'node-exporter',
        'parley-1',
        'parley-2',
        'prometheus',
        'redis',
      ].sort(),
    );
    expect(services.kafka?.image).toMatch(/^apache\/kafka:/);
    expect(services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(services.cassandra?.image).toBe('cassandra:5.0');
    expect(services['kafka-ui']?.image).toMatch(/redpandadata\/console/);
    expect(services.jaeger?.environment?.COLLECTOR_OTLP_ENABLED).toBe('true');
  });

  it('mounts only files and folders that exist', () => {
    expect(bindMounts.length).toBeGreaterThanOrEqual(5);
    for (const [service, source] of bindMounts) {
      expect(existsSync(join(ROOT, source)), `${service} mounts ${source}`).toBe(true);
    }
  });

  it('builds the Parley image from the Dockerfile', () => {
    for (const [name, s] of parleys) {
      expect(s.build, name).toBeDefined();
      expect(existsSync(join(ROOT, s.build?.context ?? '', s.build?.dockerfile ?? 'Dockerfile')), name).toBe(true);
    }
  });

  it('runs two cluster instances with distinct instance ids, tracing to Jaeger and one shared secret', () => {
    expect(parleys.map(([name]) => name)).toEqual(['parley-1', 'parley-2']);
    const envs = parleys.map(([, s]) => envOf(s));
    for (const env of envs) {
      expect(env.PARLEY_MODE).toBe('cluster');
      expect(env.PARLEY_OTEL_ENDPOINT).toBe('http://jaeger:4318');
      expect(env.PARLEY_ADMIN_SECRET?.length).toBeGreaterThanOrEqual(16);
    }
    expect(new Set(envs.map((e) => e.PARLEY_INSTANCE_ID)).size).toBe(2);
    expect(new Set(envs.map((e) => e.PARLEY_JWT_SECRET)).size).toBe(1);
  });

  it('sets only PARLEY_* variables the service knows', () => {
    const known = new Set(Object.keys(CONFIG_VARIABLES));
    const used = new Set(
      parleys.flatMap(([, s]) => Object.keys(s.environment ?? {})).filter((k) => k.startsWith('PARLEY_')),
    );
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
  });

  it("gives each instance a configuration the service's loader accepts", () => {
    for (const [name, s] of parleys) {
      expect(() => loadConfig(envOf(s)), name).not.toThrow();
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds in a node:20 stage with npm ci and npm run build, and runs from a slim stage', () => {
    expect(dockerfile).toMatch(/^FROM node:20\S* AS builder$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/^FROM node:20\S* AS runtime$/m);
    for (const needed of ['service/dist', 'service/migrations', 'openapi/chat.yaml', 'proto', 'node_modules']) {
      expect(dockerfile).toMatch(new RegExp(`^COPY --from=builder .*${needed.replace('/', '\\/')}`, 'm'));
    }
  });

  it('copies only paths that exist in the build context', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
  });
});

describe('load balancer', () => {
  const nginx = read('deploy/nginx/nginx.conf');

  it('balances HTTP, WebSocket upgrades and gRPC over both instances', () => {
    for (const [name, s] of parleys) {
      const env = envOf(s);
      expect(nginx).toContain(`server ${name}:${env.PARLEY_HTTP_PORT}`);
      expect(nginx).toContain(`server ${name}:${env.PARLEY_GRPC_PORT}`);
    }
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/grpc_pass grpc:\/\/parley_grpc;/);
    expect(services.lb?.ports).toEqual(expect.arrayContaining(['8080:8080', '9090:9090']));
  });
});

describe('Prometheus and Grafana', () => {
  const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as {
    rule_files: string[];
    scrape_configs: Array<{ job_name: string; metrics_path?: string; static_configs: Array<{ targets: string[] }> }>;
  };
  const alerts = parse(read('deploy/prometheus/alerts.yml')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string; annotations?: { summary?: string } }> }>;
  };
  const dashboard = JSON.parse(read('deploy/grafana/dashboards/parley.json')) as {
    panels: Array<{ title: string; type: string; datasource?: { uid: string }; targets?: Array<{ expr: string }> }>;
    templating: { list: Array<{ query: { query: string } }> };
  };
  const rules = alerts.groups.flatMap((g) => g.rules);
  const dashboardExprs = [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
    ...dashboard.templating.list.map((v) => v.query.query),
  ];
  const metricNames = (exprs: string[]) => new Set(exprs.flatMap((e) => e.match(/\bparley_[a-z0-9_]+/g) ?? []));

  let test: TestApp;
  let exported: Set<string>;
  beforeAll(async () => {
    test = await buildTestApp();
    const res = await test.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    exported = seriesNames(res.body);
  });
  afterAll(() => test.close());

  it('scrapes both instances on their HTTP port, and node_exporter', () => {
    const targets = prometheus.scrape_configs
      .find((c) => c.job_name === 'parley')
      ?.static_configs.flatMap((c) => c.targets);
    expect(targets).toEqual(parleys.map(([name, s]) => `${name}:${envOf(s).PARLEY_HTTP_PORT}`));
    const node = prometheus.scrape_configs.find((c) => c.job_name === 'node')?.static_configs[0]?.targets;
    expect(node).toEqual(['node-exporter:9100']);
    const mounted = (services.prometheus?.volumes ?? []).map(String);
    for (const file of prometheus.rule_files)
      expect(
        mounted.some((v) => v.endsWith(`:${file}:ro`)),
        file,
      ).toBe(true);
  });

  it('alerts only on metrics a live service exports', () => {
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) expect(rule.annotations?.summary, rule.alert).toBeTruthy();
    const missing = [...metricNames(rules.map((r) => r.expr))].filter((name) => !exported.has(name));
    expect(missing).toEqual([]);
  });

  it('charts only metrics a live service exports', () => {
    const used = metricNames(dashboardExprs);
    expect(used.size).toBeGreaterThanOrEqual(12);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });

  it('has the operational panels, all on the provisioned Prometheus data source', () => {
    const titles = dashboard.panels.map((p) => p.title.toLowerCase());
    for (const wanted of ['connections', 'sends / s', 'fan-out latency', 'consumer lag', 'store latency', 'errors']) {
      expect(
        titles.some((t) => t.includes(wanted)),
        wanted,
      ).toBe(true);
    }
    const sources = parse(read('deploy/grafana/provisioning/datasources/datasources.yml')) as {
      datasources: Array<{ uid: string; url: string }>;
    };
    const uids = new Set(dashboard.panels.filter((p) => p.type !== 'row').map((p) => p.datasource?.uid));
    expect([...uids]).toEqual(['prometheus']);
    expect(sources.datasources.find((d) => d.uid === 'prometheus')?.url).toBe('http://prometheus:9090');
  });

  it('provisions the dashboard from the folder mounted into Grafana', () => {
    const provider = parse(read('deploy/grafana/provisioning/dashboards/parley.yml')) as {
      providers: Array<{ options: { path: string } }>;
    };
    const path = provider.providers[0]?.options.path;
    expect(services.grafana?.volumes).toContain(`./deploy/grafana/dashboards:${path}:ro`);
  });
});

/**
 * Every series name a Prometheus text exposition offers: counters and gauges by their name,
 * histograms and summaries also by `_bucket` / `_sum` / `_count`.
 */
function seriesNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const match of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name = '', type] = match;
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  for (const match of exposition.matchAll(/^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/gm)) names.add(match[1] ?? '');
  return names;
}
