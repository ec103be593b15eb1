// The demo's 分散供养特困 entrusted care: the settings (河南's parties; example 档次 amounts for the demo county), an
// agreement for every 分散供养特困 elder at home (mostly relatives, some neighbours, one village committee, one provider
// when the demo has one) from about three months ago, and the monthly checks of the last months — most 上门, a few by
// phone or video — each also a visit on the register. One elder's check is missing last month; one carer was rated 差
// (care not delivered) two months ago and replaced by a neighbour a few days later. All through the real services, so
// every write is audited. Its own seeded random, so the rest of the demo stays as it was.
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Tier } from '@shared/domain/assessment/tekun-tier';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addDays, lastDayOfMonth, shiftMonth } from '@shared/domain/dates';
import type { CareDelivered, CarerKind, CarerRating } from '@shared/domain/entrusted/vocab';
import type { VisitKind } from '@shared/domain/elders/vocab';
import { DEFAULT_ENTRUSTED_SETTINGS } from '@shared/api/entrusted';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { createAgreement } from '../services/entrusted/agreements';
import { recordCheck } from '../services/entrusted/checks';
import { saveEntrustedSettings } from '../services/entrusted/settings';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './names';
import { seededRandom } from './random';

/** The demo county's care standards (元/月 in fen): examples only, each province or city sets its own. */
const DEMO_TIERS = {
  self_sufficient: { careTier: 1 as const, subsidyFen: 20000 },
  partly_lost: { careTier: 2 as const, subsidyFen: 62000 },
  fully_lost: { careTier: 3 as const, subsidyFen: 124000 },
};
const DUTIES = '日常看护、生活照料（做饭、洗衣、打扫）、就医陪护和住院陪护；发现老人身体或生活异常及时报告村委会和乡镇';

/**
 * Agreements and checks for the demo's 分散供养特困 elders at home; returns the number of writes. Run after the register
 * (demoVillageElders) and, if there is one, the homecare providers' demo.
 */
export async function demoEntrusted(deps: BackendDeps, actor: Caller, today: string): Promise<number> {
  const random = seededRandom(20261218);
  let events = 0;
  await saveEntrustedSettings(deps, actor, { ...DEFAULT_ENTRUSTED_SETTINGS, tiers: DEMO_TIERS });
  events += 1;
  const elders = await deps.db
    .selectFrom('elders')
    .select(['id', 'name', 'sex', 'registeredOn', 'contactName', 'contactPhone'])
    .where('status', '=', 'at_home')
    .where(sql<number>`exists (select 1 from json_each(elders.categories) c where c.value = 'tekun_dispersed')`, '=', 1)
    .orderBy('id')
    .execute();
  if (elders.length === 0) return events;
  const provider = await deps.db.selectFrom('homeServiceProviders').select(['id']).where('retiredAt', 'is', null).where('kind', '=', 'organisation').orderBy('name').executeTakeFirst();
  const staff = (await deps.db.selectFrom('staff').select('id').where('leftOn', 'is', null).where('role', 'in', ['caregiver', 'care_lead', 'manager']).orderBy('name').execute()).map((s) => s.id);

  const thisMonth = today.slice(0, 7);
  const months = [shiftMonth(thisMonth, -3), shiftMonth(thisMonth, -2), shiftMonth(thisMonth, -1), thisMonth];
  const start = `${months[0]}-${String(random.int(1, 10)).padStart(2, '0')}`;
  const person = () => `${random.pick(SURNAMES)}${random.pick(random.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN)}`;
  const phone = () => `13${random.int(100000000, 999999999)}`;
  const decided = addDays(start, -random.int(20, 60));
  const missing = elders[Math.min(1, elders.length - 1)].id; // last month unchecked
  const replaced = elders[0].id; // rated 差 two months ago, carer replaced

  for (const [i, elder] of elders.entries()) {
    const fromOn = elder.registeredOn > start ? elder.registeredOn : start;
    if (fromOn >= today) continue;
    const tier: Tier = random.pick(['self_sufficient', 'self_sufficient', 'partly_lost', 'partly_lost', 'fully_lost'] as const);
    const kind: CarerKind = i === 2 ? 'village' : i === 3 && provider ? 'provider' : random.chance(0.75) ? 'relative' : 'neighbour';
    const carerName = kind === 'relative' && elder.contactName ? elder.contactName : person();
    const base = {
      elderId: elder.id,
      carerKind: kind,
      carerName,
      carerPhone: kind === 'relative' && elder.contactPhone ? elder.contactPhone : phone(),
      providerId: kind === 'provider' ? (provider?.id ?? null) : null,
      parties: DEFAULT_ENTRUSTED_SETTINGS.parties,
      duties: DUTIES,
      tier,
      careTier: DEMO_TIERS[tier].careTier,
      tierDocumentNo: `清民救〔${decided.slice(0, 4)}〕${random.int(10, 99)}号`,
      tierDecidedOn: decided < elder.registeredOn ? elder.registeredOn : decided,
      monthlySubsidyFen: DEMO_TIERS[tier].subsidyFen,
      elderConsent: true,
      toOn: null,
      photo: null,
    };
    let agreement = (await createAgreement(deps, actor, { ...base, signedOn: fromOn, fromOn, replaces: null })).id;
    let currentFrom = fromOn;
    events += 1;

    for (const month of months) {
      if (elder.id === missing && month === months[2]) continue;
      const first = `${month}-01` > currentFrom ? `${month}-01` : currentFrom;
      const last = lastDayOfMonth(month) < today ? lastDayOfMonth(month) : addDays(today, -1);
      if (first > last) continue;
      // This month: only some are checked yet (the list shows the rest as 未检查).
      if (month === thisMonth && random.chance(0.4)) continue;
      const span = Number(last.slice(8)) - Number(first.slice(8));
      const poor = elder.id === replaced && month === months[1];
      // The poor check early in its month, so the new carer starts within it (both on that month's list).
      const on = addDays(first, random.int(0, Math.max(0, poor ? Math.min(span, 10) : span)));
      const visitKind: VisitKind = random.chance(0.85) ? 'home' : random.pick(['phone', 'video'] as const);
      const delivered: CareDelivered = poor ? 'no' : random.chance(0.9) ? 'yes' : 'partly';
      const rating: CarerRating = poor ? 'poor' : delivered === 'partly' ? 'fair' : random.chance(0.8) ? 'good' : 'fair';
      const findings = poor
        ? '照料人外出务工半月，老人独自在家，饭菜无人照应，屋内未打扫'
        : delivered === 'partly'
          ? random.pick(['被褥未及时换洗', '冬季取暖准备不足，已提醒照料人', '老人反映照料人近期来得少'])
          : '';
      const hour = 9 + random.int(0, 7);
      await recordCheck(deps, actor, {
        requestId: randomUUID(),
        agreementId: agreement,
        kind: poor ? 'home' : visitKind,
        checkedAt: chinaInstant(on, `${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`).toISOString(),
        delivered,
        carerRating: rating,
        findings,
        checkerStaffId: staff.length > 0 ? staff[i % staff.length] : null,
      });
      events += 1;
      if (poor) {
        // The carer failed the check: a neighbour takes over a few days later, the old agreement ending the day before.
        const newFrom = addDays(on, random.int(3, 6));
        agreement = (
          await createAgreement(deps, actor, {
            ...base,
            carerKind: 'neighbour',
            carerName: person(),
            carerPhone: phone(),
            providerId: null,
            signedOn: addDays(newFrom, -1),
            fromOn: newFrom,
            replaces: { id: agreement, reason: '照料检查评价为差：照料人外出务工、照料不到位，经村委会和老人同意更换照料人' },
          })
        ).id;
        currentFrom = newFrom;
        events += 1;
      }
    }
  }
  return events;
}
