import { trace } from '@opentelemetry/api';
import { compose, loadAdapters, startTracingFor } from './compose.js';
import { loadConfigOrExit } from './config.js';
import { grpcEnabled } from './grpc/grpc-enabled.js';
import type { GrpcServer } from './grpc/grpc-server.js';
import { buildApp } from './http/app.js';

/** Log lines carry the active trace, so logs and traces join up. */
function traceIds(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** Process entry: config, composition, delivery, listen, graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const [tracing, modules] = await Promise.all([startTracingFor(config), loadAdapters(config)]);
  const services = compose(config, {}, modules);
  const app = await buildApp(services, {
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    ws: config.ws,
    logger: { level: config.logLevel, mixin: traceIds },
    ...(services.rateLimitRedis ? { rateLimitRedis: services.rateLimitRedis } : {}),
  });

  let grpc: GrpcServer | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close(); // stop accepting, close sockets with 1001
      await grpc?.close(); // end event streams, finish calls in flight
      await services.close(); // flush and close stores
      await tracing?.shutdown(); // export the last spans
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.http.host, port: config.http.port });
  if (grpcEnabled(config)) {
    // Imported only when the host API is on: @grpc/grpc-js and the proto loader cost start time.
    const { buildGrpcServer } = await import('./grpc/grpc-server.js');
    grpc = buildGrpcServer(services, { adminSecret: config.grpc.adminSecret, logger: app.log });
    await grpc.listen(config.http.host, config.grpc.port);
  } else {
    app.log.warn('PARLEY_ADMIN_SECRET is not set: the gRPC host API (ChatAdminService) is off');
  }
  app.log.info({ mode: config.mode, dataDir: config.dataDir, instanceId: config.instanceId }, 'parley ready');
}

main().catch((err: unknown) => {
  process.stderr.write(`parley: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
