// `npm test`: every layer, in order — typecheck, lint (with import boundaries), unit and backend tests on real
// SQLite files and, for the county store, again on a real throwaway PostgreSQL server (the vitest projects `sqlite`
// and `postgres`, one JSON report), then the UI end to end in Debian Chromium. It fails if any layer fails or runs no
// test at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrerequisites } from './prerequisites';

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

interface Layer {
  name: string;
  passed: number;
  failed: number;
}

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

// What the tests need from the system (Chromium, CJK fonts, PDF tools, PostgreSQL, openssl) comes first: installed
// here where possible, otherwise one message with the command to run, before any layer starts.
const prerequisites = ensurePrerequisites();
if (!prerequisites.ok) {
  console.error(`\n${prerequisites.message}\n`);
  process.exit(1);
}

fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const layers: Layer[] = [];

const typecheckOk = run('类型检查 typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
layers.push({ name: 'typecheck', passed: typecheckOk ? 1 : 0, failed: typecheckOk ? 0 : 1 });

const lintOk = run('代码检查 lint (import boundaries)', bin('eslint'), ['--max-warnings', '0', '.']);
layers.push({ name: 'lint', passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1 });

const vitestJson = path.join(results, 'vitest.json');
// Both vitest projects in one run: `sqlite` (real SQLite files) and `postgres` (a throwaway PostgreSQL server that
// test/helpers/postgres-global-setup.ts starts for the run and stops at its end).
const vitestOk = run('单元与后端测试 unit + backend (vitest: SQLite 文件 + PostgreSQL 服务器 / real SQLite files + a real PostgreSQL server)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(vitestJson);
// A run that failed without a failed test (a file that did not load, the PostgreSQL server that did not start) is one failure.
const vitestFailed = vitest ? vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1) : 1;
layers.push({ name: 'vitest (SQLite + PostgreSQL)', passed: vitest?.numPassedTests ?? 0, failed: vitestFailed });

const built = run('构建界面 build renderer', bin('vite'), ['build', '--logLevel', 'warn']);
if (built) {
  run('端到端测试 E2E (Playwright + Debian Chromium)', bin('playwright'), ['test']);
}
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(path.join(results, 'e2e.json'));
layers.push({
  name: 'e2e',
  passed: e2e?.stats.expected ?? 0,
  failed: e2e ? e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped : 1,
});

console.log('\n=== 汇总 summary ===');
let ok = true;
for (const layer of layers) {
  const ran = layer.passed + layer.failed > 0 && layer.passed > 0;
  if (!ran || layer.failed > 0) ok = false;
  console.log(`${layer.name.padEnd(29)} ${layer.passed} passed, ${layer.failed} failed${ran ? '' : '  ← this layer did not run'}`);
}
const passed = layers.reduce((s, l) => s + l.passed, 0);
// A layer that ran nothing counts as one failure, so the closing line never reads as green.
const failed = layers.reduce((s, l) => s + l.failed, 0) + layers.filter((l) => l.passed === 0 && l.failed === 0).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
