// `npm run sync -- …` as a clerk runs it, in a child process with its output piped (`… | cat`): the CLI ends by itself
// (no process.exit, which on Windows, where pipes are written asynchronously, cut the output short; Linux writes
// pipes synchronously, so here the test guards that the whole output arrives and that nothing keeps the process
// alive), and the exit codes match the docs — a dry run of a package already imported exits 0, like the real import.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { PROFILE } from '../helpers/centre';
import { linkCentreToCounty } from '../helpers/county-link';

const ROOT = path.resolve(__dirname, '../..');
let countyDir: string;
let centreDir: string;
const usb = tempDir('tc-cli-usb-');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI with stdout and stderr on pipes, as `… | cat` does. */
function runCli(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/sync.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (err += c));
  // Read from the start: a stream paused before its first reader loses what arrives meanwhile on Node 20.20.
  child.stdout.on('data', (c: string) => (out += c));
  // Done when the process has exited and both pipes have been read to their end ('close' alone may come first while
  // stdout is still paused, on some Node versions).
  const ended = (stream: NodeJS.ReadableStream) => new Promise<void>((resolve) => stream.on('end', () => resolve()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`the CLI did not end: ${err}`))), 90_000);
    void Promise.all([exited, ended(child.stdout), ended(child.stderr)]).then(([code]) => (clearTimeout(timer), resolve({ code, out, err })));
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

async function exportMonth(centre: TestBackend, period: string) {
  const { jobId } = await centre.call('sync.export', { period, folder: usb, correctionReason: null });
  for (;;) {
    const job = await centre.call('sync.job', { jobId });
    if (job.done) {
      if (job.error) throw new Error(job.error);
      return job.result!.fileName;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const centre = await openTestBackend();
  const county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  try {
    await centre.call('facility.save', { ...PROFILE, areaCode: '411422103000' });
    await linkCentreToCounty(centre, county);
    await exportMonth(centre, '2026-02');
    countyDir = county.dataDir;
    centreDir = centre.dataDir;
  } finally {
    await centre.close();
    await county.close();
  }
}, 120_000);

describe('npm run sync, piped', () => {
  it('exports a month and ends by itself; bad arguments exit 2 with the usage', async () => {
    const out = tempDir('tc-cli-export-');
    const run = await runCli(['export', '--data', centreDir, '--month', '2026-01', '--out', out]);
    expect(run.out).toMatch(/已导出 月报-411422103000-2026-01-\d{3}\.tcpkg/);
    expect(lastLine(run.out)).toMatch(`保存在：${out}`);
    expect(run.code).toBe(0);
    const bad = await runCli(['export', '--data', centreDir]);
    expect(bad.err).toContain('用法：');
    expect(bad.code).toBe(2);
  }, 200_000);

  it('imports, and a dry run of the same package afterwards exits 0 ("already imported"), as the real import does', async () => {
    const first = await runCli(['import', '--data', countyDir, '--folder', usb]);
    expect(first.err).toBe('');
    expect(first.out).toContain('结果：已导入');
    expect(lastLine(first.out)).toBe('共 1 个数据包：导入 1 个，其余见上面的回执。');
    expect(first.code).toBe(0);

    const dry = await runCli(['import', '--data', countyDir, '--folder', usb, '--dry-run']);
    expect(dry.out).toMatch(/\[already_imported\] .*已经导入过了/);
    expect(lastLine(dry.out)).toBe('预览 1 个数据包，未写入任何数据。');
    expect(dry.code).toBe(0);

    const again = await runCli(['import', '--data', countyDir, '--folder', usb]);
    expect(again.code).toBe(0);
  }, 200_000);

  it('prints every receipt of a large batch to the end before exiting (exit 1: packages were refused)', async () => {
    const folder = tempDir('tc-cli-many-');
    const count = 400;
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(folder, `月报-坏文件-${String(i).padStart(3, '0')}.tcpkg`), `不是数据包 ${i}`);
    const run = await runCli(['import', '--data', countyDir, '--folder', folder]);
    // Far more than a pipe holds (64 KB): before the fix the process ended with most of this still unwritten.
    expect(Buffer.byteLength(run.out)).toBeGreaterThan(128 * 1024);
    expect(run.out).toContain('月报-坏文件-399.tcpkg');
    expect(lastLine(run.out)).toBe(`共 ${count} 个数据包：导入 0 个，其余见上面的回执。`);
    expect(run.code).toBe(1);
  }, 200_000);
});
