#!/usr/bin/env node
// Bundles the SDK (openapi-fetch inlined) into one minified ES module, dist/parley-sdk.js, for
// pages without a bundler: <script type="module"> import { createChatClient } from './parley-sdk.js'.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [join(root, 'src/index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  legalComments: 'none',
});
const code = result.outputFiles[0].contents;
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/parley-sdk.js'), code);
console.log(`wrote dist/parley-sdk.js: ${code.length} B, ${gzipSync(code, { level: 9 }).length} B gzipped`);
