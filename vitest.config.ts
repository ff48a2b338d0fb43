import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm test` (vitest). Three projects:
 * - `unit`: service, SDK, contract and scripts tests, in Node (as before);
 * - `widget`: the widget's component tests next to their sources, rendered in happy-dom;
 * - `browser`: the browser tests in `e2e/` (a real Chromium, real Parley servers); their
 *   global setup builds the widget once, and only when one of them runs.
 */
const sdkSource = fileURLToPath(new URL('./sdk/src/index.ts', import.meta.url));

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['service/**/*.test.ts', 'sdk/**/*.test.ts', 'openapi/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias: { '@parley/sdk': sdkSource } },
        test: {
          name: 'widget',
          include: ['widget/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          // generous: a loaded CI machine must not turn a slow poll into a failure
          expect: { poll: { timeout: 20_000, interval: 50 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
