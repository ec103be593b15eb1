// Care at home in the county's workbook (issue 18): four sheets — by village (services, entrusted care, mutual aid), by
// service item against the entitlements, by provider with its settlement, and 分散供养特困 under entrusted care by tier —
// the same figures as the county page's 居家与互助 tab (services/county/care-at-home.ts).
import type ExcelJS from 'exceljs';
import type { CareAtHomeTable } from '@shared/api/county';
import { TIER_NAMES } from '@shared/domain/assessment/tekun-tier';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { addLedgerSheet } from '../../ledger-excel';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const hours = (minutes: number) => (minutes / 60).toFixed(1);
/** An item's quantity in its unit: hours for an hourly item (stored in minutes), times for a per-visit item. */
const inUnit = (unit: 'visit' | 'hour', n: number) => (unit === 'hour' ? `${hours(n)} 小时` : `${n} 次`);

export function addCareAtHomeSheets(workbook: ExcelJS.Workbook, head: (title: string) => string, table: CareAtHomeTable): void {
  const { period } = table;
  const without = table.withoutCare.map((c) => [c.name, '（本月没有居家服务、分散供养照料或互助记录，或数据包来自旧版程序）']);
  addLedgerSheet(workbook, head(`${period} 居家上门服务与互助养老情况（按村）`), {
    title: '居家与互助',
    from: period,
    to: period,
    columns: ['乡镇', '村', '服务老人', '已服务次数', '未服务次数', '服务时长（小时）', '回访有异议', '投诉', '超额度服务', '分散供养委托照料', '其中本月已检查', '结对帮扶', '参与帮扶人', '互助活动次数', '互助时长（小时）', '老年协会活动', '参加人次'],
    rows: [
      ...table.villages.map((r) => [
        r.township,
        r.village,
        ...[r.servedElders, r.visitsDone, r.visitsMissed].map(String),
        hours(r.serviceMinutes),
        ...[r.disputed, r.complaints, r.overQuota, r.entrusted, r.entrustedChecked, r.pairs, r.helpers, r.aidActivities].map(String),
        hours(r.aidMinutes),
        String(r.associationActivities),
        String(r.attendance),
      ]),
      ...without,
    ],
  });
  addLedgerSheet(workbook, head(`${period} 居家上门服务项目与享受额度使用`), {
    title: '服务项目',
    from: period,
    to: period,
    columns: ['乡镇', '服务项目', '计量', '服务次数', '服务量', '享受额度的老人', '每月额度合计', '本月已用', '额度使用率'],
    rows: table.items.map((i) => [i.township, i.item, ENUM_LABELS_ZH.serviceUnit[i.unit], String(i.visits), inUnit(i.unit, i.quantity), String(i.entitledElders), inUnit(i.unit, i.quota), inUnit(i.unit, i.used), i.quota > 0 ? `${((i.used / i.quota) * 100).toFixed(1)}%` : '—']),
  });
  addLedgerSheet(workbook, head(`${period} 居家服务机构月结算`), {
    title: '服务机构结算',
    from: period,
    to: period,
    columns: ['乡镇', '服务机构', '类别', '已服务次数', '未服务次数', '回访有异议', '结算日期', '结算次数', '结算金额（元）', '有异议未结算（元）', '政府补贴（元）', '个人负担（元）'],
    rows: table.providers.map((p) => [
      p.township,
      p.provider,
      ENUM_LABELS_ZH.providerKind[p.kind],
      String(p.visitsDone),
      String(p.visitsMissed),
      String(p.disputed),
      ...(p.settlement
        ? [p.settlement.settledOn, String(p.settlement.visits), yuan(p.settlement.amountFen), yuan(p.settlement.disputedFen), yuan(p.settlement.subsidyFen), yuan(p.settlement.personalFen)]
        : ['未结算', '', '', '', '', '']),
    ]),
  });
  addLedgerSheet(workbook, head(`${period} 分散供养特困人员委托照料情况（按自理能力）`), {
    title: '分散供养照料',
    from: period,
    to: period,
    columns: ['乡镇', '生活自理能力', '月末在照料', '本月已检查', '照料未到位', '照料人评价差', '照料护理补贴（元/月）'],
    rows: table.tiers.map((t) => [t.township, TIER_NAMES[t.tier], String(t.agreements), String(t.checked), String(t.notDelivered), String(t.poorCarer), yuan(t.subsidyFen)]),
  });
}
