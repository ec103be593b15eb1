// 月度报送, centre side: the pre-export check, the export (a job with progress: collect → seal → write) and its
// history. A month is exported once; sending it again is an explicit correction with a number and a reason, and keeps
// the month's sequence number. Each package names the previous one's hash, so the county sees a chain.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError, conflict, invalid, notFound } from '@shared/api/errors';
import type { ExportInput, ExportJob, ExportRow, Precheck, SyncStatus } from '@shared/api/sync';
import { SECTIONS, SECTION_NAMES, type SectionData, fileOf } from '@shared/domain/sync/sections';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { newId } from '../../ids';
import type { Platform } from '../../platform';
import { fingerprint } from '../../package/keys';
import { buildPackage } from '../../package/package';
import { APP_VERSION } from '../system/info';
import { centreIdentity } from './centre-keys';
import { monthRange } from '@shared/domain/sync/period';
import { collectMonth } from './collect';
import { targetFullMessage } from '@shared/domain/disk/messages';
import type { DiskMonitor } from '../disk/monitor';
import { isDiskFull } from '../disk/full-error';
import { freeSpaceOf } from '../disk/space';
import { StringList, parseJsonColumn } from '../../db/json';

const toRow = (r: { id: string; period: string; sequence: number; correction: number; correctionReason: string; fileName: string; fileHash: string; bytes: number; rows: number; warnings: string; createdAt: string; createdBy: string }): ExportRow => ({
  id: r.id,
  period: r.period,
  sequence: r.sequence,
  correction: r.correction,
  correctionReason: r.correctionReason,
  fileName: r.fileName,
  fileHash: r.fileHash,
  bytes: r.bytes,
  rows: r.rows,
  warnings: parseJsonColumn(StringList, r.warnings, 'sync_exports.warnings'),
  createdAt: r.createdAt,
  createdBy: r.createdBy,
});

export const packageFileName = (centreCode: string, period: string, sequence: number, correction: number) =>
  `月报-${centreCode}-${period}-${String(sequence).padStart(3, '0')}${correction ? `-更正${correction}` : ''}.tcpkg`;

const lastMonth = (today: string) => {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export async function listExports(deps: BackendDeps): Promise<ExportRow[]> {
  const rows = await deps.db.selectFrom('syncExports').selectAll().orderBy('createdAt', 'desc').execute();
  return rows.map(toRow);
}

export async function syncStatus(deps: BackendDeps, caller: Caller, platform: Platform | undefined): Promise<SyncStatus> {
  const identity = await centreIdentity(deps, caller, platform);
  const facility = await deps.db.selectFrom('facility').select(['areaCode', 'name']).executeTakeFirst();
  const county = await deps.db.selectFrom('syncCounty').selectAll().executeTakeFirst();
  const exports = await listExports(deps);
  return {
    centre: facility ? { code: facility.areaCode, name: facility.name, countyCode: facility.areaCode.slice(0, 6) } : null,
    fingerprint: fingerprint(identity.publicKey),
    keyProtection: identity.keyProtection,
    county: county
      ? {
          code: county.countyCode,
          name: county.countyName,
          fingerprint: fingerprint(county.publicKey),
          importedAt: county.importedAt,
          importedBy: county.importedBy,
          state: county.state,
          confirmedAt: county.confirmedAt,
          confirmedBy: county.confirmedBy,
          canUndo: exports.length === 0,
        }
      : null,
    exports,
    suggestedPeriod: lastMonth(todayIn(deps.clock)),
  };
}

export function warningsOf(data: SectionData, extra: { handoversOpen: number; mealsWithoutSample: number }): string[] {
  const warnings: string[] = [];
  const present = data.residents.filter((r) => r.statusAtMonthEnd !== 'discharged');
  const unassessed = present.filter((r) => r.assessmentOverdue);
  if (unassessed.length) warnings.push(`${unassessed.length} 位老人没有能力评估或评估已过期：${unassessed.slice(0, 8).map((r) => r.name).join('、')}${unassessed.length > 8 ? ' 等' : ''}`);
  const dayGaps = data.fire_compliance.filter((d) => d.dayDone < d.dayRequired).length;
  const nightGaps = data.fire_compliance.reduce((n, d) => n + d.nightMissed, 0);
  if (dayGaps || nightGaps) warnings.push(`防火巡查有缺口：${dayGaps} 天日间巡查不足，${nightGaps} 次夜间巡查漏查`);
  if (extra.handoversOpen) warnings.push(`${extra.handoversOpen} 份交班记录还没有人接班确认`);
  if (extra.mealsWithoutSample) warnings.push(`${extra.mealsWithoutSample} 餐已开饭但没有留样记录`);
  // What the county's 特困 table needs from the file: missing facts are counted there as 不详.
  const tekun = present.filter((r) => r.supportMode !== null);
  const names = (rows: typeof present) => `${rows.slice(0, 8).map((r) => r.name).join('、')}${rows.length > 8 ? ' 等' : ''}`;
  const noHukou = present.filter((r) => r.hukou === null);
  if (noHukou.length) warnings.push(`${noHukou.length} 位老人的档案没有填写户籍类别（城市/农村），县里的统计表会记为“不详”：${names(noHukou)}`);
  const noCert = tekun.filter((r) => !r.tekunCertNo);
  if (noCert.length) warnings.push(`${noCert.length} 位特困老人的档案没有填写特困供养证号：${names(noCert)}`);
  const noCare = present.filter((r) => !data.care_days.some((d) => d.residentId === r.id)).length;
  if (noCare) warnings.push(`${noCare} 位在院老人本月没有任何护理记录`);
  return warnings;
}

export async function extraChecks(deps: BackendDeps, period: string) {
  const { first, last } = monthRange(period);
  const handoversOpen = await deps.db.selectFrom('handovers').select((eb) => eb.fn.countAll<number>().as('n')).where('shiftDate', '>=', first).where('shiftDate', '<=', last).where('acceptedAt', 'is', null).executeTakeFirstOrThrow();
  const served = await deps.db.selectFrom('mealServices').select(['date', 'meal']).where('date', '>=', first).where('date', '<=', last).execute();
  const sampled = new Set((await deps.db.selectFrom('foodSamples').select(['date', 'meal']).where('date', '>=', first).where('date', '<=', last).execute()).map((s) => `${s.date}|${s.meal}`));
  return { handoversOpen: Number(handoversOpen.n), mealsWithoutSample: served.filter((s) => !sampled.has(`${s.date}|${s.meal}`)).length };
}

async function blockersFor(deps: BackendDeps, period: string): Promise<string[]> {
  const blockers: string[] = [];
  const facility = await deps.db.selectFrom('facility').select('areaCode').executeTakeFirst();
  const county = await deps.db.selectFrom('syncCounty').selectAll().executeTakeFirst();
  if (!facility) blockers.push('还没有填写机构信息（名称、行政区划代码）');
  if (!county) blockers.push('还没有导入县民政局的公钥文件：请先在上方「与县里对接」导入');
  if (county?.state === 'pending') blockers.push('县级公钥的指纹还没有确认：请先在上方和县民政局电话核对指纹，填写后点「确认指纹一致」');
  if (facility && county && !facility.areaCode.startsWith(county.countyCode)) blockers.push(`本院行政区划代码 ${facility.areaCode} 不属于已导入公钥的 ${county.countyName}（${county.countyCode}）`);
  if (period >= todayIn(deps.clock).slice(0, 7)) blockers.push(`${period} 还没有结束，只能报送已经结束的月份`);
  return blockers;
}

export async function previousExport(deps: BackendDeps, period: string) {
  const row = await deps.db.selectFrom('syncExports').selectAll().where('period', '=', period).orderBy('correction', 'desc').executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function precheck(deps: BackendDeps, period: string): Promise<Precheck> {
  const blockers = await blockersFor(deps, period);
  const facility = await deps.db.selectFrom('facility').select('id').executeTakeFirst();
  if (!facility || period >= todayIn(deps.clock).slice(0, 7)) return { period, blockers, warnings: [], previous: await previousExport(deps, period), counts: {} };
  const data = await collectMonth(deps, period, new Date(monthRange(period).toInstant));
  return {
    period,
    blockers,
    warnings: warningsOf(data, await extraChecks(deps, period)),
    previous: await previousExport(deps, period),
    counts: Object.fromEntries(SECTION_NAMES.map((s) => [s, data[s].length])),
  };
}

export const toJsonLines = (records: readonly unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

export interface BuiltExport {
  bytes: Uint8Array;
  hash: string;
  fileName: string;
  sequence: number;
  correction: number;
  previousHash: string;
  packageId: string;
  rows: number;
  warnings: string[];
}

/** Collects, checks and seals one month. Nothing is written. */
export async function buildMonthPackage(deps: BackendDeps, caller: Caller, platform: Platform | undefined, input: { period: string; correctionReason: string | null; createdAt: string }, progress: (percent: number, stage: string) => void = () => {}): Promise<BuiltExport> {
  const blockers = await blockersFor(deps, input.period);
  if (blockers.length) throw conflict(blockers[0]);
  const identity = await centreIdentity(deps, caller, platform);
  const county = (await deps.db.selectFrom('syncCounty').selectAll().executeTakeFirst())!;
  const facility = (await deps.db.selectFrom('facility').select('areaCode').executeTakeFirst())!;
  const previous = await previousExport(deps, input.period);
  const reason = input.correctionReason?.trim() ?? '';
  if (previous && !reason) throw invalid(`${input.period} 已于 ${previous.createdAt.slice(0, 10)} 报送过（第 ${previous.sequence} 号）。如需重新报送，请填写更正原因`, 'correctionReason');
  if (!previous && reason) throw invalid(`${input.period} 还没有报送过，不需要填写更正原因`, 'correctionReason');
  progress(10, '正在汇总本月数据…');
  const data = await collectMonth(deps, input.period, new Date(monthRange(input.period).toInstant));
  progress(60, '正在检查…');
  const warnings = warningsOf(data, await extraChecks(deps, input.period));
  const last = await deps.db.selectFrom('syncExports').select(['fileHash', 'sequence']).orderBy('createdAt', 'desc').executeTakeFirst();
  const maxSequence = (await deps.db.selectFrom('syncExports').select((eb) => eb.fn.max('sequence').as('n')).executeTakeFirst())?.n ?? 0;
  const sequence = previous ? previous.sequence : Number(maxSequence) + 1;
  const correction = previous ? previous.correction + 1 : 0;
  const files = Object.fromEntries(SECTION_NAMES.map((s) => [fileOf(s), toJsonLines(data[s])]));
  progress(75, '正在加密和签名…');
  const built = buildPackage(
    {
      schemaVersion: LATEST_SCHEMA_VERSION,
      sectionVersions: Object.fromEntries(SECTION_NAMES.map((s) => [s, SECTIONS[s].version])),
      centreCode: facility.areaCode,
      countyCode: county.countyCode,
      period: input.period,
      sequence,
      correction,
      correctionReason: reason,
      previousHash: last?.fileHash ?? '',
      createdAt: input.createdAt,
      appVersion: APP_VERSION,
      files,
    },
    { signingPrivateKey: identity.privateKey(), countyPublicKey: county.publicKey },
  );
  return {
    bytes: built.bytes,
    hash: built.hash,
    fileName: packageFileName(facility.areaCode, input.period, sequence, correction),
    sequence,
    correction,
    previousHash: last?.fileHash ?? '',
    packageId: built.manifest.packageId,
    rows: built.manifest.files.reduce((n, f) => n + f.rows, 0),
    warnings,
  };
}

/**
 * Writes through a temporary name, so a pulled USB stick never leaves half a package under the real name. The size is
 * known: a folder without room for it is said before writing, and a disk that fills meanwhile leaves nothing behind.
 */
function writeAtomically(folder: string, fileName: string, bytes: Uint8Array, tooFull: (freeBytes: number | null) => AppError) {
  const fullError = () => tooFull(freeSpaceOf(folder)?.freeBytes ?? null);
  const free = freeSpaceOf(folder)?.freeBytes;
  if (free !== undefined && free < bytes.length) throw fullError();
  const target = path.join(folder, fileName);
  const temp = `${target}.part`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw isDiskFull(error) ? fullError() : error;
  }
  return target;
}

export class ExportJobs {
  private jobs = new Map<string, ExportJob>();
  constructor(
    private deps: BackendDeps,
    private exportsDir: string,
    private platform: Platform | undefined,
    /** Says a full data disk as such (issue 25). */
    private disk: DiskMonitor,
  ) {}

  start(caller: Caller, input: z.output<typeof ExportInput>): { jobId: string } {
    if (input.folder !== null && !path.isAbsolute(input.folder)) throw invalid('请填写完整的文件夹路径（如 E:\\ 或 /media/U盘）', 'folder');
    if (input.folder !== null && !fs.existsSync(input.folder)) throw invalid(`找不到文件夹「${input.folder}」，请检查U盘是否插好`, 'folder');
    const job: ExportJob = { id: newId(), percent: 0, stage: '准备中…', done: false, error: null, result: null, savedTo: null };
    this.jobs.set(job.id, job);
    void this.run(job, caller, input).catch((error: unknown) => Object.assign(job, { done: true, error: this.failureMessage(error) }));
    return { jobId: job.id };
  }

  /** What the export's screen says of a failure: the reason in Chinese; a full data disk as such (issue 25). */
  private failureMessage(error: unknown): string {
    if (error instanceof AppError) return error.message;
    if (this.disk.isFullDiskFailure(error)) return this.disk.fullMessage(error);
    return '导出失败，未保存任何内容，请重试';
  }

  private async run(job: ExportJob, caller: Caller, input: z.output<typeof ExportInput>) {
    const createdAt = this.deps.clock.now().toISOString();
    const built = await buildMonthPackage(this.deps, caller, this.platform, { period: input.period, correctionReason: input.correctionReason, createdAt }, (percent, stage) => Object.assign(job, { percent, stage }));
    Object.assign(job, { percent: 85, stage: '正在写入文件…' });
    // The archive copy is on the data disk (its message is the data disk's); the other goes to a USB stick.
    const archived = writeAtomically(this.exportsDir, built.fileName, built.bytes, () => new AppError('DISK_FULL', this.disk.fullMessage(null)));
    let savedTo = archived;
    const folder = input.folder;
    try {
      if (folder) {
        const stickFull = (freeBytes: number | null) => new AppError('DISK_FULL', targetFullMessage({ what: '数据包', folder, freeBytes, neededBytes: built.bytes.length }), 'folder');
        savedTo = writeAtomically(folder, built.fileName, built.bytes, stickFull);
      }
    } catch (error) {
      fs.rmSync(archived, { force: true }); // not recorded as exported: no archive copy of it either
      throw error;
    }
    const id = newId();
    try {
      await writeAction(this.deps, caller, async (ctx) => {
        const row = {
          id,
          period: input.period,
          sequence: built.sequence,
          correction: built.correction,
          correctionReason: input.correctionReason?.trim() ?? '',
          packageId: built.packageId,
          fileHash: built.hash,
          previousHash: built.previousHash,
          fileName: built.fileName,
          bytes: built.bytes.length,
          rows: built.rows,
          warnings: JSON.stringify(built.warnings),
          packageCreatedAt: createdAt,
          createdAt: ctx.at,
          createdBy: caller.name,
        };
        await ctx.trx.insertInto('syncExports').values(row).execute();
        await ctx.audit({ action: 'export', entity: 'syncExports', entityId: id, after: { ...row, warnings: built.warnings } });
      });
    } catch (error) {
      // Not recorded (a full disk, most likely): the files of an export that did not happen go too.
      for (const file of new Set([archived, savedTo])) fs.rmSync(file, { force: true });
      throw error;
    }
    const saved = (await this.deps.db.selectFrom('syncExports').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    Object.assign(job, { percent: 100, stage: '完成', done: true, result: toRow(saved), savedTo });
  }

  job(id: string): ExportJob {
    const job = this.jobs.get(id);
    if (!job) throw notFound('导出任务');
    return { ...job };
  }

  async download(id: string) {
    const row = await this.deps.db.selectFrom('syncExports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('报送记录');
    const file = path.join(this.exportsDir, row.fileName);
    if (!fs.existsSync(file)) throw conflict(`数据文件夹里找不到「${row.fileName}」的存档，请重新导出（更正）`);
    return { fileName: row.fileName, base64: fs.readFileSync(file).toString('base64') };
  }
}
