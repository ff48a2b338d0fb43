/** Stable failure codes shared by HTTP, WebSocket and gRPC (see `ErrorCode` in openapi/chat.yaml). */
export const ErrorCode = {
  InvalidInput: 'invalid_input',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one registry of codes: HTTP status and whether a retry may succeed. */
export const errorRegistry: Record<ErrorCode, { status: number; retryable: boolean }> = {
  invalid_input: { status: 400, retryable: false },
  unauthorized: { status: 401, retryable: false },
  forbidden: { status: 403, retryable: false },
  not_found: { status: 404, retryable: false },
  conflict: { status: 409, retryable: false },
  rate_limited: { status: 429, retryable: true },
  unavailable: { status: 503, retryable: true },
  internal: { status: 500, retryable: false },
};

export interface ParleyErrorOptions {
  /** For `invalid_input`: the request field at fault, as a dotted path. */
  field?: string;
  /** For `rate_limited`: how long the caller should wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type of Parley. Delivery layers render it; adapters wrap driver errors in it. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: ParleyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.field = options.field;
    this.retryAfterMs = options.retryAfterMs;
  }

  get status(): number {
    return errorRegistry[this.code].status;
  }

  get retryable(): boolean {
    return errorRegistry[this.code].retryable;
  }
}

export const invalidInput = (field: string, message: string): ParleyError =>
  new ParleyError(ErrorCode.InvalidInput, message, { field });

export const isParleyError = (err: unknown): err is ParleyError => err instanceof ParleyError;
