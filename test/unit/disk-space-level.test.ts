// The disk notice's thresholds and wording (issue 25): pure rules, tested at their edges.
import { describe, expect, it } from 'vitest';
import { GB, MB, formatBytes } from '@shared/domain/disk/bytes';
import { dataDiskFullMessage, serverDiskFullMessage, targetFullMessage } from '@shared/domain/disk/messages';
import { CRITICAL_FREE_BYTES, DEFAULT_WARN_MEGABYTES, diskLevel, leavesReserve, warnBelowBytes } from '@shared/domain/disk/space-level';

const level = (freeBytes: number, databaseBytes = 50 * MB, warnMegabytes = DEFAULT_WARN_MEGABYTES) => diskLevel({ freeBytes, databaseBytes, warnMegabytes });

describe('disk level', () => {
  it('is ok from the setting (1 GB by default) up, low below it, critical below 200 MB', () => {
    expect(level(GB)).toBe('ok');
    expect(level(GB - 1)).toBe('low');
    expect(level(CRITICAL_FREE_BYTES)).toBe('low');
    expect(level(CRITICAL_FREE_BYTES - 1)).toBe('critical');
    expect(level(0)).toBe('critical');
  });

  it('warns below 5 × the database when that is more than the setting', () => {
    expect(warnBelowBytes(1024, 300 * MB)).toBe(1500 * MB);
    expect(level(1400 * MB, 300 * MB)).toBe('low');
    expect(level(1500 * MB, 300 * MB)).toBe('ok');
    // A small database leaves the setting in charge.
    expect(warnBelowBytes(1024, 10 * MB)).toBe(GB);
  });

  it('follows the centre’s setting, which can never go below the red line', () => {
    expect(level(3 * GB, 50 * MB, 4096)).toBe('low');
    expect(level(4 * GB, 50 * MB, 4096)).toBe('ok');
    expect(warnBelowBytes(100, 0)).toBe(CRITICAL_FREE_BYTES);
  });

  it('lets an automatic backup through only if 200 MB stay free after it', () => {
    expect(leavesReserve(CRITICAL_FREE_BYTES + 50 * MB, 50 * MB)).toBe(true);
    expect(leavesReserve(CRITICAL_FREE_BYTES + 50 * MB - 1, 50 * MB)).toBe(false);
  });
});

describe('sizes and messages', () => {
  it('rounds sizes down, so a notice never shows more room than there is', () => {
    expect(formatBytes(0)).toBe('0 字节');
    expect(formatBytes(1023)).toBe('1023 字节');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(350 * MB + 900 * 1024)).toBe('350 MB');
    expect(formatBytes(GB - 1)).toBe('1023 MB');
    expect(formatBytes(1.99 * GB)).toBe('1.9 GB');
    expect(formatBytes(-5)).toBe('0 字节');
  });

  it('names the folder, the free room, that saved records are safe, and what to do', () => {
    const data = dataDiskFullMessage('D:\\敬老院数据', 3 * MB);
    expect(data).toContain('D:\\敬老院数据');
    expect(data).toContain('只剩 3 MB');
    expect(data).toContain('已保存的记录不受影响');
    expect(data).toMatch(/腾出空间.*联系维护人员/);
    expect(dataDiskFullMessage('D:\\x', null)).not.toContain('只剩');
    expect(serverDiskFullMessage('10.0.0.5:5432')).toContain('10.0.0.5:5432');
    const target = targetFullMessage({ what: '备份', folder: 'E:\\', freeBytes: 20 * MB, neededBytes: 120 * MB });
    expect(target).toBe('备份没有保存：E:\\ 只剩 20 MB，这个文件需要 120 MB。请换一个空间更大的U盘，或删除不用的文件后再试。已保存的记录不受影响。');
  });
});
