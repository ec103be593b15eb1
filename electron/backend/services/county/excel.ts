// The county's workbook for a month: every table of the county pages as a sheet — the indicators by centre, the
// twelve-month trend, the submission matrix of the year, the 特困 quarterly table of the month's quarter (official
// layout), the facility basic-situation table, the village register by village, care at home (four sheets), and the
// import reports of the month.
import ExcelJS from 'exceljs';
import { CELL_STATUSES } from '@shared/api/county';
import { FACILITY_TABLE, TEKUN_TABLE } from '@shared/domain/sync/county-tables';
import { type IndicatorRow, INDICATORS, formatIndicator } from '@shared/domain/sync/figures';
import type { BackendDeps } from '../../deps';
import { addLedgerSheet } from '../../ledger-excel';
import { areaCode, countiesOf, facilityTable, indicators, submissionMatrix, tekunQuarter } from './figures';
import { countyList } from './area';
import { countyOf, listCentres } from './centres';
import { villageTable } from './villages';
import { careAtHomeTable } from './care-at-home';
import { addCareAtHomeSheets } from './excel-care-at-home';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { VILLAGE_GROUPS } from '@shared/domain/sync/village-figures';
import { OUTCOME_LABELS, listReports } from './reports';

export const CELL_LABELS: Record<(typeof CELL_STATUSES)[number], string> = { on_time: '按时', late: '迟报', corrected: '已更正', missing: '未报', not_due: '未到期', unregistered: '未登记' };

/** One header row in a sheet: the upper group and the column, as 「供养方式·集中供养」. */
const headed = (c: IndicatorRow) => (c.group ? `${c.group}·${c.label}` : c.label);

/** The store's workbook, or (countyCode, in a prefecture's or province's store) one county's, titled with its name. */
export async function countyWorkbook(deps: BackendDeps, period: string, countyCode: string | null = null) {
  const storeName = (await deps.db.selectFrom('syncIdentity').select(['countyName']).executeTakeFirst())?.countyName ?? '';
  const county = countyCode ? (await listCentres(deps, false, countyCode)).find((c) => c.countyName)?.countyName || countyCode : storeName;
  const year = Number(period.slice(0, 4));
  const quarter = Math.ceil(Number(period.slice(5, 7)) / 3);
  const ind = await indicators(deps, period, countyCode);
  const matrix = await submissionMatrix(deps, year, countyCode);
  const tekun = await tekunQuarter(deps, year, quarter, countyCode);
  const facility = await facilityTable(deps, period, countyCode);
  const reports = (await listReports(deps, { query: period, outcome: null })).filter((r) => r.period === period && (!countyCode || r.centreCode.startsWith(countyCode)));
  const villages = await villageTable(deps, period, countyCode);
  const careAtHome = await careAtHomeTable(deps, period, countyCode);
  // A prefecture's or province's store (issue 20): its indicators are by county, and a 各县汇总 sheet comes first.
  const isArea = !countyCode && (await areaCode(deps)).length < 6;
  // The county of each centre, named as 各县汇总 names it (the name its key file gave, else the code).
  const countyNames = isArea ? new Map(countiesOf(await listCentres(deps)).map((c) => [c.countyCode, c.name])) : null;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇敬老院运营系统';
  const head = (title: string) => `${county} ${title}`;
  if (isArea) {
    const list = await countyList(deps, period);
    addLedgerSheet(workbook, head(`${period} 各县报送与主要指标`), {
      title: '各县汇总',
      from: period,
      to: period,
      columns: ['县级代码', '县（市、区）', '登记机构', '已确认', '已报送', '按时', '迟报', '已更正', '未报', ...INDICATORS.map(headed)],
      rows: list.counties.map((c) => [
        c.countyCode,
        c.name,
        ...[c.enrolled, c.confirmed, c.reported, c.onTime, c.late, c.corrected, c.missing].map(String),
        ...INDICATORS.map((row) => (c.reported ? formatIndicator(row, c.figures) : '—')),
      ]),
    });
  }
  addLedgerSheet(workbook, head(`${period} ${isArea ? '各县运营指标' : '机构运营指标'}`), {
    title: '指标汇总',
    from: period,
    to: period,
    columns: ['类别', '指标', isArea ? '合计' : '全县', ...ind.centres.map((c) => c.name)],
    rows: INDICATORS.map((row) => [row.group, row.label, formatIndicator(row, ind.total), ...ind.centres.map((c) => formatIndicator(row, c.figures))]),
  });
  addLedgerSheet(workbook, head(`近12个月趋势（截至 ${period}）`), {
    title: '月度趋势',
    from: ind.trend[0].period,
    to: period,
    columns: ['类别', '指标', ...ind.trend.map((t) => t.period)],
    rows: [['报送', '已报送机构数', ...ind.trend.map((t) => String(t.reported))], ...INDICATORS.map((row) => [row.group, row.label, ...ind.trend.map((t) => (t.reported ? formatIndicator(row, t.total) : '—'))])],
  });
  addLedgerSheet(workbook, head(`${year}年 月报报送情况（每月${matrix.dueDay}日前报上月）`), {
    title: '报送情况',
    from: `${year}-01`,
    to: `${year}-12`,
    // In an area store each centre's county comes first (as on 各县汇总), the centres grouped by county.
    columns: [...(countyNames ? ['县（市、区）'] : []), '机构', '机构代码', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)],
    rows: (countyNames ? [...matrix.centres].sort((a, b) => countyOf(a.centreCode).localeCompare(countyOf(b.centreCode))) : matrix.centres).map((c) => [
      ...(countyNames ? [countyNames.get(countyOf(c.centreCode)) ?? countyOf(c.centreCode)] : []),
      c.name,
      c.centreCode,
      ...c.cells.map((cell) => CELL_LABELS[cell.status] + (cell.correction ? `（更正${cell.correction}）` : '')),
    ]),
  });
  addLedgerSheet(workbook, head(`${year}年第${quarter}季度 特困人员集中供养情况`), {
    title: '特困人员季度表',
    from: tekun.months[0],
    to: tekun.months[2],
    columns: ['机构', '本季报送月数', ...TEKUN_TABLE.map(headed)],
    rows: [...tekun.rows.map((r) => [r.name, String(r.figures.monthsReported ?? 0), ...TEKUN_TABLE.map((c) => (r.reported ? formatIndicator(c, r.figures) : '未报'))]), ['合计', '', ...TEKUN_TABLE.map((c) => formatIndicator(c, tekun.total))]],
  });
  addLedgerSheet(workbook, head(`${period} 养老机构基本情况`), {
    title: '机构基本情况表',
    from: period,
    to: period,
    columns: ['机构', ...FACILITY_TABLE.map(headed)],
    rows: [...facility.rows.map((r) => [r.name, ...FACILITY_TABLE.map((c) => formatIndicator(c, r.figures))]), ['合计', ...FACILITY_TABLE.map((c) => formatIndicator(c, facility.total))]],
  });
  const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
  addLedgerSheet(workbook, head(`${period} 农村老人关爱服务情况（按村）`), {
    title: '农村老人关爱',
    from: period,
    to: period,
    columns: [
      '乡镇',
      '村',
      '在家老人',
      ...VILLAGE_GROUPS.map((g) => ENUM_LABELS_ZH.elderGroup[g]),
      '关爱等级·高',
      '关爱等级·中',
      '关爱等级·低',
      '本月应探访',
      '其中已探访',
      '探访覆盖率',
      '特殊困难老人',
      '月探访率（含电话）',
      '月探访率（仅上门）',
      '月末逾期未探访',
      '未结转介',
      '未结特殊情况',
      '助餐',
      '赡养协议',
      '特困低保计生老人',
      '其中评估有效',
      '评估覆盖率',
    ],
    rows: [
      ...villages.rows.map((r) => [
        r.township,
        r.village,
        String(r.atHome),
        ...VILLAGE_GROUPS.map((g) => String(r.byGroup[g] ?? 0)),
        String(r.byRisk.high),
        String(r.byRisk.medium),
        String(r.byRisk.low),
        String(r.due),
        String(r.dueVisited),
        percent(r.coverage),
        String(r.hardship),
        percent(r.rate),
        percent(r.rateHomeOnly),
        String(r.overdue),
        String(r.openFollowups),
        String(r.openSpecialReports),
        String(r.mealAid),
        String(r.agreements),
        String(r.assessmentCounted),
        String(r.assessmentCurrent),
        percent(r.assessmentCoverage),
      ]),
      ...villages.withoutRegister.map((c) => [c.name, '（数据包来自旧版程序，没有农村老人名册）']),
    ],
  });
  addCareAtHomeSheets(workbook, head, careAtHome);
  addLedgerSheet(workbook, head(`${period} 数据包导入记录`), {
    title: '导入记录',
    from: period,
    to: period,
    columns: ['时间', '机构', '文件', '结果', '说明', '错误', '提醒'],
    rows: reports.map((r) => [r.at, r.centreName, r.fileName, OUTCOME_LABELS[r.outcome], r.message, r.errors.join('\n'), r.warnings.join('\n')]),
  });
  return { fileName: `${county}月报汇总-${period}.xlsx`, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}
