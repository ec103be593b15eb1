// A resident's monthly 服药记录单 as Excel: one sheet, a line per order and dose time with a column per day (who gave
// it, or 拒/缓/缺/漏; ＊ late, 核 checked, 改 corrected), the 按需 doses under it and the month's counts. Audited as an
// export.
import ExcelJS from 'exceljs';
import type { MarCell } from '@shared/api/medication-round';
import { chinaClock } from '@shared/domain/medication/schedule';
import { enumLabel } from '@shared/domain/enum-labels';
import { formatQuantity } from '@shared/domain/medication/quantity';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { monthRecord } from './month-record';

const MARK = { refused: '拒', held: '缓', not_available: '缺', pending: '漏' } as const;

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
  sheet.addRow(['日期', '时间', '药品', '原因', '结果', '效果', '服药人']).font = { bold: true };
  for (const p of m.prn) {
    for (const d of p.doses) {
      sheet.addRow([d.date, chinaClock(new Date(d.givenAt)), p.strength ? `${p.drugName} ${p.strength}` : p.drugName, d.reason, enumLabel('doseOutcome', d.outcome), d.prnEffect ?? '', d.recordedBy]);
      rows += 1;
    }
  }
  sheet.addRow([]);
  const c = m.counts;
  sheet.addRow([`本月应服 ${c.due} 次：已服 ${c.given}，拒服 ${c.refused}，暂缓 ${c.held}，缺药 ${c.notAvailable}，未登记 ${c.pending}；其中迟服 ${c.late} 次`]);
  sheet.addRow(['格内写服药人姓名；拒＝拒服，缓＝暂缓，缺＝缺药，漏＝未登记；＊＝超时服药，核＝双人核对，改＝已更正']);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 16;
  sheet.getColumn(3).width = 7;
  for (let i = 4; i <= 3 + m.days.length; i++) sheet.getColumn(i).width = 7;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: 'medicationDoses', entityId: m.resident.id, after: { what: '服药记录单', resident: m.resident.name, month: m.month, rows } });
  });
  return { fileName: `服药记录单-${m.resident.name}-${m.month}.xlsx`, base64: buffer.toString('base64'), rows };
}
