// The demo centre: a realistic 敬老院 built through the real services (every write audited), then a simulated
// history of admissions, leave, hospital stays, transfers and discharges up to today. Tests and the benchmark use it too.
import { AppError } from '@shared/api/errors';
import type { DischargeReason } from '@shared/domain/enums';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { todayIn } from '../clock';
import { addDays, addYears, daysBetween } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addBuilding, addRoom, updateBed } from '../services/facility/layout';
import { saveProfile } from '../services/facility/profile';
import { activeBeds } from '../services/facility/bed-map';
import { admit } from '../services/residents/admission';
import { discharge, endLeave, startLeave, transfer } from '../services/residents/stays';
import { assessCurrentResidents } from './assessments';
import { decideDemoTiers } from './tier-decisions';
import { demoFire } from './fire';
import { demoVillageElders } from './elders';
import { demoVisits } from './visits';
import { demoHomeAssessments } from './home-assessments';
import { demoMeals } from './meals';
import { demoHomecareSetup } from './homecare-setup';
import { demoHomecareDelivery } from './homecare-delivery';
import { demoHomecareSettlement } from './homecare-settlement';
import { demoEntrusted } from './entrusted';
import { demoMutualAid } from './mutualaid';
import { demoMedicationOrders } from './medication-orders';
import { demoMedicationCount, demoMedicationStock } from './medication-stock';
import { demoMedicationRound } from './medication-round';
import { demoHealthFile } from './health-file';
import { demoHealthClinical } from './health-clinical';
import { demoStaffAndRoster } from './staff';
import { demoPerson } from './people';
import { type Random, seededRandom } from './random';

export interface DemoOptions {
  beds?: number;
  years?: number;
  seed?: number;
  /** Share of beds occupied the simulation aims for. */
  occupancy?: number;
  /** Who asked for the demo (named in the audit log). */
  loadedBy?: Caller | null;
}

export interface DemoSummary {
  beds: number;
  residents: number;
  events: number;
}

/** Demo records name the demo and the person who loaded it, never pretending that person did the work. */
export function demoCaller(loadedBy: Caller | null): Caller {
  return loadedBy
    ? { userId: loadedBy.userId, name: `演示数据（${loadedBy.name}载入）`, role: 'admin' }
    : { userId: 'demo', name: '演示数据', role: 'admin' };
}
const COUNTY = '清河县';
const BUILDING_NAMES = ['一号楼', '二号楼', '三号楼', '四号楼', '五号楼', '六号楼'];

interface Occupant {
  id: string;
  bedId: string;
  status: 'in_residence' | 'away';
  returnOn: string | null;
}

async function buildLayout(deps: BackendDeps, actor: Caller, random: Random, targetBeds: number): Promise<void> {
  const buildingCount = Math.min(BUILDING_NAMES.length, Math.max(2, Math.ceil(targetBeds / 75)));
  const floors = 3;
  const buildings: string[] = [];
  for (let b = 0; b < buildingCount; b++) {
    buildings.push((await addBuilding(deps, actor, { name: BUILDING_NAMES[b], floors })).id);
  }
  let beds = 0;
  let roomNo = 1;
  while (beds < targetBeds) {
    for (let b = 0; b < buildingCount && beds < targetBeds; b++) {
      const floor = ((roomNo - 1) % floors) + 1;
      const bedCount = Math.min(targetBeds - beds, random.pick([2, 2, 3, 3, 4]));
      // Lower floors hold the nursing rooms (护理型床位): bedridden residents are evacuated from there first.
      const bedType = floor <= 2 ? 'nursing' : 'normal';
      await addRoom(deps, actor, {
        buildingId: buildings[b],
        floor,
        name: `${floor}${String(Math.ceil(roomNo / floors)).padStart(2, '0')}`,
        bedCount,
        bedType,
      });
      beds += bedCount;
    }
    roomNo += 1;
  }
}

export async function generateDemoCentre(deps: BackendDeps, options: DemoOptions = {}): Promise<DemoSummary> {
  const targetBeds = options.beds ?? 100;
  const years = options.years ?? 1;
  const occupancy = options.occupancy ?? 0.8;
  const random = seededRandom(options.seed ?? 20261124);
  const today = todayIn(deps.clock);
  const actor = demoCaller(options.loadedBy ?? null);

  await saveProfile(deps, actor, {
    name: '清河县柳湾镇敬老院（演示）',
    creditCode: '52411422MJ0000000X',
    areaCode: '411422103000',
    county: COUNTY,
    township: '柳湾镇',
    type: 'township_home',
    licensedBeds: targetBeds,
    phone: '0370-8123456',
    address: `${COUNTY}柳湾镇敬老院路1号`,
  }, { startedAt: chinaInstant(addYears(today, -years), '00:00').toISOString() }); // its history starts that far back
  await buildLayout(deps, actor, random, targetBeds);

  const allBeds = await activeBeds(deps.db);
  // A couple of beds out of use and one held for an expected arrival, as in any real centre.
  for (const bed of allBeds.slice(-2)) {
    await updateBed(deps, actor, { id: bed.id, label: bed.label, bedType: bed.bedType, setting: 'disabled' });
  }
  const usable = allBeds.slice(0, -2).map((b) => b.id);

  let serial = 0;
  let events = 0;
  const occupants = new Map<string, Occupant>(); // by bed id
  const freeBeds = new Set(usable);

  const admitInto = async (bedId: string, date: string): Promise<void> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      serial += 1;
      const person = demoPerson(random, serial, COUNTY);
      try {
        const { id } = await admit(deps, actor, {
          person,
          admission: {
            date,
            bedId,
            agreementNo: `LW-${date.slice(0, 4)}-${String(serial).padStart(4, '0')}`,
            agreementEnd: addYears(date, random.pick([1, 3, 5])),
          },
        });
        occupants.set(bedId, { id, bedId, status: 'in_residence', returnOn: null });
        freeBeds.delete(bedId);
        events += 1;
        return;
      } catch (error) {
        // A generated ID number can repeat, or a birth date fall after the admission date: try another person.
        if (!(error instanceof AppError)) throw error;
      }
    }
  };

  const start = addYears(today, -years);
  // The residents already living there when the simulated history starts.
  const initial = Math.round(usable.length * occupancy * 0.9);
  for (const bedId of usable.slice(0, initial)) {
    await admitInto(bedId, addDays(start, -random.int(1, 6 * 365)));
  }

  const days = daysBetween(start, today);
  for (let d = 0; d <= days; d++) {
    const date = addDays(start, d);
    for (const occ of [...occupants.values()]) {
      if (occ.status === 'away' && occ.returnOn !== null && occ.returnOn <= date) {
        await endLeave(deps, actor, { residentId: occ.id, returnDate: date });
        occ.status = 'in_residence';
        occ.returnOn = null;
        events += 1;
      } else if (occ.status === 'in_residence') {
        if (random.chance(0.22 / 365)) {
          const reason: DischargeReason = random.pick(['death', 'death', 'death', 'moved_out', 'other_institution', 'hospital_transfer']);
          await discharge(deps, actor, { residentId: occ.id, date, reason, note: reason === 'death' ? '因病去世，已通知家属' : '' });
          occupants.delete(occ.bedId);
          freeBeds.add(occ.bedId);
          events += 1;
        } else if (random.chance(1 / 365)) {
          const hospital = random.chance(0.35);
          const returnOn = addDays(date, random.int(2, hospital ? 20 : 12));
          await startLeave(deps, actor, {
            residentId: occ.id,
            kind: hospital ? 'hospital' : 'leave',
            startDate: date,
            expectedReturn: hospital ? null : returnOn,
            note: hospital ? '县人民医院住院治疗' : random.pick(['回家过节', '随子女探亲', '回村办事']),
          });
          occ.status = 'away';
          occ.returnOn = returnOn;
          events += 1;
        } else if (random.chance(0.15 / 365) && freeBeds.size > 0) {
          const toBedId = random.pick([...freeBeds]);
          await transfer(deps, actor, { residentId: occ.id, date, toBedId, note: '身体状况变化，调整床位' });
          occupants.delete(occ.bedId);
          freeBeds.add(occ.bedId);
          freeBeds.delete(toBedId);
          occ.bedId = toBedId;
          occupants.set(toBedId, occ);
          events += 1;
        }
      }
    }
    const wanted = Math.round(usable.length * occupancy);
    if (occupants.size < wanted && freeBeds.size > 0 && random.chance(0.12)) {
      await admitInto(random.pick([...freeBeds]), date);
    }
  }

  // One bed held for a resident expected next week.
  const reserved = [...freeBeds][0];
  const bed = allBeds.find((b) => b.id === reserved);
  if (bed) await updateBed(deps, actor, { id: bed.id, label: bed.label, bedType: bed.bedType, setting: 'reserved' });

  events += await assessCurrentResidents(deps, actor, random, today);
  events += await decideDemoTiers(deps, actor, random, today);
  events += await demoStaffAndRoster(deps, actor, random, today);
  events += (await demoVillageElders(deps, actor, random, today)).events;
  events += await demoVisits(deps, actor, random, today);
  events += await demoHomeAssessments(deps, actor, today);
  events += await demoMeals(deps, actor, random, today);
  events += await demoFire(deps, actor, random, today);
  // Care at home (issue 18), last so the rest of the demo stays as it was: the services bought (catalogue, providers,
  // entitlements, plans, two months of visits, checks, complaints, last month settled), 分散供养特困 entrusted care, and
  // mutual aid.
  events += await demoHomecareSetup(deps, actor, random, today);
  events += await demoHomecareDelivery(deps, actor, random, today);
  events += await demoHomecareSettlement(deps, actor, random, today);
  events += await demoEntrusted(deps, actor, today);
  events += await demoMutualAid(deps, actor, random, today);
  // Medicines: the orders, then the medicines kept for them, then a month of rounds that take from that stock, then
  // this morning's count.
  events += await demoMedicationOrders(deps, actor, random, today);
  events += await demoMedicationStock(deps, actor, random, today);
  events += await demoMedicationRound(deps, actor, random, today);
  events += await demoMedicationCount(deps, actor, today);
  events += await demoHealthFile(deps, actor, random, today);
  events += await demoHealthClinical(deps, actor, random, today);

  const residents = await deps.db.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { beds: allBeds.length, residents: residents.n, events };
}
