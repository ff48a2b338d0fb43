import type { User, UserWithSecret } from '../domain/entities.js';

export interface UserStore {
  /** Creates a user; throws `conflict` when the e-mail is taken (compared case-insensitively). */
  create(user: UserWithSecret): Promise<void>;
  byEmail(email: string): Promise<UserWithSecret | undefined>;
  byId(id: string): Promise<User | undefined>;
  /** A user issued by a host backend, by the host's own id. */
  byExternalId(externalId: string): Promise<User | undefined>;
}
