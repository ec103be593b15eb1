// The demo township's home services setup (issue 18): the catalogue the county buys (助洁, 助浴, 助医陪诊, 助行, 理发,
// 代购代办, 康复护理, 精神慰藉), prices per price class from a year back (特困 fully subsidised, 低保 mostly, 失能 most,
// 高龄 half, others paying themselves) with 助洁 dearer from this month, the centre as a provider (its caregivers as
// workers) and two organisations with their workers, entitlements for the 特困, 失能 and 高龄 elders at home from a
// county document (one ended on review), and weekly plans for them — one with an item the elder is not entitled to. All
// through the real services, so every write is audited.
import { addDays, addMonths, addYears, ageOn } from '@shared/domain/dates';
import type { PriceClass, ServiceCategory, ServiceUnit } from '@shared/domain/homecare/vocab';
import { PRICE_CLASSES } from '@shared/domain/homecare/vocab';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { parseJsonColumn } from '../db/json';
import { endEntitlement, saveEntitlement } from '../services/homecare/entitlements';
import { saveItem } from '../services/homecare/items';
import { savePlan } from '../services/homecare/plans';
import { savePrice } from '../services/homecare/prices';
import { saveProvider, saveWorker } from '../services/homecare/providers';
import { Categories } from '../services/elders/rows';
import { FEMALE_GIVEN, SURNAMES } from './names';
import type { Random } from './random';

interface DemoItem {
  key: string;
  name: string;
  category: ServiceCategory;
  unit: ServiceUnit;
  /** Per visit, or per hour for an hourly item, in fen. */
  priceFen: number;
}
const ITEMS: DemoItem[] = [
  { key: 'clean', name: '助洁', category: 'life_care', unit: 'hour', priceFen: 3000 },
  { key: 'bath', name: '助浴', category: 'life_care', unit: 'visit', priceFen: 5000 },
  { key: 'doctor', name: '助医陪诊', category: 'health', unit: 'hour', priceFen: 3500 },
  { key: 'walk', name: '助行', category: 'life_care', unit: 'hour', priceFen: 3000 },
  { key: 'hair', name: '理发', category: 'life_care', unit: 'visit', priceFen: 1500 },
  { key: 'errand', name: '代购代办', category: 'errands', unit: 'visit', priceFen: 1000 },
  { key: 'rehab', name: '康复护理', category: 'basic_care', unit: 'hour', priceFen: 6000 },
  { key: 'comfort', name: '精神慰藉', category: 'comfort', unit: 'hour', priceFen: 2500 },
];
/** The share of the price the government pays, per price class. */
const SUBSIDY_SHARE: Record<PriceClass, number> = { tekun_dispersed: 1, dibao: 0.8, disabled: 0.7, over_80: 0.5, ordinary: 0 };
/** 助洁 from this month: 30 → 32 元 an hour. */
const CLEAN_RISE_FEN = 3200;

/** What each group is granted per month: the item and its quota in the item's unit (minutes or times). */
const GRANTS: Record<'tekun' | 'disabled' | 'old', [string, number][]> = {
  tekun: [['clean', 8 * 60], ['hair', 1], ['comfort', 2 * 60]],
  disabled: [['bath', 2], ['rehab', 4 * 60], ['clean', 4 * 60]],
  old: [['clean', 4 * 60], ['hair', 1]],
};
/** When a worker may start a visit: two hours at most, with time to get to the next home. */
const SLOTS = ['08:30', '14:30', '11:00', '16:30'];
/** Plans cap, so the demo's months of visits stay a township's size. */
const MAX_PLANS = 36;

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** The demo's service items, prices, providers and workers, entitlements and plans; returns the number of writes. */
export async function demoHomecareSetup(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  const item = new Map<string, { id: string; unit: ServiceUnit }>();
  for (const it of ITEMS) {
    const { id } = await saveItem(deps, actor, { name: it.name, category: it.category, unit: it.unit, retired: false });
    item.set(it.key, { id, unit: it.unit });
    events += 1;
  }

  // Prices from the first of the month a year back; 助洁 dearer from this month.
  const pricedFrom = firstOfMonth(addYears(today, -1));
  for (const it of ITEMS) {
    for (const priceClass of PRICE_CLASSES) {
      const subsidyFen = Math.round((it.priceFen * SUBSIDY_SHARE[priceClass]) / 100) * 100;
      await savePrice(deps, actor, { itemId: item.get(it.key)!.id, priceClass, effectiveFrom: pricedFrom, priceFen: it.priceFen, subsidyFen });
      events += 1;
    }
  }
  for (const priceClass of PRICE_CLASSES) {
    const subsidyFen = Math.round((CLEAN_RISE_FEN * SUBSIDY_SHARE[priceClass]) / 100) * 100;
    await savePrice(deps, actor, { itemId: item.get('clean')!.id, priceClass, effectiveFrom: firstOfMonth(today), priceFen: CLEAN_RISE_FEN, subsidyFen });
    events += 1;
  }

  // Providers: the centre (its caregivers as workers) and two organisations the county contracts.
  const contractFrom = `${pricedFrom.slice(0, 4)}-01-01`;
  const centre = (await saveProvider(deps, actor, { name: '柳湾镇敬老院上门服务队', kind: 'centre', contactName: '院长办公室', phone: '0370-8123456', contractNo: '', contractFrom: null, contractTo: null, retired: false })).id;
  const kangle = (await saveProvider(deps, actor, { name: '康乐家政服务社', kind: 'organisation', contactName: '刘玉梅', phone: '13903701234', contractNo: `清民购〔${contractFrom.slice(0, 4)}〕08号`, contractFrom, contractTo: addDays(addYears(contractFrom, 3), -1), retired: false })).id;
  const xiyang = (await saveProvider(deps, actor, { name: '夕阳红居家养老服务中心', kind: 'organisation', contactName: '张建国', phone: '13837085566', contractNo: `清民购〔${contractFrom.slice(0, 4)}〕11号`, contractFrom, contractTo: addDays(addYears(contractFrom, 2), -1), retired: false })).id;
  events += 3;
  const workers = new Map<string, string[]>([
    [centre, []],
    [kangle, []],
    [xiyang, []],
  ]);
  const caregivers = await deps.db.selectFrom('staff').select(['id', 'name', 'phone']).where('role', '=', 'caregiver').where('leftOn', 'is', null).orderBy('hireDate').limit(2).execute();
  for (const s of caregivers) {
    workers.get(centre)!.push((await saveWorker(deps, actor, { providerId: centre, name: s.name, phone: s.phone, staffId: s.id, retired: false })).id);
    events += 1;
  }
  for (const [providerId, n] of [
    [kangle, 3],
    [xiyang, 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const phone = `139${String(random.int(10_000_000, 99_999_999))}`;
      workers.get(providerId)!.push((await saveWorker(deps, actor, { providerId, name: `${random.pick(SURNAMES)}${random.pick(FEMALE_GIVEN)}`, phone, staffId: null, retired: false })).id);
      events += 1;
    }
  }
  // One who left the organisation: retired, kept for old records.
  const left = (await saveWorker(deps, actor, { providerId: kangle, name: `${random.pick(SURNAMES)}${random.pick(FEMALE_GIVEN)}`, phone: '', staffId: null, retired: false })).id;
  await saveWorker(deps, actor, { id: left, providerId: kangle, name: (await deps.db.selectFrom('homeServiceWorkers').select('name').where('id', '=', left).executeTakeFirstOrThrow()).name, phone: '', staffId: null, retired: true });
  events += 2;

  // Entitlements for the 特困, 失能 and 高龄 elders at home, from the county's document three months back.
  const elders = await deps.db.selectFrom('elders').select(['id', 'name', 'birthDate', 'categories', 'registeredOn']).where('status', '=', 'at_home').orderBy('registeredOn').orderBy('id').execute();
  const validFrom = firstOfMonth(addMonths(today, -3));
  const grantedOn = addDays(validFrom, -10);
  const year = grantedOn.slice(0, 4);
  const providerIds = [kangle, xiyang, centre];
  let plans = 0;
  // A worker is at one elder's home at a time: each plan takes a free slot of its worker on its days.
  const booked = new Set<string>();
  const book = (workerId: string | null, wanted: number[]): { days: number[]; startTime: string } => {
    const tries = [wanted, ...[1, 2, 3, 4, 5, 6].filter((d) => !wanted.includes(d)).map((d) => [d])];
    for (const days of tries) {
      for (const startTime of SLOTS) {
        if (workerId !== null && days.some((d) => booked.has(`${workerId}|${d}|${startTime}`))) continue;
        for (const d of days) booked.add(`${workerId}|${d}|${startTime}`);
        return { days, startTime };
      }
    }
    return { days: wanted, startTime: SLOTS[0] };
  };
  let documents = 0;
  let ended = false;
  let errandPlanned = false;
  for (const e of elders) {
    const categories = parseJsonColumn(Categories, e.categories, 'elders.categories');
    const group = categories.includes('tekun_dispersed') ? 'tekun' : categories.includes('disabled') || categories.includes('severe_disability') ? 'disabled' : ageOn(e.birthDate, today) >= 80 ? 'old' : null;
    if (group === null) continue;
    const from = e.registeredOn > validFrom ? firstOfMonth(addMonths(e.registeredOn, 1)) : validFrom;
    if (from > today) continue;
    documents += 1;
    const documentNo = `清民居〔${year}〕${group === 'tekun' ? 3 : group === 'disabled' ? 5 : 7}号-${String(documents).padStart(3, '0')}`;
    const granted: string[] = [];
    for (const [key, quota] of GRANTS[group]) {
      const { id } = await saveEntitlement(deps, actor, { elderId: e.id, itemId: item.get(key)!.id, monthlyQuota: quota, documentNo, grantedOn: from === validFrom ? grantedOn : addDays(from, -7), validFrom: from, validTo: addDays(addYears(from, 1), -1), note: '' });
      granted.push(key);
      events += 1;
      // One elder's haircut ended on review last month.
      if (!ended && key === 'hair' && from < firstOfMonth(today)) {
        await endEntitlement(deps, actor, { id, endedOn: addDays(firstOfMonth(today), -1), reason: '复核：老人由子女接送理发，申请停止' });
        granted.pop();
        ended = true;
        events += 1;
      }
    }
    if (plans >= MAX_PLANS) continue;

    // The weekly plan: the hourly items on one or two days; a bath every two weeks on its own day.
    const providerId = providerIds[plans % providerIds.length];
    const staff = workers.get(providerId)!;
    const workerId = staff[plans % staff.length] ?? null;
    const hourly = granted.filter((k) => item.get(k)!.unit === 'hour');
    const wanted = random.chance(0.4) ? [random.int(1, 2), random.int(4, 5)] : [random.int(1, 5)];
    const { days, startTime } = book(workerId, wanted);
    const withErrand: boolean = !errandPlanned && plans >= 4; // an item without an entitlement: the list marks it
    if (hourly.length > 0) {
      await savePlan(deps, actor, {
        elderId: e.id,
        providerId,
        workerId,
        itemIds: [...hourly, ...(withErrand ? ['errand'] : [])].map((k) => item.get(k)!.id),
        weekdays: days,
        everyWeeks: 1,
        startTime,
        minutes: group === 'tekun' ? 120 : 60,
        fromOn: from,
        toOn: null,
      });
      plans += 1;
      events += 1;
      errandPlanned ||= withErrand;
    }
    if (granted.includes('bath')) {
      const bath = book(workerId, [6]);
      await savePlan(deps, actor, { elderId: e.id, providerId, workerId, itemIds: [item.get('bath')!.id], weekdays: bath.days, everyWeeks: 2, startTime: bath.startTime, minutes: 60, fromOn: from, toOn: null });
      plans += 1;
      events += 1;
    }
  }
  return events;
}
