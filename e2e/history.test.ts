import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext, skipReason } from './support/chromium.js';
import {
  createChannel,
  createUser,
  history,
  postMessage,
  type ServerProcess,
  startParley,
  type TestUser,
} from './support/parley.js';
import { type StaticServer, startStaticServer } from './support/static-server.js';
import { WIDGET_DIST, WidgetDriver, widgetPage } from './support/widget-page.js';

const COUNT = 120;

// Skipped (with the reason in its name) only when Chromium is missing outside CI; in CI it fails instead.
describe.skipIf(skipReason !== '')(`history paging${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let parley: ServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let reader: TestUser;
  let writer: TestUser;
  let channelId: string;
  let widget: WidgetDriver;
  /** The channel's messages as the server orders them: what the widget must show, each once. */
  let stored: string[];

  beforeAll(async () => {
    [parley, site, browser] = await Promise.all([
      startParley(),
      startStaticServer({ '/widget/': WIDGET_DIST }),
      launchChromium(),
    ]);
    [reader, writer] = await Promise.all([createUser(parley.url, 'Reader'), createUser(parley.url, 'Writer')]);
    channelId = await createChannel(parley.url, writer, 'archive');
    await fetch(`${parley.url}/api/channel/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reader.token}` },
      body: JSON.stringify({ channel_id: channelId }),
    });
    for (let i = 0; i < COUNT; i += 20) {
      const batch = Array.from({ length: Math.min(20, COUNT - i) }, (_, j) => `message ${i + j + 1}`);
      await Promise.all(batch.map((content) => postMessage(parley.url, writer, channelId, content)));
    }
    stored = await history(parley.url, writer, channelId);
    site.page(
      '/',
      widgetPage({ endpoint: parley.url, attributes: { token: reader.token, channel: channelId, 'page-size': '40' } }),
    );
    const page = await (await newContext(browser, { viewport: { width: 1000, height: 700 } })).newPage();
    await page.goto(site.url);
    widget = new WidgetDriver(page);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([parley?.stop(), site?.close()]);
  });

  const scroller = () => widget.list.locator('[part="scroller"]');

  it('opens on the newest page, scrolled to the bottom', async () => {
    await expect.poll(() => widget.messages().then((m) => m.length)).toBe(40);
    expect(await widget.messages()).toEqual(stored.slice(-40));
    const gap = await scroller().evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    expect(gap).toBeLessThan(2);
  });

  it('loads older pages when scrolled up, keeping the reader in place, without duplicates or gaps', async () => {
    let loaded = (await widget.messages()).length;
    while (loaded < COUNT) {
      const first = (await widget.messages())[0] ?? '';
      await scroller().evaluate((el) => el.scrollTo({ top: 0 }));
      await expect.poll(() => widget.messages().then((m) => m.length), { timeout: 10_000 }).toBeGreaterThan(loaded);
      loaded = (await widget.messages()).length;
      // the message that was first is still in view: the list grew above it, it did not jump
      const box = await widget.message(first).boundingBox();
      const view = await scroller().boundingBox();
      expect({ first, top: box?.y, viewTop: view?.y, viewBottom: (view?.y ?? 0) + (view?.height ?? 0) }).toEqual({
        first,
        top: expect.toSatisfy((y: number) => y >= (view?.y ?? 0) - 1 && y < (view?.y ?? 0) + (view?.height ?? 0)),
        viewTop: view?.y,
        viewBottom: (view?.y ?? 0) + (view?.height ?? 0),
      });
    }
    const contents = await widget.messages();
    expect(contents).toEqual(stored);
    expect(new Set(contents).size).toBe(COUNT);
    await scroller().evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => widget.list.locator('.beginning').textContent()).toBe('This is the beginning of #archive.');
  });

  it('announces new messages from others in the log region, and never the history', async () => {
    const log = widget.list.locator('[role="log"]');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect((await log.textContent())?.trim()).toBe('');
    await scroller().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await postMessage(parley.url, writer, channelId, 'a live one');
    await expect.poll(() => log.textContent().then((t) => t?.trim())).toBe('Writer: a live one');
    expect((await widget.messages()).at(-1)).toBe('a live one');
  });
});
