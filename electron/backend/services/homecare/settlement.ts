// The monthly settlement per provider (issue 18). The preview prices each done, not voided visit of the provider in
// the month at the prices in force on the visit's day for its price class (pricing.ts); visits disputed at 回访 are
// listed apart and not paid. Settling freezes the priced lines and the totals into home_service_settlements — only
// after the month has ended, once per provider and month; a settlement is voided with a reason to settle again and
// the voided row stays. A non-voided row means the month is settled: B1's price changes and B2's recording read the
// table directly with that meaning (settledMonthFor, latestSettledMonth).
import { z } from 'zod';
import { AppError, conflict } from '@shared/api/errors';
import type { SettleInput, SettlementMonth, SettlementRow, Statement, StatementLine, StatementTotals, VoidSettlementInput } from '@shared/api/homecare-settlement';
import { StatementLine as LineSchema } from '@shared/api/homecare-settlement';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { addDays, lastDayOfMonth } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import type { PriceClass } from '@shared/domain/homecare/vocab';
import { writeAction } from '../../audit';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';
import { newId } from '../../ids';
import { itemCost, loadPriceBook, priceOn } from './pricing';

type SettlementTableRow = {
  id: string;
  providerId: string;
  month: string;
  visits: number;
  disputed: number;
  amountFen: number;
  disputedFen: number;
  subsidyFen: number;
  personalFen: number;
  createdAt: string;
  createdBy: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
};

/** The provider's settlement of the month in force (not voided), or null: the month is not settled. */
export async function settledMonthFor(db: Executor, providerId: string, month: string) {
  return (
    (await db
      .selectFrom('homeServiceSettlements')
      .select(['id', 'month', 'createdAt', 'createdBy'])
      .where('providerId', '=', providerId)
      .where('month', '=', month)
      .where('voidedAt', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

/** The latest settled month (of one provider, or of any), or null: e.g. a price starting on or before its last day would reprice it. */
export async function latestSettledMonth(db: Executor, providerId: string | null = null): Promise<string | null> {
  let q = db.selectFrom('homeServiceSettlements').select((eb) => eb.fn.max('month').as('month')).where('voidedAt', 'is', null);
  if (providerId) q = q.where('providerId', '=', providerId);
  return (await q.executeTakeFirst())?.month ?? null;
}

/** One collator for every line (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator('zh');

const monthEnded = (month: string, today: string) => lastDayOfMonth(month) < today;

const EMPTY_TOTALS: StatementTotals = { visits: 0, disputed: 0, amountFen: 0, disputedFen: 0, subsidyFen: 0, personalFen: 0 };

export function totalsOf(lines: readonly StatementLine[]): StatementTotals {
  const t = { ...EMPTY_TOTALS };
  for (const l of lines) {
    if (l.disputed) {
      t.disputed += 1;
      t.disputedFen += l.amountFen;
    } else {
      t.visits += 1;
      t.amountFen += l.amountFen;
      t.subsidyFen += l.subsidyFen;
      t.personalFen += l.personalFen;
    }
  }
  return t;
}

/** Prices the provider's month from the records as they are now. */
export async function priceMonth(db: Executor, providerId: string, month: string) {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const visits = await db
    .selectFrom('homeServiceVisits as v')
    .innerJoin('elders as e', 'e.id', 'v.elderId')
    .innerJoin('villages as vil', 'vil.id', 'e.villageId')
    .leftJoin('homeServiceWorkers as w', 'w.id', 'v.workerId')
    .leftJoin('homeServiceChecks as c', 'c.visitId', 'v.id')
    .select(['v.id', 'v.serviceOn', 'v.startTime', 'v.endTime', 'v.elderId', 'e.name as elder', 'vil.name as village', 'v.priceClass', 'w.name as worker', 'c.outcome as checkOutcome', 'c.note as checkNote'])
    .where('v.providerId', '=', providerId)
    .where('v.serviceOn', '>=', from)
    .where('v.serviceOn', '<=', to)
    .where('v.outcome', '=', 'done')
    .where('v.voidedAt', 'is', null)
    .orderBy('v.serviceOn')
    .orderBy('v.startTime')
    .orderBy('e.name')
    .execute();
  const items = await db
    .selectFrom('homeServiceVisitItems as vi')
    .innerJoin('homeServiceVisits as v', 'v.id', 'vi.visitId')
    .select(['vi.visitId', 'vi.itemId', 'vi.quantity'])
    .where('v.providerId', '=', providerId)
    .where('v.serviceOn', '>=', from)
    .where('v.serviceOn', '<=', to)
    .where('v.outcome', '=', 'done')
    .where('v.voidedAt', 'is', null)
    .execute();
  const catalogue = new Map((await db.selectFrom('homeServiceItems').select(['id', 'name', 'unit']).execute()).map((i) => [i.id, i]));
  const book = await loadPriceBook(db);
  const byVisit = new Map<string, { itemId: string; quantity: number }[]>();
  for (const i of items) {
    const list = byVisit.get(i.visitId);
    if (list) list.push(i);
    else byVisit.set(i.visitId, [i]);
  }
  const unpriced = new Map<string, { item: string; priceClass: PriceClass; serviceOn: string }>();
  const lines: StatementLine[] = visits.map((v) => {
    const priced = (byVisit.get(v.id) ?? [])
      .map((vi) => {
        const item = catalogue.get(vi.itemId);
        const name = item?.name ?? '';
        const unit = item?.unit ?? 'visit';
        const price = priceOn(book, vi.itemId, v.priceClass, v.serviceOn);
        if (!price) {
          const k = `${vi.itemId}|${v.priceClass}`;
          if (!unpriced.has(k)) unpriced.set(k, { item: name, priceClass: v.priceClass, serviceOn: v.serviceOn });
        }
        const cost = price ? itemCost(unit, vi.quantity, price) : { amountFen: 0, subsidyFen: 0 };
        return { itemId: vi.itemId, name, unit, quantity: vi.quantity, priceFen: price?.priceFen ?? null, unitSubsidyFen: price?.subsidyFen ?? null, ...cost };
      })
      .sort((a, b) => byName.compare(a.name, b.name));
    const amountFen = priced.reduce((n, i) => n + i.amountFen, 0);
    const subsidyFen = priced.reduce((n, i) => n + i.subsidyFen, 0);
    const disputed = v.checkOutcome === 'disputed';
    return {
      visitId: v.id,
      serviceOn: v.serviceOn,
      startTime: v.startTime,
      endTime: v.endTime,
      elderId: v.elderId,
      elder: v.elder,
      village: v.village,
      priceClass: v.priceClass,
      worker: v.worker,
      items: priced,
      amountFen,
      subsidyFen,
      personalFen: amountFen - subsidyFen,
      disputed,
      disputeNote: disputed ? (v.checkNote ?? '') : null,
    };
  });
  return { lines, unpriced: [...unpriced.values()] };
}

function rowOf(r: SettlementTableRow, provider: string): SettlementRow {
  return {
    id: r.id,
    providerId: r.providerId,
    provider,
    month: r.month,
    totals: { visits: r.visits, disputed: r.disputed, amountFen: r.amountFen, disputedFen: r.disputedFen, subsidyFen: r.subsidyFen, personalFen: r.personalFen },
    settledAt: r.createdAt,
    settledBy: r.createdBy,
    voided: r.voidedAt ? { at: r.voidedAt, by: r.voidedBy ?? '', reason: r.voidReason ?? '' } : null,
  };
}

const SETTLEMENT_COLUMNS = ['id', 'providerId', 'month', 'visits', 'disputed', 'amountFen', 'disputedFen', 'subsidyFen', 'personalFen', 'createdAt', 'createdBy', 'voidedAt', 'voidedBy', 'voidReason'] as const;

async function providerFor(db: Executor, providerId: string) {
  const p = await db.selectFrom('homeServiceProviders').select(['id', 'name', 'kind', 'contractNo', 'contactName', 'phone', 'retiredAt']).where('id', '=', providerId).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', '找不到这个服务机构，请刷新后重新选择', 'providerId');
  return p;
}

async function facilityName(db: Executor) {
  return (await db.selectFrom('facility').select('name').executeTakeFirst())?.name ?? '';
}

export async function settlementPreview(deps: BackendDeps, providerId: string, month: string): Promise<Statement> {
  const provider = await providerFor(deps.db, providerId);
  const { lines, unpriced } = await priceMonth(deps.db, providerId, month);
  const settled = await deps.db.selectFrom('homeServiceSettlements').select(SETTLEMENT_COLUMNS).where('providerId', '=', providerId).where('month', '=', month).where('voidedAt', 'is', null).executeTakeFirst();
  return {
    month,
    from: `${month}-01`,
    to: lastDayOfMonth(month),
    facilityName: await facilityName(deps.db),
    provider: { id: provider.id, name: provider.name, kind: provider.kind, contractNo: provider.contractNo, contactName: provider.contactName, phone: provider.phone },
    status: 'preview',
    settlement: settled ? rowOf(settled, provider.name) : null,
    monthEnded: monthEnded(month, todayIn(deps.clock)),
    lines: lines.filter((l) => !l.disputed),
    disputed: lines.filter((l) => l.disputed),
    totals: totalsOf(lines),
    unpriced,
    disputesAfter: 0,
  };
}

/** Visits paid in the frozen lines but disputed at a 回访 recorded since: not applied (the statement is frozen). */
async function disputesAfter(db: Executor, providerId: string, month: string, frozen: readonly StatementLine[]) {
  const paid = new Set(frozen.filter((l) => !l.disputed).map((l) => l.visitId));
  const rows = await db
    .selectFrom('homeServiceChecks as c')
    .innerJoin('homeServiceVisits as v', 'v.id', 'c.visitId')
    .select('c.visitId')
    .where('v.providerId', '=', providerId)
    .where('v.serviceOn', '>=', `${month}-01`)
    .where('v.serviceOn', '<=', lastDayOfMonth(month))
    .where('c.outcome', '=', 'disputed')
    .execute();
  return rows.filter((r) => paid.has(r.visitId)).length;
}

const FrozenLines = z.array(LineSchema);

/** The statement: a settlement's frozen lines (the one in force, or a given one — voided too), else the preview. */
export async function statement(deps: BackendDeps, providerId: string, month: string, settlementId: string | null): Promise<Statement> {
  let q = deps.db.selectFrom('homeServiceSettlements').select([...SETTLEMENT_COLUMNS, 'lines']).where('providerId', '=', providerId).where('month', '=', month);
  q = settlementId ? q.where('id', '=', settlementId) : q.where('voidedAt', 'is', null);
  const row = await q.executeTakeFirst();
  if (settlementId && !row) throw new AppError('NOT_FOUND', '找不到这张结算单，请刷新后重试', 'settlementId');
  if (!row) return settlementPreview(deps, providerId, month);
  const provider = await providerFor(deps.db, providerId);
  const lines = parseJsonColumn(FrozenLines, row.lines, 'home_service_settlements.lines');
  return {
    month,
    from: `${month}-01`,
    to: lastDayOfMonth(month),
    facilityName: await facilityName(deps.db),
    provider: { id: provider.id, name: provider.name, kind: provider.kind, contractNo: provider.contractNo, contactName: provider.contactName, phone: provider.phone },
    status: 'settled',
    settlement: rowOf(row, provider.name),
    monthEnded: true,
    lines: lines.filter((l) => !l.disputed),
    disputed: lines.filter((l) => l.disputed),
    totals: rowOf(row, provider.name).totals,
    unpriced: [],
    disputesAfter: row.voidedAt ? 0 : await disputesAfter(deps.db, providerId, month, lines),
  };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function settle(deps: BackendDeps, caller: Caller, input: z.output<typeof SettleInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('homeServiceSettlements').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const provider = await providerFor(ctx.trx, input.providerId);
    const last = lastDayOfMonth(input.month);
    if (!monthEnded(input.month, ctx.today)) {
      throw conflict(`${input.month} 还没有过完（到 ${last} 为止），月结算要从 ${addDays(last, 1)} 起才能办理；现在可以先看预览`, 'month');
    }
    const existing = await ctx.trx.selectFrom('homeServiceSettlements').select(['createdAt', 'createdBy']).where('providerId', '=', provider.id).where('month', '=', input.month).where('voidedAt', 'is', null).executeTakeFirst();
    if (existing) {
      throw conflict(`${provider.name} ${input.month} 已于 ${chinaWallClock(new Date(existing.createdAt))} 由${existing.createdBy}结算过；如需重新结算，请先作废原结算单并写明原因`, 'month');
    }
    const { lines, unpriced } = await priceMonth(ctx.trx, provider.id, input.month);
    if (unpriced.length > 0) {
      const first = unpriced[0];
      throw conflict(`${first.item}（${enumLabel('priceClass', first.priceClass)}）在 ${first.serviceOn} 没有价格${unpriced.length > 1 ? `等 ${unpriced.length} 处` : ''}，请先在「项目与价格」中设定价格再结算`, 'month');
    }
    if (lines.length === 0) throw conflict(`${provider.name} ${input.month} 没有已完成的服务记录，无需结算`, 'month');
    const totals = totalsOf(lines);
    const id = newId();
    await ctx.trx
      .insertInto('homeServiceSettlements')
      .values({ id, providerId: provider.id, month: input.month, ...totals, lines: JSON.stringify(lines), requestId: input.requestId, createdAt: ctx.at, createdById: caller.userId, createdBy: caller.name })
      .execute();
    await ctx.audit({
      action: 'record',
      entity: 'homeServiceSettlements',
      entityId: id,
      after: { provider: provider.name, month: input.month, visits: totals.visits, disputed: totals.disputed, amount: yuan(totals.amountFen), subsidy: yuan(totals.subsidyFen), personal: yuan(totals.personalFen), disputedAmount: yuan(totals.disputedFen) },
    });
    return { id };
  });
}

export function voidSettlement(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidSettlementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('homeServiceSettlements').select(SETTLEMENT_COLUMNS).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到这张结算单，请刷新后重试', 'id');
    if (row.voidedAt !== null) throw conflict(`这张结算单已于 ${chinaWallClock(new Date(row.voidedAt))} 由${row.voidedBy ?? ''}作废`);
    await ctx.trx.updateTable('homeServiceSettlements').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', row.id).execute();
    await ctx.audit({
      action: 'void',
      entity: 'homeServiceSettlements',
      entityId: row.id,
      before: { month: row.month, amount: yuan(row.amountFen), voidedAt: null },
      after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
    });
    return { id: row.id };
  });
}

/** The month's providers (those with done visits, or with a settlement, or active): each priced now or as settled. */
export async function settlementsOfMonth(deps: BackendDeps, month: string): Promise<SettlementMonth> {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const providers = await deps.db.selectFrom('homeServiceProviders').select(['id', 'name', 'kind', 'retiredAt']).orderBy('kind').orderBy('name').execute();
  const rows = await deps.db.selectFrom('homeServiceSettlements').select(SETTLEMENT_COLUMNS).where('month', '=', month).orderBy('createdAt').execute();
  const done = new Map(
    (
      await deps.db
        .selectFrom('homeServiceVisits')
        .select(['providerId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('serviceOn', '>=', from)
        .where('serviceOn', '<=', to)
        .where('outcome', '=', 'done')
        .where('voidedAt', 'is', null)
        .groupBy('providerId')
        .execute()
    ).map((r) => [r.providerId, r.n]),
  );
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const list: SettlementMonth['providers'] = [];
  for (const p of providers) {
    const inForce = rows.find((r) => r.providerId === p.id && r.voidedAt === null);
    const n = done.get(p.id) ?? 0;
    if (n === 0 && !inForce && p.retiredAt !== null) continue;
    let totals: StatementTotals;
    let unpriced = 0;
    if (inForce) totals = rowOf(inForce, p.name).totals;
    else if (n > 0) {
      const priced = await priceMonth(deps.db, p.id, month);
      totals = totalsOf(priced.lines);
      unpriced = priced.unpriced.length;
    } else totals = EMPTY_TOTALS;
    list.push({ providerId: p.id, provider: p.name, kind: p.kind, retired: p.retiredAt !== null, done: n, disputed: totals.disputed, totals, unpriced, settlement: inForce ? rowOf(inForce, p.name) : null });
  }
  return { month, monthEnded: monthEnded(month, todayIn(deps.clock)), providers: list, settlements: rows.map((r) => rowOf(r, names.get(r.providerId) ?? '')) };
}
