// `npm run web` as a user runs it: the CLI honours PORT and APP_DATA_DIR and prints the one link to open.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
});

/** Resolves with the next fresh link the CLI prints. */
function nextLink(): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no new link printed: ${out}`)), 30_000);
    child!.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /新的链接.*?(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
}

function startCli(env: Record<string, string>, args: string[] = []): Promise<string> {
  const root = path.resolve(__dirname, '../..');
  child = spawn(process.execPath, ['--import', 'tsx', 'electron/webhost/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
    child!.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child!.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('browser host CLI', () => {
  it('listens on PORT, keeps data in APP_DATA_DIR, and prints a per-launch token', async () => {
    const dataDir = tempDir('tc-cli-');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const url = await startCli({ PORT: String(port), APP_DATA_DIR: dataDir });
    expect(url.startsWith(`http://127.0.0.1:${port}/?token=`)).toBe(true);
    expect(new URL(url).searchParams.get('token')!.length).toBeGreaterThanOrEqual(32);
    expect(fs.existsSync(path.join(dataDir, 'data', 'township-care.sqlite'))).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const refused = await fetch(`http://127.0.0.1:${port}/rpc/system.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
  });

  it('opens one browser per link; Enter in the terminal prints a fresh link for the next one', async () => {
    const url = await startCli({ PORT: '0', APP_DATA_DIR: tempDir('tc-cli-') });
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
    const again = await fetch(url, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('按回车键');
    const printed = nextLink();
    child!.stdin!.write('\n');
    const fresh = await printed;
    expect(fresh).not.toBe(url);
    const opened = await fetch(fresh, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('set-cookie')).toMatch(/^tc_connection=/);
  });

  it('loads the demo centre with --demo into an empty folder', async () => {
    const dataDir = tempDir('tc-cli-');
    const url = await startCli({ PORT: '0', APP_DATA_DIR: dataDir }, ['--demo']);
    const origin = new URL(url).origin;
    const token = new URL(url).searchParams.get('token')!;
    const exchange = await fetch(`${origin}/?token=${token}`, { redirect: 'manual' });
    const cookie = exchange.headers.get('set-cookie')!.split(';')[0];
    const rpc = (method: string, body: unknown) =>
      fetch(`${origin}/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) }).then((r) => r.json());
    // The demo centre is there; its first user still creates the administrator account.
    expect(await rpc('auth.status', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
    await rpc('auth.setupAdmin', { username: 'admin', displayName: '王院长', password: 'Anquan-2026' });
    const map = (await rpc('facility.bedMap', {})) as { ok: boolean; value: { counts: { total: number } } };
    expect(map.ok).toBe(true);
    expect(map.value.counts.total).toBe(100);
  });
});
