// `npm start`: builds the app and opens it in Electron. Where the Electron binary could not be installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, offline machines), it says so and starts the browser host instead.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary(): string | null {
  try {
    const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
    const binary = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build that tests use. */
function prepareElectronSqlite(): void {
  const target = path.join(root, 'out', 'native', 'better_sqlite3.node');
  if (fs.existsSync(target)) return;
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const work = path.join(root, 'out', 'native-build', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [work] }), '--runtime', 'electron', '--target', electronVersion], {
    cwd: work,
    stdio: 'inherit',
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
}

const binary = electronBinary();
if (!binary) {
  console.log('未找到 Electron 程序（安装时跳过了下载）。改为启动浏览器模式：请打开下面打印的链接。');
  const child = spawn(npm, ['run', 'web'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  prepareElectronSqlite();
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
