import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext, skipReason } from './support/chromium.js';
import { type ServerProcess, startParley } from './support/parley.js';
import { type StaticServer, startStaticServer } from './support/static-server.js';
import { WIDGET_DIST, WidgetDriver } from './support/widget-page.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const SDK_SOURCE = fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url));

/** Builds a Vite example for this test's Parley, served under `/<name>/`. */
async function buildExample(name: string, parleyUrl: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `parley-example-${name}-`));
  await build({
    root: join(EXAMPLES, name),
    configFile: join(EXAMPLES, name, 'vite.config.ts'),
    base: `/${name}/`,
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_PARLEY_URL': JSON.stringify(parleyUrl) },
    // the SDK from source: a fresh clone has not built sdk/dist
    resolve: { alias: { '@parley/sdk': SDK_SOURCE } },
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

// Skipped (with the reason in its name) only when Chromium is missing outside CI; in CI it fails instead.
describe.skipIf(skipReason !== '')(`the examples${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let parley: ServerProcess;
  let site: StaticServer;
  let browser: Browser;
  const builds: string[] = [];

  beforeAll(async () => {
    [parley, browser] = await Promise.all([startParley(), launchChromium()]);
    const [react, vue] = await Promise.all([buildExample('react', parley.url), buildExample('vue', parley.url)]);
    builds.push(react, vue);
    site = await startStaticServer(
      {
        '/': WIDGET_DIST,
        '/plain-html/': join(EXAMPLES, 'plain-html'),
        '/side-by-side/': join(EXAMPLES, 'side-by-side'),
        '/react/': react,
        '/vue/': vue,
      },
      // the plain pages name the default Parley; point them at this test's
      (_path, text) => text.replaceAll('http://localhost:8080', parley.url),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([parley?.stop(), site?.close()]);
    for (const dir of builds) rmSync(dir, { recursive: true, force: true });
  });

  async function signUpAndSend(path: string, name: string, events: string) {
    const page = await (await newContext(browser)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}${path}`);
    const widget = new WidgetDriver(page);
    await widget.register(name, `${name.toLowerCase()}-${Date.now()}@example.com`);
    await widget.createChannel(`${name.toLowerCase()}-room`);
    await widget.send(`hello from ${name}`);
    await expect.poll(() => widget.messages()).toEqual([`hello from ${name}`]);
    await expect.poll(() => widget.message(`hello from ${name}`).locator('.status').count()).toBe(0);
    await expect.poll(() => page.locator(events).textContent()).toContain(`You sent: hello from ${name}`);
    expect(errors).toEqual([]);
    await page.close();
  }

  it('plain HTML: one script tag; sign up, add a channel and send', async () => {
    await signUpAndSend('/plain-html/', 'Plain', '#events');
  });

  it('React (@lit/react): sign up, add a channel and send; the app sees the events', async () => {
    await signUpAndSend('/react/', 'Reactor', 'ul[aria-label="Widget events"]');
  });

  it('Vue: sign up, add a channel and send; the app sees the events', async () => {
    await signUpAndSend('/vue/', 'Viewer', 'ul[aria-label="Widget events"]');
  });

  it('side by side: two users on one page, a message from one reaches the other', async () => {
    const page = await (await newContext(browser, { viewport: { width: 1400, height: 800 } })).newPage();
    await page.goto(`${site.url}/side-by-side/`);
    await expect.poll(() => page.locator('#status').textContent()).toContain('share #side-by-side');
    const alice = new WidgetDriver(page, page.locator('#alice'));
    const bob = new WidgetDriver(page, page.locator('#bob'));
    await alice.send('Hi Bob, it is Alice');
    await expect.poll(() => bob.messages()).toEqual(['Hi Bob, it is Alice']);
    await bob.send('Hello Alice!');
    await expect.poll(() => alice.messages()).toEqual(['Hi Bob, it is Alice', 'Hello Alice!']);
    await page.close();
  });
});
