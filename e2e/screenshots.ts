/**
 * Takes the README screenshots of the widget: docs/screenshots/widget-light.png and
 * widget-dark.png, a real chat (three users online, a thread open, someone typing, an unread
 * channel) on a real Parley. Run: `npm run screenshots -w @parley/widget` (needs Chromium).
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createBuilder } from 'vite';
import { launchChromium, newContext } from './support/chromium.js';
import { createChannel, createUser, joinChannel, postMessage, startParley, type TestUser } from './support/parley.js';
import { startStaticServer } from './support/static-server.js';
import { WIDGET_DIST, WidgetDriver, widgetPage } from './support/widget-page.js';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function reply(baseUrl: string, user: TestUser, messageId: string, content: string): Promise<void> {
  await fetch(`${baseUrl}/api/reply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ message_id: messageId, content }),
  });
}

await (await createBuilder({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) })).buildApp();
const [parley, site, browser] = await Promise.all([
  startParley(),
  startStaticServer({ '/widget/': WIDGET_DIST }),
  launchChromium(),
]);
try {
  const [ada, bob, cleo] = [
    await createUser(parley.url, 'Ada'),
    await createUser(parley.url, 'Bob'),
    await createUser(parley.url, 'Cleo'),
  ];
  const design = await createChannel(parley.url, bob, 'design');
  const random = await createChannel(parley.url, cleo, 'random');
  await createChannel(parley.url, ada, 'announcements');
  await createChannel(parley.url, bob, 'engineering');
  for (const user of [ada, cleo]) await joinChannel(parley.url, user, design);
  await joinChannel(parley.url, ada, random);
  const say = (user: TestUser, text: string) => postMessage(parley.url, user, design, text);
  await say(cleo, 'Reminder: design review moves to Thursday at 3pm.');
  await say(ada, 'Thanks! I will bring the flow diagrams.');
  await say(bob, 'Morning! The new onboarding mockups are up: https://example.com/mockups/onboarding');
  await say(cleo, 'Looks great. The second step feels a bit crowded on mobile, though.');
  const question = await say(ada, 'Agreed. Could we move the avatar picker to a later step?');
  await say(bob, 'Good idea, I will try that after lunch.');
  await say(cleo, 'Also: the dark theme contrast on buttons is much better now.');
  await reply(parley.url, bob, question.message_id, 'Yes, and make it optional.');
  await reply(parley.url, cleo, question.message_id, '+1, fewer choices up front.');
  await reply(parley.url, ada, question.message_id, 'I will update the flow doc today.');
  await postMessage(parley.url, cleo, random, 'Anyone up for lunch at noon?');
  await shoot(browser, 'light', { ada, bob, cleo }, design, question.message_id);
  await shoot(browser, 'dark', { ada, bob, cleo }, design, question.message_id);
} finally {
  await browser.close();
  await Promise.all([parley.stop(), site.close()]);
}

async function shoot(
  chromium: Browser,
  theme: 'light' | 'dark',
  users: Record<'ada' | 'bob' | 'cleo', TestUser>,
  channel: string,
  threadId: string,
): Promise<void> {
  const page = (user: TestUser) =>
    widgetPage({ endpoint: parley.url, attributes: { token: user.token, channel, theme } });
  for (const user of Object.values(users)) site.page(`/${theme}/${user.name}`, page(user));
  const others = await Promise.all(
    [users.bob, users.cleo].map(async (user) => {
      const tab = await (await newContext(chromium)).newPage();
      await tab.goto(`${site.url}/${theme}/${user.name}`);
      const driver = new WidgetDriver(tab);
      await driver.composer.waitFor();
      return driver;
    }),
  );
  const context = await newContext(chromium, { deviceScaleFactor: 2, colorScheme: theme, timezoneId: 'Europe/Paris' });
  const tab = await context.newPage();
  await tab.goto(`${site.url}/${theme}/${users.ada.name}`);
  const ada = new WidgetDriver(tab);
  await ada.composer.waitFor();
  await ada.message('Agreed. Could we move the avatar picker to a later step?').locator('.reply-count').click();
  await ada.thread.locator('.replies > ol:not(.parent) li').nth(2).waitFor();
  await ada.composer.click();
  await others[0]?.composer.pressSequentially('On it');
  await ada.list.locator('[part="typing"]:has-text("typing")').waitFor();
  await ada.page.mouse.move(0, 0);
  await tab.waitForTimeout(300);
  await tab.screenshot({ path: `${OUT}widget-${theme}.png` });
  console.log(`wrote docs/screenshots/widget-${theme}.png (thread ${threadId})`);
  for (const other of others) await other.page.context().close();
  await context.close();
}
