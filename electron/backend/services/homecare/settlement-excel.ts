// The month's settlement for the county as Excel (issue 18): a summary sheet (each provider: visits, amount, subsidy,
// personal share, disputed, settled or only a preview) and one sheet per provider with each visit priced (the frozen
// lines when settled), disputed visits listed apart. Amounts in 元 as numbers with two decimals. Audited as an export.
import ExcelJS from 'exceljs';
import type { Statement, StatementLine } from '@shared/api/homecare-settlement';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { settlementsOfMonth, statement } from './settlement';
import { quantityWords } from './visit-briefs';

const yuan = (fen: number) => Math.round(fen) / 100;
const MONEY = '0.00';

function pageSetup(sheet: ExcelJS.Worksheet, columns: number) {
  const inch = 12 / 25.4;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: columns > 7 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '2:2',
    margins: { left: inch, right: inch, top: inch, bottom: inch, header: 0.3, footer: 0.3 },
  };
}

function lineRow(l: StatementLine, no: number) {
  return [
    no,
    l.serviceOn,
    `${l.startTime}–${l.endTime ?? ''}`,
    l.elder,
    l.village,
    enumLabel('priceClass', l.priceClass),
    l.worker ?? '',
    l.items.map((i) => `${i.name} ${quantityWords(i.unit, i.quantity)}${i.priceFen === null ? '' : ` × ${(i.priceFen / 100).toFixed(2)}元/${i.unit === 'hour' ? '小时' : '次'}`}`).join('；'),
    yuan(l.amountFen),
    yuan(l.subsidyFen),
    yuan(l.personalFen),
  ];
}

const HEADS = ['序号', '服务日期', '时间', '老人', '村', '价格类别', '服务人员', '服务项目及单价', '服务金额（元）', '补贴（元）', '个人负担（元）'];

function providerSheet(workbook: ExcelJS.Workbook, s: Statement) {
  const name = s.provider.name.replace(/[*?:\\/[\]]/g, ' ').slice(0, 28) || '服务机构';
  const sheet = workbook.addWorksheet(workbook.getWorksheet(name) ? `${name.slice(0, 24)}-${workbook.worksheets.length}` : name);
  const state = s.status === 'settled' && s.settlement ? `已结算 ${chinaWallClock(new Date(s.settlement.settledAt))} ${s.settlement.settledBy}` : '未结算（预览）';
  sheet.addRow([`${s.facilityName} ${s.provider.name} 居家上门服务结算明细（${s.month}，${state}）`]).font = { bold: true, size: 14 };
  sheet.addRow(HEADS).font = { bold: true };
  s.lines.forEach((l, i) => sheet.addRow(lineRow(l, i + 1)).alignment = { wrapText: true, vertical: 'top' });
  const t = s.totals;
  sheet.addRow(['合计', `${t.visits} 次`, '', '', '', '', '', '', yuan(t.amountFen), yuan(t.subsidyFen), yuan(t.personalFen)]).font = { bold: true };
  if (s.disputed.length > 0) {
    sheet.addRow([]);
    sheet.addRow([`回访有异议、不予结算的服务（${t.disputed} 次，${yuan(t.disputedFen).toFixed(2)} 元）`]).font = { bold: true };
    sheet.addRow([...HEADS.slice(0, 8), '服务金额（元）', '异议内容']).font = { bold: true };
    s.disputed.forEach((l, i) => sheet.addRow([...lineRow(l, i + 1).slice(0, 9), l.disputeNote ?? '']).alignment = { wrapText: true, vertical: 'top' });
  }
  for (const c of [9, 10, 11]) sheet.getColumn(c).numFmt = MONEY;
  [6, 11, 8, 8, 8, 10, 10, 40, 12, 12, 12].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  pageSetup(sheet, HEADS.length);
}

export async function exportSettlement(deps: BackendDeps, caller: Caller, month: string, providerId: string | null) {
  const overview = await settlementsOfMonth(deps, month);
  const providers = overview.providers.filter((p) => (providerId ? p.providerId === providerId : p.done > 0 || p.settlement !== null));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇敬老院运营系统';
  const facility = (await deps.db.selectFrom('facility').select('name').executeTakeFirst())?.name ?? '';
  const summary = workbook.addWorksheet('汇总');
  summary.addRow([`${facility} 居家上门服务月结算汇总（${month}）`]).font = { bold: true, size: 14 };
  const heads = ['服务机构', '类别', '结算服务（次）', '服务金额（元）', '补贴（元）', '个人负担（元）', '有异议（次）', '有异议金额（元）', '状态'];
  summary.addRow(heads).font = { bold: true };
  for (const p of providers) {
    const t = p.totals;
    const state = p.settlement ? `已结算（${chinaWallClock(new Date(p.settlement.settledAt))} ${p.settlement.settledBy}）` : p.unpriced > 0 ? `未结算：${p.unpriced} 处缺少价格` : '未结算（预览）';
    summary.addRow([p.provider, enumLabel('providerKind', p.kind), t.visits, yuan(t.amountFen), yuan(t.subsidyFen), yuan(t.personalFen), t.disputed, yuan(t.disputedFen), state]);
  }
  const sum = (f: (t: (typeof providers)[number]['totals']) => number) => providers.reduce((n, p) => n + f(p.totals), 0);
  summary.addRow(['合计', '', sum((t) => t.visits), yuan(sum((t) => t.amountFen)), yuan(sum((t) => t.subsidyFen)), yuan(sum((t) => t.personalFen)), sum((t) => t.disputed), yuan(sum((t) => t.disputedFen)), '']).font = { bold: true };
  for (const c of [4, 5, 6, 8]) summary.getColumn(c).numFmt = MONEY;
  [24, 10, 14, 14, 12, 14, 12, 16, 36].forEach((w, i) => (summary.getColumn(i + 1).width = w));
  pageSetup(summary, heads.length);
  let rows = 0;
  for (const p of providers) {
    const s = await statement(deps, p.providerId, month, null);
    rows += s.lines.length + s.disputed.length;
    providerSheet(workbook, s);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: 'homeServiceSettlements', entityId: month, after: { month, providers: providers.map((p) => p.provider), rows } });
  });
  const scope = providerId && providers[0] ? `-${providers[0].provider}` : '';
  return { fileName: `居家上门服务结算-${month}${scope}.xlsx`, base64: buffer.toString('base64'), rows };
}
