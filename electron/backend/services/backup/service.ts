// Backups as the centre uses them: automatic daily/monthly copies with rotation, "backup to…" a folder with progress,
// and restore after an integrity check, always keeping a safety copy of what was there before.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupJob } from '@shared/api/backup';
import { AppError } from '@shared/api/errors';
import { type WriteContext, writeAction } from '../../audit';
import { GENERATION_KEY } from '../../security/recheck';
import { storeSetting } from '../settings/settings';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import type { DiskMonitor } from '../disk/monitor';
import { deferUntilRoom } from '../disk/deferred';
import { freeSpaceOf } from '../disk/space';
import { dataDiskFullMessage } from '@shared/domain/disk/messages';
import type { DatabaseHolder } from './holder';
import { BACKUP_PROBLEM_MESSAGES, inspectBackup } from './inspect';
import { dumpPostgres } from './postgres-dump';
import { checkDump, restorePostgres } from './postgres-restore';
import { type BackupExtension, backupsToRemove, dailyName, monthlyName } from './rotation';
import { BACKUP_MARGIN_BYTES, type Progress, assertWritableFolder, backupSizeOf, backupTooBig, writeBackup } from './write';

/**
 * A restored store gets a new generation: every session signed in before the restore — on this PC or on another PC
 * of the same PostgreSQL store — ends at its next call (security/recheck.ts).
 */
async function renewGeneration(ctx: WriteContext): Promise<void> {
  await storeSetting(ctx, GENERATION_KEY, newId());
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

function kindOf(name: string): BackupFile['kind'] {
  if (name.startsWith('daily-')) return 'daily';
  if (name.startsWith('monthly-')) return 'monthly';
  if (name.startsWith('pre-migrate-')) return 'pre_migrate';
  if (name.startsWith('pre-restore-')) return 'pre_restore';
  if (name.startsWith('damaged-')) return 'damaged';
  return 'other';
}

export class BackupService {
  private jobs = new Map<string, BackupJob>();

  constructor(
    private holder: DatabaseHolder,
    private disk: DiskMonitor,
  ) {}

  private get sqlite() {
    if (!this.holder.current) throw new AppError('RECOVERY_NEEDED', '数据库需要先从备份恢复');
    return this.holder.current.sqlite;
  }

  /** A SQLite store's backups are copies of its file; a PostgreSQL store's are pg_dump archives (postgres-dump.ts). */
  private get ext(): BackupExtension {
    return this.holder.postgres ? '.dump' : '.sqlite';
  }

  private write(file: string, onProgress?: Progress): Promise<void> {
    return this.holder.postgres ? dumpPostgres(this.holder.postgres, file, onProgress) : writeBackup(this.sqlite, file, onProgress, this.disk.statfs);
  }

  /**
   * About how big the next copy will be: a SQLite file's pages; for a PostgreSQL store the newest archive's size (a
   * dump's size is not known before it is made; 0 when there is none yet, and only the last 200 MB are kept free).
   */
  private expectedSize(): number {
    if (!this.holder.postgres) return backupSizeOf(this.sqlite);
    return this.list().find((b) => b.kind === 'daily' || b.kind === 'monthly')?.sizeBytes ?? 0;
  }

  list(): BackupFile[] {
    const dir = this.holder.backupDir;
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(this.ext))
      .map((name) => {
        const stat = fs.statSync(path.join(dir, name));
        return { name, kind: kindOf(name), sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  }

  /**
   * Today's daily copy and this month's monthly copy, if missing; then the rotation. A copy that would leave the data
   * disk less than its last 200 MB is skipped and said on the home page (disk/monitor.ts): the records need the room.
   */
  async runAutomatic(): Promise<string[]> {
    fs.mkdirSync(this.holder.backupDir, { recursive: true, mode: 0o700 });
    const today = todayIn(this.holder.deps.clock);
    const written: string[] = [];
    try {
      for (const name of [dailyName(today, this.ext), monthlyName(today.slice(0, 7), this.ext)]) {
        const file = path.join(this.holder.backupDir, name);
        if (fs.existsSync(file)) continue;
        const needed = this.expectedSize();
        if (!this.disk.mayWriteAutomaticBackup(needed)) continue;
        try {
          await this.write(file);
        } catch (error) {
          if (error instanceof AppError && error.code === 'DISK_FULL') this.disk.backupSkipped(needed);
          throw error;
        }
        this.disk.backupWritten();
        written.push(name);
      }
    } finally {
      // Old copies go even when today's could not be written: that is room the disk may need.
      for (const old of backupsToRemove(fs.readdirSync(this.holder.backupDir))) fs.rmSync(path.join(this.holder.backupDir, old));
    }
    return written;
  }

  /** Starts a copy into a folder (a USB stick); poll `job(id)` for progress. */
  startToFolder(folder: string, caller: Caller): { jobId: string } {
    assertWritableFolder(folder);
    // A stick that cannot hold the copy is said at once, on the form, before anything is written.
    const needed = this.holder.postgres ? null : backupSizeOf(this.sqlite);
    const free = freeSpaceOf(folder, this.disk.statfs)?.freeBytes;
    if (needed !== null && free !== undefined && free < needed + BACKUP_MARGIN_BYTES) throw backupTooBig(folder, needed, this.disk.statfs);
    const now = this.holder.deps.clock.now();
    const file = path.join(folder, `敬老院数据备份-${todayIn(this.holder.deps.clock)}-${stamp(now).slice(11, 19)}${this.ext}`);
    const job: BackupJob = { id: newId(), percent: 0, done: false, error: null, file: null };
    this.jobs.set(job.id, job);
    void this.write(file, (fraction) => (job.percent = Math.round(fraction * 100)))
      .then(async () => {
        const record = () => writeAction(this.holder.deps, caller, (ctx) => ctx.audit({ action: 'backup', entity: 'database', entityId: 'database', after: { file } }));
        try {
          await record();
        } catch (error) {
          // The copy is on the stick and whole: a data disk too full for the record of it must not call it failed
          // (the manager may be backing up before deleting files). The record is written once there is room.
          if (!this.disk.isFullDiskFailure(error)) throw error;
          deferUntilRoom(this.holder.deps, record);
        }
        Object.assign(job, { percent: 100, done: true, file });
      })
      .catch((error: unknown) => {
        const message = error instanceof AppError ? error.message : this.disk.isFullDiskFailure(error) ? this.disk.fullMessage(error) : '备份失败，请重试';
        Object.assign(job, { done: true, error: message });
      });
    return { jobId: job.id };
  }

  job(id: string): BackupJob {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', '找不到这个备份任务，请重新开始备份');
    return { ...job };
  }

  /** A name from the backup list, or a full path to a file (for example on a USB stick). */
  resolveSource(source: string): string {
    if (!source.includes('/') && !source.includes('\\')) return path.join(this.holder.backupDir, path.basename(source));
    return path.resolve(source);
  }

  /**
   * Replaces the database with a checked backup. The current file (healthy or damaged) is kept as a safety copy first.
   * Nothing changes if the backup fails its checks.
   */
  async restore(source: string, caller: Caller | null): Promise<{ restoredFrom: string; safetyCopy: string | null }> {
    const file = this.resolveSource(source);
    if (this.holder.postgres) return this.restorePostgres(file, caller);
    const inspection = inspectBackup(file);
    if (!inspection.ok) throw new AppError('INVALID_INPUT', BACKUP_PROBLEM_MESSAGES[inspection.problem!], 'source');
    fs.mkdirSync(this.holder.backupDir, { recursive: true, mode: 0o700 });
    const now = this.holder.deps.clock.now();
    let safetyCopy: string | null = null;
    const restoring = `${this.holder.file}.restoring`;
    // Both copies are made while the database is still open: a disk too full for either changes nothing (issue 25).
    try {
      if (fs.existsSync(this.holder.file)) {
        const prefix = this.holder.current ? 'pre-restore' : 'damaged';
        // A unique name: the safety copy must never overwrite an earlier one (which may be the very file being restored).
        safetyCopy = path.join(this.holder.backupDir, `${prefix}-${stamp(now)}-${newId().slice(-8)}.sqlite`);
        if (this.holder.current) await writeBackup(this.holder.current.sqlite, safetyCopy, undefined, this.disk.statfs);
        else fs.copyFileSync(this.holder.file, safetyCopy);
      }
      const free = freeSpaceOf(path.dirname(restoring), this.disk.statfs)?.freeBytes;
      if (free !== undefined && free < fs.statSync(file).size) throw new AppError('DISK_FULL', dataDiskFullMessage(this.holder.dataDir, free));
      fs.copyFileSync(file, restoring);
    } catch (error) {
      fs.rmSync(restoring, { force: true });
      if (safetyCopy) fs.rmSync(safetyCopy, { force: true });
      // Both copies go to the data disk: said as the data disk being full (not "a bigger USB stick").
      if (error instanceof AppError && error.code === 'DISK_FULL') throw new AppError('DISK_FULL', dataDiskFullMessage(this.holder.dataDir, freeSpaceOf(this.holder.dataDir, this.disk.statfs)?.freeBytes ?? null));
      throw error;
    }
    await this.holder.current?.close();
    this.holder.current = null;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.holder.file + suffix, { force: true });
    fs.renameSync(restoring, this.holder.file);
    await this.holder.reopen();
    const actor: Caller = caller ?? { userId: 'recovery', name: '启动时恢复', role: 'admin' };
    await writeAction(this.holder.deps, actor, async (ctx) => {
      await renewGeneration(ctx);
      await ctx.audit({ action: 'restore', entity: 'database', entityId: 'database', after: { from: file, safetyCopy } });
    });
    return { restoredFrom: path.basename(file), safetyCopy: safetyCopy ? path.basename(safetyCopy) : null };
  }

  /** The same on a PostgreSQL store: check the archive, dump the store as it is, restore in one server transaction. */
  private async restorePostgres(file: string, caller: Caller | null): Promise<{ restoredFrom: string; safetyCopy: string | null }> {
    const store = this.holder.postgres!;
    const { tools, inspection } = await checkDump(store, file);
    fs.mkdirSync(this.holder.backupDir, { recursive: true, mode: 0o700 });
    const safetyCopy = path.join(this.holder.backupDir, `pre-restore-${stamp(this.holder.deps.clock.now())}-${newId().slice(-8)}.dump`);
    await dumpPostgres(store, safetyCopy);
    await restorePostgres(store, tools, file, inspection);
    // Opened again: the migrations bring an older backup up to this program's version; every session signs in again.
    await this.holder.reopen();
    const actor: Caller = caller ?? { userId: 'recovery', name: '启动时恢复', role: 'admin' };
    await writeAction(this.holder.deps, actor, async (ctx) => {
      await renewGeneration(ctx);
      await ctx.audit({ action: 'restore', entity: 'database', entityId: 'database', after: { from: file, safetyCopy, schemaVersion: inspection.schemaVersion } });
    });
    return { restoredFrom: path.basename(file), safetyCopy: path.basename(safetyCopy) };
  }
}
