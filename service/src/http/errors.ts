import type { FastifyError, FastifyInstance } from 'fastify';
import { type ErrorCode, isParleyError } from '../domain/errors.js';
import { describeValidation } from './contract.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid_input',
  415: 'invalid_input',
  429: 'rate_limited',
  503: 'unavailable',
};

export interface Failure {
  status: 'fail';
  message: string;
  code: ErrorCode;
  field?: string;
  retry_after_ms?: number;
}

/** Renders any error as the seed's failure envelope; unknown errors become a generic 500. */
export function toFailure(err: unknown): { statusCode: number; body: Failure } {
  if (isParleyError(err)) {
    return {
      statusCode: err.status,
      body: {
        status: 'fail',
        message: err.message,
        code: err.code,
        ...(err.field ? { field: err.field } : {}),
        ...(err.retryAfterMs !== undefined ? { retry_after_ms: err.retryAfterMs } : {}),
      },
    };
  }
  const fe = err as Partial<FastifyError> & { validation?: unknown[]; validationContext?: string };
  if (Array.isArray(fe.validation)) {
    const { field, message } = describeValidation(fe.validation as never);
    return { statusCode: 400, body: { status: 'fail', message, code: 'invalid_input', field } };
  }
  const status = fe.statusCode ?? 500;
  const code = CODE_BY_STATUS[status];
  if (status < 500 && code) {
    const message = fe.code?.startsWith('FST_ERR_CTP') ? describeBodyError(fe) : (fe.message ?? 'bad request');
    return { statusCode: status, body: { status: 'fail', message, code } };
  }
  return { statusCode: 500, body: { status: 'fail', message: 'internal error', code: 'internal' } };
}

function describeBodyError(fe: Partial<FastifyError>): string {
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'body must be application/json';
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'body is too large';
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'body must not be empty';
  return 'body is not valid JSON';
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { statusCode, body } = toFailure(err);
    if (statusCode >= 500 && body.code === 'internal') request.log.error({ err }, 'unhandled error');
    else if (statusCode >= 500) request.log.warn({ err }, body.message);
    if (body.retry_after_ms !== undefined) reply.header('retry-after', Math.ceil(body.retry_after_ms / 1000));
    return reply.status(statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ status: 'fail', message: `route ${request.method} ${request.url} not found`, code: 'not_found' }),
  );
}
