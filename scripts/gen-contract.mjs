#!/usr/bin/env node
// Generates openapi/gen/chat.ts from openapi/chat.yaml with openapi-typescript.
// `node scripts/gen-contract.mjs --check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specUrl = new URL(`file://${join(root, 'openapi/chat.yaml')}`);
const out = join(root, 'openapi/gen/chat.ts');
const BANNER = `/**
 * Generated from openapi/chat.yaml by scripts/gen-contract.mjs (openapi-typescript).
 * Do not edit: change the spec and run \`npm run gen\`.
 */
/* biome-ignore-all lint: generated code */

`;

export async function generate() {
  const ast = await openapiTS(specUrl, {
    alphabetize: false,
    exportType: false,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
  });
  return BANNER + astToString(ast);
}

const text = await generate();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('openapi/gen/chat.ts is stale: run `npm run gen` and commit the result');
    process.exit(1);
  }
  console.log('openapi/gen/chat.ts is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
