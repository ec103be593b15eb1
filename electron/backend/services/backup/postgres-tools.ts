// PostgreSQL's own programs for backups of a county store on a server (issue 20): where pg_dump and pg_restore are,
// which major version they are, and how a child process of them is started — the connection details and the password
// only in the child's environment (PGPASSWORD, PGSSLMODE…), never on its command line and never in a message.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { AppError } from '@shared/api/errors';
import type { PostgresConnection } from '../../db/postgres/connection';

export type PostgresProgram = 'pg_dump' | 'pg_restore';

export interface PostgresTools {
  dir: string;
  pgDump: string;
  pgRestore: string;
  /** The tools' major version (pg_dump --version). */
  major: number;
}

type Env = NodeJS.ProcessEnv;

const exe = (name: string, platform: NodeJS.Platform) => (platform === 'win32' ? `${name}.exe` : name);

function hasTools(dir: string, platform: NodeJS.Platform): boolean {
  return ['pg_dump', 'pg_restore'].every((name) => {
    try {
      return fs.statSync(path.join(dir, exe(name, platform))).isFile();
    } catch {
      return false;
    }
  });
}

/** Folders named by a version number under `root`, newest first (Debian's /usr/lib/postgresql/<v>, Windows' PostgreSQL\<v>). */
function versionFolders(root: string): string[] {
  try {
    return fs
      .readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => path.join(root, v, 'bin'));
  } catch {
    return [];
  }
}

/** The folders to look in, in order: POSTGRES_BIN_DIR alone when it is set; else the newest install, then PATH. */
export function candidateDirs(env: Env = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (env.POSTGRES_BIN_DIR) return [path.resolve(env.POSTGRES_BIN_DIR)];
  const dirs: string[] = [];
  if (platform === 'win32') {
    for (const base of [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files']) if (base) dirs.push(...versionFolders(path.join(base, 'PostgreSQL')));
  } else {
    dirs.push(...versionFolders('/usr/lib/postgresql'));
    if (platform === 'darwin') dirs.push('/opt/homebrew/bin', '/usr/local/bin', '/Applications/Postgres.app/Contents/Versions/latest/bin');
  }
  const pathVar = env.PATH ?? env.Path ?? '';
  dirs.push(...pathVar.split(path.delimiter).filter(Boolean));
  return [...new Set(dirs)];
}

/** The Chinese sentence that names what to install when pg_dump/pg_restore are not found. */
export function missingToolsMessage(env: Env = process.env, platform: NodeJS.Platform = process.platform, serverMajor?: number): string {
  const where = env.POSTGRES_BIN_DIR ? `（已设置 POSTGRES_BIN_DIR=${env.POSTGRES_BIN_DIR}，但那里没有这两个程序）` : '';
  const version = serverMajor ? ` ${serverMajor} ` : '';
  if (platform === 'win32') {
    return `找不到 PostgreSQL 的备份程序 pg_dump / pg_restore${where}。请安装 PostgreSQL${version}或更新版本的命令行工具（Command Line Tools，安装在 C:\\Program Files\\PostgreSQL\\<版本>\\bin），或设置环境变量 POSTGRES_BIN_DIR 指向它们所在的文件夹，然后再备份。`;
  }
  return `找不到 PostgreSQL 的备份程序 pg_dump / pg_restore${where}。请安装与数据库服务器同一大版本或更新的客户端程序（Debian/Ubuntu：sudo apt-get install postgresql-client${serverMajor ? `-${serverMajor}` : ''}），或设置环境变量 POSTGRES_BIN_DIR 指向它们所在的文件夹，然后再备份。`;
}

/** Runs a program to its end; stdout and stderr as text. Never through a shell. */
export function runProgram(file: string, args: string[], env: Env, input?: { onStderrLine?: (line: string) => void }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr += text;
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) input?.onStderrLine?.(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) input?.onStderrLine?.(pending);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

function majorOf(versionText: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!m) return null;
  const major = Number(m[1]);
  // Before 10 the major version was two numbers (9.6); all of those are far too old anyway.
  return major >= 10 ? major : major + Number(m[2] ?? 0) / 10;
}

/** pg_dump and pg_restore of one folder, with their major version; a Chinese AppError when they are not there. */
export async function findPostgresTools(env: Env = process.env, platform: NodeJS.Platform = process.platform): Promise<PostgresTools> {
  for (const dir of candidateDirs(env, platform)) {
    if (!hasTools(dir, platform)) continue;
    const pgDump = path.join(dir, exe('pg_dump', platform));
    const pgRestore = path.join(dir, exe('pg_restore', platform));
    let major: number | null = null;
    try {
      major = majorOf((await runProgram(pgDump, ['--version'], env)).stdout);
    } catch {
      major = null;
    }
    if (major === null) continue;
    return { dir, pgDump, pgRestore, major };
  }
  throw new AppError('CONFLICT', missingToolsMessage(env, platform));
}

/** The server's major version (SHOW server_version_num: 150004 → 15). */
export async function serverMajor(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ server_version_num: string }>('SHOW server_version_num');
  const num = Number(rows[0].server_version_num);
  return num >= 100000 ? Math.floor(num / 10000) : Math.floor(num / 10000) + (Math.floor(num / 100) % 100) / 10;
}

/** pg_dump must be of the server's major version or newer (an older one refuses to dump a newer server). */
export async function checkedTools(pool: pg.Pool, env: Env = process.env, platform: NodeJS.Platform = process.platform): Promise<PostgresTools> {
  let tools: PostgresTools;
  try {
    tools = await findPostgresTools(env, platform);
  } catch (error) {
    const major = await serverMajor(pool).catch(() => undefined);
    if (error instanceof AppError) throw new AppError('CONFLICT', missingToolsMessage(env, platform, major));
    throw error;
  }
  const server = await serverMajor(pool);
  if (tools.major < server) {
    throw new AppError(
      'CONFLICT',
      `找到的 pg_dump 是 PostgreSQL ${tools.major} 版（${tools.dir}），比数据库服务器的 ${server} 版旧，不能备份。请安装 PostgreSQL ${server} 或更新版本的客户端程序${platform === 'win32' ? '（命令行工具）' : `（Debian/Ubuntu：postgresql-client-${server}）`}，或用 POSTGRES_BIN_DIR 指向它。`,
    );
  }
  return tools;
}

/**
 * The environment of a pg_dump/pg_restore child: this process's, without any PG* variable of its own, plus the
 * store's connection. The password is here and nowhere else (not in argv, where any user could read it).
 */
export function childEnv(connection: PostgresConnection, password: string, extra: Record<string, string> = {}, toolsMajor = 0): Env {
  const env: Env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^PG/i.test(key)) env[key] = value;
  Object.assign(env, {
    PGHOST: connection.host,
    PGPORT: String(connection.port),
    PGDATABASE: connection.database,
    PGUSER: connection.user,
    PGPASSWORD: password,
    PGSSLMODE: connection.sslmode,
    PGAPPNAME: 'township-care-backup',
    PGCONNECT_TIMEOUT: '10',
    // No ~/.pgpass or service file of whoever runs the program gets mixed in.
    PGPASSFILE: process.platform === 'win32' ? 'NUL' : '/dev/null',
    ...extra,
  });
  // verify-full: the CA file when one is given; otherwise the system's certificates, as the program itself uses them
  // (libpq 16+ understands "system"; older ones look for ~/.postgresql/root.crt).
  if (connection.sslmode === 'verify-full' && connection.caFile) env.PGSSLROOTCERT = connection.caFile;
  else if (connection.sslmode === 'verify-full' && toolsMajor >= 16) env.PGSSLROOTCERT = 'system';
  return env;
}

/** A message of a child's stderr fit to show: the last few lines, and never the password even if it were echoed. */
export function tailOf(stderr: string, password: string, lines = 4): string {
  if (/root certificate file .* does not exist/.test(stderr)) {
    return '服务器要求验证证书，但没有指定证书颁发机构（CA）文件：请在数据库连接里选择 CA 文件，或安装 PostgreSQL 16 以上的客户端程序（它能使用系统的证书）';
  }
  if (/password authentication failed/i.test(stderr)) return '数据库密码不对（可能已被数据库管理员修改），请在“数据存放位置”里修改服务器连接';
  if (/Connection refused|could not connect|timeout expired|could not translate host name|No route to host/i.test(stderr)) {
    return '连不上数据库服务器，请检查网络和服务器是否开着，然后再试';
  }
  let text = stderr
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/^pg_(dump|restore): (dumping|reading|processing|creating|executing|last built-in|identifying|saving|finding|flagging|connecting|implied|dropping)/.test(l))
    .slice(-lines)
    .join('；')
    .slice(0, 400);
  if (password) text = text.split(password).join('******');
  return text;
}
