import { LIMITS } from '../domain/entities.js';
import { invalidInput } from '../domain/errors.js';
import { isUuid } from '../domain/ids.js';
import { isSnowflake } from '../domain/snowflake.js';

/**
 * Input checks for the gRPC requests, worded like the REST validation (`<field> is required`,
 * `<field> is malformed`, ...). Each throws `invalid_input` naming the field; proto3 strings
 * arrive as `""` when unset.
 */
const CLIENT_MSG_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /\p{Cc}/u;
const CURSOR_MAX = 512;

/** Length in code points, as JSON Schema (and so the REST API) counts it. */
const length = (value: string): number => [...value].length;

export function requireUuid(field: string, value: string): string {
  if (value === '') throw invalidInput(field, `${field} is required`);
  if (!isUuid(value)) throw invalidInput(field, `${field} must be a UUID`);
  return value;
}

/** An optional Snowflake id (`since`): undefined when empty. */
export function optionalSnowflake(field: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (!isSnowflake(value)) throw invalidInput(field, `${field} must be a message id (a decimal Snowflake)`);
  return value;
}

/** A list of message ids (`have`): at most `max`, each a Snowflake. */
export function snowflakeList(field: string, values: readonly string[] | undefined, max: number): string[] {
  const list = values ?? [];
  if (list.length > max) throw invalidInput(field, `${field} must have at most ${max} ids`);
  for (const value of list) {
    if (!isSnowflake(value)) throw invalidInput(field, `${field} must hold message ids (decimal Snowflakes)`);
  }
  return [...list];
}

/** A display or channel name: 1-100 characters, not blank, no control characters. */
export function requireName(field: string, value: string): string {
  if (value === '') throw invalidInput(field, `${field} is required`);
  if (length(value) > LIMITS.nameMax)
    throw invalidInput(field, `${field} must be at most ${LIMITS.nameMax} characters`);
  if (value.trim() === '') throw invalidInput(field, `${field} must not be blank`);
  if (CONTROL.test(value)) throw invalidInput(field, `${field} must not contain control characters`);
  return value;
}

export function requireContent(field: string, value: string): string {
  if (value === '') throw invalidInput(field, `${field} is required`);
  if (length(value) > LIMITS.contentMax) {
    throw invalidInput(field, `${field} must be at most ${LIMITS.contentMax} characters`);
  }
  if (value.trim() === '') throw invalidInput(field, `${field} must not be blank`);
  return value;
}

/** The host's own user id: 1-255 characters, no control characters. */
export function requireExternalId(field: string, value: string): string {
  if (value === '') throw invalidInput(field, `${field} is required`);
  if (length(value) > 255) throw invalidInput(field, `${field} must be at most 255 characters`);
  if (CONTROL.test(value) || value.trim() !== value) throw invalidInput(field, `${field} is malformed`);
  return value;
}

export function optionalEmail(field: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 254 || !EMAIL.test(value)) throw invalidInput(field, `${field} must be a valid email`);
  return value;
}

export function optionalClientMsgId(field: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (!CLIENT_MSG_ID.test(value)) throw invalidInput(field, `${field} must be 1-64 of A-Z a-z 0-9 _ . : -`);
  return value;
}

/** An opaque cursor: only its size is checked here; the app decodes (and rejects) it. */
export function optionalCursor(field: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > CURSOR_MAX) throw invalidInput(field, `${field} is malformed`);
  return value;
}

/** A page size: 0 means the default, otherwise 1 to the maximum. */
export function pageLimit(field: string, value: number): number {
  if (value === 0) return LIMITS.pageDefault;
  if (!Number.isInteger(value) || value < 1 || value > LIMITS.pageMax) {
    throw invalidInput(field, `${field} must be from 1 to ${LIMITS.pageMax} (0 for ${LIMITS.pageDefault})`);
  }
  return value;
}
