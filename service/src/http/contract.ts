import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
// js-yaml, not yaml: it parses chat.yaml in ~0.08 s at start where yaml took ~0.35 s.
import { CORE_SCHEMA, load } from 'js-yaml';

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: string[]) => Ajv;

/** The path of openapi/chat.yaml, the single source of truth for routes and frames. */
export const SPEC_PATH = createRequire(import.meta.url).resolve('@parley/contract/chat.yaml');

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Json;
}
interface Operation {
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { content: { 'application/json': { schema: Json } } };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Parameter> };
}

export const SCHEMA_ID = 'parley';

/**
 * Hands out validators that compile their schema on first use. Fastify asks for one per route
 * part at start, and compiling them all up front was ~0.2 s of a 1.3 s start; a route's first
 * request pays its own compile (a few ms) instead.
 */
export class LazyCompiler {
  constructor(readonly ajv: Ajv) {}

  compile(schema: object): ValidateFunction {
    const ajv = this.ajv;
    let compiled: ValidateFunction | undefined;
    const validate = ((data: unknown) => {
      compiled ??= ajv.compile(schema);
      const ok = compiled(data);
      validate.errors = compiled.errors;
      return ok;
    }) as ValidateFunction;
    validate.errors = null;
    validate.schema = schema;
    return validate;
  }
}
const ref = (name: string): Json => ({ $ref: `${SCHEMA_ID}#/$defs/${name}` });

/** Loads the spec and answers schema questions for the HTTP routes and WebSocket frames. */
export class Contract {
  readonly spec: Spec;
  /** The YAML as written, served at /openapi.yaml. */
  readonly text: string;
  /** Strict (no coercion): bodies and frames. */
  readonly bodies: LazyCompiler;
  /** Coerces strings to numbers: query strings and path parameters. */
  readonly params: LazyCompiler;
  readonly #frames = new Map<string, ValidateFunction>();

  constructor(specText: string = readFileSync(SPEC_PATH, 'utf8')) {
    this.text = specText;
    this.spec = load(specText, { schema: CORE_SCHEMA }) as Spec; // YAML 1.2 core, as the yaml package reads it
    // Spec refs point at #/components/schemas; inside the Ajv document they live under $defs.
    const defs = JSON.parse(
      JSON.stringify(this.spec.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
    );
    const make = (coerceTypes: boolean) => {
      // validateSchema: false: checking the spec's schemas against the JSON Schema meta-schema
      // compiled the meta-schema at every start (~0.15 s); contract.test.ts checks them once.
      const ajv = new Ajv({ strict: false, allErrors: false, coerceTypes, useDefaults: true, validateSchema: false });
      addFormats(ajv, ['email', 'date-time']);
      ajv.addSchema({ $id: SCHEMA_ID, $defs: defs });
      return new LazyCompiler(ajv);
    };
    this.bodies = make(false);
    this.params = make(true);
  }

  /** Fastify route schemas (body, querystring, params) for one operation of the spec. */
  route(method: string, path: string): { body?: Json; querystring?: Json; params?: Json } {
    const op = this.spec.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${path} is not in openapi/chat.yaml`);
    const out: { body?: Json; querystring?: Json; params?: Json } = {};
    const body = op.requestBody?.content['application/json'].schema;
    if (body) out.body = this.#rewrite(body);
    for (const where of ['query', 'path'] as const) {
      const params = (op.parameters ?? []).map((p) => this.#param(p)).filter((p) => p.in === where);
      if (params.length === 0) continue;
      const schema = {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [p.name, this.#rewrite(p.schema)])),
        required: params.filter((p) => p.required).map((p) => p.name),
      };
      out[where === 'query' ? 'querystring' : 'params'] = schema;
    }
    return out;
  }

  /** A validator for one named component schema (e.g. `SendFrame`), strict. */
  frame(name: string): ValidateFunction {
    let fn = this.#frames.get(name);
    if (!fn) {
      if (!this.spec.components.schemas[name]) throw new Error(`${name} is not a schema in openapi/chat.yaml`);
      fn = this.bodies.ajv.compile(ref(name));
      this.#frames.set(name, fn);
    }
    return fn;
  }

  #param(p: Parameter | { $ref: string }): Parameter {
    if ('$ref' in p) {
      const name = p.$ref.split('/').at(-1) ?? '';
      const found = this.spec.components.parameters[name];
      if (!found) throw new Error(`unknown parameter ${p.$ref}`);
      return found;
    }
    return p;
  }

  #rewrite(schema: Json): Json {
    return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMA_ID}#/$defs/`));
  }
}

/** A readable message naming the field, from the first Ajv error. */
export function describeValidation(errors: readonly ErrorObject[], prefix = ''): { field: string; message: string } {
  const e = errors[0];
  if (!e) return { field: prefix || 'body', message: `${prefix || 'body'} is invalid` };
  const path = e.instancePath.split('/').filter(Boolean).join('.');
  const params = e.params as Record<string, unknown>;
  const child = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const field = [prefix, path, child].filter(Boolean).join('.') || prefix || 'body';
  const text = ((): string => {
    switch (e.keyword) {
      case 'required':
        return 'is required';
      case 'additionalProperties':
        return 'is not allowed';
      case 'minLength':
        return params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters`;
      case 'maxLength':
        return `must be at most ${params.limit} characters`;
      case 'pattern':
        return params.pattern === '\\S' ? 'must not be blank' : 'is malformed';
      case 'format':
        return `must be a valid ${params.format}`;
      case 'type':
        return `must be ${params.type === 'integer' ? 'an integer' : `a ${params.type}`}`;
      case 'minimum':
      case 'maximum':
        return `must be ${e.keyword === 'minimum' ? '>=' : '<='} ${params.limit}`;
      case 'const':
      case 'enum':
        return `must be ${JSON.stringify(params.allowedValue ?? params.allowedValues)}`;
      default:
        return e.message ?? 'is invalid';
    }
  })();
  return { field, message: `${field} ${text}` };
}
