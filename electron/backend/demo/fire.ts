// The demo centre's fire safety: checkpoints, extinguishers and lights (one running out), a week of day and night
// patrols as the guard and the night caregiver walked them (three nights ago only one of the night's patrols), this
// month's inspection, an open hidden danger, a drill four months ago and last autumn's training. Every round is
// written through the real service at the moment it happened (a clock set to that moment), so its audit row says when.
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { addDays, addMonths, addYears } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import { nightSpan } from '@shared/domain/fire/schedule';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { listCheckpoints, listItems, saveCheckpoint } from '../services/fire/checklists';
import { reportDanger } from '../services/fire/dangers';
import { saveDrill, saveTraining } from '../services/fire/drills';
import { saveEquipment } from '../services/fire/equipment';
import { recordRound } from '../services/fire/rounds';
import { readFireSettings } from '../services/fire/settings';
import type { Random } from './random';

const POINTS: [string, 'floor' | 'kitchen' | 'power' | 'exit' | 'store'][] = [
  ['一号楼一层', 'floor'],
  ['一号楼二层', 'floor'],
  ['二号楼一层', 'floor'],
  ['二号楼二层', 'floor'],
  ['厨房', 'kitchen'],
  ['配电室', 'power'],
  ['东侧安全出口', 'exit'],
  ['库房', 'store'],
];

export async function demoFire(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  for (const [i, [name, kind]] of POINTS.entries()) await saveCheckpoint(deps, actor, { name, kind, sort: i, retired: false });
  const points = await listCheckpoints(deps, false);
  const items = await listItems(deps, false);
  for (let n = 1; n <= 10; n++) {
    const made = addDays(today, -random.int(200, 1500));
    await saveEquipment(deps, actor, {
      type: 'extinguisher',
      code: `MH-${String(n).padStart(2, '0')}`,
      spec: 'MFZ/ABC4 干粉',
      checkpointId: points[n % points.length].id,
      location: points[n % points.length].name,
      productionDate: made,
      // One runs out in three weeks, as one always does.
      expiryDate: n === 3 ? addDays(today, 21) : addYears(made, 5),
      lastPressureCheck: addDays(today, -random.int(5, 25)),
      retired: false,
      note: '',
    });
  }
  for (const [n, type, location] of [[1, 'emergency_light', '一号楼一层走廊'], [2, 'exit_sign', '东侧安全出口'], [3, 'smoke_detector', '厨房']] as const) {
    await saveEquipment(deps, actor, { type, code: `YJ-${n}`, spec: '', checkpointId: null, location, productionDate: null, expiryDate: null, lastPressureCheck: null, retired: false, note: '' });
  }

  const plan = await readFireSettings(deps.db);
  const now = deps.clock.now();
  const at = (instant: Date) => ({ ...deps, clock: { now: () => instant } });
  const walk = (kind: 'day_patrol' | 'night_patrol' | 'inspection', instant: Date) => {
    const list = kind === 'inspection' ? items.filter((i) => i.list === 'inspection') : items.filter((i) => i.list === 'patrol');
    const results = kind === 'inspection' ? list.map((i) => ({ checkpointId: null, itemId: i.id, equipmentId: null, result: 'ok' as const })) : points.flatMap((p) => list.map((i) => ({ checkpointId: p.id, itemId: i.id, equipmentId: null, result: 'ok' as const })));
    return recordRound(at(instant), actor, { kind, doneAt: instant.toISOString(), results: results.map((r) => ({ ...r, note: '', photo: null, fixedOnSpot: false, danger: null })), note: '', requestId: randomUUID() });
  };
  for (let back = 7; back >= 1; back--) {
    const date = addDays(today, -back);
    const day = chinaInstant(date, '09:30');
    if (day < now) {
      await walk('day_patrol', day);
      events += 1;
    }
    // The plan's patrols spread over the night, each one the gap (plus a little) after the one before.
    const span = nightSpan(date, plan);
    let instant = new Date(span.from.getTime() + random.int(20, 60) * 60_000);
    for (let i = 0; i < plan.nightPatrols; i++) {
      if (back === 3 && i === 1) break; // the night someone fell asleep
      if (instant < now && instant < span.to) {
        await walk('night_patrol', instant);
        events += 1;
      }
      instant = new Date(instant.getTime() + (plan.nightGapMinutes + random.int(30, 90)) * 60_000);
    }
  }
  const inspection = chinaInstant(Number(today.slice(8, 10)) > 3 ? `${today.slice(0, 7)}-03` : addDays(today, -1), '10:00');
  if (inspection < now) await walk('inspection', inspection);
  // The guard is responsible for the store-room danger (the person is chosen from the staff register).
  const guard = await deps.db.selectFrom('staff').select('id').orderBy(sql`role = 'security'`, 'desc').orderBy('hireDate').executeTakeFirstOrThrow();
  await reportDanger(deps, actor, {
    checkpointId: points.find((p) => p.name === '库房')!.id,
    location: '',
    description: '库房插线板串接使用，电线老化',
    level: 'general',
    responsibleStaffId: guard.id,
    deadline: addDays(today, 5),
    photo: null,
    requestId: randomUUID(),
  });
  await saveDrill(deps, actor, {
    date: addMonths(today, -4),
    scenario: '夜间一号楼二层起火，疏散卧床老人',
    atNight: true,
    bedridden: true,
    participants: 14,
    participantNames: '',
    evacuationSeconds: 420,
    evaluation: '疏散有序，卧床老人转移用时偏长',
    improvements: '二楼增配两副疏散担架',
  });
  const staff = await deps.db.selectFrom('staff').select(['id', 'role']).execute();
  const carers = staff.filter((s) => s.role === 'caregiver' || s.role === 'care_lead' || s.role === 'security').map((s) => s.id);
  if (carers.length) await saveTraining(deps, actor, { date: addMonths(today, -8), topic: '灭火器使用与初起火灾扑救', hours: 2, trainer: '县消防救援大队', staffIds: carers });
  return events + 4;
}
