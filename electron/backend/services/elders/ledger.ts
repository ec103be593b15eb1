// The register's two printed ledgers: 农村留守老年人信息台账 (every elder at home today with family, carer, contact
// person, level and whether a 赡养协议 is in force) and 赡养协议登记表 (every agreement, ended ones too). Read-only; the
// ID number leaves masked (a printed ledger never carries the full number).
import type { AgreementLedger, AgreementState, RegisterLedger } from '@shared/api/elder-ledgers';
import { ageOn } from '@shared/domain/dates';
import { computedRisk, groupsOn } from '@shared/domain/elders/risk';
import { maskIdNumber } from '@shared/domain/id-number';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { parseJsonColumn } from '../../db/json';
import { readElderSettings } from './settings';
import { Categories, IncomeSources } from './rows';

export function agreementState(a: { endedOn: string | null; renewOn: string | null }, today: string): AgreementState {
  if (a.endedOn !== null && a.endedOn <= today) return 'ended';
  return a.renewOn !== null && a.renewOn <= today ? 'renewal_due' : 'in_force';
}

export async function registerLedger(deps: BackendDeps, villageId: string | null): Promise<RegisterLedger> {
  const today = todayIn(deps.clock);
  let q = deps.db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .selectAll('elders')
    .select('villages.name as village')
    .where('elders.status', '=', 'at_home');
  if (villageId) q = q.where('elders.villageId', '=', villageId);
  const elders = await q.orderBy('villages.name').orderBy('elders.nameInitials').orderBy('elders.name').orderBy('elders.id').execute();
  const ids = elders.map((e) => e.id);
  const [settings, relatives, agreements] = await Promise.all([
    readElderSettings(deps.db),
    ids.length === 0
      ? []
      : deps.db
          .selectFrom('elderRelatives')
          .innerJoin('elders', 'elders.id', 'elderRelatives.elderId')
          .selectAll('elderRelatives')
          .where('elderRelatives.removedAt', 'is', null)
          .where('elders.status', '=', 'at_home')
          .$if(villageId !== null, (w) => w.where('elders.villageId', '=', villageId!))
          .orderBy('elderRelatives.createdAt')
          .orderBy('elderRelatives.id')
          .execute(),
    ids.length === 0
      ? []
      : deps.db
          .selectFrom('elderAgreements')
          .innerJoin('elders', 'elders.id', 'elderAgreements.elderId')
          .select(['elderAgreements.elderId', 'elderAgreements.endedOn', 'elderAgreements.renewOn', 'elderAgreements.signedOn'])
          .where('elders.status', '=', 'at_home')
          .$if(villageId !== null, (w) => w.where('elders.villageId', '=', villageId!))
          .execute(),
  ]);
  const relativesOf = new Map<string, typeof relatives>();
  for (const r of relatives) relativesOf.set(r.elderId, [...(relativesOf.get(r.elderId) ?? []), r]);
  const agreementOf = new Map<string, 'in_force' | 'renewal_due'>();
  for (const a of agreements) {
    if (a.signedOn > today) continue;
    const state = agreementState(a, today);
    if (state === 'ended') continue;
    if (agreementOf.get(a.elderId) !== 'in_force') agreementOf.set(a.elderId, state);
  }
  return {
    asOf: today,
    rows: elders.map((e) => {
      const categories = parseJsonColumn(Categories, e.categories, 'elders.categories');
      const facts = { birthDate: e.birthDate, categories, criticalIllness: e.criticalIllness === 1, riskOverride: e.riskOverride };
      return {
        elderId: e.id,
        villageId: e.villageId,
        village: e.village,
        name: e.name,
        sex: e.sex,
        age: ageOn(e.birthDate, today),
        idNumberMasked: maskIdNumber(e.idNumber),
        address: e.address,
        phone: e.phone,
        household: e.household,
        groups: groupsOn(facts, today),
        incomeSources: parseJsonColumn(IncomeSources, e.incomeSources, 'elders.income_sources'),
        chronicDiseases: e.chronicDiseases,
        disability: e.disability,
        criticalIllness: e.criticalIllness === 1,
        carer: e.carer,
        relatives: (relativesOf.get(e.id) ?? []).map((r) => ({ name: r.name, relation: r.relation, phone: r.phone, worksIn: r.worksIn, awayHalfYear: r.awayHalfYear === 1, guardian: r.guardian === 1 })),
        contact: { name: e.contactName, relation: e.contactRelation, phone: e.contactPhone },
        risk: e.riskOverride ?? computedRisk(facts, settings.riskRules, today),
        riskOverridden: e.riskOverride !== null,
        agreement: agreementOf.get(e.id) ?? null,
        registeredOn: e.registeredOn,
      };
    }),
  };
}

export async function agreementLedger(deps: BackendDeps, villageId: string | null): Promise<AgreementLedger> {
  const today = todayIn(deps.clock);
  let q = deps.db
    .selectFrom('elderAgreements')
    .innerJoin('elders', 'elders.id', 'elderAgreements.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select([
      'elderAgreements.id',
      'elderAgreements.signedOn',
      'elderAgreements.parties',
      'elderAgreements.terms',
      'elderAgreements.supervisor',
      'elderAgreements.renewOn',
      'elderAgreements.endedOn',
      'elderAgreements.endReason',
      'elders.id as elderId',
      'elders.name as elder',
      'elders.status as elderStatus',
      'elders.villageId',
      'villages.name as village',
    ]);
  if (villageId) q = q.where('elders.villageId', '=', villageId);
  const rows = await q.orderBy('villages.name').orderBy('elders.nameInitials').orderBy('elders.name').orderBy('elders.id').orderBy('elderAgreements.signedOn').orderBy('elderAgreements.id').execute();
  return {
    asOf: today,
    rows: rows.map((r) => ({
      agreementId: r.id,
      villageId: r.villageId,
      village: r.village,
      elderId: r.elderId,
      elder: r.elder,
      elderStatus: r.elderStatus,
      signedOn: r.signedOn,
      parties: r.parties,
      terms: r.terms,
      supervisor: r.supervisor,
      renewOn: r.renewOn,
      endedOn: r.endedOn,
      endReason: r.endReason,
      state: agreementState(r, today),
    })),
  };
}
