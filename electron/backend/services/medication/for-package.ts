// The month's doses in the package (format 5, issue 19): per resident, how many scheduled doses were given, refused,
// held, not available and given late, counting each dose as it stands at export (a corrected dose counts as its
// correction). 按需 doses are not counted: they were never due.
// Drug names and who gave them stay at the centre.
import { monthRange } from '@shared/domain/sync/period';
import type { BackendDeps } from '../../deps';

export interface DoseCounts {
  given: number;
  refused: number;
  held: number;
  notAvailable: number;
  late: number;
}

export const NO_DOSES: DoseCounts = { given: 0, refused: 0, held: 0, notAvailable: 0, late: 0 };

export async function doseCountsForMonth(deps: BackendDeps, period: string): Promise<Map<string, DoseCounts>> {
  const { first, last } = monthRange(period);
  const rows = await deps.db
    .selectFrom('medicationDoses as d')
    .select((eb) => ['d.residentId', 'd.outcome', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('d.lateMinutes').as('late')])
    .where('d.doseDate', '>=', first)
    .where('d.doseDate', '<=', last)
    // scheduled doses only: a 按需 dose was never due, so it would blur the share given
    .where('d.dueAt', 'is not', null)
    // superseded by a correction: the correction counts instead
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('medicationDoses as c').select('c.id').whereRef('c.amendsId', '=', 'd.id'))))
    .groupBy(['d.residentId', 'd.outcome'])
    .execute();
  const out = new Map<string, DoseCounts>();
  for (const r of rows) {
    const c = out.get(r.residentId) ?? { ...NO_DOSES };
    const n = Number(r.n);
    if (r.outcome === 'given') c.given += n;
    else if (r.outcome === 'refused') c.refused += n;
    else if (r.outcome === 'held') c.held += n;
    else c.notAvailable += n;
    // 迟服 is a dose given late; a late refusal is not one
    if (r.outcome === 'given') c.late += Number(r.late);
    out.set(r.residentId, c);
  }
  return out;
}

/** Orders running at month end, per resident. */
export async function activeOrdersAt(deps: BackendDeps, onDate: string): Promise<Map<string, number>> {
  const rows = await deps.db
    .selectFrom('medicationOrders')
    .select((eb) => ['residentId', eb.fn.countAll<number>().as('n')])
    .where('startsOn', '<=', onDate)
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', onDate)]))
    .where((eb) => eb.or([eb('stoppedOn', 'is', null), eb('stoppedOn', '>', onDate)]))
    .groupBy('residentId')
    .execute();
  return new Map(rows.map((r) => [r.residentId, Number(r.n)]));
}
