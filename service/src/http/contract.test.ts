import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { Contract, SCHEMA_ID } from './contract.js';

describe('Contract', () => {
  const contract = new Contract();

  it('holds schemas that are valid JSON Schema (the service skips this check at start)', () => {
    const ajv = new Ajv({ strict: false });
    const defs = JSON.parse(
      JSON.stringify(contract.spec.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
    );
    expect(ajv.validateSchema({ $id: SCHEMA_ID, $defs: defs }), ajv.errorsText()).toBe(true);
  });

  it('compiles a route validator on its first use and reports its errors like Ajv', () => {
    const schema = contract.route('post', '/api/login').body as object;
    const validate = contract.bodies.compile(schema);
    expect(validate.errors).toBeNull();
    expect(validate({ email: 'a@example.test' })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe('required');
    expect(validate({ email: 'a@example.test', password: 'correct horse battery' })).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it('coerces query strings with the params compiler', () => {
    const schema = contract.route('get', '/api/message').querystring as object;
    const validate = contract.params.compile(schema);
    const query: Record<string, unknown> = { channel_id: '00000000-0000-4000-8000-000000000000', limit: '20' };
    expect(validate(query), JSON.stringify(validate.errors)).toBe(true);
    expect(query.limit).toBe(20);
  });
});
