// The system check that `npm test` runs first: with a PATH that has no Chromium and no way to install it, it stops
// before any layer with the exact command to run; with a (fake) apt-get as root, it installs what is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, ensurePrerequisites, installCommand } from '../prerequisites';

const root = path.resolve(__dirname, '..', '..');
const tsxCli = require.resolve('tsx/cli', { paths: [root] });
const folders: string[] = [];

function emptyFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-prereq-'));
  folders.push(dir);
  return dir;
}

function script(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm test on a machine without Chromium', () => {
  it('stops before any layer with one message naming the command, and exits non-zero', () => {
    const bare = emptyFolder();
    const run = spawnSync(process.execPath, [tsxCli, path.join(root, 'test', 'run-all.ts')], {
      cwd: root,
      env: { PATH: bare, HOME: os.tmpdir() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    expect(output).toContain('npm test 缺少：chromium、fonts-noto-cjk、poppler-utils');
    expect(output).toContain('npm test is missing: chromium, fonts-noto-cjk, poppler-utils');
    expect(output).toContain(installCommand(['chromium', 'fonts-noto-cjk', 'poppler-utils']));
    // Nothing else ran: no layer heading, no summary.
    expect(output).not.toContain('===');
    expect(output).not.toMatch(/\d+ passed, \d+ failed/);
  });
});

describe('ensurePrerequisites', () => {
  it('installs the missing packages with apt-get when it runs as root, saying what and why', () => {
    const bin = emptyFolder();
    const calls = path.join(bin, 'apt-calls.txt');
    // A stand-in apt-get: records its arguments and, on install, puts the programs the check looks for on the PATH.
    script(
      bin,
      'apt-get',
      [
        `echo "$*" >> ${calls}`,
        'if [ "$1" = install ]; then',
        `  for p in chromium pdftotext pdftoppm; do printf '#!/bin/sh\\n' > ${bin}/$p; /bin/chmod +x ${bin}/$p; done`,
        `  printf '#!/bin/sh\\nexit 0\\n' > ${bin}/dpkg; /bin/chmod +x ${bin}/dpkg`,
        'fi',
      ].join('\n'),
    );
    const said: string[] = [];
    const result = ensurePrerequisites({ env: { PATH: bin }, isRoot: true, log: (line) => said.push(line) });

    expect(result).toEqual({ ok: true, installed: ['chromium', 'fonts-noto-cjk', 'poppler-utils'] });
    expect(fs.readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      'update -q',
      'install -y -q --no-install-recommends chromium fonts-noto-cjk poppler-utils',
    ]);
    expect(said[0]).toContain('现在用 apt-get 安装');
    expect(said.join('\n')).toContain('chromium: 端到端测试用的浏览器');
  });

  it('names the command instead when it is neither root nor has password-less sudo', () => {
    const bin = emptyFolder();
    script(bin, 'apt-get', 'exit 0');
    script(bin, 'sudo', 'exit 1');
    const result = ensurePrerequisites({ env: { PATH: bin }, isRoot: false, log: () => undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(installCommand(['chromium', 'fonts-noto-cjk', 'poppler-utils']));
  });

  it('reports a failed apt-get with what is still missing', () => {
    const bin = emptyFolder();
    script(bin, 'apt-get', 'exit 100');
    const result = ensurePrerequisites({ env: { PATH: bin }, isRoot: true, log: () => undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('apt-get 自动安装没有成功');
  });

  it('takes CHROMIUM_PATH over the PATH, and only when that file exists', () => {
    const dir = emptyFolder();
    const own = script(dir, 'my-chromium', 'exit 0');
    expect(chromiumPath({ PATH: '', CHROMIUM_PATH: own })).toBe(own);
    expect(chromiumPath({ PATH: '', CHROMIUM_PATH: path.join(dir, 'absent') })).toBeNull();
  });
});
