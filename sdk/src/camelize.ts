/**
 * The wire is snake_case (openapi/chat.yaml); the SDK's state and events are camelCase. This is
 * the one place the two meet, at run time (`camelize`, `snakify`) and in the types (`Camel`).
 */

type CamelKey<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelKey<Tail>>}` : S;

/** `T` with every object key camelCased, deeply; unions distribute, so frame unions stay discriminated. */
export type Camel<T> = T extends readonly (infer U)[]
  ? Camel<U>[]
  : T extends object
    ? { [K in keyof T as K extends string ? CamelKey<K> : K]: Camel<T[K]> }
    : T;

function rekey(value: unknown, key: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rekey(v, key));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[key(k)] = rekey(v, key);
  return out;
}

/** A wire value with camelCase keys (deeply). */
export function camelize<T>(value: T): Camel<T> {
  return rekey(value, (k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())) as Camel<T>;
}

/** A camelCase value with wire (snake_case) keys (deeply). */
export function snakify(value: unknown): unknown {
  return rekey(value, (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}
