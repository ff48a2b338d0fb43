import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenClaims, TokenIssuer } from '../../ports/token-issuer.port.js';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** JWT HS256 (RFC 7519) with expiry. Only HS256 is accepted: the header is compared exactly. */
export class Hs256TokenIssuer implements TokenIssuer {
  readonly #secret: Buffer;
  readonly #ttlSeconds: number;
  readonly #now: () => number;

  constructor(secret: string | Buffer, ttlSeconds: number, now: () => number = Date.now) {
    this.#secret = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
    this.#ttlSeconds = ttlSeconds;
    this.#now = now;
  }

  issue(claims: Omit<TokenClaims, 'exp' | 'iat'>): { token: string; expiresAt: number } {
    const iat = Math.floor(this.#now() / 1000);
    const exp = iat + this.#ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp })).toString('base64url');
    const body = `${HEADER}.${payload}`;
    return { token: `${body}.${this.#sign(body)}`, expiresAt: exp };
  }

  verify(token: string): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.#sign(`${header}.${payload}`), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: Partial<TokenClaims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    } catch {
      return undefined;
    }
    const { sub, name, email, exp, iat } = claims;
    if (typeof sub !== 'string' || typeof name !== 'string' || typeof email !== 'string') return undefined;
    if (typeof exp !== 'number' || typeof iat !== 'number' || exp * 1000 <= this.#now()) return undefined;
    return { sub, name, email, exp, iat };
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#secret).update(body).digest('base64url');
  }
}
