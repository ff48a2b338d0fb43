import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { type ErrorCode, isParleyError } from '../domain/errors.js';

/** What the gRPC layer logs with (a pino / Fastify logger fits). */
export interface GrpcLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Parley's error codes as gRPC status codes. */
export const GRPC_STATUS_BY_CODE: Record<ErrorCode, status> = {
  invalid_input: status.INVALID_ARGUMENT,
  unauthorized: status.UNAUTHENTICATED,
  forbidden: status.PERMISSION_DENIED,
  not_found: status.NOT_FOUND,
  conflict: status.ALREADY_EXISTS,
  rate_limited: status.RESOURCE_EXHAUSTED,
  unavailable: status.UNAVAILABLE,
  internal: status.INTERNAL,
};

/** The status code's name (`OK`, `NOT_FOUND`, ...), as the metrics label it. */
export const statusName = (code: status): string => status[code] ?? 'UNKNOWN';

/**
 * Any error as a gRPC status. A `ParleyError` keeps its message (details) and carries its code,
 * field and retry hint as trailing metadata (`parley-code`, `parley-field`, `retry-after-ms`);
 * anything else becomes a bare INTERNAL and is logged, never leaked.
 */
export function toServiceError(err: unknown, logger: GrpcLogger | undefined, method: string): Partial<ServiceError> {
  const metadata = new Metadata();
  if (isParleyError(err)) {
    metadata.set('parley-code', err.code);
    if (err.field) metadata.set('parley-field', err.field);
    if (err.retryAfterMs !== undefined) metadata.set('retry-after-ms', String(err.retryAfterMs));
    if (err.code === 'internal') logger?.error({ err, method }, 'grpc call failed');
    else if (err.code === 'unavailable') logger?.warn({ err, method }, err.message);
    return { code: GRPC_STATUS_BY_CODE[err.code], details: err.message, metadata };
  }
  logger?.error({ err, method }, 'grpc call failed');
  metadata.set('parley-code', 'internal');
  return { code: status.INTERNAL, details: 'internal error', metadata };
}
