import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext, skipReason } from './support/chromium.js';
import {
  createChannel,
  createUser,
  history,
  joinChannel,
  type ServerProcess,
  startParley,
  type TestUser,
} from './support/parley.js';
import { type StaticServer, startStaticServer } from './support/static-server.js';
import { WIDGET_DIST, WidgetDriver, widgetPage } from './support/widget-page.js';

// Skipped (with the reason in its name) only when Chromium is missing outside CI; in CI it fails instead.
describe.skipIf(skipReason !== '')(`server restart mid-chat${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let parley: ServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let ann: TestUser;
  let ben: TestUser;
  let channelId: string;
  let a: WidgetDriver;
  let b: WidgetDriver;

  beforeAll(async () => {
    [parley, site, browser] = await Promise.all([
      startParley(),
      startStaticServer({ '/widget/': WIDGET_DIST }),
      launchChromium(),
    ]);
    [ann, ben] = await Promise.all([createUser(parley.url, 'Ann'), createUser(parley.url, 'Ben')]);
    channelId = await createChannel(parley.url, ann, 'ops');
    await joinChannel(parley.url, ben, channelId);
    const open = async (user: TestUser) => {
      site.page(
        `/${user.name}`,
        widgetPage({ endpoint: parley.url, attributes: { token: user.token, channel: channelId } }),
      );
      const page = await (await newContext(browser)).newPage();
      await page.goto(`${site.url}/${user.name}`);
      const driver = new WidgetDriver(page);
      await driver.composer.waitFor();
      return driver;
    };
    [a, b] = await Promise.all([open(ann), open(ben)]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([parley?.stop(), site?.close()]);
  });

  const banner = (driver: WidgetDriver) => driver.root.locator('chat-connection-banner [part="banner"]');
  const bannerText = (driver: WidgetDriver) =>
    banner(driver)
      .textContent()
      .then((text) => text?.trim());

  it('shows the reconnecting banner when the server goes away, and recovers without losing or doubling a message', async () => {
    await a.send('before 1');
    await b.send('before 2');
    await expect.poll(() => a.messages()).toEqual(['before 1', 'before 2']);
    await expect.poll(() => b.messages()).toEqual(['before 1', 'before 2']);

    await parley.stop();
    await expect.poll(() => bannerText(a)).toBe('Connection lost. Reconnecting…');
    await expect.poll(() => bannerText(b)).toBe('Connection lost. Reconnecting…');

    await a.send('while down');
    await expect
      .poll(() =>
        a
          .message('while down')
          .locator('.status')
          .textContent()
          .then((t) => t?.trim()),
      )
      .toBe('Sending…');

    parley = await startParley({ dataDir: parley.dataDir, port: parley.port });
    await banner(a).waitFor({ state: 'detached', timeout: 30_000 });
    await banner(b).waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => a.message('while down').locator('.status').count(), { timeout: 15_000 }).toBe(0);

    await b.send('after');
    const expected = ['before 1', 'before 2', 'while down', 'after'];
    await expect.poll(() => a.messages(), { timeout: 15_000 }).toEqual(expected);
    await expect.poll(() => b.messages(), { timeout: 15_000 }).toEqual(expected);
    expect(await history(parley.url, ann, channelId)).toEqual(expected);
  });
});
