import { invalidInput } from './errors.js';

/**
 * Opaque cursors: base64url of a small JSON object. Clients must treat them as opaque; the
 * server validates the shape on the way back in, and a malformed cursor is `invalid_input`.
 */
export interface Cursor {
  /** The last id (or key) returned; the next page starts strictly after it. */
  after: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ a: cursor.after }), 'utf8').toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Decodes a cursor; `""` or `undefined` means the first page. */
export function decodeCursor(raw: string | undefined, isValidKey: (key: string) => boolean): Cursor | undefined {
  if (raw === undefined || raw === '') return undefined;
  const bad = () => invalidInput('cursor', 'cursor is malformed');
  if (!BASE64URL.test(raw)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const after = (parsed as { a?: unknown }).a;
  if (typeof after !== 'string' || !isValidKey(after)) throw bad();
  return { after };
}
