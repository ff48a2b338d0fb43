import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode, ParleyError } from '../domain/errors.js';

export interface RateLimitOptions {
  authPerMinute: number;
  sendsPerMinute: number;
  sendsPerMinutePerIp: number;
}

/** The subject of a send limit: a user and the address they came from. */
export interface SendSubject {
  userId: string;
  ip: string;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Send limits shared by HTTP and WebSocket sends, on @fastify/rate-limit's store (memory here,
 * Redis in cluster mode): one per user and one per IP.
 */
export class SendLimits {
  readonly #perUser: Limiter;
  readonly #perIp: Limiter;

  constructor(app: FastifyInstance, options: RateLimitOptions) {
    const key = (req: FastifyRequest) => req as unknown as SendSubject;
    this.#perUser = app.createRateLimit({
      max: options.sendsPerMinute,
      timeWindow: 60_000,
      skipOnError: true,
      keyGenerator: (req) => `send:user:${key(req).userId}`,
    });
    this.#perIp = app.createRateLimit({
      max: options.sendsPerMinutePerIp,
      timeWindow: 60_000,
      skipOnError: true,
      keyGenerator: (req) => `send:ip:${key(req).ip}`,
    });
  }

  /** Throws `rate_limited` (with the wait) when either limit is exceeded. */
  async check(subject: SendSubject): Promise<void> {
    // The limiter only reads the key generator's input and the route's (absent) group id.
    const req = { ...subject, routeOptions: { config: {} } } as unknown as FastifyRequest;
    for (const limiter of [this.#perUser, this.#perIp]) {
      const result = await limiter(req);
      if (!result.isAllowed && result.isExceeded) {
        throw new ParleyError(ErrorCode.RateLimited, 'too many messages, slow down', { retryAfterMs: result.ttl });
      }
    }
  }
}

/** Route config for register and login: per IP. */
export function authRateLimit(options: RateLimitOptions) {
  return {
    max: options.authPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) =>
      new ParleyError(ErrorCode.RateLimited, 'too many attempts, try again later', { retryAfterMs: context.ttl }),
  };
}
