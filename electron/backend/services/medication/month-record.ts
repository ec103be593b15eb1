// A resident's monthly medication administration record (服药记录单, the MAR): each order running in the month with a
// line per dose time and a cell per day (who gave it, or refused / held / not available; blank when not due), the
// 按需 doses listed with their reason and effect, and the month's counts. A dose due and not recorded on a day the
// resident was away (stay_events: on leave from its date until the day before the return) reads 外 / 住, not 漏, and a
// dose due before the order was written (typed in with an earlier start) is blank: neither counts as due. The cells a
// name alone does not tell (拒 / 缓 / 缺, checked, corrected) are listed with reason, who and checker. Three queries:
// the month's orders, the month's doses by resident and date, and the resident's absences.
import type { MarCell, MarOrder, MonthRecord } from '@shared/api/medication-round';
import type { Executor } from '../../db/executor';
import { notFound } from '@shared/api/errors';
import { addDays, chinaDate, lastDayOfMonth } from '@shared/domain/dates';
import type { ResidentStatus } from '@shared/domain/enums';
import { dosesOnDays, lastDay } from '@shared/domain/medication/schedule';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { bedLabels } from '../facility/places';
import { doseChains, doseRows, drugFacts, toRecord } from './due';
import { orderRows } from './order-rows';
import { readMedicationSettings } from './settings';

/** The resident's leave and hospital stays overlapping [first, last]: away on a day from its date to the day before
 * its end (the day of return is a day here), as the shift's coverage counts it. */
async function absences(db: Executor, residentId: string, first: string, last: string) {
  const rows = await db
    .selectFrom('stayEvents')
    .select(['type', 'date', 'endDate'])
    .where('residentId', '=', residentId)
    .where('type', 'in', ['leave', 'hospital'])
    .where('date', '<=', last)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', first)]))
    .execute();
  return (date: string): 'away' | 'hospital' | null => {
    const r = rows.find((e) => e.date <= date && (e.endDate === null || e.endDate > date));
    return r ? (r.type === 'hospital' ? 'hospital' : 'away') : null;
  };
}

export async function monthRecord(deps: BackendDeps, _caller: Caller | null, input: { residentId: string; month: string }): Promise<MonthRecord> {
  const resident = await deps.db.selectFrom('residents').select(['id', 'name', 'status', 'bedId', 'allergies']).where('id', '=', input.residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  const bedLabel = resident.bedId ? ((await bedLabels(deps.db, [resident.bedId])).get(resident.bedId) ?? null) : null;
  const first = `${input.month}-01`;
  const last = lastDayOfMonth(input.month);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const settings = await readMedicationSettings(deps.db);
  const orders = await orderRows(deps.db, { residentIds: [resident.id], activeFrom: first, activeTo: last });
  const rows = await doseRows(deps.db, [resident.id], first, last);
  const { scheduled, prn } = doseChains(rows);
  const awayOn = await absences(deps.db, resident.id, first, last);
  const exceptions: MonthRecord['exceptions'] = [];
  const now = deps.clock.now();
  const today = chinaDate(now);
  const lateMs = settings.lateMinutes * 60_000;
  const counts = { due: 0, given: 0, refused: 0, held: 0, notAvailable: 0, pending: 0, late: 0, away: 0 };
  const givers = new Set<string>();
  const facts = (o: (typeof orders)[number]) => drugFacts(o, settings);
  const marOrders: MarOrder[] = orders
    .filter((o) => o.frequency !== 'prn')
    .map((o) => {
      const slots = [...o.times].sort().map((slot) => ({ slot, cells: days.map((): MarCell | null => null) }));
      for (const due of dosesOnDays(o, first, last)) {
        const chain = scheduled.get(`${o.id}|${due.dueAt}`);
        // Doses not yet due and not recorded (given a little early) are left blank: the record shows what happened.
        if (!chain && (due.date > today || new Date(due.dueAt) > now)) continue;
        const line = slots.find((s) => s.slot === due.slot);
        const i = dayIndex.get(due.date);
        if (!line || i === undefined) continue;
        if (!chain) {
          // Due before the order was written (typed in later with an earlier start): nobody could have given it.
          if (due.dueAt < o.createdAt) continue;
          const away = awayOn(due.date);
          if (away) {
            counts.away += 1;
            line.cells[i] = { state: away, doseId: null, recordedBy: '', checkerName: null, late: false, amended: false, reason: '' };
            continue;
          }
          counts.due += 1;
          // Pending only once its allowed delay has passed; a dose still within it is left blank.
          if (now.getTime() > new Date(due.dueAt).getTime() + lateMs) counts.pending += 1;
          line.cells[i] = { state: 'pending', doseId: null, recordedBy: '', checkerName: null, late: false, amended: false, reason: '' };
          continue;
        }
        counts.due += 1;
        const r = chain.latest;
        givers.add(r.recordedBy);
        if (r.outcome !== 'given' || r.checkerName || chain.superseded.length > 0) {
          exceptions.push({
            date: due.date,
            slot: due.slot,
            orderId: o.id,
            drug: o.strength ? `${o.drugName} ${o.strength}` : o.drugName,
            state: r.outcome,
            reason: r.reason,
            recordedBy: r.recordedBy,
            checkerName: r.checkerName,
            late: r.lateMinutes !== null,
            amendReason: r.amendReason,
          });
        }
        if (r.outcome === 'given') counts.given += 1;
        else if (r.outcome === 'refused') counts.refused += 1;
        else if (r.outcome === 'held') counts.held += 1;
        else counts.notAvailable += 1;
        if (r.lateMinutes !== null) counts.late += 1;
        line.cells[i] = { state: r.outcome, doseId: r.id, recordedBy: r.recordedBy, checkerName: r.checkerName, late: r.lateMinutes !== null, amended: chain.superseded.length > 0, reason: r.reason };
      }
      return { ...facts(o), frequency: o.frequency, prescriber: o.prescriber, startsOn: o.startsOn, lastDay: lastDay(o), stopReason: o.stopReason, slots };
    });
  const prnOrders = orders
    .filter((o) => o.frequency === 'prn')
    .map((o) => {
      const doses = prn
        .filter((c) => c.latest.orderId === o.id)
        .map((c) => {
          givers.add(c.latest.recordedBy);
          return { ...toRecord(c.latest), date: c.latest.doseDate };
        })
        .sort((a, b) => a.givenAt.localeCompare(b.givenAt));
      return { ...facts(o), indication: o.prnIndication, maxPerDay: o.prnMaxPerDay ?? 1, doses };
    });
  return {
    resident: { id: resident.id, name: resident.name, bedLabel, allergies: resident.allergies, status: resident.status as ResidentStatus },
    month: input.month,
    days,
    orders: marOrders,
    prn: prnOrders,
    exceptions: exceptions.sort((a, b) => a.date.localeCompare(b.date) || a.slot.localeCompare(b.slot)),
    givers: [...givers].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
    counts,
  };
}
