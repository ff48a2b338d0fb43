import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { ErrorCode, ParleyError } from '../domain/errors.js';

/** The shortest admin secret accepted (config.ts enforces the same for PARLEY_ADMIN_SECRET). */
export const ADMIN_SECRET_MIN_LENGTH = 16;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks `authorization: Bearer <secret>` metadata in constant time (both sides are hashed
 * first, so neither the secret's content nor its length leaks through timing).
 */
export function createAdminAuth(secret: string): (metadata: Metadata) => void {
  if (secret.length < ADMIN_SECRET_MIN_LENGTH) {
    throw new RangeError(`the gRPC admin secret must be at least ${ADMIN_SECRET_MIN_LENGTH} characters`);
  }
  const expected = digest(`Bearer ${secret}`);
  return (metadata) => {
    const [value] = metadata.get('authorization');
    const given = typeof value === 'string' ? value : '';
    if (!timingSafeEqual(digest(given), expected)) {
      throw new ParleyError(ErrorCode.Unauthorized, 'missing or invalid admin secret');
    }
  };
}
