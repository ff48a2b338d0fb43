// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createBuilder, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
/** Widget + SDK + Lit, min+gzip (the SDK's own budget counts kB as 1024 bytes too). */
const BUDGET = 30 * 1024;

async function embeddable(): Promise<Uint8Array> {
  const builder = await createBuilder({ configFile: CONFIG, logLevel: 'silent', build: { write: false } });
  const environment = builder.environments.client;
  if (!environment) throw new Error('no client environment in vite.config.ts');
  const result = (await builder.build(environment)) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunk = outputs.find((o) => o.fileName === 'chat-widget.js');
  if (chunk?.type !== 'chunk') throw new Error('no chat-widget.js in the build');
  return new TextEncoder().encode(chunk.code);
}

describe('chat-widget.js', () => {
  it(`bundles widget, SDK and Lit in one file within ${BUDGET} bytes min+gzip`, async () => {
    const code = await embeddable();
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`chat-widget.js: ${code.length} B minified, ${gzipped} B min+gzip (budget ${BUDGET} B)`);
    const text = new TextDecoder().decode(code);
    expect(text).not.toMatch(/^\s*import\s|from\s*["']/m);
    expect(text).toContain('customElements');
    expect(text).not.toContain('Lit is in dev mode');
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  }, 120_000);
});
