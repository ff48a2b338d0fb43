import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const register = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/register', payload: payload as object });
const login = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/login', payload: payload as object });

describe('POST /api/register', () => {
  it('creates a user and answers with the seed envelope', async () => {
    const res = await register({ username: 'ann', email: 'Ann@Example.test', password: 'password-1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('success');
    expect(body.message).toBe('register successfully');
    expect(body.data).toMatchObject({ name: 'ann', email: 'ann@example.test' });
    expect(body.data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(body.data.created_at).toISOString()).toBe(body.data.created_at);
    expect(body.data).not.toHaveProperty('password');
    expect(body.data).not.toHaveProperty('password_hash');
  });

  it('answers 409 conflict for an e-mail already taken, whatever its case', async () => {
    await register({ username: 'bob', email: 'bob@example.test', password: 'password-1' });
    const res = await register({ username: 'bob2', email: 'BOB@example.test', password: 'password-2' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 'fail', code: 'conflict' });
  });

  it.each([
    [{ email: 'x@example.test', password: 'password-1' }, 'username', 'is required'],
    [{ username: '', email: 'x@example.test', password: 'password-1' }, 'username', 'must not be empty'],
    [{ username: '   ', email: 'x@example.test', password: 'password-1' }, 'username', 'must not be blank'],
    [{ username: 'x'.repeat(101), email: 'x@example.test', password: 'password-1' }, 'username', 'at most 100'],
    [{ username: 'x', email: 'not-an-email', password: 'password-1' }, 'email', 'valid email'],
    [{ username: 'x', email: 'x@example.test', password: 'short' }, 'password', 'at least 8'],
    [{ username: 'x', email: 'x@example.test', password: 12345678 }, 'password', 'must be a string'],
    [{ username: 'x', email: 'x@example.test', password: 'password-1', admin: true }, 'admin', 'not allowed'],
  ])('rejects %j with 400 naming the field', async (payload, field, text) => {
    const res = await register(payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ status: 'fail', code: 'invalid_input', field });
    expect(body.message).toContain(field);
    expect(body.message).toContain(text);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 'fail', code: 'invalid_input', message: 'body is not valid JSON' });
  });

  it('answers a non-object body with 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/register',
      headers: { 'content-type': 'application/json' },
      payload: '[1,2]',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_input');
  });
});

describe('POST /api/login', () => {
  beforeAll(async () => {
    await register({ username: 'cat', email: 'cat@example.test', password: 'password-1' });
  });

  it('returns the user with a JWT', async () => {
    const res = await login({ email: 'CAT@example.test', password: 'password-1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.message).toBe('login successfully');
    expect(body.data).toMatchObject({ name: 'cat', email: 'cat@example.test' });
    expect(body.data.token.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(body.data.token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(body.data.token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(86400);
  });

  it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
    const wrong = await login({ email: 'cat@example.test', password: 'password-2' });
    const unknown = await login({ email: 'nobody@example.test', password: 'password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ status: 'fail', message: 'invalid email or password', code: 'unauthorized' });
  });

  it('rejects a missing password with 400', async () => {
    const res = await login({ email: 'cat@example.test' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('password');
  });
});

describe('authentication of other routes', () => {
  it.each([
    ['no header', undefined],
    ['not bearer', 'Basic abc'],
    ['garbage', 'Bearer abc.def.ghi'],
    [
      'alg none',
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`,
    ],
  ])('answers 401 for %s', async (_name, authorization) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/user/channel',
      headers: authorization ? { authorization } : {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 'fail', code: 'unauthorized' });
  });

  it('rejects a token signed with another secret', async () => {
    const other = await buildTestApp();
    try {
      await other.app.inject({
        method: 'POST',
        url: '/api/register',
        payload: { username: 'eve', email: 'eve@example.test', password: 'password-1' },
      });
      const token = (
        await other.app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { email: 'eve@example.test', password: 'password-1' },
        })
      ).json().data.token;
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/user/channel',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });
});
