// The month's list (分散供养特困人员照料护理情况表): every agreement in force for at least a day of the month — elder,
// village, tier and 档次, carer, the month's subsidy (the monthly amount, by days when in force for part of the month),
// the checks of the month (none: 未检查) — with totals per tier. Read-only; the Excel export is the same table.
import type { MonthLine, MonthList } from '@shared/api/entrusted';
import { TIERS, TIER_NAMES } from '@shared/domain/assessment/tekun-tier';
import { ageOn, daysBetween, lastDayOfMonth } from '@shared/domain/dates';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { ledgerWorkbook } from '../../ledger-excel';
import { lastDayOf } from './period';
import { checksOf } from './checks';

const CARE_TIER_WORDS = { 1: '一档', 2: '二档', 3: '三档' } as const;
export const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function monthList(deps: BackendDeps, q: { month: string; villageId: string | null }): Promise<MonthList> {
  const today = todayIn(deps.clock);
  const from = `${q.month}-01`;
  const to = lastDayOfMonth(q.month);
  const monthDays = daysBetween(from, to) + 1;
  const rows = await deps.db
    .selectFrom('entrustedCareAgreements as a')
    .innerJoin('elders', 'elders.id', 'a.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .leftJoin('homeServiceProviders as p', 'p.id', 'a.providerId')
    .selectAll('a')
    .select(['elders.name as elder', 'elders.sex', 'elders.birthDate', 'elders.address', 'elders.status as elderStatus', 'elders.statusOn', 'elders.villageId', 'villages.name as village', 'p.name as provider'])
    .where('a.fromOn', '<=', to)
    .where((w) => w.or([w('a.toOn', 'is', null), w('a.toOn', '>=', from)]))
    .where((w) => w.or([w('a.endedOn', 'is', null), w('a.endedOn', '>=', from)]))
    // An elder who died, moved away or into the centre before the month is not on it, whatever the agreement says.
    .where((w) => w.or([w('elders.status', '=', 'at_home'), w('elders.statusOn', 'is', null), w('elders.statusOn', '>=', from)]))
    .$if(q.villageId !== null, (w) => w.where('elders.villageId', '=', q.villageId!))
    .orderBy('villages.name')
    .orderBy('elders.nameInitials')
    .orderBy('elders.id')
    .orderBy('a.fromOn')
    .execute();
  const checks = await checksOf(deps.db, { agreementIds: rows.map((r) => r.id), month: q.month, withVoided: false });
  const lines: MonthLine[] = rows.flatMap((a) => {
    // Care ends when the elder leaves home (the day they died, moved away or into the centre), even if the agreement
    // was not ended yet: the subsidy is counted only to that day.
    const agreed = lastDayOf(a);
    const left = a.elderStatus !== 'at_home' && a.statusOn !== null ? a.statusOn : null;
    const last = left !== null && (agreed === null || left < agreed) ? left : agreed;
    const start = a.fromOn > from ? a.fromOn : from;
    const end = last !== null && last < to ? last : to;
    const days = daysBetween(start, end) + 1;
    // The elder left home before the agreement began: it never took effect (no day, no subsidy — never a negative one).
    if (days <= 0) return [];
    return [{
      agreementId: a.id,
      elderId: a.elderId,
      elder: a.elder,
      sex: ENUM_LABELS_ZH.sex[a.sex as 'male' | 'female'] ?? '',
      age: ageOn(a.birthDate, to),
      villageId: a.villageId,
      village: a.village,
      address: a.address,
      tier: a.tier,
      careTier: a.careTier,
      tierDocumentNo: a.tierDocumentNo,
      carerKind: a.carerKind,
      carerName: a.carerName,
      carerPhone: a.carerPhone,
      provider: a.provider,
      fromOn: a.fromOn,
      toOn: a.toOn,
      endedOn: a.endedOn,
      monthlySubsidyFen: a.monthlySubsidyFen,
      days,
      subsidyFen: days === monthDays ? a.monthlySubsidyFen : Math.round((a.monthlySubsidyFen * days) / monthDays),
      checks: checks.filter((c) => c.agreementId === a.id),
      elderChecked: false,
      open: a.endedOn === null && (a.toOn === null || a.toOn >= today) && a.elderStatus === 'at_home',
    }];
  });
  const checkedElders = new Set(lines.filter((l) => l.checks.length > 0).map((l) => l.elderId));
  for (const l of lines) l.elderChecked = checkedElders.has(l.elderId);
  const people = (ls: MonthLine[]) => new Set(ls.map((l) => l.elderId)).size;
  const sum = (ls: MonthLine[]) => ls.reduce((s, l) => s + l.subsidyFen, 0);
  return {
    month: q.month,
    from,
    to,
    lines,
    totals: {
      byTier: TIERS.map((tier) => {
        const of = lines.filter((l) => l.tier === tier);
        return { tier, people: people(of), subsidyFen: sum(of) };
      }),
      people: people(lines),
      checked: checkedElders.size,
      unchecked: people(lines) - checkedElders.size,
      subsidyFen: sum(lines),
    },
  };
}

/** A check in words for the sheet: day, way, delivered, rating, checker, findings. */
export function checkWords(c: MonthLine['checks'][number]): string {
  const base = `${c.checkedOn.slice(5)} ${ENUM_LABELS_ZH.visitKind[c.kind]}，${ENUM_LABELS_ZH.careDelivered[c.delivered]}，照料人${ENUM_LABELS_ZH.carerRating[c.carerRating]}（${c.checker}）`;
  return c.findings ? `${base}：${c.findings}` : base;
}

const OTHER_AGREEMENT = '本月已在另一份协议下检查';
export const TITLE = '分散供养特困人员照料护理情况表';

export async function exportMonth(deps: BackendDeps, caller: Caller, q: { month: string; villageId: string | null }) {
  const list = await monthList(deps, q);
  const facility = await deps.db.selectFrom('facility').select(['name', 'township']).executeTakeFirst();
  const village = q.villageId === null ? null : ((await deps.db.selectFrom('villages').select('name').where('id', '=', q.villageId).executeTakeFirst())?.name ?? null);
  const rows = list.lines.map((l, i) => [
    String(i + 1),
    l.village,
    l.elder,
    l.sex,
    String(l.age),
    TIER_NAMES[l.tier],
    l.careTier === null ? '' : CARE_TIER_WORDS[l.careTier],
    l.tierDocumentNo,
    l.provider === null ? `${ENUM_LABELS_ZH.carerKind[l.carerKind]} ${l.carerName}` : `${l.provider} ${l.carerName}`,
    l.carerPhone,
    `${l.fromOn} 至 ${lastDayOf(l) ?? '长期'}${l.endedOn !== null ? '（已终止）' : ''}`,
    l.checks.length > 0 ? l.checks.map(checkWords).join('\n') : l.elderChecked ? OTHER_AGREEMENT : '未检查',
    yuan(l.monthlySubsidyFen),
    l.days === daysBetween(list.from, list.to) + 1 ? yuan(l.subsidyFen) : `${yuan(l.subsidyFen)}（${l.days}天）`,
  ]);
  const blank = (n: number) => Array.from({ length: n }, () => '');
  for (const t of list.totals.byTier) rows.push(['', '合计', TIER_NAMES[t.tier], `${t.people}人`, ...blank(8), '', yuan(t.subsidyFen)]);
  rows.push(['', '总计', `${list.totals.people}人`, `已检查${list.totals.checked}人，未检查${list.totals.unchecked}人`, ...blank(8), '', yuan(list.totals.subsidyFen)]);
  const title = village === null ? TITLE : `${TITLE}（${village}）`;
  const buffer = await ledgerWorkbook(facility?.township || facility?.name || '', {
    title,
    from: list.from,
    to: list.to,
    columns: ['序号', '村', '姓名', '性别', '年龄', '自理能力', '照料护理档次', '认定文号', '照料人', '联系电话', '协议期限', '本月检查', '月补贴（元）', '本月补贴（元）'],
    rows,
  });
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: 'entrustedCareAgreements', entityId: q.month, after: { rows: list.lines.length, filters: q } });
  });
  return { fileName: `${TITLE}-${q.month}${village === null ? '' : `-${village}`}.xlsx`, base64: buffer.toString('base64'), rows: list.lines.length };
}
