// How the benchmarks time an operation: run it n times through the real dispatcher, and report p50 and p95 in ms
// (rounded to the microsecond), and against its p95 target when it has one. Shared by every part of `npm run bench`.
import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** p50 and p95 of `runs` calls of fn. */
export async function measure(runs: number, fn: (i: number) => Promise<unknown> | unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { runs, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

/** p50 and p95 of `runs` calls of fn, and whether p95 meets its target (null: no target, always passes). */
export async function measureAgainst<T extends number | null>(runs: number, target: T, fn: (i: number) => Promise<unknown>) {
  const m = await measure(runs, fn);
  return { ...m, targetP95: target, pass: target === null || m.p95 <= target };
}

/** One printed line of a measure against its target. */
export function targetLine(what: string, m: { p50: number; p95: number; targetP95: number | null; pass: boolean }): string {
  return `${what}: p50 ${m.p50} ms, p95 ${m.p95} ms${m.targetP95 === null ? ' (no target)' : ` — target ≤ ${m.targetP95} ms: ${m.pass ? 'pass' : 'FAIL'}`}`;
}
