import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { launchChromium, newContext, skipReason } from './support/chromium.js';
import {
  createChannel,
  createUser,
  joinChannel,
  postMessage,
  type ServerProcess,
  startParley,
  type TestUser,
} from './support/parley.js';
import { type StaticServer, startStaticServer } from './support/static-server.js';
import { WIDGET_DIST, WidgetDriver, widgetPage } from './support/widget-page.js';

const THEMED = `
  chat-widget {
    --chat-color-accent: rgb(200, 0, 100);
    --chat-radius: 3px;
    --chat-font-family: Georgia, serif;
  }
  chat-widget::part(message) { background: rgb(1, 2, 3); }
  chat-widget::part(composer) { border-top: 4px solid rgb(9, 8, 7); }
  chat-widget::part(sidebar) { background: rgb(250, 240, 230); }
`;

// Skipped (with the reason in its name) only when Chromium is missing outside CI; in CI it fails instead.
describe.skipIf(skipReason !== '')(`theming and accessibility${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let parley: ServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let eve: TestUser;
  let channelId: string;
  let emptyId: string;
  let otherId: string;

  beforeAll(async () => {
    [parley, site, browser] = await Promise.all([
      startParley(),
      startStaticServer({ '/widget/': WIDGET_DIST }),
      launchChromium(),
    ]);
    const [frank, gail] = await Promise.all([createUser(parley.url, 'Frank'), createUser(parley.url, 'Gail')]);
    eve = await createUser(parley.url, 'Eve');
    channelId = await createChannel(parley.url, frank, 'design');
    emptyId = await createChannel(parley.url, eve, 'quiet');
    otherId = await createChannel(parley.url, gail, 'elsewhere');
    await joinChannel(parley.url, eve, channelId);
    await postMessage(parley.url, frank, channelId, 'Welcome! The spec is at https://example.com/spec.');
    await postMessage(parley.url, frank, channelId, 'Comments <b>welcome</b>.');
    await postMessage(parley.url, eve, channelId, 'Looks good to me');
    const as = (attributes: Record<string, string>) => ({
      endpoint: parley.url,
      attributes: { token: eve.token, ...attributes },
    });
    site.page('/themed', widgetPage({ ...as({ channel: channelId, theme: 'light' }), style: THEMED }));
    site.page('/light', widgetPage(as({ channel: channelId, theme: 'light' })));
    site.page('/dark', widgetPage(as({ channel: channelId, theme: 'dark' })));
    site.page('/auto', widgetPage(as({ channel: channelId, theme: 'auto' })));
    site.page('/join', widgetPage(as({ channel: otherId })));
    site.page(
      '/slots',
      widgetPage({
        ...as({ channel: emptyId }),
        children: '<h1 slot="header">Acme support</h1><p slot="empty">Be the first!</p>',
      }),
    );
    site.page('/sign-in', widgetPage({ endpoint: parley.url }));
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([parley?.stop(), site?.close()]);
  });

  async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<WidgetDriver> {
    const page = await (await newContext(browser, { colorScheme })).newPage();
    await page.goto(`${site.url}${path}`);
    return new WidgetDriver(page);
  }

  async function ready(driver: WidgetDriver): Promise<void> {
    await expect
      .poll(() => driver.messages())
      .toEqual(['Welcome! The spec is at https://example.com/spec.', 'Comments <b>welcome</b>.', 'Looks good to me']);
  }

  const style = (page: Page, selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

  it('takes colours, radius and font from --chat-* custom properties, and rules from ::part()', async () => {
    const widget = await open('/themed');
    await ready(widget);
    const { page } = widget;
    expect(await style(page, 'chat-composer button[part="send-button"]', 'background-color')).toBe('rgb(200, 0, 100)');
    expect(await style(page, 'chat-composer form', 'border-radius')).toBe('3px');
    expect(await style(page, 'chat-message-list [part~="message-content"]', 'font-family')).toBe('Georgia, serif');
    expect(await style(page, 'chat-message-list [part~="message"]', 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await style(page, 'chat-composer[part~="composer"]', 'border-top')).toBe('4px solid rgb(9, 8, 7)');
    expect(await style(page, 'chat-channel-list[part~="sidebar"]', 'background-color')).toBe('rgb(250, 240, 230)');
    await page.close();
  });

  it('has a light and a dark theme, and auto follows the system', async () => {
    const background = async (path: string, scheme: 'light' | 'dark') => {
      const widget = await open(path, scheme);
      await widget.composer.waitFor();
      const color = await style(widget.page, 'chat-widget', 'background-color');
      await widget.page.close();
      return color;
    };
    const light = await background('/light', 'dark');
    const dark = await background('/dark', 'light');
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).toBe('rgb(15, 18, 23)');
    expect(await background('/auto', 'dark')).toBe(dark);
    expect(await background('/auto', 'light')).toBe(light);
  });

  it('shows slotted header and empty-state content, and exposes its state to CSS', async () => {
    const widget = await open('/slots');
    await expect.poll(() => widget.list.locator('[part="empty"]').isVisible()).toBe(true);
    expect(await widget.page.locator('p[slot="empty"]').isVisible()).toBe(true);
    expect(await widget.page.locator('h1[slot="header"]').isVisible()).toBe(true);
    await expect.poll(() => widget.root.evaluate((el) => el.matches(':state(connected)'))).toBe(true);
    expect(await widget.root.evaluate((el) => el.matches(':state(thread-open)'))).toBe(false);
    await widget.page.close();
  });

  it('can be used with the keyboard alone, with a visible focus ring', async () => {
    const widget = await open('/light');
    await ready(widget);
    const { page } = widget;
    const seen: string[] = [];
    for (let i = 0; i < 40 && !seen.includes('textarea[input]'); i += 1) {
      await page.keyboard.press('Tab');
      seen.push(await widget.focused());
    }
    expect(seen).toEqual(
      expect.arrayContaining(['button[channel]', 'button[add-button]', 'button.reply', 'textarea[input]']),
    );
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const css = el ? getComputedStyle(el) : undefined;
      return `${css?.outlineStyle} ${css?.outlineWidth}`;
    });
    expect(ring).toBe('solid 2px');
    await page.close();
  });

  it('passes axe-core: sign-in, registration, chat, members, thread, join, dark', async () => {
    const report: Record<string, unknown> = {};
    const signIn = await open('/sign-in');
    await signIn.root.locator('chat-sign-in form').waitFor();
    report.signIn = await axeViolations(signIn.page);
    await signIn.root.getByRole('button', { name: 'Create account' }).click();
    report.register = await axeViolations(signIn.page);
    await signIn.page.close();

    const chat = await open('/light');
    await ready(chat);
    report.chat = await axeViolations(chat.page);
    await chat.root.getByRole('button', { name: /members/ }).click();
    await chat.root.locator('chat-member-list [part="member"]').first().waitFor();
    report.members = await axeViolations(chat.page);
    await chat.message('Looks good to me').getByRole('button', { name: 'Reply to Eve' }).click();
    await chat.thread.waitFor();
    report.thread = await axeViolations(chat.page);
    await chat.page.close();

    const join = await open('/join');
    await join.root.locator('[part="join"]').waitFor();
    report.join = await axeViolations(join.page);
    await join.page.close();

    const dark = await open('/dark', 'dark');
    await ready(dark);
    await dark.message('Looks good to me').getByRole('button', { name: 'Reply to Eve' }).click();
    await dark.thread.waitFor();
    report.dark = await axeViolations(dark.page);
    await dark.page.close();

    expect(report).toEqual({ signIn: [], register: [], chat: [], members: [], thread: [], join: [], dark: [] });
  });
});
