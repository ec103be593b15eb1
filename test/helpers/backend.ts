// Test helpers: a real SQLite file in a fresh temp folder, the real dispatcher, and a fixed clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { In, Method, Out } from '../../shared/api/contract';
import { type Backend, startBackend } from '../../electron/backend/app';
import { type Caller, LOCAL_OPERATOR } from '../../electron/backend/caller';
import type { Clock } from '../../electron/backend/clock';

export function tempDir(prefix = 'tc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** 2026-03-15 10:00 China time, unless a test moves it. */
export function fixedClock(iso = '2026-03-15T02:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export interface TestBackend extends Backend {
  clock: ReturnType<typeof fixedClock>;
  /** Calls the dispatcher and returns the envelope. */
  raw<M extends Method>(method: M, input: In<M>, caller?: Caller | null): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } }>;
  /** Calls the dispatcher and fails the test on an error envelope. */
  call<M extends Method>(method: M, input: In<M>, caller?: Caller): Promise<Out<M>>;
  count(table: string): number;
}

export async function openTestBackend(dataDir = tempDir()): Promise<TestBackend> {
  const clock = fixedClock();
  const backend = await startBackend({ dataDir, clock, checkOutput: true });
  const raw: TestBackend['raw'] = (method, input, caller = LOCAL_OPERATOR) =>
    backend.dispatch(caller, method, input) as ReturnType<TestBackend['raw']>;
  return {
    ...backend,
    clock,
    raw,
    call: async (method, input, caller = LOCAL_OPERATOR) => {
      const result = await backend.dispatch(caller, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as Out<typeof method>;
    },
    count: (table) => (backend.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}
