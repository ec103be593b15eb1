// `npm run web`: the browser host for machines where Electron cannot run. Prints a link that opens one browser;
// Enter in the terminal prints a fresh one (another browser, or after the browser was closed).
//   PORT          port on 127.0.0.1 (default 4310; 0 picks a free one)
//   APP_DATA_DIR  data folder (default ~/.township-care)
//   --demo        load the demo centre first if the database is empty
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { startBackend, defaultWebDataDir } from '../backend/app';
import { Session } from '../backend/security/session';
import { createWebHost, listenOnLoopback } from './server';

async function main() {
  const dataDir = path.resolve(process.env.APP_DATA_DIR || defaultWebDataDir());
  const port = Number(process.env.PORT ?? 4310);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  const staticDir = path.resolve(__dirname, '..', '..', 'out', 'renderer');

  const backend = await startBackend({ dataDir, checkOutput: process.env.NODE_ENV !== 'production', automaticBackups: true });
  if (process.argv.includes('--demo')) {
    // The person at the terminal loads the demo; the audit log names the command line.
    const terminal = new Session();
    terminal.signIn({ userId: 'cli', name: '命令行（npm run demo）', role: 'admin', mustChangePassword: false }, new Date());
    const result = await backend.dispatch(terminal, 'system.loadDemo', {});
    console.log(result.ok ? '已载入演示敬老院。' : `未载入演示数据：${result.error.message}`);
  }
  const token = randomBytes(24).toString('base64url');
  const server = createWebHost({ dispatch: backend.dispatch, staticDir, token });
  const bound = await listenOnLoopback(server, port);
  console.log(`乡镇敬老院运营系统（浏览器模式）已启动，数据目录：${dataDir}`);
  console.log(`请在浏览器中打开：http://127.0.0.1:${bound}/?token=${token}`);
  console.log('这个链接只能打开一个浏览器。要在另一个浏览器（或关闭浏览器后重新）打开，请在这里按回车键获取新的链接。');
  readline.createInterface({ input: process.stdin }).on('line', () => {
    console.log(`新的链接（之前未使用的链接已作废）：http://127.0.0.1:${bound}/?token=${server.issueToken()}`);
  });

  const stop = () => {
    server.close();
    void backend.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
