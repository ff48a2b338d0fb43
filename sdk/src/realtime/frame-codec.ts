import { camelize, snakify } from '../camelize.js';
import type { ClientFrame, ServerFrame } from '../contract.js';

/** A client frame as the wire text (snake_case JSON). */
export function encodeFrame(frame: ClientFrame): string {
  return JSON.stringify(snakify(frame));
}

/** A wire text frame as a camelCase server frame; undefined for anything that is not one. */
export function decodeFrame(data: unknown): ServerFrame | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const frame: unknown = JSON.parse(data);
    if (typeof frame === 'object' && frame !== null && typeof (frame as { type?: unknown }).type === 'string') {
      return camelize(frame) as ServerFrame;
    }
  } catch {
    // not JSON: ignored, like any frame this client does not understand
  }
  return undefined;
}
