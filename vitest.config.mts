import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The test files of the `postgres` project: run with TC_TEST_STORE=postgres against one throwaway PostgreSQL server
 * (test/helpers/postgres-global-setup.ts). Add the county suite's files here to run them on PostgreSQL as well;
 * files named postgres-*.test.ts need the server and run only here.
 */
export const POSTGRES_TESTS = [
  'test/backend/postgres-*.test.ts',
  // The county suite (issue 20): each also runs on SQLite in the `sqlite` project.
  'test/backend/county-area.test.ts',
  'test/backend/county-care-at-home.test.ts',
  'test/backend/county-figure-sums.test.ts',
  'test/backend/county-content.test.ts',
  'test/backend/county-folder-import.test.ts',
  'test/backend/county-health.test.ts',
  'test/backend/county-tables.test.ts',
  'test/backend/county-villages.test.ts',
  'test/backend/sync.test.ts',
  'test/backend/sync-v2.test.ts',
  'test/backend/sync-cli.test.ts',
  'test/backend/tier.test.ts',
  'test/backend/key-confirm.test.ts',
];
const POSTGRES_ONLY = ['test/backend/postgres-*.test.ts'];

export default defineConfig({
  resolve: { alias: { '@shared': path.resolve(import.meta.dirname, 'shared') } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/unit/**/*.test.ts', 'test/backend/**/*.test.ts'], exclude: [...configDefaults.exclude, ...POSTGRES_ONLY] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          env: { TC_TEST_STORE: 'postgres' },
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
