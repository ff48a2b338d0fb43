import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ParleyError } from './errors.js';
import { isSnowflake } from './snowflake.js';

describe('cursor codec', () => {
  it('round-trips an opaque base64url cursor', () => {
    const raw = encodeCursor({ after: '385496414626512896' });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw, isSnowflake)).toEqual({ after: '385496414626512896' });
  });

  it('treats an empty or missing cursor as the first page', () => {
    expect(decodeCursor(undefined, isSnowflake)).toBeUndefined();
    expect(decodeCursor('', isSnowflake)).toBeUndefined();
  });

  it.each([
    ['not base64', 'a b c'],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['not an object', Buffer.from('42').toString('base64url')],
    ['missing key', Buffer.from('{}').toString('base64url')],
    ['bad key', Buffer.from('{"a":"12x"}').toString('base64url')],
    ['padding', `${encodeCursor({ after: '1' })}==`],
  ])('rejects a malformed cursor (%s) as invalid_input on the cursor field', (_name, raw) => {
    try {
      decodeCursor(raw, isSnowflake);
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(ParleyError);
      expect((err as ParleyError).code).toBe('invalid_input');
      expect((err as ParleyError).status).toBe(400);
      expect((err as ParleyError).field).toBe('cursor');
    }
  });
});
