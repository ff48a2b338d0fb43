import { randomUUID } from 'node:crypto';
import type { Identity, User } from '../domain/entities.js';
import { ErrorCode, ParleyError } from '../domain/errors.js';
import type { PasswordHasher } from '../ports/password-hasher.port.js';
import type { TokenIssuer } from '../ports/token-issuer.port.js';
import type { UserStore } from '../ports/user-store.port.js';

export interface AuthServiceDeps {
  users: UserStore;
  hasher: PasswordHasher;
  tokens: TokenIssuer;
  now?: () => Date;
}

export interface LoginResult extends User {
  token: string;
  expiresAt: number;
}

const BAD_CREDENTIALS = 'invalid email or password';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export class AuthService {
  readonly #deps: AuthServiceDeps;
  readonly #now: () => Date;

  constructor(deps: AuthServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  async register(input: { username: string; email: string; password: string }): Promise<User> {
    const user = {
      id: randomUUID(),
      name: input.username.trim(),
      email: normalizeEmail(input.email),
      createdAt: this.#now(),
      passwordHash: await this.#deps.hasher.hash(input.password),
    };
    await this.#deps.users.create(user);
    const { passwordHash: _omit, ...publicUser } = user;
    return publicUser;
  }

  /**
   * Host-issued identity (gRPC `IssueUserToken`): maps the host's own user id to a Parley user,
   * creating it when new, and returns a token for it. Such users have no password.
   */
  async issueForExternal(input: {
    externalId: string;
    name: string;
    email?: string | undefined;
  }): Promise<LoginResult & { created: boolean }> {
    let user = await this.#deps.users.byExternalId(input.externalId);
    let created = false;
    if (!user) {
      const id = randomUUID();
      const fresh = {
        id,
        name: input.name.trim(),
        email: normalizeEmail(input.email ?? `${id}@users.parley.invalid`),
        createdAt: this.#now(),
        passwordHash: '!',
        externalId: input.externalId,
      };
      try {
        await this.#deps.users.create(fresh);
        user = { id: fresh.id, name: fresh.name, email: fresh.email, createdAt: fresh.createdAt };
        created = true;
      } catch (err) {
        // Lost a race with another request for the same host user: use theirs.
        user = await this.#deps.users.byExternalId(input.externalId);
        if (!user) throw err;
      }
    }
    return { ...user, ...this.issueToken(user), created };
  }

  /** Unknown e-mail and wrong password take the same time and give the same 401. */
  async login(input: { email: string; password: string }): Promise<LoginResult> {
    const found = await this.#deps.users.byEmail(normalizeEmail(input.email));
    const hash = found?.passwordHash ?? (await this.#deps.hasher.decoy);
    const ok = await this.#deps.hasher.verify(input.password, hash);
    if (!found || !ok) throw new ParleyError(ErrorCode.Unauthorized, BAD_CREDENTIALS);
    const { passwordHash: _omit, externalId: _external, ...user } = found;
    return { ...user, ...this.issueToken(user) };
  }

  /** Issues a token for a user proven some other way (e.g. a host backend over gRPC). */
  issueToken(user: User): { token: string; expiresAt: number } {
    return this.#deps.tokens.issue({ sub: user.id, name: user.name, email: user.email });
  }

  /** The identity a token proves; `unauthorized` when missing, forged or expired. */
  authenticate(token: string | undefined): Identity {
    const claims = token ? this.#deps.tokens.verify(token) : undefined;
    if (!claims) throw new ParleyError(ErrorCode.Unauthorized, 'invalid or expired token');
    return { userId: claims.sub, name: claims.name, email: claims.email, expiresAt: claims.exp };
  }

  async user(userId: string): Promise<User> {
    const user = await this.#deps.users.byId(userId);
    if (!user) throw new ParleyError(ErrorCode.Unauthorized, 'user no longer exists');
    return user;
  }
}
