// 回访 (issue 18): a sample of each provider's done, not voided visits of a month is called back or visited, and each is
// confirmed or disputed (with a note); a disputed visit is not paid. The sample asks for the setting's percent of the
// provider's visits, rounded up, at least one; visits already checked count towards it, and the rest are the
// unchecked visits first in a fixed order — a hash of the month and the visit's id — so the same month always shows
// the same sample (checking one does not reshuffle the others). One check per visit (the table refuses a second).
// A check after the month was settled is recorded but does not change the frozen statement.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { CheckInput, CheckMonth, CheckRow } from '@shared/api/homecare-settlement';
import { HOMECARE_SETTLEMENT_SOURCES } from '@shared/api/homecare-settlement';
import { lastDayOfMonth } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { readHomecareSettlementSettings } from './homecare-settings';
import { settledMonthFor } from './settlement';
import { visitBriefs } from './visit-briefs';

/** FNV-1a (32 bits) of the text: the sample's fixed order. */
export function sampleRank(month: string, visitId: string): number {
  let h = 0x811c9dc5;
  const text = `${month}|${visitId}`;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const byName = new Intl.Collator('zh');

/** How many of n visits the sample asks for. */
export const sampleSize = (n: number, percent: number) => (n === 0 ? 0 : Math.max(1, Math.ceil((n * percent) / 100)));

export async function checkMonth(deps: BackendDeps, month: string, providerId: string | null): Promise<CheckMonth> {
  const { checkPercent } = await readHomecareSettlementSettings(deps.db);
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  let q = deps.db
    .selectFrom('homeServiceVisits as v')
    .innerJoin('homeServiceProviders as p', 'p.id', 'v.providerId')
    .leftJoin('homeServiceChecks as c', 'c.visitId', 'v.id')
    .select(['v.id', 'v.providerId', 'p.name as provider', 'c.id as checkId', 'c.outcome'])
    .where('v.serviceOn', '>=', from)
    .where('v.serviceOn', '<=', to)
    .where('v.outcome', '=', 'done')
    .where('v.voidedAt', 'is', null);
  if (providerId) q = q.where('v.providerId', '=', providerId);
  const visits = await q.execute();
  const byProvider = new Map<string, { provider: string; visits: typeof visits }>();
  for (const v of visits) {
    const entry = byProvider.get(v.providerId) ?? { provider: v.provider, visits: [] };
    entry.visits.push(v);
    byProvider.set(v.providerId, entry);
  }
  const sampled: (Omit<CheckMonth['providers'][number], 'toCheck'> & { picks: string[] })[] = [];
  for (const [id, { provider, visits: list }] of [...byProvider].sort((a, b) => byName.compare(a[1].provider, b[1].provider))) {
    const target = sampleSize(list.length, checkPercent);
    const checked = list.filter((v) => v.checkId !== null);
    const need = Math.max(0, target - checked.length);
    const picks = list
      .filter((v) => v.checkId === null)
      .map((v) => ({ id: v.id, rank: sampleRank(month, v.id) }))
      .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
      .slice(0, need)
      .map((v) => v.id);
    const settled = (await settledMonthFor(deps.db, id, month)) !== null;
    sampled.push({ providerId: id, provider, done: list.length, target, checked: checked.length, disputed: checked.filter((v) => v.outcome === 'disputed').length, settled, picks });
  }
  const briefs = new Map((await visitBriefs(deps.db, { ids: sampled.flatMap((p) => p.picks) })).map((b) => [b.visitId, b]));
  const providers = sampled.map(({ picks, ...p }) => ({
    ...p,
    toCheck: picks.map((id) => briefs.get(id)!).sort((a, b) => a.serviceOn.localeCompare(b.serviceOn) || a.startTime.localeCompare(b.startTime)),
  }));
  return { month, percent: checkPercent, source: HOMECARE_SETTLEMENT_SOURCES.checkPercent, providers, checks: await checksOf(deps.db, month, providerId) };
}

async function checksOf(db: Executor, month: string, providerId: string | null): Promise<CheckRow[]> {
  let q = db
    .selectFrom('homeServiceChecks as c')
    .innerJoin('homeServiceVisits as v', 'v.id', 'c.visitId')
    .select(['c.id', 'c.visitId', 'c.kind', 'c.checkedOn', 'c.checker', 'c.outcome', 'c.note', 'c.createdBy', 'c.createdAt', 'v.providerId'])
    .where('v.serviceOn', '>=', `${month}-01`)
    .where('v.serviceOn', '<=', lastDayOfMonth(month));
  if (providerId) q = q.where('v.providerId', '=', providerId);
  const rows = await q.orderBy('c.checkedOn', 'desc').orderBy('c.createdAt', 'desc').execute();
  const briefs = new Map((await visitBriefs(db, { ids: rows.map((r) => r.visitId) })).map((b) => [b.visitId, b]));
  const settledAt = new Map<string, string | null>();
  for (const pid of new Set(rows.map((r) => r.providerId))) settledAt.set(pid, (await settledMonthFor(db, pid, month))?.createdAt ?? null);
  return rows.map((r) => ({
    id: r.id,
    visit: briefs.get(r.visitId)!,
    kind: r.kind,
    checkedOn: r.checkedOn,
    checker: r.checker,
    outcome: r.outcome,
    note: r.note,
    recordedBy: r.createdBy,
    afterSettlement: (() => {
      const at = settledAt.get(r.providerId) ?? null;
      return at !== null && r.createdAt >= at;
    })(),
  }));
}

export function findVisits(deps: BackendDeps, month: string, providerId: string | null, query: string) {
  return visitBriefs(deps.db, { month, providerId, query, limit: 50 });
}

export function recordCheck(deps: BackendDeps, caller: Caller, input: z.output<typeof CheckInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const visit = await ctx.trx.selectFrom('homeServiceVisits').select(['id', 'providerId', 'serviceOn', 'outcome', 'missedReason', 'voidedAt', 'voidReason']).where('id', '=', input.visitId).executeTakeFirst();
    if (!visit) throw new AppError('NOT_FOUND', '找不到这条服务记录，请刷新后重新选择', 'visitId');
    if (visit.voidedAt !== null) throw conflict(`这条服务记录已作废（${visit.voidReason ?? ''}），不能回访`, 'visitId');
    if (visit.outcome === 'missed') throw conflict(`这是一次未上门的服务（${visit.missedReason ?? ''}），回访只针对已完成的服务`, 'visitId');
    const earlier = await ctx.trx.selectFrom('homeServiceChecks').select(['checkedOn', 'checker', 'outcome']).where('visitId', '=', visit.id).executeTakeFirst();
    if (earlier) throw conflict(`这次服务已于 ${earlier.checkedOn} 由${earlier.checker}回访过（${enumLabel('checkOutcome', earlier.outcome)}），每次服务只回访一次`, 'visitId');
    if (input.checkedOn < visit.serviceOn) throw invalid(`回访日期（${input.checkedOn}）早于服务日期（${visit.serviceOn}），请核对`, 'checkedOn');
    if (input.checkedOn > ctx.today) throw invalid(`回访日期（${input.checkedOn}）在将来，不能预先登记`, 'checkedOn');
    const id = newId();
    await ctx.trx
      .insertInto('homeServiceChecks')
      .values({ id, visitId: visit.id, kind: input.kind, checkedOn: input.checkedOn, checker: input.checker, outcome: input.outcome, note: input.note, createdAt: ctx.at, createdBy: caller.name })
      .execute();
    const afterSettlement = (await settledMonthFor(ctx.trx, visit.providerId, visit.serviceOn.slice(0, 7))) !== null;
    await ctx.audit({
      action: 'record',
      entity: 'homeServiceChecks',
      entityId: id,
      after: { visitId: visit.id, serviceOn: visit.serviceOn, kind: input.kind, checkedOn: input.checkedOn, checker: input.checker, outcome: input.outcome, note: input.note, afterSettlement },
    });
    return { id, afterSettlement };
  });
}
