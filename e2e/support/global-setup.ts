import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBuilder } from 'vite';
import { CHROMIUM } from './chromium.js';

/**
 * Builds the widget once before the browser tests (`widget/dist/chat-widget.js`, the demo page
 * and the library), exactly as `npm run build` does. Skipped when the browser suite is skipped.
 */
export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM) && !process.env.CI) return;
  const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
  const builder = await createBuilder({ configFile, logLevel: 'warn' });
  await builder.buildApp();
}
