// vitest globalSetup of the `postgres` project (vitest.config.mts): ONE throwaway PostgreSQL server for the whole run,
// started before the project's first test file and stopped at teardown. Tests get its superuser details with
// `inject('postgres')` and make their own database with createTestDatabase (test/helpers/postgres-server.ts).
import type { TestProject } from 'vitest/node';
import { type PostgresServerInfo, startThrowawayPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL server of this vitest run (only in the `postgres` project). */
    postgres: PostgresServerInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startThrowawayPostgres();
  const { stop, ...info } = server;
  project.provide('postgres', info);
  return stop;
}
