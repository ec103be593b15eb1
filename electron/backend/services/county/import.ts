// Importing packages into the county: stage files (dropped in the browser, or every .tcpkg of a folder), preview them
// (the dry run), then apply them in sequence order, each package in one transaction — its records upserted by UUID,
// its figures computed, an earlier package of the month superseded by a correction — or not at all. Every attempt,
// refused ones included, leaves a report that can be sent back to the centre.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError, invalid, notFound } from '@shared/api/errors';
import type { ImportJob, ImportPreview } from '@shared/api/county';
import { computeFigures } from '@shared/domain/sync/figures';
import { SECTION_NAMES } from '@shared/domain/sync/sections';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Platform } from '../../platform';
import { DEFAULT_LIMITS, sha256, tooLarge } from '../../package/package';
import { countyKeys } from './centres';
import { type CountyKeys, type Checked, type Verdict, checkPackage, placePackage } from './verdict';

interface StagedFile {
  fileName: string;
  hash: string;
  /** The preview's check of the file's bytes, reused when the batch is applied; the bytes themselves are not kept. */
  checked: Checked;
}

export function previewOf(v: Verdict): ImportPreview {
  return {
    fileName: v.fileName,
    outcome: v.outcome,
    message: v.message,
    centreCode: v.manifest?.centreCode ?? '',
    centreName: v.centreName,
    period: v.manifest?.period ?? '',
    sequence: v.manifest?.sequence ?? null,
    correction: v.manifest?.correction ?? null,
    counts: v.counts,
    errors: v.errors,
    warnings: v.warnings,
  };
}

/** Stores the report of one attempt, and for an accepted package applies it, in the same transaction. */
async function record(deps: BackendDeps, sqlite: Database, caller: Caller, v: Verdict): Promise<string> {
  const reportId = newId();
  await writeAction(deps, caller, async (ctx) => {
    const m = v.manifest;
    await ctx.trx
      .insertInto('countyImportReports')
      .values({
        id: reportId,
        at: ctx.at,
        byId: caller.userId,
        byName: caller.name,
        fileName: v.fileName,
        fileHash: v.fileHash,
        centreCode: m?.centreCode ?? '',
        centreName: v.centreName,
        period: m?.period ?? '',
        sequence: m?.sequence ?? null,
        correction: m?.correction ?? null,
        outcome: v.outcome,
        message: v.message,
        counts: JSON.stringify(v.counts),
        errors: JSON.stringify(v.errors),
        warnings: JSON.stringify(v.warnings),
      })
      .execute();
    if (v.outcome === 'accepted' && v.apply && m) {
      for (const old of v.apply.supersedes) {
        await ctx.trx.updateTable('countyPackages').set({ supersededBy: m.packageId }).where('packageId', '=', old).execute();
      }
      // A correction replaces the month as a whole: the county's copy of the earlier package is dropped first.
      sqlite.prepare('DELETE FROM county_records WHERE centre_code = ? AND period = ?').run(m.centreCode, m.period);
      const insert = sqlite.prepare('INSERT INTO county_records (centre_code, period, section, record_id, data, package_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data, package_id = excluded.package_id');
      for (const section of SECTION_NAMES) {
        const records = v.apply.data[section];
        const lines = v.apply.lines.get(section)!;
        for (let i = 0; i < records.length; i++) insert.run(m.centreCode, m.period, section, records[i].id, lines[i], m.packageId);
      }
      const figures = JSON.stringify(computeFigures(m.period, v.apply.data));
      await ctx.trx
        .insertInto('countyFigures')
        .values({ centreCode: m.centreCode, period: m.period, figures, packageId: m.packageId })
        .onConflict((oc) => oc.columns(['centreCode', 'period']).doUpdateSet({ figures, packageId: m.packageId }))
        .execute();
      await ctx.trx
        .insertInto('countyPackages')
        .values({ packageId: m.packageId, fileHash: v.fileHash, centreCode: m.centreCode, period: m.period, sequence: m.sequence, correction: m.correction, correctionReason: m.correctionReason, packageCreatedAt: m.createdAt, importedAt: ctx.at, importedBy: caller.name, supersededBy: null })
        .execute();
    }
    await ctx.audit({ action: 'create', entity: 'countyImportReports', entityId: reportId, after: { fileName: v.fileName, outcome: v.outcome, centreCode: m?.centreCode, period: m?.period, message: v.message } });
  });
  return reportId;
}

type Order = { centreCode: string; sequence: number; correction: number } | null;
/** Where a checked file goes in the batch: by its manifest when it could be read at all. */
function orderOf(checked: Checked): Order {
  const m = checked.ok ? checked.manifest : checked.verdict.manifest;
  return m ? { centreCode: m.centreCode, sequence: m.sequence, correction: m.correction } : null;
}
/** Packages in the order they must be applied: by centre, then sequence, then correction (unreadable ones last). */
const applyOrder = ({ order: a }: { order: Order }, { order: b }: { order: Order }) =>
  (a?.centreCode ?? '~').localeCompare(b?.centreCode ?? '~') || (a?.sequence ?? 0) - (b?.sequence ?? 0) || (a?.correction ?? 0) - (b?.correction ?? 0);

/** A file refused without reading it into memory. */
function refuseUnread(fileName: string, fileHash: string, message: string): StagedFile {
  const verdict: Verdict = { fileName, fileHash, outcome: 'rejected', message, manifest: null, centreName: '', counts: {}, errors: [], warnings: [], apply: null };
  return { fileName, hash: fileHash, checked: { ok: false, verdict } };
}

/** The SHA-256 of an open file, read in pieces. */
function hashInPieces(fd: number): string {
  const hash = crypto.createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let n, at = 0; (n = fs.readSync(fd, chunk, 0, chunk.length, at)) > 0; at += n) hash.update(chunk.subarray(0, n));
  return hash.digest('hex');
}

/** One file of a folder, read and checked on its own: a folder of large files is never in memory all at once. */
function stageFromFolder(sqlite: Database, keys: CountyKeys, file: string, now: Date): StagedFile {
  const fileName = path.basename(file);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    // Removed meanwhile, no permission, or a folder on Windows: this file is refused, the others are still read.
    return refuseUnread(fileName, '', `无法读取「${fileName}」（文件已被移走、没有权限或不是文件），已跳过`);
  }
  let bytes: Uint8Array;
  try {
    const stat = fs.fstatSync(fd);
    // A pipe or device named .tcpkg would never end; a directory cannot be read.
    if (!stat.isFile()) return refuseUnread(fileName, '', `「${fileName}」不是普通文件，已跳过`);
    if (stat.size > DEFAULT_LIMITS.packageBytes) return refuseUnread(fileName, hashInPieces(fd), tooLarge(stat.size));
    // Exactly the size seen, so a file growing meanwhile cannot make this read more.
    const buffer = Buffer.alloc(stat.size);
    let done = 0;
    for (let n; done < stat.size && (n = fs.readSync(fd, buffer, done, stat.size - done, done)) > 0; ) done += n;
    bytes = buffer.subarray(0, done);
  } finally {
    fs.closeSync(fd);
  }
  return stageBytes(sqlite, keys, fileName, bytes, now);
}

function stageBytes(sqlite: Database, keys: CountyKeys, fileName: string, bytes: Uint8Array, now: Date): StagedFile {
  const hash = sha256(bytes);
  return { fileName, hash, checked: checkPackage(sqlite, keys, fileName, bytes, hash, now) };
}

export class CountyImports {
  private batches = new Map<string, StagedFile[]>();
  private jobs = new Map<string, ImportJob>();
  constructor(
    private deps: BackendDeps,
    private sqlite: () => Database,
    private platform: Platform | undefined,
  ) {}

  private async keys() {
    return countyKeys(this.deps, this.platform);
  }

  /** Files from the browser (base64) or every .tcpkg in a folder; returns the dry run of each. */
  async stage(input: { files: { name: string; base64: string }[] } | { folder: string }, batchId: string | null): Promise<{ batchId: string; items: ImportPreview[] }> {
    const keys = await this.keys();
    const sqlite = this.sqlite();
    const files: StagedFile[] = [];
    const now = this.deps.clock.now();
    if ('folder' in input) {
      if (!path.isAbsolute(input.folder) || !fs.existsSync(input.folder) || !fs.statSync(input.folder).isDirectory()) throw invalid(`找不到文件夹「${input.folder}」`, 'folder');
      const names = fs.readdirSync(input.folder).filter((n) => n.toLowerCase().endsWith('.tcpkg')).sort();
      if (names.length === 0) throw invalid(`文件夹「${input.folder}」里没有月报数据包（.tcpkg 文件）`, 'folder');
      for (const name of names) files.push(stageFromFolder(sqlite, keys, path.join(input.folder, name), now));
    } else {
      if (input.files.length === 0) throw invalid('请选择要导入的数据包文件', 'files');
      for (const f of input.files) files.push(stageBytes(sqlite, keys, path.basename(f.name), new Uint8Array(Buffer.from(f.base64, 'base64')), now));
    }
    const id = batchId ?? newId();
    const staged = [...(batchId ? (this.batches.get(batchId) ?? []) : []), ...files];
    this.batches.set(id, staged);
    return {
      batchId: id,
      items: staged.map((f, i) => {
        // The same file twice in one batch is imported once: say so on the second copy instead of 可导入 twice.
        const first = staged.findIndex((g) => g.hash === f.hash);
        const preview = previewOf(placePackage(sqlite, f.checked, false));
        if (first === i || preview.outcome !== 'accepted') return preview;
        return { ...preview, outcome: 'already_imported' as const, message: `与本批的「${staged[first].fileName}」是同一个文件，只导入一次` };
      }),
    };
  }

  /** Applies a staged batch as a job: one package after another, each placed again just before it is applied. */
  start(caller: Caller, batchId: string): { jobId: string } {
    const files = this.batches.get(batchId);
    if (!files) throw notFound('待导入的文件（请重新选择文件）');
    this.batches.delete(batchId);
    const job: ImportJob = { id: newId(), percent: 0, done: false, error: null, reports: [] };
    this.jobs.set(job.id, job);
    void this.run(job, caller, files).catch((error: unknown) => Object.assign(job, { done: true, error: error instanceof AppError ? error.message : '导入中断，已导入的包保持不变，未完成的包没有写入任何数据' }));
    return { jobId: job.id };
  }

  /** Applies the files in order of centre, sequence and correction, each package in its own transaction. */
  async importAll(caller: Caller, files: StagedFile[], onProgress: (done: number, total: number) => void = () => {}) {
    const sqlite = this.sqlite();
    const ordered = files.map((f) => ({ f, order: orderOf(f.checked) })).sort(applyOrder).map((x) => x.f);
    const out: Array<ImportPreview & { reportId: string }> = [];
    for (const [i, f] of ordered.entries()) {
      // Placed just before it is applied: an earlier package of the batch may have changed the picture.
      const v = placePackage(sqlite, f.checked, true);
      const reportId = await record(this.deps, sqlite, caller, v);
      out.push({ ...previewOf(v), reportId });
      onProgress(i + 1, ordered.length);
      await new Promise((resolve) => setImmediate(resolve)); // let progress polls through between packages
    }
    return out;
  }

  private async run(job: ImportJob, caller: Caller, files: StagedFile[]) {
    const reports = await this.importAll(caller, files, (done, total) => (job.percent = Math.round((done / total) * 100)));
    Object.assign(job, { percent: 100, done: true, reports });
  }

  job(id: string): ImportJob {
    const job = this.jobs.get(id);
    if (!job) throw notFound('导入任务');
    return { ...job, reports: [...job.reports] };
  }
}
