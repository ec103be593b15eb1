// A resident's monthly 服药记录单 as Excel: one sheet, a line per order and dose time with a column per day (who gave
// it, or 拒/缓/缺/漏, 外/住 away; ＊ late, 核 checked, 改 corrected), the 按需 doses under it and the month's counts; a
// second sheet numbers the exceptions (拒/缓/缺, checked, corrected) with reason, who recorded, who checked and why
// corrected. Audited as an export.
import ExcelJS from 'exceljs';
import type { MarCell } from '@shared/api/medication-round';
import { chinaClock } from '@shared/domain/medication/schedule';
import { enumLabel } from '@shared/domain/enum-labels';
import { formatQuantity } from '@shared/domain/medication/quantity';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { monthRecord } from './month-record';

const MARK = { refused: '拒', held: '缓', not_available: '缺', pending: '漏', away: '外', hospital: '住' } as const;
const OUTCOME_MARK = { given: '', refused: '拒', held: '缓', not_available: '缺' } as const;

function cellText(c: MarCell | null): string {
  if (!c) return '';
  const mark = c.state === 'given' ? c.recordedBy : MARK[c.state];
  return `${mark}${c.late ? '＊' : ''}${c.checkerName ? '核' : ''}${c.amended ? '改' : ''}`;
}

export async function exportMonthRecord(deps: BackendDeps, caller: Caller, input: { residentId: string; month: string }) {
  const m = await monthRecord(deps, caller, input);
  const facility = (await deps.db.selectFrom('facility').select('name').executeTakeFirst())?.name ?? '';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇敬老院运营系统';
  const sheet = workbook.addWorksheet('服药记录单');
  sheet.addRow([`${facility} 服药记录单　${m.resident.name}　${m.resident.bedLabel ?? ''}　${m.month}　过敏史：${m.resident.allergies || '无'}`]).font = { bold: true, size: 14 };
  sheet.addRow(['药品', '剂量、用法', '时间', ...m.days.map((d) => Number(d.slice(8)))]).font = { bold: true };
  let rows = 0;
  for (const o of m.orders) {
    const dose = `${formatQuantity(o.doseCenti, enumLabel('doseUnit', o.unit))} ${enumLabel('route', o.route)}${o.mealRelation === 'any' ? '' : ` ${enumLabel('mealRelation', o.mealRelation)}`}`;
    for (const s of o.slots) {
      sheet.addRow([o.strength ? `${o.drugName} ${o.strength}` : o.drugName, dose, s.slot, ...s.cells.map(cellText)]);
      rows += 1;
    }
  }
  sheet.addRow([]);
  sheet.addRow(['按需用药']).font = { bold: true };
  sheet.addRow(['日期', '时间', '药品', '原因', '结果', '效果', '服药人', '核对人', '更正原因']).font = { bold: true };
  for (const p of m.prn) {
    for (const d of p.doses) {
      sheet.addRow([d.date, chinaClock(new Date(d.givenAt)), p.strength ? `${p.drugName} ${p.strength}` : p.drugName, d.reason, enumLabel('doseOutcome', d.outcome), d.prnEffect ?? '', d.recordedBy, d.checkerName ?? '', d.amendReason ?? '']);
      rows += 1;
    }
  }
  sheet.addRow([]);
  const c = m.counts;
  sheet.addRow([`本月应服 ${c.due} 次：已服 ${c.given}，拒服 ${c.refused}，暂缓 ${c.held}，缺药 ${c.notAvailable}，未登记 ${c.pending}；其中迟服 ${c.late} 次；外出或住院不在院 ${c.away} 次不计`]);
  sheet.addRow(['格内写服药人姓名；拒＝拒服，缓＝暂缓，缺＝缺药，漏＝未登记；外＝外出（请假）不在院，住＝住院，均不算漏服；＊＝超时服药，核＝双人核对，改＝已更正；空格＝当天不服、医嘱开立前或还没到时间。拒、缓、缺、核、改的原因和人见“情况说明”表']);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 16;
  sheet.getColumn(3).width = 7;
  for (let i = 4; i <= 3 + m.days.length; i++) sheet.getColumn(i).width = 7;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  const notes = workbook.addWorksheet('情况说明');
  notes.addRow([`${m.resident.name}　${m.month}　拒服、暂缓、缺药、双人核对、更正的情况说明`]).font = { bold: true, size: 14 };
  notes.addRow(['序号', '日期', '时间', '药品', '标记', '原因', '登记人', '核对人', '更正原因']).font = { bold: true };
  m.exceptions.forEach((e, n) => {
    const mark = `${OUTCOME_MARK[e.state]}${e.late ? '＊' : ''}${e.checkerName ? '核' : ''}${e.amendReason ? '改' : ''}`;
    notes.addRow([n + 1, e.date, e.slot, e.drug, mark, e.reason, e.recordedBy, e.checkerName ?? '', e.amendReason ?? '']);
  });
  if (m.exceptions.length === 0) notes.addRow(['本月没有拒服、暂缓、缺药、双人核对或更正的记录。']);
  [6, 12, 7, 24, 8, 30, 10, 10, 30].forEach((w, i) => (notes.getColumn(i + 1).width = w));
  notes.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: 'medicationDoses', entityId: m.resident.id, after: { what: '服药记录单', resident: m.resident.name, month: m.month, rows } });
  });
  return { fileName: `服药记录单-${m.resident.name}-${m.month}.xlsx`, base64: buffer.toString('base64'), rows };
}
