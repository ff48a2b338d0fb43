import { defineConfig } from 'vitest/config';

/**
 * The root Vite config: test settings for `npm test` (vitest), and, as the widget arrives,
 * its library build and the demo server.
 */
export default defineConfig({
  test: {
    include: ['service/**/*.test.ts', 'sdk/**/*.test.ts', 'openapi/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
