// Whose shift is it: the caller's roster entry for a shift, whether that shift is still open for records, and the
// residents in the caller's area. "The person who did it records it": every care write starts here.
import { AppError, conflict } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { type ShiftWindow, shiftWindow } from '@shared/domain/care/shifts';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import type { Clock } from '../../clock';
import { bedLabels } from '../facility/places';
import type { Executor } from '../../db/executor';
import { type AreaPlaces, areaText, loadAreas } from '../roster/areas';
import { type Shift, hoursText, loadShifts, shiftById } from '../roster/shifts';
import { readSettings } from '../settings/settings';
import { StringList, parseJsonColumn } from '../../db/json';

export interface CallerShift {
  shift: Shift;
  window: ShiftWindow;
  area: string[];
  areaText: string;
  open: boolean;
  handedOver: boolean;
  places: AreaPlaces;
}

export async function staffIdOf(db: Executor, caller: Caller): Promise<string | null> {
  const row = await db.selectFrom('users').select('staffId').where('id', '=', caller.userId).executeTakeFirst();
  return row?.staffId ?? null;
}

async function isHandedOver(db: Executor, caller: Caller, shiftId: string, shiftDate: string): Promise<boolean> {
  const row = await db.selectFrom('handovers').select('id').where('shiftId', '=', shiftId).where('shiftDate', '=', shiftDate).where('fromUserId', '=', caller.userId).executeTakeFirst();
  return row !== undefined;
}

async function describe(db: Executor, caller: Caller, clock: Clock, shift: Shift, shiftDate: string, area: string[]): Promise<CallerShift> {
  const { lateEntryMinutes } = await readSettings(db);
  const window = shiftWindow(shift, shiftDate);
  const now = clock.now();
  const handedOver = await isHandedOver(db, caller, shift.id, shiftDate);
  const open = !handedOver && window.start <= now && now.getTime() < window.end.getTime() + lateEntryMinutes * 60_000;
  const places = await loadAreas(db);
  return { shift, window, area, areaText: areaText(places, area), open, handedOver, places };
}

/** The caller's own roster entry for a shift; refuses a shift that is not theirs. */
export async function callerShift(db: Executor, caller: Caller, clock: Clock, shiftId: string, shiftDate: string): Promise<CallerShift> {
  const staffId = await staffIdOf(db, caller);
  if (!staffId) throw conflict('您的账号还没有关联员工档案，不能记录护理。请院长在“员工档案”中把账号关联到您');
  const shift = await shiftById(db, shiftId);
  const entry = await db
    .selectFrom('rosterEntries')
    .select('area')
    .where('staffId', '=', staffId)
    .where('shiftId', '=', shiftId)
    .where('shiftDate', '=', shiftDate)
    .where('cancelledAt', 'is', null)
    .executeTakeFirst();
  if (!entry) throw new AppError('FORBIDDEN', `这不是您的班（${shiftDate} ${shift.name}）：排班表上没有您，不能记录`);
  return describe(db, caller, clock, shift, shiftDate, parseJsonColumn(StringList, entry.area, 'roster_entries.area'));
}

/** A shift that is open for the caller's records, or a refusal that says why. */
export async function openCallerShift(db: Executor, caller: Caller, clock: Clock, shiftId: string, shiftDate: string): Promise<CallerShift> {
  const s = await callerShift(db, caller, clock, shiftId, shiftDate);
  if (s.open) return s;
  if (s.handedOver) throw conflict('您已经交班，本班记录已封存；如需修改请用“更正”');
  if (clock.now() < s.window.start) throw conflict(`${s.shift.name}（${hoursText(s.shift)}）还没开始，不能提前记录`);
  throw conflict(`${s.shift.name}已结束，本班记录已封存；如需补充或修改请用“更正”并写明原因`);
}

/** The caller's shift now: the one running, else one just ended and not yet handed over. */
export async function currentCallerShift(db: Executor, caller: Caller, clock: Clock): Promise<CallerShift | null> {
  const staffId = await staffIdOf(db, caller);
  if (!staffId) return null;
  const today = todayIn(clock);
  const entries = await db
    .selectFrom('rosterEntries')
    .select(['shiftId', 'shiftDate', 'area'])
    .where('staffId', '=', staffId)
    .where('shiftDate', '>=', addDays(today, -1))
    .where('shiftDate', '<=', today)
    .where('cancelledAt', 'is', null)
    .execute();
  const shifts = await loadShifts(db, true);
  const now = clock.now();
  const candidates: CallerShift[] = [];
  for (const e of entries) {
    const shift = shifts.find((s) => s.id === e.shiftId);
    if (shift) candidates.push(await describe(db, caller, clock, shift, e.shiftDate, parseJsonColumn(StringList, e.area, 'roster_entries.area')));
  }
  const running = candidates.find((c) => c.window.start <= now && now < c.window.end && !c.handedOver);
  return running ?? candidates.find((c) => c.open) ?? candidates.find((c) => c.window.start <= now && now < c.window.end) ?? null;
}

export interface AreaResident {
  id: string;
  name: string;
  status: string;
  present: boolean;
  bedLabel: string | null;
  dietType: string;
  allergies: string;
  hasPhoto: boolean;
}

/** Residents (not discharged) whose bed lies in the area; an empty area is the whole centre. */
export async function residentsInArea(db: Executor, places: AreaPlaces, area: readonly string[]): Promise<AreaResident[]> {
  const rows = await db
    .selectFrom('residents')
    .innerJoin('beds', 'beds.id', 'residents.bedId')
    .innerJoin('rooms', 'rooms.id', 'beds.roomId')
    .select(['residents.id', 'residents.name', 'residents.status', 'residents.bedId', 'residents.dietType', 'residents.allergies', 'rooms.id as roomId', 'rooms.buildingId', 'rooms.floor'])
    .select((eb) => eb('residents.photo', 'is not', null).as('hasPhoto'))
    .where('residents.status', '!=', 'discharged')
    .execute();
  const inArea = rows.filter((r) => places.covers(area, r));
  const labels = await bedLabels(db, inArea.map((r) => r.bedId!));
  return inArea
    .map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      present: r.status === 'in_residence',
      bedLabel: labels.get(r.bedId!) ?? null,
      dietType: r.dietType,
      allergies: r.allergies,
      hasPhoto: Boolean(r.hasPhoto),
    }))
    .sort((a, b) => (a.bedLabel ?? '').localeCompare(b.bedLabel ?? '', 'zh-CN'));
}
