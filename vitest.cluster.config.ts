import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster`: the suites that need the real servers of `scripts/infra.sh up`
 * (Cassandra, Kafka, Redis). One file at a time: they share the servers, and the fault tests
 * stop and start them.
 */
export default defineConfig({
  test: {
    include: ['service/**/*.int.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
