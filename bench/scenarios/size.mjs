import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT_DIR } from '../lib/processes.mjs';

const require = createRequire(join(ROOT_DIR, 'package.json'));

/**
 * Size: what a page downloads for the widget, min+gzip (level 9). The SDK is bundled the way
 * sdk/scripts/bundle.mjs does it (esbuild, ES2022, minified, openapi-fetch inlined), in memory;
 * Lit is bundled from node_modules when installed; the widget is read from its real build
 * (widget/dist/chat-widget.js) when that exists. Missing parts are named, not guessed.
 */
async function bundle(contents, resolveDir) {
  const { build } = await import(require.resolve('esbuild'));
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0].contents;
}

const measure = (code) => ({ min_bytes: code.length, gzip_bytes: gzipSync(code, { level: 9 }).length });

export async function runSize({ log }) {
  const parts = {};
  const missing = [];
  const sdkEntry = join(ROOT_DIR, 'sdk/src/index.ts');
  if (existsSync(sdkEntry)) {
    parts.sdk = measure(await bundle("export * from './src/index.ts';", join(ROOT_DIR, 'sdk')));
  } else missing.push('sdk/src/index.ts');
  let lit;
  try {
    lit = require.resolve('lit');
  } catch {
    missing.push('lit (not installed: no widget workspace yet)');
  }
  if (lit) parts.lit = measure(await bundle("export * from 'lit';", ROOT_DIR));
  const widget = join(ROOT_DIR, 'widget/dist/chat-widget.js');
  if (existsSync(widget)) parts.widget_build = measure(readFileSync(widget));
  else missing.push('widget/dist/chat-widget.js (no widget build)');
  // The widget build bundles the SDK and Lit when it exists; otherwise the parts add up.
  const total = parts.widget_build
    ? parts.widget_build.gzip_bytes
    : (parts.sdk?.gzip_bytes ?? 0) + (parts.lit?.gzip_bytes ?? 0);
  const complete = Boolean(parts.widget_build);
  log(
    `  ${Object.entries(parts)
      .map(([k, v]) => `${k} ${(v.gzip_bytes / 1024).toFixed(1)} kB`)
      .join(', ')}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
  );
  return {
    status: parts.sdk || parts.widget_build ? 'ok' : 'failed',
    parts,
    missing,
    total_gzip_bytes: total,
    complete,
    target_bytes: 30 * 1024,
  };
}
