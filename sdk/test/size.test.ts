import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const BUDGET = 10 * 1024;

describe('bundle', () => {
  it(`stays within ${BUDGET} bytes min+gzip (openapi-fetch included)`, async () => {
    const result = await build({ entryPoints: [ENTRY], bundle: true, minify: true, format: 'esm', write: false });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`@parley/sdk: ${code.length} B minified, ${gzipped} B min+gzip (budget ${BUDGET} B)`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it('has no side effects: importing it and using nothing leaves nothing in a bundle', async () => {
    const result = await build({
      stdin: { contents: `import ${JSON.stringify(ENTRY)};`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    expect(result.outputFiles[0]?.text.trim()).toBe('');
  });
});
