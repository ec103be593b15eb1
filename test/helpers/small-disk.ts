// Real small disks for the full-disk tests (issue 25): a tmpfs mounted on a fresh folder. Mounting needs root and, in a
// container, the right to mount; where either is missing, the tests that need a real disk are skipped and say why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function whyNoTmpfs(): string | null {
  if (process.platform !== 'linux') return '不是 Linux，不能挂载 tmpfs';
  if (process.getuid?.() !== 0) return '挂载 tmpfs 需要 root 权限';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    const said = String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0];
    return `这台机器不允许挂载 tmpfs（${said}）`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** Null when a tmpfs can be mounted here; otherwise why not (printed by the tests that skip). */
export const NO_TMPFS_REASON = whyNoTmpfs();

/** A real disk of `size` (tmpfs sizes: 4k, 40m), empty: a tmpfs mounted on a fresh folder. */
export function mountTmpfs(size: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return dir;
}

export function unmountTmpfs(dir: string): void {
  execFileSync('umount', ['-l', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Fills a disk to its last byte (big pieces, then pages), as downloads and photos do on a front-desk PC. */
export function fillToLastByte(dir: string): string[] {
  const files: string[] = [];
  for (const size of [1024 * 1024, 4096, 512]) {
    for (;;) {
      const file = path.join(dir, `filler-${files.length}`);
      try {
        fs.writeFileSync(file, Buffer.alloc(size, 1));
        files.push(file);
      } catch (error) {
        fs.rmSync(file, { force: true });
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        break;
      }
    }
  }
  return files;
}
