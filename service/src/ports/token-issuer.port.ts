export interface TokenClaims {
  sub: string;
  name: string;
  email: string;
  /** Unix seconds. */
  exp: number;
  iat: number;
}

export interface TokenIssuer {
  issue(claims: Omit<TokenClaims, 'exp' | 'iat'>): { token: string; expiresAt: number };
  /** The claims of a valid, unexpired token, or undefined. */
  verify(token: string): TokenClaims | undefined;
}
