/** Thrown (or returned as an empty token) by a token provider to say: this user may not connect. */
export class UnauthorizedError extends Error {
  constructor(message = 'unauthorized') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/**
 * Returns a fresh token, e.g. from the host site's backend. Throw `UnauthorizedError` or return
 * an empty value to stop the client; any other error is retried with backoff.
 */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** The current token: cached, fetched from the provider when there is none or it expired. */
export interface TokenSource {
  /** The token; rejects with `UnauthorizedError` when there is none to be had. */
  get(): Promise<string>;
  set(token: string): void;
  /** Forgets the cached token so the next `get` asks the provider; false when there is none. */
  invalidate(): boolean;
}

export function createTokenSource(token: string | TokenProvider | undefined): TokenSource {
  const provider = typeof token === 'function' ? token : undefined;
  let cached = typeof token === 'string' ? token : '';
  let inflight: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    try {
      const fresh = provider ? await provider() : '';
      if (!fresh) throw new UnauthorizedError(provider ? 'token provider returned no token' : 'no token');
      cached = fresh;
      return fresh;
    } finally {
      inflight = undefined;
    }
  };
  return {
    get() {
      if (cached) return Promise.resolve(cached);
      inflight ??= fetchToken();
      return inflight;
    },
    set(next) {
      cached = next;
    },
    invalidate() {
      if (provider) cached = '';
      return provider !== undefined;
    },
  };
}
