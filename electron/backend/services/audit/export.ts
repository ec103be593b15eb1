// The audit log as an Excel workbook (.xlsx) for inspectors: one row per change, Chinese headings. The export itself
// is audited.
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { AuditQuery } from '@shared/api/audit';
import { ACTION_LABELS, ENTITY_LABELS } from '@shared/domain/audit-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { auditEntries } from './search';

const MAX_ROWS = 100_000;

export async function exportAudit(deps: BackendDeps, caller: Caller, q: z.output<typeof AuditQuery>) {
  const { rows, total } = await auditEntries(deps, q, MAX_ROWS, 0);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇敬老院运营系统';
  const sheet = workbook.addWorksheet('操作记录');
  sheet.columns = [
    { header: '时间（北京时间）', key: 'at', width: 22 },
    { header: '操作人', key: 'actor', width: 14 },
    { header: '操作', key: 'action', width: 16 },
    { header: '对象', key: 'entity', width: 12 },
    { header: '涉及', key: 'subject', width: 14 },
    { header: '项目', key: 'field', width: 18 },
    { header: '改前', key: 'before', width: 30 },
    { header: '改后', key: 'after', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });
  for (const r of rows) {
    const base = { at: time.format(new Date(r.at)), actor: r.actor, action: ACTION_LABELS[r.action] ?? r.action, entity: ENTITY_LABELS[r.entity] ?? r.entity, subject: r.subject };
    if (r.changes.length === 0) sheet.addRow({ ...base, field: '', before: '', after: '' });
    for (const c of r.changes) sheet.addRow({ ...base, field: c.label, before: c.before, after: c.after });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: 'auditLog', entityId: 'audit', after: { rows: total, filters: q } });
  });
  return { fileName: `操作记录-${todayIn(deps.clock)}.xlsx`, base64: buffer.toString('base64'), rows: total };
}
