import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext, skipReason } from './support/chromium.js';
import { type ServerProcess, startParley } from './support/parley.js';
import { type StaticServer, startStaticServer } from './support/static-server.js';
import { WIDGET_DIST, WidgetDriver, widgetPage } from './support/widget-page.js';

// Skipped (with the reason in its name) only when Chromium is missing outside CI; in CI it fails instead.
describe.skipIf(skipReason !== '')(`two users in two browsers${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let parley: ServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let ada: WidgetDriver;
  let bob: WidgetDriver;
  const contexts: BrowserContext[] = [];
  const stamp = Date.now();

  beforeAll(async () => {
    [parley, site, browser] = await Promise.all([
      startParley(),
      startStaticServer({ '/widget/': WIDGET_DIST }),
      launchChromium(),
    ]);
    site.page('/', widgetPage({ endpoint: parley.url }));
    const open = async (timezoneId: string) => {
      const context = await newContext(browser, { timezoneId });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(site.url);
      return new WidgetDriver(page);
    };
    [ada, bob] = await Promise.all([open('America/New_York'), open('Asia/Tokyo')]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([parley?.stop(), site?.close()]);
  });

  it('registers both users, one creates a channel, the other joins it, and they chat both ways', async () => {
    await ada.register('Ada', `ada-${stamp}@example.com`);
    await ada.createChannel(`lobby-${stamp}`);
    await bob.register('Bob', `bob-${stamp}@example.com`);
    await bob.openChannel(`lobby-${stamp}`);
    const join = bob.root.locator('[part="join"]');
    await expect.poll(() => join.textContent()).toContain(`You are not a member of #lobby-${stamp} yet.`);
    await join.getByRole('button', { name: `Join #lobby-${stamp}` }).click();
    await expect.poll(() => bob.focused()).toBe('textarea[input]');

    await ada.send('Hello from Ada');
    await expect.poll(() => bob.messages()).toEqual(['Hello from Ada']);
    await bob.send('Hi Ada!\nTwo lines from Bob');
    await expect.poll(() => ada.messages()).toEqual(['Hello from Ada', 'Hi Ada!\nTwo lines from Bob']);
    await expect.poll(() => bob.messages()).toEqual(['Hello from Ada', 'Hi Ada!\nTwo lines from Bob']);
    expect(await ada.message('Hello from Ada').locator('[part~="message-author"]').textContent()).toBe('Ada');
    expect(await ada.focused()).toBe('textarea[input]');
  });

  it("shows each message's time in the viewer's own time zone", async () => {
    const time = (driver: WidgetDriver) => driver.message('Hello from Ada').locator('time');
    const iso = await time(ada).getAttribute('datetime');
    const local = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso ?? ''));
    expect(await time(ada).textContent()).toBe(local('America/New_York'));
    expect(await time(bob).textContent()).toBe(local('Asia/Tokyo'));
    expect(local('America/New_York')).not.toBe(local('Asia/Tokyo'));
  });

  it('opens a thread from Reply, replies in it, and both see the replies live', async () => {
    await bob.message('Hello from Ada').hover();
    await bob.message('Hello from Ada').getByRole('button', { name: 'Reply to Ada' }).click();
    await bob.thread.waitFor();
    await expect.poll(() => bob.focused()).toBe('textarea[input]');
    const bobReply = bob.thread.locator('chat-composer textarea');
    await bob.send('A reply from Bob', bobReply);
    await expect.poll(() => bob.replies()).toEqual(['A reply from Bob']);

    await expect.poll(() => ada.message('Hello from Ada').locator('.reply-count').textContent()).toBe('1 reply');
    await ada.message('Hello from Ada').locator('.reply-count').click();
    await expect.poll(() => ada.replies()).toEqual(['A reply from Bob']);
    await ada.send('And one from Ada', ada.thread.locator('chat-composer textarea'));
    await expect.poll(() => bob.replies()).toEqual(['A reply from Bob', 'And one from Ada']);

    await bob.page.keyboard.press('Escape');
    await bob.thread.waitFor({ state: 'detached' });
    expect(await bob.focused()).toBe('button.reply');
  });

  it('shows who is typing, who is online, and unread counts of other channels', async () => {
    await bob.composer.pressSequentially('typing…');
    await expect.poll(() => ada.list.locator('[part="typing"]').textContent()).toBe('Bob is typing…');
    await bob.composer.fill('');

    await ada.root.getByRole('button', { name: '2 members' }).click();
    const members = ada.root.locator('chat-member-list [part="member"]');
    await expect
      .poll(() => members.allTextContents())
      .toEqual([expect.stringMatching(/Ada.*\(you\).*online/), expect.stringMatching(/Bob.*online/)]);
    expect(await ada.message('Hi Ada!\nTwo lines from Bob').locator('.presence.on').count()).toBe(1);

    await ada.createChannel(`news-${stamp}`);
    await bob.openChannel(`news-${stamp}`);
    await bob.root.getByRole('button', { name: `Join #news-${stamp}` }).click();
    await bob.composer.waitFor();
    await bob.openChannel(`lobby-${stamp}`);
    await ada.send('Breaking news');
    const badge = bob.root
      .locator('chat-channel-list [part~="channel"]', { hasText: `news-${stamp}` })
      .locator('[part="channel-badge"]');
    await expect.poll(() => badge.textContent()).toBe('11 unread message');
    await bob.openChannel(`news-${stamp}`);
    await expect.poll(() => bob.messages()).toEqual(['Breaking news']);
    await bob.openChannel(`lobby-${stamp}`);
    expect(await badge.count()).toBe(0);
  });

  it('shows a member going offline, and leaving a channel brings back the invitation to join', async () => {
    await bob.page.close();
    const bobRow = ada.root.locator('chat-member-list [part="member"]', { hasText: 'Bob' });
    await ada.openChannel(`lobby-${stamp}`);
    await ada.root.getByRole('button', { name: '2 members' }).click();
    await expect.poll(() => bobRow.textContent()).toMatch(/offline/);

    await ada.root.getByRole('button', { name: `Leave #lobby-${stamp}` }).click();
    await ada.root.locator('[part="join"]').waitFor();
    await expect
      .poll(() => ada.root.locator('chat-channel-list ul[aria-labelledby="mine"]').textContent())
      .not.toContain(`lobby-${stamp}`);
  });
});
