// What `npm test` needs from the operating system besides npm packages: Debian's Chromium (the E2E browser —
// Playwright's own download is not reachable here), CJK fonts (Chinese in screenshots and printed PDFs),
// poppler-utils (pdftotext/pdftoppm read the printed PDFs), and PostgreSQL with openssl (the county suite's second run
// is on a real throwaway PostgreSQL server, one with TLS for the sslmode tests; see test/helpers/postgres-server.ts). `npm test` checks them before any layer runs and installs
// them itself where it can (Debian/Ubuntu as root or with password-less sudo); elsewhere it names the exact command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

interface Requirement {
  /** The Debian package that provides it. */
  debianPackage: string;
  /** Why the tests need it, said when it is installed or asked for. */
  why: string;
  present(env: Env): boolean;
}

/** The full path of an executable named `name` on the PATH of `env`, or null. */
export function findOnPath(name: string, env: Env = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; try the next folder
    }
  }
  return null;
}

/** The Chromium that the E2E tests drive: `CHROMIUM_PATH` when set, else `chromium` on the PATH. */
export function chromiumPath(env: Env = process.env): string | null {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return findOnPath('chromium', env);
}

const POSTGRES_PROGRAMS = ['initdb', 'pg_ctl', 'postgres'];
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

function hasPostgresPrograms(dir: string): boolean {
  return POSTGRES_PROGRAMS.every((name) => {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * The folder holding PostgreSQL's server programs (initdb, pg_ctl, postgres): `POSTGRES_BIN_DIR` when set (and then
 * only that folder), else the newest Debian install /usr/lib/postgresql/<version>/bin, else the folder of `initdb` on
 * the PATH. Null when none has all three.
 */
export function postgresBinDir(env: Env = process.env, debianRoot = DEBIAN_POSTGRES_ROOT): string | null {
  if (env.POSTGRES_BIN_DIR) return hasPostgresPrograms(env.POSTGRES_BIN_DIR) ? path.resolve(env.POSTGRES_BIN_DIR) : null;
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(debianRoot).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    // no Debian install
  }
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const dir = path.join(debianRoot, version, 'bin');
    if (hasPostgresPrograms(dir)) return dir;
  }
  const initdb = findOnPath('initdb', env);
  if (initdb && POSTGRES_PROGRAMS.every((name) => findOnPath(name, env))) return path.dirname(initdb);
  return null;
}

function succeeds(command: string, args: string[], env: Env): boolean {
  const executable = findOnPath(command, env);
  if (!executable) return false;
  return spawnSync(executable, args, { env, stdio: 'ignore' }).status === 0;
}

function cjkFontsPresent(env: Env): boolean {
  if (succeeds('dpkg', ['-s', 'fonts-noto-cjk'], env)) return true;
  const fcList = findOnPath('fc-list', env);
  if (!fcList) return false;
  const listed = spawnSync(fcList, [':lang=zh', 'family'], { env, encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim().length > 0;
}

export const requirements: Requirement[] = [
  { debianPackage: 'chromium', why: '端到端测试用的浏览器 the browser the E2E tests drive', present: (env) => chromiumPath(env) !== null },
  { debianPackage: 'fonts-noto-cjk', why: '截图和打印PDF里的中文字体 Chinese fonts for screenshots and printed PDFs', present: cjkFontsPresent },
  {
    debianPackage: 'poppler-utils',
    why: '检查打印出的PDF（pdftotext、pdftoppm） reads the printed PDFs',
    present: (env) => findOnPath('pdftotext', env) !== null && findOnPath('pdftoppm', env) !== null,
  },
  {
    debianPackage: 'postgresql',
    why: '县级数据在真实 PostgreSQL 服务器上再测一遍（测试时临时起一个） the county suite runs again on a throwaway PostgreSQL server',
    present: (env) => postgresBinDir(env) !== null,
  },
  { debianPackage: 'openssl', why: '给测试用的 PostgreSQL 生成 TLS 证书 makes the TLS certificate of the test PostgreSQL server', present: (env) => findOnPath('openssl', env) !== null },
];

export interface CheckOptions {
  env?: Env;
  /** Whether this process runs as root (apt-get without sudo). */
  isRoot?: boolean;
  log?: (line: string) => void;
}

export type CheckResult = { ok: true; installed: string[] } | { ok: false; message: string };

/** The command a person runs to install the missing packages by hand. */
export function installCommand(packages: string[]): string {
  return `sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** How apt-get can be run here without a password: directly as root, through `sudo -n`, or not at all. */
function aptRunner(env: Env, isRoot: boolean): ((args: string[]) => boolean) | null {
  if (process.platform !== 'linux') return null;
  const aptGet = findOnPath('apt-get', env);
  if (!aptGet) return null;
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  if (isRoot) return (args) => spawnSync(aptGet, args, { env: aptEnv, stdio: 'inherit' }).status === 0;
  const sudo = findOnPath('sudo', env);
  if (!sudo || spawnSync(sudo, ['-n', 'true'], { env, stdio: 'ignore' }).status !== 0) return null;
  return (args) => spawnSync(sudo, ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', aptGet, ...args], { env, stdio: 'inherit' }).status === 0;
}

function missingMessage(missing: Requirement[], reason: string): string {
  const names = missing.map((r) => r.debianPackage);
  const lines = [
    `npm test 缺少：${names.join('、')}（${reason}）。请先运行下面这条命令，再运行 npm test：`,
    `npm test is missing: ${names.join(', ')}. Run this command first, then npm test again:`,
    '',
    `    ${installCommand(names)}`,
    '',
    ...missing.map((r) => `  - ${r.debianPackage}: ${r.why}`),
    '不是 Debian/Ubuntu 的电脑请用本系统的包管理器安装同样的软件；Chromium 装在别处时可设 CHROMIUM_PATH=<路径>，',
    'PostgreSQL 的 initdb、pg_ctl、postgres 在别处时可设 POSTGRES_BIN_DIR=<文件夹>。',
    'On other systems install the same software with their package manager; CHROMIUM_PATH=<path> points to a Chromium elsewhere,',
    'POSTGRES_BIN_DIR=<folder> to the folder with PostgreSQL\'s initdb, pg_ctl and postgres.',
  ];
  return lines.join('\n');
}

/** Checks what the tests need from the system and installs what is missing where that can be done unattended. */
export function ensurePrerequisites(options: CheckOptions = {}): CheckResult {
  const env = options.env ?? process.env;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const log = options.log ?? ((line: string) => console.log(line));

  const missing = requirements.filter((r) => !r.present(env));
  if (missing.length === 0) return { ok: true, installed: [] };

  const apt = aptRunner(env, isRoot);
  if (!apt) return { ok: false, message: missingMessage(missing, '这台电脑上不能自动安装：不是 Debian/Ubuntu，或没有 root / 免密码 sudo') };

  const names = missing.map((r) => r.debianPackage);
  log(`npm test 需要先安装 ${names.join('、')}，现在用 apt-get 安装 / installing ${names.join(', ')} with apt-get:`);
  for (const r of missing) log(`  - ${r.debianPackage}: ${r.why}`);
  const installed = apt(['update', '-q']) && apt(['install', '-y', '-q', '--no-install-recommends', ...names]);
  const stillMissing = requirements.filter((r) => !r.present(env));
  if (!installed || stillMissing.length > 0) {
    return { ok: false, message: missingMessage(stillMissing.length > 0 ? stillMissing : missing, 'apt-get 自动安装没有成功，见上面的输出') };
  }
  return { ok: true, installed: names };
}

// `tsx test/prerequisites.ts`: the check alone.
if (require.main === module) {
  const result = ensurePrerequisites();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log('npm test 需要的系统软件都已安装 / all system prerequisites are present.');
}
