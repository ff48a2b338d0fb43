import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  /** OTLP/HTTP base URL, e.g. http://jaeger:4318 (spans go to /v1/traces). */
  endpoint?: string;
  /** An exporter to use instead (tests use the in-memory one, synchronously). */
  exporter?: SpanExporter;
  instanceId: number;
}

/**
 * Starts the OpenTelemetry SDK: W3C trace context, async-context propagation, and spans exported
 * over OTLP. Parley creates its spans by hand (HTTP, WebSocket send, bus, fan-out, stores).
 */
export function startTracing(options: TracingOptions): { shutdown(): Promise<void> } {
  const processor: SpanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint?.replace(/\/$/, '')}/v1/traces` }));
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: 'parley',
      [ATTR_SERVICE_VERSION]: '0.1.0',
      'service.instance.id': String(options.instanceId),
    }),
    spanProcessors: [processor],
    instrumentations: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
