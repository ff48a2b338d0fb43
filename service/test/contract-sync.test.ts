import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../src/config.js';
import { errorRegistry } from '../src/domain/errors.js';
import { CloseCode } from '../src/http/ws/connection.js';
import { buildTestApp } from './support/test-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const spec = parse(readFileSync(join(root, 'openapi/chat.yaml'), 'utf8'));

describe('the code stays in step with openapi/chat.yaml', () => {
  it('has committed generated types that are not stale', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts/gen-contract.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('has one error registry with exactly the spec error codes', () => {
    expect(Object.keys(errorRegistry).sort()).toEqual([...spec.components.schemas.ErrorCode.enum].sort());
  });

  it('uses exactly the close codes the spec lists', () => {
    const listed = spec.components.schemas.CloseCode.oneOf.map((c: { const: number }) => c.const).sort();
    expect(Object.values(CloseCode).sort()).toEqual(listed);
  });

  it('serves every route of the spec', async () => {
    const t = await buildTestApp();
    try {
      for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(ops)) {
          const url = path.replace(/\{(\w+)\}/g, ':$1');
          expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path}`).toBe(true);
        }
      }
    } finally {
      await t.close();
    }
  });

  it('lists every client frame type of the gateway in the spec', () => {
    const mapping = spec.components.schemas.ClientFrame.discriminator.mapping as Record<string, string>;
    const source = readFileSync(join(root, 'service/src/http/ws/v1-session.ts'), 'utf8');
    for (const [type, ref] of Object.entries(mapping)) {
      expect(source).toContain(`${type}: '${ref.split('/').at(-1)}'`);
    }
  });
});

describe('configuration discipline', () => {
  it('reads process.env only in config.ts and main.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/process\.env\b/.test(text) && !/src\/(config|main)\.ts$/.test(path)) offenders.push(path);
        }
      }
    };
    walk(join(root, 'service/src'));
    expect(offenders).toEqual([]);
  });

  it('documents every configuration variable in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(readme, name).toContain(name);
  });
});
