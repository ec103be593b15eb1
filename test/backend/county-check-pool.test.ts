// The county's check pool (check-pool.ts) when the program closes in the middle of a preview: a file a worker was
// checking, one still waiting for a worker and one handed in after closing are each refused as not checked because
// the program is closing — never as a crash of the checking program — and no worker is left running.
import { describe, expect, it } from 'vitest';
import { CheckPool, closing, liveCheckWorkers } from '../../electron/backend/services/county/check-pool';
import { generateEncryptionKeys } from '../../electron/backend/package/keys';

const job = (fileName: string) => ({
  fileName,
  fileHash: '0'.repeat(64),
  // Not a package at all: checked to the end it would be refused as damaged, a different message from closing's.
  bytes: new Uint8Array(4096).fill(7),
  centres: {},
  keys: { countyCode: '411422', privateKey: generateEncryptionKeys().privateKey },
  now: Date.parse('2026-03-01T00:00:00Z'),
});

describe('closing the check pool', () => {
  it('refuses the files being checked or waiting as not checked because the program is closing', async () => {
    const before = liveCheckWorkers();
    const pool = new CheckPool(1);
    const busy = pool.check(job('正在检查.tcpkg'));
    const waiting = pool.check(job('排队中.tcpkg'));
    // The worker has its file (it is still starting up: it cannot have answered yet) when the program closes.
    expect(liveCheckWorkers()).toBe(before + 1);
    await pool.close();
    const late = await pool.check(job('关闭之后.tcpkg'));

    for (const [checked, name] of [[await busy, '正在检查.tcpkg'], [await waiting, '排队中.tcpkg'], [late, '关闭之后.tcpkg']] as const) {
      if (checked.ok) throw new Error('expected a refusal');
      expect(checked.verdict).toMatchObject({ fileName: name, outcome: 'rejected', message: closing(name), apply: null });
      expect(checked.verdict.message).not.toMatch(/意外退出|出错/);
    }
    expect(closing('正在检查.tcpkg')).toBe('程序正在关闭，「正在检查.tcpkg」没有检查完，这个数据包没有导入，也没有写入任何数据。请重新打开程序后再导入这个文件');
    expect(liveCheckWorkers()).toBe(before);
  });

  it('still checks a file to the end while the pool is open', async () => {
    const pool = new CheckPool(1);
    const checked = await pool.check(job('损坏.tcpkg'));
    await pool.close();
    if (checked.ok) throw new Error('expected a refusal');
    expect(checked.verdict.message).toBe('不是有效的数据包：文件不完整或已损坏（可能没有拷贝完）');
  });
});
