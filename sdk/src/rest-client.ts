import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { ChatError, Result } from './contract.js';
import type { paths } from './gen/chat.js';
import type { TokenSource } from './token-source.js';

/** The typed REST client (openapi-fetch on the generated `paths`): wire shapes, errors as data. */
export type RestClient = Client<paths>;

export type FetchFunction = (request: Request) => Promise<Response>;

export interface RestClientOptions {
  /** The Parley server, e.g. `https://chat.example.com`. */
  baseUrl: string;
  /** Defaults to `globalThis.fetch`, read per request. */
  fetch?: FetchFunction | undefined;
  tokens: TokenSource;
}

/** A failure envelope as a Response, for failures that never reached the server. */
function failure(status: number, code: ChatError['code'], message: string): Response {
  return new Response(JSON.stringify({ status: 'fail', code, message }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * Adds `Authorization: Bearer <token>` when there is a token, forgets a token the server
 * refused (so a provider is asked again), and turns network failures into an `unavailable`
 * failure envelope: no REST call throws.
 */
export function authMiddleware(tokens: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = await tokens.get().catch(() => '');
      if (token) request.headers.set('authorization', `Bearer ${token}`);
    },
    onResponse({ response, schemaPath }) {
      if (response.status === 401 && schemaPath !== '/api/login') tokens.invalidate();
      return response;
    },
    onError({ error }) {
      return failure(503, 'unavailable', `network error: ${error instanceof Error ? error.message : String(error)}`);
    },
  };
}

export function createRestClient(options: RestClientOptions): RestClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: (request) => (options.fetch ?? globalThis.fetch)(request),
  });
  client.use(authMiddleware(options.tokens));
  return client;
}

/** Any REST `error` (the failure envelope, or text from a proxy) as a `ChatError`. */
export function toChatError(error: unknown): ChatError {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message, field, retry_after_ms } = error as Record<string, unknown>;
    return {
      code: code as ChatError['code'],
      message: String(message),
      ...(typeof field === 'string' ? { field } : {}),
      ...(typeof retry_after_ms === 'number' ? { retryAfterMs: retry_after_ms } : {}),
    };
  }
  return { code: 'internal', message: typeof error === 'string' ? error : 'unexpected response' };
}

/** Awaits an openapi-fetch call as a `Result`; even a body that is not JSON does not throw. */
export async function settle<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<Result<T>> {
  try {
    const { data, error } = await call;
    return error === undefined && data !== undefined ? { data } : { error: toChatError(error) };
  } catch (err) {
    return { error: { code: 'unavailable', message: err instanceof Error ? err.message : String(err) } };
  }
}
