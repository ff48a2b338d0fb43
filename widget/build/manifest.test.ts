// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WIDGET = fileURLToPath(new URL('..', import.meta.url));
const CEM = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  cssStates?: Named[];
}

function generate(): Declaration[] {
  const outdir = mkdtempSync(join(tmpdir(), 'parley-cem-'));
  // the analyzer resolves --outdir against the working directory
  const args = ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(WIDGET, outdir)];
  execFileSync(process.execPath, [CEM, ...args], {
    cwd: WIDGET,
    stdio: 'pipe',
  });
  const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as {
    modules: Array<{ declarations?: Declaration[] }>;
  };
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}

const names = (items: Named[] | undefined) => (items ?? []).map((i) => i.name).sort();

describe('the Custom Elements Manifest', () => {
  const elements = generate();
  const widget = elements.find((d) => d.tagName === 'chat-widget');

  it('lists every element of the widget, each under a chat-* tag', () => {
    expect(elements.map((d) => d.tagName).sort()).toEqual([
      'chat-channel-header',
      'chat-channel-list',
      'chat-composer',
      'chat-connection-banner',
      'chat-member-list',
      'chat-message-list',
      'chat-sign-in',
      'chat-thread-panel',
      'chat-widget',
    ]);
  });

  it("carries chat-widget's public contract from its JSDoc", () => {
    expect(names(widget?.attributes)).toEqual(
      ['channel', 'endpoint', 'lang', 'layout', 'page-size', 'storage-key', 'theme', 'token'].sort(),
    );
    expect(names(widget?.events)).toEqual(['chat-channel-change', 'chat-error', 'chat-message-send', 'chat-ready']);
    expect(names(widget?.slots)).toEqual(['empty', 'header']);
    expect(names(widget?.cssStates)).toEqual(['connected', 'reconnecting', 'signed-in', 'thread-open']);
    expect(names(widget?.cssParts)).toEqual(
      expect.arrayContaining(['base', 'sidebar', 'message-list', 'message', 'composer', 'thread', 'banner', 'sign-in']),
    );
    expect(names(widget?.cssProperties).every((p) => p.startsWith('--chat-'))).toBe(true);
    expect(names(widget?.cssProperties)).toEqual(
      expect.arrayContaining(['--chat-color-accent', '--chat-radius', '--chat-font-family', '--chat-density']),
    );
  });

  it('describes every event, part and custom property', () => {
    const undocumented = elements.flatMap((d) =>
      [...(d.events ?? []), ...(d.cssParts ?? []), ...(d.cssProperties ?? [])]
        .filter((item) => !item.description)
        .map((item) => `${d.tagName} ${item.name}`),
    );
    expect(undocumented).toEqual([]);
  });
});
