// 委托照料协议: the agreement by which a 分散供养特困 elder's care is entrusted — with the elder's consent — to a relative,
// a neighbour, the village committee or a provider, following the tier the county decided on paper, with the monthly
// care subsidy and its period. One agreement in force per elder at a time; ended with a reason, never deleted. Replacing
// a carer (one who failed the check, say) ends the open agreement the day before the new one starts, in one action.
// Refused, with nothing written: no consent, an elder not 分散供养特困 or not at home, an overlapping agreement, to before
// from, 服务机构 without its provider (or a retired one).
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { AgreementRow, Candidate, ElderEntrusted, EndAgreementInput, NewAgreementInput } from '@shared/api/entrusted';
import { addDays } from '@shared/domain/dates';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { TIER_NAMES } from '@shared/domain/assessment/tekun-tier';
import type { CareDelivered, CarerRating } from '@shared/domain/entrusted/vocab';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { checksOf } from './checks';
import { periodWords } from './period';

const STATUS_WORDS = { in_centre: '入住本院', moved_away: '迁出', died: '去世' } as const;

/** The elder is 分散供养特困 (a category of the register). */
const isTekunDispersed = sql<number>`exists (select 1 from json_each(elders.categories) c where c.value = 'tekun_dispersed')`;

function agreementRows(db: Executor) {
  return db
    .selectFrom('entrustedCareAgreements as a')
    .innerJoin('elders', 'elders.id', 'a.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .leftJoin('homeServiceProviders as p', 'p.id', 'a.providerId')
    .selectAll('a')
    .select(['elders.name as elder', 'elders.nameInitials', 'elders.villageId', 'villages.name as village', 'elders.status as elderStatus', 'p.name as provider'])
    .select((eb) =>
      eb
        .selectFrom('entrustedCareChecks as c')
        .leftJoin('elderVisits as v', 'v.id', 'c.visitId')
        .select(sql<string>`c.checked_on || ' ' || c.carer_rating || ' ' || c.delivered`.as('mark'))
        .whereRef('c.agreementId', '=', 'a.id')
        .where('c.voidedAt', 'is', null)
        .where('v.voidedAt', 'is', null)
        .orderBy('c.checkedOn', 'desc')
        .orderBy('c.createdAt', 'desc')
        .limit(1)
        .as('lastCheck'),
    );
}
type RawAgreement = Awaited<ReturnType<ReturnType<typeof agreementRows>['execute']>>[number];

function toRow(a: RawAgreement, today: string): AgreementRow {
  const [on, rating, delivered] = a.lastCheck ? a.lastCheck.split(' ') : [];
  return {
    id: a.id,
    elderId: a.elderId,
    elder: a.elder,
    villageId: a.villageId,
    village: a.village,
    elderStatus: a.elderStatus,
    carerKind: a.carerKind,
    carerName: a.carerName,
    carerPhone: a.carerPhone,
    providerId: a.providerId,
    provider: a.provider,
    parties: a.parties,
    duties: a.duties,
    tier: a.tier,
    careTier: a.careTier,
    tierDocumentNo: a.tierDocumentNo,
    tierDecidedOn: a.tierDecidedOn,
    monthlySubsidyFen: a.monthlySubsidyFen,
    signedOn: a.signedOn,
    fromOn: a.fromOn,
    toOn: a.toOn,
    hasPhoto: a.photo !== null,
    endedOn: a.endedOn,
    endReason: a.endReason,
    open: a.endedOn === null && (a.toOn === null || a.toOn >= today),
    lastCheck: on ? { on, rating: rating as CarerRating, delivered: delivered as CareDelivered } : null,
    createdBy: a.createdBy,
  };
}

export async function listAgreements(deps: BackendDeps, q: { elderId: string | null; includeEnded: boolean }): Promise<AgreementRow[]> {
  const today = todayIn(deps.clock);
  const rows = await agreementRows(deps.db)
    .$if(q.elderId !== null, (w) => w.where('a.elderId', '=', q.elderId!))
    .orderBy('villages.name')
    .orderBy('elders.nameInitials')
    .orderBy('a.fromOn', 'desc')
    .execute();
  return rows.map((r) => toRow(r, today)).filter((r) => q.includeEnded || r.open);
}

/** The elders an agreement may be made for: 分散供养特困, at home; whether each already has one open. */
export async function listCandidates(deps: BackendDeps): Promise<Candidate[]> {
  const today = todayIn(deps.clock);
  const rows = await deps.db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select(['elders.id', 'elders.name', 'villages.name as village'])
    .select((eb) =>
      eb
        .selectFrom('entrustedCareAgreements as a')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('a.elderId', '=', 'elders.id')
        .where('a.endedOn', 'is', null)
        .where((w) => w.or([w('a.toOn', 'is', null), w('a.toOn', '>=', today)]))
        .as('open'),
    )
    .where('elders.status', '=', 'at_home')
    .where(isTekunDispersed, '=', 1)
    .orderBy('villages.name')
    .orderBy('elders.nameInitials')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, village: r.village, hasOpen: Number(r.open) > 0 }));
}

export async function agreementPhoto(deps: BackendDeps, id: string): Promise<{ photo: string | null }> {
  const row = await deps.db.selectFrom('entrustedCareAgreements').select('photo').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '找不到这份委托照料协议，请刷新后重试', 'id');
  return { photo: row.photo };
}

export async function listProviders(deps: BackendDeps) {
  return deps.db.selectFrom('homeServiceProviders').select(['id', 'name', 'phone']).where('retiredAt', 'is', null).orderBy('name').execute();
}

export async function elderEntrusted(deps: BackendDeps, elderId: string): Promise<ElderEntrusted> {
  const elder = await deps.db.selectFrom('elders').select(['id', 'status']).select(isTekunDispersed.as('tekun')).where('id', '=', elderId).executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  const agreements = await listAgreements(deps, { elderId, includeEnded: true });
  const checks = await checksOf(deps.db, { elderId, limit: 12 });
  return { eligible: Number(elder.tekun) === 1 && elder.status === 'at_home', open: agreements.find((a) => a.open) ?? null, agreements, checks };
}

/** Ends an agreement on a day, refusing a day before it began or before a check recorded under it. */
async function endIn(ctx: WriteContext, id: string, endedOn: string, reason: string) {
  const a = await ctx.trx.selectFrom('entrustedCareAgreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND', '找不到这份委托照料协议，请刷新后重试', 'id');
  if (a.endedOn !== null) throw conflict(`这份协议已于${a.endedOn}终止（${a.endReason ?? ''}），不能再次终止`, 'id');
  if (endedOn < a.fromOn) throw invalid(`终止日期（${endedOn}）不能早于协议开始日期（${a.fromOn}）`, 'endedOn');
  const later = await ctx.trx
    .selectFrom('entrustedCareChecks as c')
    .leftJoin('elderVisits as v', 'v.id', 'c.visitId')
    .select('c.checkedOn')
    .where('c.agreementId', '=', id)
    .where('c.voidedAt', 'is', null)
    .where('v.voidedAt', 'is', null)
    .where('c.checkedOn', '>', endedOn)
    .orderBy('c.checkedOn', 'desc')
    .executeTakeFirst();
  if (later) throw invalid(`该协议在${later.checkedOn}还有照料检查记录，终止日期（${endedOn}）不能早于它`, 'endedOn');
  await ctx.trx.updateTable('entrustedCareAgreements').set({ endedOn, endReason: reason, ...ctx.stampUpdate() }).where('id', '=', id).execute();
  await ctx.audit({ action: 'close', entity: 'entrustedCareAgreements', entityId: id, before: { endedOn: null }, after: { carer: a.carerName, endedOn, endReason: reason } });
  return a;
}

export function endAgreement(deps: BackendDeps, caller: Caller, input: z.output<typeof EndAgreementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    await endIn(ctx, input.id, input.endedOn, input.reason);
    return { id: input.id };
  });
}

export function createAgreement(deps: BackendDeps, caller: Caller, input: z.output<typeof NewAgreementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const elder = await ctx.trx
      .selectFrom('elders')
      .select(['id', 'name', 'status', 'statusOn'])
      .select(isTekunDispersed.as('tekun'))
      .where('id', '=', input.elderId)
      .executeTakeFirst();
    if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
    if (Number(elder.tekun) !== 1)
      throw invalid(`${elder.name}不是分散供养特困人员：委托照料协议只为人员类别为“特困分散供养”、住在家中的老人签订`, 'elderId');
    if (elder.status !== 'at_home')
      throw invalid(`${elder.name}已于${elder.statusOn ?? ''}${STATUS_WORDS[elder.status]}，不再分散供养在家，不能签订委托照料协议`, 'elderId');
    if (!input.elderConsent) throw invalid('委托照料须经老人本人同意：请先征得老人同意，再勾选“老人本人同意委托照料”', 'elderConsent');
    if (input.toOn !== null && input.toOn < input.fromOn) throw invalid(`协议结束日期（${input.toOn}）不能早于开始日期（${input.fromOn}）`, 'toOn');
    if (input.signedOn > ctx.today) throw invalid(`签订日期（${input.signedOn}）在将来，请核对`, 'signedOn');
    if (input.tierDecidedOn > ctx.today) throw invalid(`认定日期（${input.tierDecidedOn}）在将来，请核对`, 'tierDecidedOn');

    let providerId: string | null = null;
    if (input.carerKind === 'provider') {
      if (input.providerId === null) throw invalid('照料人为服务机构时，请选择是哪家服务机构', 'providerId');
      const provider = await ctx.trx.selectFrom('homeServiceProviders').select(['id', 'name', 'retiredAt']).where('id', '=', input.providerId).executeTakeFirst();
      if (!provider) throw invalid('服务机构不在名单中，请刷新后重新选择', 'providerId');
      if (provider.retiredAt !== null) throw invalid(`服务机构“${provider.name}”已停用，请另选`, 'providerId');
      providerId = provider.id;
    }

    let replaced: { id: string; carerName: string } | null = null;
    if (input.replaces !== null) {
      const old = await ctx.trx.selectFrom('entrustedCareAgreements').select(['id', 'elderId']).where('id', '=', input.replaces.id).executeTakeFirst();
      if (!old || old.elderId !== elder.id) throw invalid('要更换的原协议不是这位老人的，请刷新后重试', 'replaces');
      const endedOn = addDays(input.fromOn, -1);
      const a = await endIn(ctx, old.id, endedOn, input.replaces.reason);
      replaced = { id: a.id, carerName: a.carerName };
    }

    const overlapping = await ctx.trx
      .selectFrom('entrustedCareAgreements')
      .select(['fromOn', 'toOn', 'endedOn', 'carerName'])
      .where('elderId', '=', elder.id)
      .where('fromOn', '<=', input.toOn ?? '9999-12-31')
      .where((w) => w.and([w.or([w('toOn', 'is', null), w('toOn', '>=', input.fromOn)]), w.or([w('endedOn', 'is', null), w('endedOn', '>=', input.fromOn)])]))
      .orderBy('fromOn')
      .executeTakeFirst();
    if (overlapping)
      throw conflict(
        `${elder.name}已有委托照料协议（${periodWords(overlapping)}，照料人${overlapping.carerName}）与此期间重叠：同一时间只能有一份协议。更换照料人请用“更换照料人”，或先终止原协议`,
        'fromOn',
      );

    const id = newId();
    await ctx.trx
      .insertInto('entrustedCareAgreements')
      .values({
        id,
        elderId: elder.id,
        carerKind: input.carerKind,
        carerName: input.carerName,
        carerPhone: input.carerPhone,
        providerId,
        parties: input.parties,
        duties: input.duties,
        tier: input.tier,
        careTier: input.careTier,
        tierDocumentNo: input.tierDocumentNo,
        tierDecidedOn: input.tierDecidedOn,
        monthlySubsidyFen: input.monthlySubsidyFen,
        signedOn: input.signedOn,
        elderConsent: 1,
        fromOn: input.fromOn,
        toOn: input.toOn,
        photo: input.photo,
        ...ctx.stampNew(),
      })
      .execute();
    await ctx.audit({
      action: 'create',
      entity: 'entrustedCareAgreements',
      entityId: id,
      after: {
        elder: elder.name,
        carer: `${ENUM_LABELS_ZH.carerKind[input.carerKind]} ${input.carerName}`,
        tier: TIER_NAMES[input.tier],
        careTier: input.careTier,
        tierDocumentNo: input.tierDocumentNo,
        monthlySubsidyFen: input.monthlySubsidyFen,
        period: periodWords({ fromOn: input.fromOn, toOn: input.toOn, endedOn: null }),
        replaces: replaced?.carerName ?? null,
        photo: input.photo !== null,
      },
    });
    return { id };
  });
}
