import { describe, expect, it, vi } from 'vitest';
import { createRestClient, createTokenSource, settle, type TokenProvider } from '../src/index.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(token: string | TokenProvider | undefined, respond: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    return respond(request);
  });
  const rest = createRestClient({ baseUrl: 'http://parley.test', fetch, tokens: createTokenSource(token) });
  return { rest, requests };
}

describe('createRestClient', () => {
  it('sends the bearer token and returns the typed success envelope', async () => {
    const channels = [{ id: 'c1', name: 'general', user_id: 'u1', created_at: '2024-01-01T00:00:00.000Z' }];
    const { rest, requests } = setup('t1', () => json(200, { status: 'success', message: 'ok', data: channels }));
    const { data, error } = await rest.GET('/api/user/channel');
    expect(error).toBeUndefined();
    expect(data?.data).toEqual(channels);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer t1');
  });

  it('sends no Authorization header when there is no token (login)', async () => {
    const { rest, requests } = setup(undefined, () =>
      json(401, { status: 'fail', message: 'invalid email or password', code: 'unauthorized' }),
    );
    const { error } = await rest.POST('/api/login', { body: { email: 'a@b.c', password: 'x' } });
    expect(requests[0]?.headers.has('authorization')).toBe(false);
    expect(error).toEqual({ status: 'fail', message: 'invalid email or password', code: 'unauthorized' });
  });

  it('returns a failure status as data, never throws', async () => {
    const failure = { status: 'fail', message: 'too many', code: 'rate_limited', retry_after_ms: 1200 };
    const { rest } = setup('t1', () => json(429, failure));
    const result = await rest.POST('/api/message', { body: { channel_id: 'c1', content: 'hi' } });
    expect(result.error).toEqual(failure);
    expect(result.response.status).toBe(429);
  });

  it('turns a network failure into an unavailable failure envelope', async () => {
    const { rest } = setup('t1', () => {
      throw new TypeError('fetch failed');
    });
    const result = await rest.GET('/api/user/channel');
    expect(result.error).toEqual({ status: 'fail', code: 'unavailable', message: 'network error: fetch failed' });
    expect(result.response.status).toBe(503);
  });

  it('asks the token provider again after a 401', async () => {
    let n = 0;
    const provider = vi.fn(async () => `t${++n}`);
    const { rest, requests } = setup(provider, (request) =>
      request.headers.get('authorization') === 'Bearer t1'
        ? json(401, { status: 'fail', message: 'token expired', code: 'unauthorized' })
        : json(200, { status: 'success', message: 'ok', data: [] }),
    );
    expect((await rest.GET('/api/user/channel')).error?.code).toBe('unauthorized');
    expect((await rest.GET('/api/user/channel')).error).toBeUndefined();
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('settle', () => {
  it('maps the envelope to a camelCase ChatError', async () => {
    const { rest } = setup('t1', () =>
      json(400, { status: 'fail', message: 'content is required', code: 'invalid_input', field: 'content' }),
    );
    const result = await settle(rest.POST('/api/message', { body: { channel_id: 'c1', content: '' } }));
    expect(result).toEqual({ error: { code: 'invalid_input', message: 'content is required', field: 'content' } });
  });

  it('does not throw for a body that is not JSON', async () => {
    const { rest } = setup('t1', () => new Response('<html>bad gateway</html>', { status: 200 }));
    const result = await settle(rest.GET('/api/user/channel'));
    expect(result.error?.code).toBe('unavailable');
    const proxied = setup('t1', () => new Response('bad gateway', { status: 502 }));
    expect((await settle(proxied.rest.GET('/api/user/channel'))).error).toEqual({
      code: 'internal',
      message: 'bad gateway',
    });
  });
});
