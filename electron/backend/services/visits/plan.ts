// The week's visit plan by village (the route sheet): every elder at home whose next visit — counted from the last
// visit before the week — is due on or before the Sunday, with the kind the level asks for, whether it was done this
// week and whether it is overdue. Villages in name order; in each, overdue first, then by due day and name.
import type { PlanLine, WeekPlan } from '@shared/api/visits';
import { addDays, ageOn } from '@shared/domain/dates';
import { plannedKind, visitOverdue } from '@shared/domain/elders/visit-due';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import { readElderSettings } from '../elders/settings';
import { type VisitMark, dueDays, eldersAtHome, visitsBetween } from './register';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function weekPlan(deps: BackendDeps, monday: string, villageId: string | null): Promise<WeekPlan> {
  const db = deps.db;
  const today = todayIn(deps.clock);
  const sunday = addDays(monday, 6);
  const asOf = sunday < today ? sunday : today;
  const settings = await readElderSettings(db);
  const dueOf = dueDays(settings);
  const [elders, week, villages] = await Promise.all([
    eldersAtHome(db, settings, { on: sunday, asOf, lastBefore: monday }, villageId),
    visitsBetween(db, monday, sunday, villageId),
    db.selectFrom('villages').select(['id', 'name', 'cadreName', 'cadrePhone']).execute(),
  ]);
  const thisWeek = new Map<string, VisitMark[]>();
  for (const v of week) {
    const marks = thisWeek.get(v.elderId) ?? [];
    marks.push({ on: v.on, kind: v.kind });
    thisWeek.set(v.elderId, marks);
  }

  const byVillage = new Map<string, (PlanLine & { initials: string })[]>();
  for (const elder of elders) {
    const dueOn = dueOf(elder);
    if (dueOn > sunday) continue;
    const kind = plannedKind(elder.level, settings);
    const done = thisWeek.get(elder.id) ?? [];
    const doneThisWeek = done.filter((v) => v.kind === kind).at(-1) ?? done.at(-1) ?? null;
    const line = {
      elderId: elder.id,
      name: elder.name,
      initials: elder.nameInitials,
      age: ageOn(elder.birthDate, asOf),
      address: elder.address,
      phone: elder.phone,
      risk: elder.level,
      groups: elder.groups,
      plannedKind: kind,
      lastVisit: elder.last,
      dueOn,
      overdue: doneThisWeek === null && visitOverdue(dueOn, today),
      doneThisWeek,
    };
    const village = byVillage.get(elder.villageId) ?? [];
    village.push(line);
    byVillage.set(elder.villageId, village);
  }

  const lines = [...byVillage.values()].flat();
  return {
    monday,
    sunday,
    villages: villages
      .filter((v) => byVillage.has(v.id))
      .sort((a, b) => compare(a.name, b.name)) // as the register lists them (elders.villages)
      .map((v) => ({
        villageId: v.id,
        village: v.name,
        cadreName: v.cadreName,
        cadrePhone: v.cadrePhone,
        lines: byVillage
          .get(v.id)!
          .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compare(a.dueOn, b.dueOn) || compare(a.initials, b.initials) || compare(a.elderId, b.elderId))
          .map(({ initials: _initials, ...line }) => line),
      })),
    totals: {
      planned: lines.length,
      done: lines.filter((l) => l.doneThisWeek !== null).length,
      overdue: lines.filter((l) => l.overdue).length,
      home: lines.filter((l) => l.plannedKind === 'home').length,
      phone: lines.filter((l) => l.plannedKind === 'phone').length,
      video: lines.filter((l) => l.plannedKind === 'video').length,
    },
  };
}
