import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Dialect, Metrics, SendOutcome } from '../../ports/metrics.port.js';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The `parley_*` metrics on a prom-client registry of their own (one per app instance). */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  readonly #http;
  readonly #httpDuration;
  readonly #sockets;
  readonly #framesIn;
  readonly #framesOut;
  readonly #sends;
  readonly #fanOut;
  readonly #busPublish;
  readonly #lag;
  readonly #store;
  readonly #outbox;
  readonly #recoveries;
  readonly #recovered;
  readonly #grpc;
  readonly #grpcDuration;

  constructor(options: { defaults?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
    this.#http = new Counter({
      name: 'parley_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.#httpDuration = new Histogram({
      name: 'parley_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['route', 'method'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#sockets = new Gauge({
      name: 'parley_ws_connections',
      help: 'Open WebSocket connections by dialect',
      labelNames: ['dialect'],
      registers,
    });
    this.#framesIn = new Counter({
      name: 'parley_ws_frames_in_total',
      help: 'WebSocket frames received by dialect and type',
      labelNames: ['dialect', 'type'],
      registers,
    });
    this.#framesOut = new Counter({ name: 'parley_ws_frames_out_total', help: 'WebSocket frames written', registers });
    this.#sends = new Counter({
      name: 'parley_sends_total',
      help: 'Messages and replies sent, by outcome',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.#fanOut = new Histogram({
      name: 'parley_fanout_latency_seconds',
      help: 'From a message being stored to its frame being written to local sockets',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#busPublish = new Histogram({
      name: 'parley_bus_publish_duration_seconds',
      help: 'Time to hand an event to the bus',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#lag = new Gauge({
      name: 'parley_kafka_consumer_lag',
      help: 'Kafka consumer lag by partition',
      labelNames: ['partition'],
      registers,
    });
    this.#store = new Histogram({
      name: 'parley_store_duration_seconds',
      help: 'Store operation latency',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#outbox = new Gauge({ name: 'parley_outbox_depth', help: 'Events waiting in the outbox', registers });
    this.#recoveries = new Counter({
      name: 'parley_recoveries_total',
      help: 'Subscriptions with since, by whether they hit a gap',
      labelNames: ['gap'],
      registers,
    });
    this.#recovered = new Counter({
      name: 'parley_recovered_messages_total',
      help: 'Messages replayed by recoveries',
      registers,
    });
    this.#grpc = new Counter({
      name: 'parley_grpc_calls_total',
      help: 'gRPC calls by method and status code',
      labelNames: ['method', 'code'],
      registers,
    });
    this.#grpcDuration = new Histogram({
      name: 'parley_grpc_call_duration_seconds',
      help: 'gRPC call duration',
      labelNames: ['method'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#outbox.set(0);
    for (const dialect of ['v1', 'seed']) this.#sockets.labels(dialect).set(0);
  }

  httpRequest(route: string, method: string, status: number, seconds: number): void {
    this.#http.labels(route, method, String(status)).inc();
    this.#httpDuration.labels(route, method).observe(seconds);
  }

  socketOpened(dialect: Dialect): void {
    this.#sockets.labels(dialect).inc();
  }

  socketClosed(dialect: Dialect): void {
    this.#sockets.labels(dialect).dec();
  }

  frameIn(dialect: Dialect, type: string): void {
    this.#framesIn.labels(dialect, type).inc();
  }

  framesOut(count: number): void {
    this.#framesOut.inc(count);
  }

  send(kind: 'message' | 'reply', outcome: SendOutcome): void {
    this.#sends.labels(kind, outcome).inc();
  }

  fanOut(seconds: number): void {
    this.#fanOut.observe(Math.max(0, seconds));
  }

  busPublish(seconds: number, ok: boolean): void {
    this.#busPublish.labels(ok ? 'ok' : 'error').observe(seconds);
  }

  consumerLag(partition: number, lag: number): void {
    this.#lag.labels(String(partition)).set(lag);
  }

  store(operation: string, seconds: number, ok: boolean): void {
    this.#store.labels(operation, ok ? 'ok' : 'error').observe(seconds);
  }

  outboxDepth(depth: number): void {
    this.#outbox.set(depth);
  }

  recovery(recovered: number, gap: boolean): void {
    this.#recoveries.labels(String(gap)).inc();
    this.#recovered.inc(recovered);
  }

  grpcCall(method: string, code: string, seconds: number): void {
    this.#grpc.labels(method, code).inc();
    this.#grpcDuration.labels(method).observe(seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
