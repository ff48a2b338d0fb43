import {
  type Attributes,
  INVALID_SPAN_CONTEXT,
  ProxyTracerProvider,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * Parley's tracer. Without a registered SDK (PARLEY_OTEL_ENDPOINT unset) the span helpers below
 * skip the span machinery altogether and hand `fn` a shared non-recording span.
 */
export const tracer = trace.getTracer('parley');

const NOOP_PROVIDER = new ProxyTracerProvider().getDelegate();
const NOOP_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * True while an OpenTelemetry SDK is registered (`startTracing`). Checked on every call (two
 * property reads), so an SDK started or shut down later, as the tests do, takes effect at once.
 */
export function tracingActive(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NOOP_PROVIDER;
}

/** Runs `fn` inside an active span that ends with it, recording failures. */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  if (!tracingActive()) return fn(NOOP_SPAN);
  return tracer.startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Like {@link withSpan} for synchronous work (the fan-out). */
export function withSpanSync<T>(name: string, attributes: Attributes, fn: (span: Span) => T): T {
  if (!tracingActive()) return fn(NOOP_SPAN);
  return tracer.startActiveSpan(name, { attributes }, (span) => {
    try {
      return fn(span);
    } finally {
      span.end();
    }
  });
}

export { SpanKind };
