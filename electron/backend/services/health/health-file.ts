// A resident's health file as printed (66号令 Art. 19; MZ/T 168-2021's usual contents): the basics from the resident
// file (allergies, chronic diseases, guardian), the family doctor, the check-ups, the orders running today, the
// pressure injuries and hospital referrals (read from the clinical part's tables), and the last 12 monthly entries.
// And the short card on the resident's page.
import type { z } from 'zod';
import type { HealthFile, ResidentHealth } from '@shared/api/health-file';
import { enumLabel } from '@shared/domain/enum-labels';
import type { PressureOrigin, PressureStage, ReferralOutcome } from '@shared/domain/health/vocab';
import { formatQuantity } from '@shared/domain/medication/quantity';
import type { Executor } from '../../db/executor';
import { orderRows } from '../medication/order-rows';
import { storedContacts } from '../residents/read';
import { checkupDue, checkupRows, lastCheckups } from './checkups';
import { contractsInForce } from './family-doctors';
import { monthlyEntries } from './monthly';
import { facilityName, healthResident } from './residents-on';

async function pressureInjuries(db: Executor, residentId: string) {
  const injuries = await db
    .selectFrom('pressureInjuries')
    .select(['id', 'site', 'origin', 'foundOn', 'stage', 'healedOn'])
    .where('residentId', '=', residentId)
    .where('voidedAt', 'is', null)
    .orderBy('foundOn', 'desc')
    .execute();
  const reviews = injuries.length
    ? await db
        .selectFrom('pressureInjuryReviews')
        .select(['injuryId', 'stage'])
        .where(
          'injuryId',
          'in',
          injuries.map((i) => i.id),
        )
        .orderBy('reviewedOn')
        .orderBy('createdAt')
        .execute()
    : [];
  const latest = new Map(reviews.map((r) => [r.injuryId, r.stage]));
  return injuries.map((i) => ({
    id: i.id,
    site: i.site,
    origin: i.origin as PressureOrigin,
    foundOn: i.foundOn,
    stage: i.stage as PressureStage,
    latestStage: (latest.get(i.id) ?? i.stage) as PressureStage,
    healedOn: i.healedOn,
  }));
}

export async function healthFile(db: Executor, residentId: string, today: string): Promise<z.output<typeof HealthFile>> {
  const r = await healthResident(db, residentId, today);
  const basics = await db.selectFrom('residents').select(['allergies', 'chronicConditions', 'contacts']).where('id', '=', residentId).executeTakeFirstOrThrow();
  const contacts = storedContacts(basics.contacts);
  const guardian = contacts.find((c) => c.isGuardian) ?? contacts[0];
  const [doctors, checkups, orders, injuries, referrals, monthly] = await Promise.all([
    contractsInForce(db, [residentId], today),
    checkupRows(db, { residentId, year: null, search: '', includeVoided: false }),
    orderRows(db, { residentIds: [residentId], activeFrom: today, activeTo: today }),
    pressureInjuries(db, residentId),
    db
      .selectFrom('hospitalReferrals')
      .select(['id', 'referredOn', 'hospital', 'reason', 'outcome', 'closedOn', 'summary'])
      .where('residentId', '=', residentId)
      .orderBy('referredOn', 'desc')
      .execute(),
    monthlyEntries(db, residentId, 12),
  ]);
  return {
    facility: await facilityName(db),
    today,
    resident: {
      id: r.id,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      age: r.age,
      bedLabel: r.bedLabel,
      admittedOn: r.admittedOn,
      status: r.status,
      allergies: basics.allergies,
      chronicConditions: basics.chronicConditions,
      guardian: guardian ? `${guardian.name}${guardian.relation ? `（${guardian.relation}）` : ''}` : '',
    },
    familyDoctor: doctors.get(residentId) ?? null,
    checkups,
    orders: orders.map((o) => ({
      id: o.id,
      drug: `${o.drugName}${o.strength ? ` ${o.strength}` : ''}`,
      dose: formatQuantity(o.doseCenti, enumLabel('doseUnit', o.unit)),
      route: enumLabel('route', o.route),
      frequency: enumLabel('frequency', o.frequency),
      times: o.times,
      prescriber: o.institution ? `${o.prescriber}（${o.institution}）` : o.prescriber,
      startsOn: o.startsOn,
      highAlert: o.highAlert !== 'none',
    })),
    pressureInjuries: injuries,
    referrals: referrals.map((x) => ({ ...x, outcome: x.outcome as ReferralOutcome })),
    monthly,
  };
}

export async function residentHealth(db: Executor, residentId: string, today: string): Promise<z.output<typeof ResidentHealth>> {
  const [last, doctors, open, entry] = await Promise.all([
    lastCheckups(db, [residentId], today),
    contractsInForce(db, [residentId], today),
    db
      .selectFrom('pressureInjuries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('residentId', '=', residentId)
      .where('voidedAt', 'is', null)
      .where('healedOn', 'is', null)
      .executeTakeFirstOrThrow(),
    db.selectFrom('monthlyHealthEntries').select('id').where('residentId', '=', residentId).where('month', '=', today.slice(0, 7)).executeTakeFirst(),
  ]);
  const checkup = last.get(residentId) ?? null;
  const doctor = doctors.get(residentId) ?? null;
  return {
    lastCheckup: checkup,
    checkupDue: checkupDue(checkup?.checkedOn ?? null, today),
    familyDoctor: doctor ? { doctor: doctor.doctor, institution: doctor.institution, phone: doctor.phone, validTo: doctor.validTo, state: doctor.state } : null,
    openPressureInjuries: Number(open.n),
    monthlyThisMonth: entry !== undefined,
  };
}
