// Importing packages into the county: stage files (dropped in the browser, or every .tcpkg of a folder), preview them
// (the dry run), then apply them in sequence order, each package in one transaction — its records upserted by UUID,
// its figures computed, an earlier package of the month superseded by a correction — or not at all. Every attempt,
// refused ones included, leaves a report that can be sent back to the centre. The checks run in worker threads
// (check-pool.ts), all files of a preview at once; the writes run here, one package after another (apply-package.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError, invalid, notFound } from '@shared/api/errors';
import type { ImportJob, ImportPreview } from '@shared/api/county';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { DiskMonitor } from '../disk/monitor';
import type { Platform } from '../../platform';
import { DEFAULT_LIMITS, sha256, tooLarge } from '../../package/package';
import { countyKeys } from './centres';
import { applyPackage } from './apply-package';
import { CheckPool } from './check-pool';
import { type CentreSnapshot, type CountyKeys, type Checked, type Verdict, placePackage } from './verdict';

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

/** What every check of one staging needs besides the file: the county's key, the registry, the county's clock. */
interface CheckContext {
  pool: CheckPool;
  keys: CountyKeys;
  centres: CentreSnapshot;
  now: Date;
}

/** One file of a folder, read on its own: a folder of large files is never in memory all at once (see stage). */
function readFromFolder(file: string): { fileName: string; bytes: Uint8Array } | StagedFile {
  const fileName = path.basename(file);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    // Removed meanwhile, no permission, or a folder on Windows: this file is refused, the others are still read.
    return refuseUnread(fileName, '', `无法读取「${fileName}」（文件已被移走、没有权限或不是文件），已跳过`);
  }
  try {
    const stat = fs.fstatSync(fd);
    // A pipe or device named .tcpkg would never end; a directory cannot be read.
    if (!stat.isFile()) return refuseUnread(fileName, '', `「${fileName}」不是普通文件，已跳过`);
    if (stat.size > DEFAULT_LIMITS.packageBytes) return refuseUnread(fileName, hashInPieces(fd), tooLarge(stat.size));
    // Exactly the size seen, so a file growing meanwhile cannot make this read more.
    const buffer = Buffer.alloc(stat.size);
    let done = 0;
    for (let n; done < stat.size && (n = fs.readSync(fd, buffer, done, stat.size - done, done)) > 0; ) done += n;
    return { fileName, bytes: buffer.subarray(0, done) };
  } finally {
    fs.closeSync(fd);
  }
}

async function checkBytes(c: CheckContext, fileName: string, bytes: Uint8Array): Promise<StagedFile> {
  const hash = sha256(bytes);
  const checked = await c.pool.check({ fileName, fileHash: hash, bytes, centres: c.centres, keys: c.keys, now: c.now.getTime() });
  return { fileName, hash, checked };
}

/**
 * Every file checked by the pool, in parallel; results in the files' order. At most a few files per worker are read
 * and waiting at any time, so memory stays bounded however large the folder.
 */
async function checkAll<T>(c: CheckContext, items: T[], load: (item: T) => { fileName: string; bytes: Uint8Array } | StagedFile): Promise<StagedFile[]> {
  const out: StagedFile[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i; (i = next++) < items.length; ) {
      const loaded = load(items[i]);
      out[i] = 'checked' in loaded ? loaded : await checkBytes(c, loaded.fileName, loaded.bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(items.length, c.pool.size * 2) }, lane));
  return out;
}

/** The registry as the checks see it: every centre not withdrawn, with its key and state. */
async function centreSnapshot(deps: BackendDeps): Promise<CentreSnapshot> {
  const rows = await deps.db.selectFrom('countyCentres').select(['centreCode', 'name', 'publicKey', 'state']).where('state', '<>', 'withdrawn').execute();
  const out: CentreSnapshot = Object.create(null) as CentreSnapshot;
  for (const r of rows) out[r.centreCode] = { name: r.name, publicKey: r.publicKey, state: r.state };
  return out;
}

export class CountyImports {
  private batches = new Map<string, StagedFile[]>();
  private jobs = new Map<string, ImportJob>();
  /** The check workers, started on the first check; `close` stops them. */
  readonly pool = new CheckPool();
  constructor(
    private deps: BackendDeps,
    /** The SQLite file's raw handle for the bulk write, or null on a PostgreSQL store. */
    private sqlite: () => Database | null,
    private platform: Platform | undefined,
    /** Says a full disk as such when a package cannot be written (issue 25). */
    private disk: DiskMonitor,
  ) {}

  close() {
    return this.pool.close();
  }

  private async keys() {
    return countyKeys(this.deps, this.platform);
  }

  /** Files from the browser (base64) or every .tcpkg in a folder; returns the dry run of each. */
  async stage(input: { files: { name: string; base64: string }[] } | { folder: string }, batchId: string | null): Promise<{ batchId: string; items: ImportPreview[] }> {
    const context: CheckContext = { pool: this.pool, keys: await this.keys(), centres: await centreSnapshot(this.deps), now: this.deps.clock.now() };
    let files: StagedFile[];
    if ('folder' in input) {
      if (!path.isAbsolute(input.folder) || !fs.existsSync(input.folder) || !fs.statSync(input.folder).isDirectory()) throw invalid(`找不到文件夹「${input.folder}」`, 'folder');
      const folder = input.folder;
      const names = fs.readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.tcpkg')).sort();
      if (names.length === 0) throw invalid(`文件夹「${folder}」里没有月报数据包（.tcpkg 文件）`, 'folder');
      files = await checkAll(context, names, (name) => readFromFolder(path.join(folder, name)));
    } else {
      if (input.files.length === 0) throw invalid('请选择要导入的数据包文件', 'files');
      files = await checkAll(context, input.files, (f) => ({ fileName: path.basename(f.name), bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
    }
    const id = batchId ?? newId();
    const staged = [...(batchId ? (this.batches.get(batchId) ?? []) : []), ...files];
    this.batches.set(id, staged);
    const items: ImportPreview[] = [];
    for (const [i, f] of staged.entries()) {
      // The same file twice in one batch is imported once: say so on the second copy instead of 可导入 twice.
      const first = staged.findIndex((g) => g.hash === f.hash);
      const preview = previewOf(await placePackage(this.deps.db, f.checked, false));
      items.push(first === i || preview.outcome !== 'accepted' ? preview : { ...preview, outcome: 'already_imported' as const, message: `与本批的「${staged[first].fileName}」是同一个文件，只导入一次` });
    }
    return { batchId: id, items };
  }

  /** Applies a staged batch as a job: one package after another, each placed again just before it is applied. */
  start(caller: Caller, batchId: string): { jobId: string } {
    const files = this.batches.get(batchId);
    if (!files) throw notFound('待导入的文件（请重新选择文件）');
    this.batches.delete(batchId);
    const job: ImportJob = { id: newId(), percent: 0, done: false, error: null, reports: [] };
    this.jobs.set(job.id, job);
    void this.run(job, caller, files).catch((error: unknown) => Object.assign(job, { done: true, error: this.failureMessage(error) }));
    return { jobId: job.id };
  }

  private failureMessage(error: unknown): string {
    if (error instanceof AppError) return error.message;
    if (this.disk.isFullDiskFailure(error)) return `导入中断，已导入的包保持不变：${this.disk.fullMessage(error)}`;
    return '导入中断，已导入的包保持不变，未完成的包没有写入任何数据';
  }

  /** Applies the files in order of centre, sequence and correction, each package in its own transaction. */
  async importAll(caller: Caller, files: StagedFile[], onProgress: (done: number, total: number) => void = () => {}) {
    const sqlite = this.sqlite();
    const ordered = files.map((f) => ({ f, order: orderOf(f.checked) })).sort(applyOrder).map((x) => x.f);
    const out: Array<ImportPreview & { reportId: string }> = [];
    for (const [i, f] of ordered.entries()) {
      // Placed again inside its own transaction: an earlier package of the batch may have changed the picture.
      const { reportId, verdict } = await this.applyOne(sqlite, caller, f.checked);
      out.push({ ...previewOf(verdict), reportId });
      onProgress(i + 1, ordered.length);
      await new Promise((resolve) => setImmediate(resolve)); // let progress polls through between packages
    }
    return out;
  }

  /**
   * One package; one the store will not take (text PostgreSQL refuses, such as a NUL character in a free-text field)
   * is refused on its own with its report, and the batch goes on.
   */
  private async applyOne(sqlite: Database | null, caller: Caller, checked: Checked) {
    try {
      return await applyPackage(this.deps, sqlite, caller, checked);
    } catch (error) {
      // A full disk is not the package's fault: the batch stops and says so; the package stays importable.
      if (error instanceof AppError || this.disk.isFullDiskFailure(error)) throw error;
      console.error('[county] a package could not be written:', error instanceof Error ? error.message : error);
      const base = checked.ok ? { fileName: checked.fileName, fileHash: checked.fileHash, manifest: checked.manifest, centreName: checked.centreName } : checked.verdict;
      const refused: Checked = {
        ok: false,
        verdict: { fileName: base.fileName, fileHash: base.fileHash, manifest: base.manifest, centreName: base.centreName, outcome: 'rejected', message: '这个数据包里有数据库存不下的内容（例如看不见的控制字符），整个数据包未导入；请让该院检查后重新导出', counts: {}, errors: [], warnings: [], apply: null },
      };
      return applyPackage(this.deps, sqlite, caller, refused);
    }
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
