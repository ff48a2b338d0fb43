#!/usr/bin/env node
// Generates the contract types from openapi/chat.yaml with openapi-typescript, into
// openapi/gen/chat.ts and the SDK's own copy sdk/src/gen/chat.ts (the SDK is published alone).
// `node scripts/gen-contract.mjs --check` exits 1 when a committed file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specUrl = new URL(`file://${join(root, 'openapi/chat.yaml')}`);
const outputs = [join(root, 'openapi/gen/chat.ts'), join(root, 'sdk/src/gen/chat.ts')];
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
const check = process.argv.includes('--check');
let stale = 0;
for (const out of outputs) {
  if (check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${out} is stale: run \`npm run gen\` and commit the result`);
      stale += 1;
    }
  } else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  }
}
if (stale > 0) process.exit(1);
if (check) console.log('generated contract types are up to date');
