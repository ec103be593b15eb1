// When the data disk's free space is worth a notice (issue 25): below the centre's setting (default 1 GB) and always
// below five times the database — a backup is a copy of it, a migration makes one more — the manager is told; below
// 200 MB everyone signed in is, since the next photos or backup can fill it.
import { MB } from './bytes';

export type DiskLevel = 'ok' | 'low' | 'critical';

/** Below this, every signed-in person sees the red notice and automatic backups stop short of it. */
export const CRITICAL_FREE_BYTES = 200 * MB;
/** The warning starts at least this many database sizes above empty. */
export const DATABASE_MULTIPLE = 5;
/** The setting's default (硬盘空间提醒, MB). */
export const DEFAULT_WARN_MEGABYTES = 1024;

/** The free space below which the manager is warned: the setting, raised to 5 × the database when that is more. */
export function warnBelowBytes(warnMegabytes: number, databaseBytes: number): number {
  return Math.max(warnMegabytes * MB, DATABASE_MULTIPLE * databaseBytes, CRITICAL_FREE_BYTES);
}

export function diskLevel(space: { freeBytes: number; databaseBytes: number; warnMegabytes: number }): DiskLevel {
  if (space.freeBytes < CRITICAL_FREE_BYTES) return 'critical';
  if (space.freeBytes < warnBelowBytes(space.warnMegabytes, space.databaseBytes)) return 'low';
  return 'ok';
}

/**
 * Whether an automatic backup of `neededBytes` may be written: only if it leaves at least the critical reserve free
 * (the records themselves need that space more than a second copy does).
 */
export function leavesReserve(freeBytes: number, neededBytes: number): boolean {
  return freeBytes - neededBytes >= CRITICAL_FREE_BYTES;
}
