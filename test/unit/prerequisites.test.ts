// The system check that `npm test` runs first: with a PATH that has no Chromium (nor PostgreSQL: POSTGRES_BIN_DIR points
// to an empty folder) and no way to install it, it stops before any layer with the exact command to run; with a (fake)
// apt-get as root, it installs what is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, ensurePrerequisites, installCommand, postgresBinDir } from '../prerequisites';

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

const ALL = ['chromium', 'fonts-noto-cjk', 'poppler-utils', 'postgresql', 'openssl'];

describe('npm test on a machine without Chromium nor PostgreSQL', () => {
  it('stops before any layer with one message naming the command, and exits non-zero', () => {
    const bare = emptyFolder();
    const run = spawnSync(process.execPath, [tsxCli, path.join(root, 'test', 'run-all.ts')], {
      cwd: root,
      env: { PATH: bare, HOME: os.tmpdir(), POSTGRES_BIN_DIR: bare },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    expect(output).toContain('npm test 缺少：chromium、fonts-noto-cjk、poppler-utils、postgresql、openssl');
    expect(output).toContain('npm test is missing: chromium, fonts-noto-cjk, poppler-utils, postgresql, openssl');
    expect(output).toContain(installCommand(ALL));
    expect(output).toContain('postgresql: 县级数据在真实 PostgreSQL 服务器上再测一遍');
    expect(output).toContain('POSTGRES_BIN_DIR=<文件夹>');
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
        `  for p in chromium pdftotext pdftoppm initdb pg_ctl postgres openssl; do printf '#!/bin/sh\\n' > ${bin}/$p; /bin/chmod +x ${bin}/$p; done`,
        `  printf '#!/bin/sh\\nexit 0\\n' > ${bin}/dpkg; /bin/chmod +x ${bin}/dpkg`,
        'fi',
      ].join('\n'),
    );
    const said: string[] = [];
    const result = ensurePrerequisites({ env: { PATH: bin, POSTGRES_BIN_DIR: bin }, isRoot: true, log: (line) => said.push(line) });

    expect(result).toEqual({ ok: true, installed: ALL });
    expect(fs.readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      'update -q',
      'install -y -q --no-install-recommends chromium fonts-noto-cjk poppler-utils postgresql openssl',
    ]);
    expect(said[0]).toContain('现在用 apt-get 安装');
    expect(said.join('\n')).toContain('chromium: 端到端测试用的浏览器');
  });

  it('names the command instead when it is neither root nor has password-less sudo', () => {
    const bin = emptyFolder();
    script(bin, 'apt-get', 'exit 0');
    script(bin, 'sudo', 'exit 1');
    const result = ensurePrerequisites({ env: { PATH: bin, POSTGRES_BIN_DIR: emptyFolder() }, isRoot: false, log: () => undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(installCommand(ALL));
  });

  it('reports a failed apt-get with what is still missing', () => {
    const bin = emptyFolder();
    script(bin, 'apt-get', 'exit 100');
    const result = ensurePrerequisites({ env: { PATH: bin, POSTGRES_BIN_DIR: emptyFolder() }, isRoot: true, log: () => undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('apt-get 自动安装没有成功');
  });

  it('takes CHROMIUM_PATH over the PATH, and only when that file exists', () => {
    const dir = emptyFolder();
    const own = script(dir, 'my-chromium', 'exit 0');
    expect(chromiumPath({ PATH: '', CHROMIUM_PATH: own })).toBe(own);
    expect(chromiumPath({ PATH: '', CHROMIUM_PATH: path.join(dir, 'absent') })).toBeNull();
  });

  it('finds PostgreSQL: only POSTGRES_BIN_DIR when set, else the newest Debian /usr/lib/postgresql/<version>/bin, else the PATH', () => {
    const debian = emptyFolder();
    for (const version of ['9.6', '13', '15']) {
      fs.mkdirSync(path.join(debian, version, 'bin'), { recursive: true });
      for (const name of ['initdb', 'pg_ctl', 'postgres']) script(path.join(debian, version, 'bin'), name, 'exit 0');
    }
    fs.mkdirSync(path.join(debian, '16', 'bin'), { recursive: true }); // a newer version without its server programs
    script(path.join(debian, '16', 'bin'), 'psql', 'exit 0');
    expect(postgresBinDir({ PATH: '' }, debian)).toBe(path.join(debian, '15', 'bin'));

    const own = emptyFolder();
    for (const name of ['initdb', 'pg_ctl', 'postgres']) script(own, name, 'exit 0');
    expect(postgresBinDir({ PATH: '', POSTGRES_BIN_DIR: own }, debian)).toBe(own);
    // Set to a folder without them, it says "missing" even though Debian's install is there.
    expect(postgresBinDir({ PATH: '', POSTGRES_BIN_DIR: emptyFolder() }, debian)).toBeNull();

    const none = emptyFolder();
    expect(postgresBinDir({ PATH: own }, none)).toBe(own);
    script(none, 'initdb', 'exit 0'); // initdb alone on the PATH is not enough
    expect(postgresBinDir({ PATH: none }, path.join(none, 'absent'))).toBeNull();
  });
});
