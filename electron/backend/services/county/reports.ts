// The stored import reports: searchable, and each one as a plain text file in Chinese to send back to the centre
// (what was received, what happened, every error and warning).
import type { ReportRow } from '@shared/api/county';
import { notFound } from '@shared/api/errors';
import { SECTION_NAMES } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';
import type { CountyImportReportsTable } from '../../db/schema';
import { Counts, StringList, parseJsonColumn } from '../../db/json';

export const OUTCOME_LABELS = { accepted: '已导入', already_imported: '已导入过（未改动）', superseded: '已被更正取代', rejected: '已拒绝' } as const;

const readRows = (deps: BackendDeps) => deps.db.selectFrom('countyImportReports').selectAll();

const toRow = (r: CountyImportReportsTable): ReportRow => ({
  id: r.id,
  at: r.at,
  byName: r.byName,
  fileName: r.fileName,
  outcome: r.outcome,
  message: r.message,
  centreCode: r.centreCode,
  centreName: r.centreName,
  period: r.period,
  sequence: r.sequence,
  correction: r.correction,
  counts: parseJsonColumn(Counts, r.counts, 'county_import_reports.counts'),
  errors: parseJsonColumn(StringList, r.errors, 'county_import_reports.errors'),
  warnings: parseJsonColumn(StringList, r.warnings, 'county_import_reports.warnings'),
});

export async function listReports(deps: BackendDeps, input: { query: string; outcome: ReportRow['outcome'] | null }): Promise<ReportRow[]> {
  // Newest first; reports of one instant (a batch) by id, which is time-ordered (UUIDv7): the same order on every store.
  let q = readRows(deps).orderBy('at', 'desc').orderBy('id', 'desc').limit(500);
  if (input.outcome) q = q.where('outcome', '=', input.outcome);
  if (input.query) {
    // Case-blind for Latin letters on both stores (SQLite's LIKE is, PostgreSQL's is not): lower() on both sides.
    const like = `%${input.query}%`;
    q = q.where((eb) => eb.or((['centreName', 'centreCode', 'fileName', 'period'] as const).map((column) => eb(eb.fn('lower', [column]), 'like', eb.fn('lower', [eb.val(like)])))));
  }
  return (await q.execute()).map(toRow);
}

export function reportText(r: ReportRow, countyName: string): string {
  const lines = [
    `${countyName} 月报数据包导入回执`,
    '',
    `文件：${r.fileName}`,
    `机构：${r.centreName || '（未登记）'} ${r.centreCode}`,
    `月份：${r.period || '（读不出）'}　序号：${r.sequence ?? '—'}　更正：${r.correction ?? '—'}`,
    `导入时间：${r.at}　操作人：${r.byName}`,
    `结果：${OUTCOME_LABELS[r.outcome]} — ${r.message}`,
  ];
  if (Object.keys(r.counts).length) lines.push('', '收到的记录：', ...SECTION_NAMES.filter((s) => s in r.counts).map((s) => `  ${s}：${r.counts[s]} 条`));
  if (r.errors.length) lines.push('', '错误（需要该院改正后重新导出）：', ...r.errors.map((e) => `  · ${e}`));
  if (r.warnings.length) lines.push('', '提醒：', ...r.warnings.map((w) => `  · ${w}`));
  return `${lines.join('\n')}\n`;
}

export async function reportFile(deps: BackendDeps, id: string) {
  const row = await readRows(deps).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('导入记录');
  const county = await deps.db.selectFrom('syncIdentity').select('countyName').executeTakeFirst();
  const r = toRow(row);
  return { fileName: `导入回执-${r.centreCode || '未知'}-${r.period || '未知'}-${r.at.slice(0, 10)}.txt`, text: reportText(r, county?.countyName ?? '') };
}
