// Watches the data disk (issue 25): checked at start and every few minutes, so the home page can warn before the
// disk is full; decides whether an automatic backup may take the room; and words the message of a write refused
// because the disk is full, with the folder and the room left at that moment.
import path from 'node:path';
import type { DiskStatus, SkippedBackup } from '@shared/api/disk';
import { CRITICAL_FREE_BYTES, diskLevel, leavesReserve, warnBelowBytes } from '@shared/domain/disk/space-level';
import { dataDiskFullMessage, serverDiskFullMessage } from '@shared/domain/disk/messages';
import { MB } from '@shared/domain/disk/bytes';
import { DEFAULT_SETTINGS } from '@shared/api/settings';
import { nowIso } from '../../clock';
import { outsideCall } from '../../db/read-only';
import type { DatabaseHolder } from '../backup/holder';
import { readSettings } from '../settings/settings';
import { deferredCount, writeDeferred } from './deferred';
import { isDiskFull, isServerDiskFull, isStorageError } from './full-error';
import { type StatFs, freeSpaceOf, systemStatFs } from './space';
import { databaseFileBytes, diskUsage } from './usage';

/** "Every few minutes": often enough that a disk filled by a download is noticed within a shift's hour. */
export const CHECK_EVERY_MS = 5 * 60 * 1000;
/** Less than this free and an I/O error is the full disk (SQLite needs a few pages for any write). */
const NO_ROOM_BYTES = MB;

export class DiskMonitor {
  private latest: DiskStatus | null = null;
  private skipped: SkippedBackup | null = null;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<DiskStatus> | null = null;

  constructor(
    private holder: DatabaseHolder,
    /** How the room is read; the backups use the same (tests give a small disk). */
    readonly statfs: StatFs = systemStatFs,
  ) {}

  private get exportsDir(): string {
    return path.join(this.holder.dataDir, 'exports');
  }

  private async warnMegabytes(): Promise<number> {
    if (this.holder.recovery) return DEFAULT_SETTINGS.diskWarnMegabytes;
    try {
      return (await readSettings(this.holder.deps.db)).diskWarnMegabytes;
    } catch {
      return DEFAULT_SETTINGS.diskWarnMegabytes;
    }
  }

  /** Looks at the disk now; a look already under way is shared (it may read every photo's size). */
  check(): Promise<DiskStatus> {
    if (!this.checking) this.checking = this.look().finally(() => (this.checking = null));
    return this.checking;
  }

  /** Never throws: the notice must work on the day everything else fails. */
  private async look(): Promise<DiskStatus> {
    const space = freeSpaceOf(this.holder.dataDir, this.statfs);
    const sqlite = this.holder.current?.sqlite ?? null;
    const databaseBytes = sqlite ? databaseFileBytes(this.holder.file) : 0;
    const warnMegabytes = await this.warnMegabytes();
    // A disk the system cannot measure is not reported as full. On a PostgreSQL store the records are on the server:
    // this disk holds backups and exports only, so it is the manager's matter (yellow), never everyone's (red).
    const measured = space ? diskLevel({ freeBytes: space.freeBytes, databaseBytes, warnMegabytes }) : 'ok';
    const recordsHere = !this.holder.postgres;
    const level = !recordsHere && measured === 'critical' ? 'low' : measured;
    let usage: DiskStatus['usage'] = null;
    if (level !== 'ok') {
      try {
        usage = diskUsage({ databaseFile: sqlite ? this.holder.file : null, sqlite, backupDir: this.holder.backupDir, exportsDir: this.exportsDir });
      } catch {
        usage = null;
      }
    }
    this.latest = {
      level,
      folder: this.holder.dataDir,
      freeBytes: space?.freeBytes ?? 0,
      totalBytes: space?.totalBytes ?? 0,
      warnBelowBytes: warnBelowBytes(warnMegabytes, databaseBytes),
      criticalBelowBytes: CRITICAL_FREE_BYTES,
      checkedAt: nowIso(this.holder.deps.clock),
      recordsHere,
      usage,
      skippedBackup: this.skipped,
    };
    // Room again: what was held back while the disk was full is written now (each its own audited action, even when
    // the look was asked for by a read).
    if (deferredCount(this.holder.deps) > 0 && !this.holder.recovery) await outsideCall(() => writeDeferred(this.holder.deps));
    return this.latest;
  }

  /** The last check's figures (a fresh check when asked, or when there is none yet). */
  async status(fresh = false): Promise<DiskStatus> {
    if (fresh || !this.latest) return this.check();
    return { ...this.latest, skippedBackup: this.skipped };
  }

  start(everyMs = CHECK_EVERY_MS): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Whether an automatic backup of about `neededBytes` may be written into the backups folder: not if it would leave
   * less than the last 200 MB, which the day's records need more than a second copy does. A skip is remembered for the
   * home page until a backup is written again.
   */
  mayWriteAutomaticBackup(neededBytes: number): boolean {
    const space = freeSpaceOf(this.holder.backupDir, this.statfs);
    if (!space || leavesReserve(space.freeBytes, neededBytes)) return true;
    this.backupSkipped(neededBytes);
    return false;
  }

  /** An automatic backup left out (or stopped by a full disk while written): said on the home page. */
  backupSkipped(neededBytes: number): void {
    const freeBytes = freeSpaceOf(this.holder.backupDir, this.statfs)?.freeBytes ?? 0;
    this.skipped = { at: nowIso(this.holder.deps.clock), neededBytes, freeBytes };
    if (this.latest) this.latest = { ...this.latest, skippedBackup: this.skipped };
  }

  backupWritten(): void {
    this.skipped = null;
  }

  /** The message of a write refused because a disk is full: the server's on PostgreSQL, else this PC's data disk. */
  fullMessage(error: unknown): string {
    const store = this.holder.postgres;
    if (store && isServerDiskFull(error)) return serverDiskFullMessage(`${store.connection.host}:${store.connection.port}`);
    // Said at once on the home page too, not at the next check.
    void this.check();
    return dataDiskFullMessage(this.holder.dataDir, freeSpaceOf(this.holder.dataDir, this.statfs)?.freeBytes ?? null);
  }

  /** A write failed because a disk is full: said so, or an I/O error of SQLite's while the data disk has no room. */
  isFullDiskFailure(error: unknown): boolean {
    if (isDiskFull(error)) return true;
    return isStorageError(error) && (this.freeBytesNow() ?? Number.POSITIVE_INFINITY) < NO_ROOM_BYTES;
  }

  /** Free room of the data disk now (null when the system cannot say). */
  freeBytesNow(): number | null {
    return freeSpaceOf(this.holder.dataDir, this.statfs)?.freeBytes ?? null;
  }
}
