// Consistency of care at home inside one package (format 4, issue 18), in the manner of consistency-villages.ts: what
// the exporter can never write is refused, naming the line; what a centre's real records can hold is a warning.
import { monthRange } from '@shared/domain/sync/period';
import { type SectionData, type SectionName, fileOf } from '@shared/domain/sync/sections';

/** The errors (refuse the package) and warnings (say so) of the care-at-home sections; consistency.ts adds them to its own. */
export function checkCareAtHomeRecords(period: string, data: SectionData): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { first, last } = monthRange(period);
  const at = (section: SectionName, index: number) => `「${fileOf(section)}」第 ${index + 1} 行`;
  const inMonth = (d: string) => d >= first && d <= last;
  const monthWords = `${period}（${first} 至 ${last}）`;
  const known = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
  const elders = known(data.elders);
  const villages = known(data.villages);
  const items = known(data.home_service_items);
  const providers = known(data.home_service_providers);
  const agreements = known(data.entrusted_agreements);
  const helpers = known(data.aid_helpers);
  const missing = (section: SectionName, i: number, what: string, id: string, file: SectionName) => errors.push(`${at(section, i)}：${what} ${id} 不在「${fileOf(file)}」里`);
  /** An elder who left home (died, moved away, moved into the centre) before the date cannot be served at home on it. */
  const leftBefore = (elderId: string, day: string) => {
    const e = elders.get(elderId);
    return e !== undefined && e.statusOn !== null && day > e.statusOn;
  };

  // Use beyond the entitlement is allowed with a reason, which marks the visit overQuota: only use beyond every quota the
  // elder had for the item, with no visit so marked, is worth a question.
  const explained = new Set(data.home_service_visits.filter((v) => v.overQuota && !v.voided).flatMap((v) => v.items.map((i) => `${v.elderId}|${i.itemId}`)));
  const quotaOf = new Map<string, number>();
  for (const e of data.home_service_entitlements) quotaOf.set(`${e.elderId}|${e.itemId}`, Math.max(quotaOf.get(`${e.elderId}|${e.itemId}`) ?? 0, e.monthlyQuota));
  data.home_service_entitlements.forEach((e, i) => {
    if (!elders.has(e.elderId)) missing('home_service_entitlements', i, '老人', e.elderId, 'elders');
    if (!items.has(e.itemId)) missing('home_service_entitlements', i, '服务项目', e.itemId, 'home_service_items');
    if (e.validFrom > last || (e.validTo !== null && e.validTo < first) || (e.endedOn !== null && e.endedOn < first)) errors.push(`${at('home_service_entitlements', i)}：享受额度不在 ${monthWords} 内有效，不应出现在本月数据包里`);
    const key = `${e.elderId}|${e.itemId}`;
    if (e.usedInMonth > quotaOf.get(key)! && !explained.has(key) && e.monthlyQuota === quotaOf.get(key))
      warnings.push(`${at('home_service_entitlements', i)}：本月用了 ${e.usedInMonth}，超过每月额度 ${e.monthlyQuota}，却没有一次服务写明超额理由，请该院核对`);
  });
  data.home_service_visits.forEach((v, i) => {
    const line = at('home_service_visits', i);
    if (!inMonth(v.serviceOn)) errors.push(`${line}：服务日期 ${v.serviceOn} 不在 ${monthWords} 内`);
    if (!elders.has(v.elderId)) missing('home_service_visits', i, '老人', v.elderId, 'elders');
    else if (!v.voided && v.outcome === 'done' && leftBefore(v.elderId, v.serviceOn)) errors.push(`${line}：服务日期 ${v.serviceOn} 晚于老人离家（去世、迁出或入住敬老院）的日期 ${elders.get(v.elderId)!.statusOn}`);
    if (!providers.has(v.providerId)) missing('home_service_visits', i, '服务机构', v.providerId, 'home_service_providers');
    v.items.forEach((item) => {
      if (!items.has(item.itemId)) missing('home_service_visits', i, '服务项目', item.itemId, 'home_service_items');
    });
    if (v.outcome === 'done' && (v.minutes === null || v.items.length === 0)) errors.push(`${line}：已服务的记录应有服务时长和服务项目`);
    if (v.outcome === 'missed' && (v.items.length > 0 || v.check !== null)) errors.push(`${line}：未服务的记录不应有服务项目或回访结果`);
  });
  data.home_service_settlements.forEach((s, i) => {
    if (!providers.has(s.providerId)) missing('home_service_settlements', i, '服务机构', s.providerId, 'home_service_providers');
    if (s.month > period) errors.push(`${at('home_service_settlements', i)}：结算月份 ${s.month} 在本月之后`);
    if (s.subsidyFen + s.personalFen !== s.amountFen) errors.push(`${at('home_service_settlements', i)}：补贴 ${s.subsidyFen} 分加个人负担 ${s.personalFen} 分，不等于结算金额 ${s.amountFen} 分`);
  });
  data.entrusted_agreements.forEach((a, i) => {
    if (!elders.has(a.elderId)) missing('entrusted_agreements', i, '老人', a.elderId, 'elders');
    else if (!elders.get(a.elderId)!.groups.includes('tekun_dispersed')) warnings.push(`${at('entrusted_agreements', i)}：老人 ${a.elderId} 在名册上不是分散供养特困人员，请该院核对`);
    if (a.fromOn > last || (a.toOn !== null && a.toOn < a.fromOn)) errors.push(`${at('entrusted_agreements', i)}：协议期限 ${a.fromOn} 至 ${a.toOn ?? '—'} 不在本月内或前后颠倒`);
  });
  data.entrusted_checks.forEach((c, i) => {
    const agreement = agreements.get(c.agreementId);
    if (!inMonth(c.checkedOn)) errors.push(`${at('entrusted_checks', i)}：检查日期 ${c.checkedOn} 不在 ${monthWords} 内`);
    if (!agreement) missing('entrusted_checks', i, '委托照料协议', c.agreementId, 'entrusted_agreements');
    else if (agreement.elderId !== c.elderId) errors.push(`${at('entrusted_checks', i)}：检查的老人与协议上的老人不是同一人`);
  });
  data.aid_helpers.forEach((h, i) => {
    if (h.villageId !== null && !villages.has(h.villageId)) missing('aid_helpers', i, '村', h.villageId, 'villages');
  });
  data.aid_pairs.forEach((p, i) => {
    if (!helpers.has(p.helperId)) missing('aid_pairs', i, '帮扶人', p.helperId, 'aid_helpers');
    if (!elders.has(p.elderId)) missing('aid_pairs', i, '老人', p.elderId, 'elders');
    if (p.since > last || (p.endedOn !== null && (p.endedOn < p.since || p.endedOn < first))) errors.push(`${at('aid_pairs', i)}：结对时间 ${p.since} 至 ${p.endedOn ?? '—'} 不在本月内或前后颠倒`);
  });
  data.aid_activities.forEach((a, i) => {
    if (!inMonth(a.doneOn)) errors.push(`${at('aid_activities', i)}：活动日期 ${a.doneOn} 不在 ${monthWords} 内`);
    if (!helpers.has(a.helperId)) missing('aid_activities', i, '帮扶人', a.helperId, 'aid_helpers');
    if (a.elderId !== null && !elders.has(a.elderId)) missing('aid_activities', i, '老人', a.elderId, 'elders');
  });
  data.association_activities.forEach((a, i) => {
    if (!inMonth(a.heldOn)) errors.push(`${at('association_activities', i)}：活动日期 ${a.heldOn} 不在 ${monthWords} 内`);
    if (a.villageId !== null && !villages.has(a.villageId)) missing('association_activities', i, '村', a.villageId, 'villages');
  });
  return { errors, warnings };
}
