import {
  type Metadata,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type sendUnaryData,
  status,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { Services } from '../app/services.js';
import { createAdminAuth } from './admin-auth.js';
import { type EventStreamCall, serveChannelEvents } from './channel-event-stream.js';
import { createUnaryHandlers, type UnaryMethod } from './chat-admin.handlers.js';
import { loadChatAdminService } from './proto-definition.js';
import { type GrpcLogger, statusName, toServiceError } from './status.js';

export interface GrpcServerOptions {
  /** The bearer secret callers send as `authorization: Bearer <secret>` (>= 16 characters). */
  adminSecret: string;
  logger?: GrpcLogger;
  /** Where proto/ is (defaults to the repository's). */
  protoRoot?: string;
  /** Frames queued for a slow stream reader before its stream is ended (default 10,000). */
  maxQueuedFrames?: number;
}

export interface GrpcServer {
  /** Binds (port 0 picks a free port) and starts serving; resolves with the bound port. */
  listen(host: string, port: number): Promise<number>;
  /** Ends open event streams, lets calls in flight finish (5 s at most), then stops. */
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 5_000;
const UNARY_METHODS: UnaryMethod[] = [
  'IssueUserToken',
  'CreateChannel',
  'AddMember',
  'RemoveMember',
  'PostMessage',
  'ListMessages',
];

/** What every call goes through: the secret check, error mapping and `parley_grpc_*` metrics. */
interface CallContext {
  authorize(metadata: Metadata): void;
  logger: GrpcLogger | undefined;
  record(method: string, code: status, started: bigint): void;
}

function unaryCall(ctx: CallContext, method: string, handler: (request: unknown) => Promise<unknown>) {
  return async (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
    const started = process.hrtime.bigint();
    try {
      ctx.authorize(call.metadata);
      const response = await handler(call.request);
      ctx.record(method, status.OK, started);
      callback(null, response);
    } catch (err) {
      const error = toServiceError(err, ctx.logger, method);
      ctx.record(method, error.code ?? status.INTERNAL, started);
      callback(error);
    }
  };
}

function streamCall(ctx: CallContext, services: Services, options: Parameters<typeof serveChannelEvents>[2]) {
  const method = 'StreamChannelEvents';
  return (call: EventStreamCall) => {
    const started = process.hrtime.bigint();
    const fail = (err: unknown) => {
      const error = toServiceError(err, ctx.logger, method);
      ctx.record(method, error.code ?? status.INTERNAL, started);
      if (!call.cancelled) call.emit('error', error);
    };
    try {
      ctx.authorize(call.metadata);
    } catch (err) {
      return fail(err);
    }
    serveChannelEvents(services, call, options).then((code) => ctx.record(method, code, started), fail);
  };
}

/** The gRPC delivery layer (`ChatAdminService`) on the same app services as HTTP. Does not listen. */
export function buildGrpcServer(services: Services, options: GrpcServerOptions): GrpcServer {
  const ctx: CallContext = {
    authorize: createAdminAuth(options.adminSecret),
    logger: options.logger,
    record: (method, code, started) =>
      services.metrics.grpcCall(method, statusName(code), Number(process.hrtime.bigint() - started) / 1e9),
  };
  const handlers = createUnaryHandlers(services);
  const openStreams = new Set<() => void>();
  const implementation: UntypedServiceImplementation = {
    StreamChannelEvents: streamCall(ctx, services, {
      maxQueuedFrames: options.maxQueuedFrames ?? 10_000,
      open: openStreams,
    }),
  };
  for (const method of UNARY_METHODS) {
    implementation[method] = unaryCall(ctx, method, handlers[method] as (request: unknown) => Promise<unknown>);
  }
  const server = new Server();
  server.addService(loadChatAdminService(options.protoRoot), implementation);

  return {
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (err, bound) => {
          if (err) return reject(err);
          options.logger?.info({ host, port: bound }, 'gRPC host API listening');
          resolve(bound);
        });
      }),
    close() {
      for (const end of [...openStreams]) end();
      return new Promise((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
