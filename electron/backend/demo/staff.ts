// The demo centre's people: caregivers, a care lead, kitchen, cleaning, security and a nurse, with certificates
// (some about to run out), training, a roster for last week and this week (three shifts, caregivers by building),
// and a few incidents over the past year. All through the real services, so every write is audited.
import type { StaffRole } from '@shared/domain/care/vocab';
import { addDays, mondayOf, weekday } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { newId } from '../ids';
import { reportIncident } from '../services/incidents/incidents';
import { loadAreas } from '../services/roster/areas';
import { assign } from '../services/roster/roster';
import { loadShifts } from '../services/roster/shifts';
import { addTraining, saveStaff } from '../services/staff/staff';
import { FEMALE_GIVEN, SURNAMES } from './names';
import type { Random } from './random';

const PEOPLE: { role: StaffRole; count: number }[] = [
  { role: 'caregiver', count: 7 },
  { role: 'care_lead', count: 1 },
  { role: 'nurse', count: 1 },
  { role: 'cook', count: 2 },
  { role: 'cleaner', count: 1 },
  { role: 'security', count: 1 },
  { role: 'manager', count: 1 },
];

async function hireStaff(deps: BackendDeps, actor: Caller, random: Random, today: string) {
  const hired: { id: string; role: StaffRole }[] = [];
  for (const { role, count } of PEOPLE) {
    for (let i = 0; i < count; i++) {
      const caring = role === 'caregiver' || role === 'care_lead';
      const { id } = await saveStaff(deps, actor, {
        name: `${random.pick(SURNAMES)}${random.pick(FEMALE_GIVEN)}`,
        role,
        phone: `13${random.int(100000000, 999999999)}`,
        hireDate: addDays(today, -random.int(60, 3000)),
        certLevel: caring ? random.pick(['level5', 'level4', 'level4', 'level3'] as const) : 'none',
        // One certificate and one health certificate run out soon, as they do.
        certExpiry: caring ? addDays(today, hired.length === 0 ? 20 : random.int(90, 1000)) : null,
        healthCertExpiry: addDays(today, hired.length === 1 ? 12 : random.int(60, 360)),
        leftOn: null,
        userId: null,
        note: '',
      });
      if (caring) {
        await addTraining(deps, actor, { staffId: id, date: addDays(today, -random.int(10, 300)), topic: '压疮预防与翻身技巧', hours: 4, provider: '县民政局' });
        await addTraining(deps, actor, { staffId: id, date: addDays(today, -random.int(10, 300)), topic: '消防安全与疏散演练', hours: 2, provider: '本院' });
      }
      hired.push({ id, role });
    }
  }
  return hired;
}

/** Last week and this week: early and middle shifts one caregiver per building, the night one for the whole centre. */
async function rosterTwoWeeks(deps: BackendDeps, actor: Caller, caregivers: string[], lead: string, today: string) {
  const shifts = await loadShifts(deps.db);
  const [early, middle, night] = ['早班', '中班', '夜班'].map((n) => shifts.find((s) => s.name === n)!.id);
  const floors = (await loadAreas(deps.db)).options.filter((o) => o.value.startsWith('floor:')).map((o) => o.value);
  const buildings = [...new Set(floors.map((f) => f.split(':')[1]))].map((b) => floors.filter((f) => f.includes(b)));
  const monday = mondayOf(today);
  for (let day = -7; day < 7; day++) {
    const date = addDays(monday, day);
    const n = caregivers.length;
    const byPerson = new Map<string, { shiftId: string; area: string[] }[]>();
    const put = (who: string, shiftId: string, area: string[]) => byPerson.set(who, [...(byPerson.get(who) ?? []), { shiftId, area }]);
    buildings.forEach((area, b) => {
      put(caregivers[(day + 7 + b) % n], early, area);
      put(caregivers[(day + 7 + buildings.length + b) % n], middle, area);
    });
    put(caregivers[(day + 7 + 2 * buildings.length) % n], night, []);
    if (weekday(date) !== 0) put(lead, early, []);
    for (const [staffId, list] of byPerson) await assign(deps, actor, { staffId, date, shifts: list });
  }
}

const INCIDENTS = [
  { type: 'fall', place: '卫生间', severity: 'moderate', description: '起夜如厕时滑倒，右手腕擦伤', actionTaken: '扶起，消毒包扎，测血压，加装扶手' },
  { type: 'choking', place: '餐厅', severity: 'minor', description: '进食馒头时呛咳', actionTaken: '拍背后缓解，改为软食，进餐专人看护' },
  { type: 'fall_from_bed', place: '房间', severity: 'moderate', description: '夜间翻身时坠床，左髋疼痛', actionTaken: '通知医生查看，拍片未见骨折，拉起床栏' },
  { type: 'wandering', place: '院门口', severity: 'serious', description: '傍晚独自走出院门，半小时后在村口找到', actionTaken: '全员寻找，找回后检查身体，加强门卫' },
] as const;

async function pastIncidents(deps: BackendDeps, actor: Caller, random: Random, today: string) {
  const residents = await deps.db.selectFrom('residents').select(['id', 'admittedOn']).where('status', '=', 'in_residence').execute();
  let count = 0;
  for (const r of residents) {
    if (!random.chance(0.06)) continue;
    const kind = random.pick([...INCIDENTS]);
    const daysAgo = random.int(3, 330);
    const date = addDays(today, -daysAgo);
    if (r.admittedOn && r.admittedOn > date) continue;
    const occurredAt = chinaInstant(date, `${String(random.int(6, 21)).padStart(2, '0')}:${random.pick(['05', '20', '40'])}`).toISOString();
    const serious = kind.severity === 'serious';
    await reportIncident(deps, actor, {
      requestId: newId(),
      residentId: r.id,
      ...kind,
      occurredAt,
      familyNotified: serious,
      notifiedWho: serious ? '侄子（紧急联系人）' : '',
      notifiedAt: serious ? new Date(new Date(occurredAt).getTime() + 20 * 60_000).toISOString() : null,
      hospitalTransfer: false,
      hospital: '',
    });
    count += 1;
  }
  return count;
}

export async function demoStaffAndRoster(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const hired = await hireStaff(deps, actor, random, today);
  const caregivers = hired.filter((h) => h.role === 'caregiver').map((h) => h.id);
  const lead = hired.find((h) => h.role === 'care_lead')!.id;
  await rosterTwoWeeks(deps, actor, caregivers, lead, today);
  return hired.length + (await pastIncidents(deps, actor, random, today));
}
