import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** The built widget (by the global setup), served by the tests at `/widget/`. */
export const WIDGET_DIST = fileURLToPath(new URL('../../widget/dist/', import.meta.url));

export interface PageOptions {
  endpoint: string;
  attributes?: Record<string, string>;
  /** Extra CSS for the host page. */
  style?: string;
  /** Light DOM children of the widget (slotted content). */
  children?: string;
}

/** A host page with one `<chat-widget>` filling the viewport, loading the embeddable file. */
export function widgetPage({ endpoint, attributes = {}, style = '', children = '' }: PageOptions): string {
  const attrs = Object.entries({ endpoint, ...attributes })
    .map(([name, value]) => ` ${name}="${value.replaceAll('"', '&quot;')}"`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Parley widget test</title>
  <style>html, body { margin: 0; height: 100%; } chat-widget { height: 100vh; } ${style}</style>
  <script type="module" src="/widget/chat-widget.js"></script>
</head>
<body>
  <main>
    <h1 style="position: absolute; left: -10000px">Parley widget test</h1>
    <chat-widget${attrs}>${children}</chat-widget>
  </main>
</body>
</html>`;
}

/** Drives one widget on a page, the way a user would (Playwright's CSS locators pierce shadow roots). */
export class WidgetDriver {
  readonly page: Page;
  readonly root: Locator;

  constructor(page: Page, root: Locator = page.locator('chat-widget').first()) {
    page.setDefaultTimeout(20_000);
    this.page = page;
    this.root = root;
  }

  async register(name: string, email: string, password = 'password-123'): Promise<void> {
    const form = this.root.locator('chat-sign-in');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByLabel('Display name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await this.root.locator('chat-channel-list').waitFor();
  }

  async createChannel(name: string): Promise<void> {
    await this.root.getByRole('button', { name: '+ Add channel' }).click();
    await this.root.getByLabel('Channel name').fill(name);
    await this.root.getByRole('button', { name: 'Create', exact: true }).click();
    await this.composer.waitFor();
  }

  /** Picks a channel in the sidebar, turning to the sidebar (which reloads it) until it is listed. */
  async openChannel(name: string): Promise<void> {
    const channel = this.root.locator('chat-channel-list [part~="channel"]', { hasText: name }).first();
    for (let i = 0; i < 20 && !(await channel.count()); i += 1) {
      await this.root.locator('[part~="main"]').hover();
      await this.root.locator('chat-channel-list').hover();
      await this.page.waitForTimeout(250);
    }
    await channel.click();
    await this.root.locator('chat-channel-header h2', { hasText: name }).waitFor();
  }

  get composer(): Locator {
    return this.root.locator('chat-composer[part~="composer"]:not([thread-id]) textarea');
  }

  get list(): Locator {
    return this.root.locator('chat-message-list');
  }

  get thread(): Locator {
    return this.root.locator('chat-thread-panel');
  }

  async send(text: string, composer: Locator = this.composer): Promise<void> {
    await composer.fill(text);
    await composer.press('Enter');
  }

  /** The texts of the messages in the channel, oldest first. */
  messages(): Promise<string[]> {
    return this.list.locator('[part~="message-content"]').allTextContents();
  }

  /** The message whose text is `text` (whitespace-normalised). */
  message(text: string): Locator {
    return this.list.locator('[part~="message"]').filter({ has: this.page.getByText(text, { exact: true }) });
  }

  replies(): Promise<string[]> {
    return this.thread.locator('.replies > ol:not(.parent) [part~="message-content"]').allTextContents();
  }

  /** The element that has the focus, through shadow roots: `tag[part]`, else `tag.first-class`. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active) return '';
      const part = active.getAttribute('part');
      const first = active.className.trim().split(/\s+/)[0];
      return `${active.localName}${part ? `[${part}]` : first ? `.${first}` : ''}`;
    });
  }
}
