// The person register: elders living at home in the township's villages. Search by name, pinyin initials, ID-number
// tail or village; filters by village, group (高龄 included) and 关爱等级. Someone living in the centre now is not on it
// at home (their meals and care are the centre's); nothing is ever deleted and every change is audited.
import type { z } from 'zod';
import type { ElderFile, ElderInput, ElderQuery, ElderRow } from '@shared/api/elders';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { addYears } from '@shared/domain/dates';
import { type ElderCategory, type IncomeSource, OVER_80_AGE } from '@shared/domain/elders/vocab';
import { maskIdNumber, parseIdNumber } from '@shared/domain/id-number';
import { pinyinInitials } from '@shared/domain/pinyin-initials';
import { sql } from 'kysely';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';
import { newId } from '../../ids';
import { assertNotLivingHere } from '../residents/living-here';
import { readElderSettings } from './settings';
import { IncomeSources, mealAidElderIds, selectElderRows, toElderRow } from './rows';

export async function listElders(deps: BackendDeps, query: z.output<typeof ElderQuery>): Promise<ElderRow[]> {
  const today = todayIn(deps.clock);
  let q = selectElderRows(deps.db);
  const text = query.query.trim();
  if (text) {
    const idTail = /^[0-9xX]+$/.test(text) ? `%${text.toUpperCase()}` : null;
    q = q.where((eb) =>
      eb.or([
        eb('elders.name', 'like', `%${text}%`),
        eb('elders.nameInitials', 'like', `${text.toLowerCase()}%`),
        eb('villages.name', 'like', `%${text}%`),
        ...(idTail ? [eb('elders.idNumber', 'like', idTail)] : []),
      ]),
    );
  }
  if (query.villageId) q = q.where('elders.villageId', '=', query.villageId);
  if (query.status === 'at_home') q = q.where('elders.status', '=', 'at_home');
  if (query.category === 'over_80') q = q.where('elders.birthDate', '<=', addYears(today, -OVER_80_AGE));
  else if (query.category) {
    const code = query.category;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom(sql<{ value: string }>`json_each(elders.categories)`.as('c')).select('c.value').where('c.value', '=', code)));
  }
  const [rows, settings, mealAid] = await Promise.all([q.orderBy('villages.name').orderBy('elders.nameInitials').execute(), readElderSettings(deps.db), mealAidElderIds(deps.db, today)]);
  const list = rows.map((r) => toElderRow(r, settings.riskRules, today, mealAid));
  return (query.risk ? list.filter((r) => r.risk.level === query.risk) : list).map(({ categories: _categories, ...row }) => row);
}

export async function getElder(deps: BackendDeps, id: string): Promise<ElderFile> {
  const today = todayIn(deps.clock);
  const row = await selectElderRows(deps.db).where('elders.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('老人');
  const [settings, mealAid, relatives, agreements] = await Promise.all([
    readElderSettings(deps.db),
    mealAidElderIds(deps.db, today),
    deps.db.selectFrom('elderRelatives').selectAll().where('elderId', '=', id).orderBy('createdAt').execute(),
    deps.db.selectFrom('elderAgreements').selectAll().where('elderId', '=', id).orderBy('signedOn', 'desc').execute(),
  ]);
  return {
    ...toElderRow(row, settings.riskRules, today, mealAid),
    incomeSources: parseJsonColumn(IncomeSources, row.incomeSources, '老人的经济来源'),
    chronicDiseases: row.chronicDiseases,
    disability: row.disability,
    criticalIllness: row.criticalIllness === 1,
    carer: row.carer,
    contactName: row.contactName,
    contactRelation: row.contactRelation,
    contactPhone: row.contactPhone,
    registeredOn: row.registeredOn,
    note: row.note,
    residentId: row.residentId,
    relatives: relatives.map((r) => ({ id: r.id, name: r.name, relation: r.relation, phone: r.phone, worksIn: r.worksIn, awayHalfYear: r.awayHalfYear === 1, guardian: r.guardian === 1, removedAt: r.removedAt })),
    agreements: agreements.map((a) => ({
      id: a.id,
      signedOn: a.signedOn,
      parties: a.parties,
      terms: a.terms,
      supervisor: a.supervisor,
      photo: a.photo,
      renewOn: a.renewOn,
      endedOn: a.endedOn,
      endReason: a.endReason,
      renewalDue: a.endedOn === null && a.renewOn !== null && a.renewOn <= today,
    })),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** An elder on the register, or the NOT_FOUND the caller would see. */
export async function elderOrThrow(db: Executor, id: string) {
  const elder = await db.selectFrom('elders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!elder) throw notFound('老人');
  return elder;
}

/** What a person put on the register from elsewhere (a new 助餐 diner) has until the 关爱专干 fills it in. */
export const NEW_ON_REGISTER = {
  household: null,
  categories: [],
  incomeSources: [],
  chronicDiseases: '',
  disability: '',
  criticalIllness: false,
  carer: null,
  contactName: '',
  contactRelation: '',
  contactPhone: '',
  note: '',
} as const;

export function saveElder(deps: BackendDeps, caller: Caller, input: z.output<typeof ElderInput>) {
  return writeAction(deps, caller, (ctx) => writeElder(ctx, input));
}

/** Adds or changes an elder inside the caller's action (meal aid puts a new diner on the register in its own). */
export async function writeElder(ctx: WriteContext, input: Omit<z.output<typeof ElderInput>, 'categories' | 'incomeSources'> & { categories: readonly ElderCategory[]; incomeSources: readonly IncomeSource[] }) {
  const before = input.id ? await elderOrThrow(ctx.trx, input.id) : undefined;
  if (!before && !input.idNumber) throw invalid('请填写身份证号', 'idNumber');
  const parsed = input.idNumber ? parseIdNumber(input.idNumber, ctx.today) : null;
  if (parsed && !parsed.ok) throw invalid('身份证号无效', 'idNumber');
  const person = parsed?.ok ? parsed.info : { idNumber: before!.idNumber, birthDate: before!.birthDate, sex: before!.sex };
  if (!before || person.idNumber !== before.idNumber) {
    await assertNotLivingHere(ctx.trx, person.idNumber, input.name, '由本院照护，不能登记为居家老人');
    const twin = await ctx.trx.selectFrom('elders').innerJoin('villages', 'villages.id', 'elders.villageId').select(['elders.name', 'villages.name as village']).where('elders.idNumber', '=', person.idNumber).executeTakeFirst();
    if (twin) throw conflict(`这个身份证号已登记在名册上：${twin.village} ${twin.name}`, 'idNumber');
  }
  const village = await ctx.trx.selectFrom('villages').select(['id', 'retiredAt']).where('id', '=', input.villageId).executeTakeFirst();
  if (!village) throw notFound('村');
  if (village.retiredAt && before?.villageId !== village.id) throw invalid('这个村已停用，请选择其他村', 'villageId');
  if (input.registeredOn > ctx.today) throw invalid('登记日期不能晚于今天', 'registeredOn');
  if (input.registeredOn < person.birthDate) throw invalid('登记日期不能早于出生日期', 'registeredOn');
  const values = {
    name: input.name,
    nameInitials: pinyinInitials(input.name),
    idNumber: person.idNumber,
    sex: person.sex,
    birthDate: person.birthDate,
    villageId: input.villageId,
    address: input.address,
    phone: input.phone,
    household: input.household,
    categories: JSON.stringify([...new Set(input.categories)]),
    incomeSources: JSON.stringify([...new Set(input.incomeSources)]),
    chronicDiseases: input.chronicDiseases,
    disability: input.disability,
    criticalIllness: input.criticalIllness ? 1 : 0,
    carer: input.carer,
    contactName: input.contactName,
    contactRelation: input.contactRelation,
    contactPhone: input.contactPhone,
    registeredOn: input.registeredOn,
    note: input.note,
  };
  const shown = (v: { idNumber: string; nameInitials?: string }) => ({ ...v, idNumber: maskIdNumber(v.idNumber), nameInitials: undefined });
  if (before) {
    await ctx.trx.updateTable('elders').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'update', entity: 'elders', entityId: before.id, before: shown(before), after: shown(values) });
    return { id: before.id };
  }
  const id = newId();
  // A former resident keeps the link to their file (their history in the centre).
  const former = await ctx.trx.selectFrom('residents').select('id').where('idNumber', '=', person.idNumber).where('status', '=', 'discharged').executeTakeFirst();
  await ctx.trx.insertInto('elders').values({ id, ...values, status: 'at_home', statusOn: null, residentId: former?.id ?? null, riskOverride: null, riskOverrideReason: null, ...ctx.stampNew() }).execute();
  await ctx.audit({ action: 'create', entity: 'elders', entityId: id, after: shown(values) });
  return { id };
}
