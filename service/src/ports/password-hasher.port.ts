export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
  /** A hash of nothing in particular, verified against when the e-mail is unknown (same timing). */
  readonly decoy: Promise<string>;
}
