// The morning view: census, occupancy, free beds by type, who is away, this month's admissions and discharges, and
// for a new centre the first-day checklist.
import type { DashboardSummary } from '@shared/api/dashboard';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { activeBeds, countBeds } from '../facility/bed-map';
import { bedLabels } from '../facility/places';
import { census, toRow } from '../residents/read';
import { firstSteps } from './first-steps';

export async function dashboardSummary(deps: BackendDeps): Promise<DashboardSummary> {
  const today = todayIn(deps.clock);
  const monthStart = `${today.slice(0, 7)}-01`;
  const bedList = await activeBeds(deps.db);
  const beds = countBeds(bedList);
  const inUse = beds.total - beds.disabled;

  const awayRows = await deps.db
    .selectFrom('residents')
    .innerJoin('stayEvents', (join) =>
      join.onRef('stayEvents.residentId', '=', 'residents.id').on('stayEvents.endDate', 'is', null).on('stayEvents.type', 'in', ['leave', 'hospital']),
    )
    .select([
      'residents.id',
      'residents.name',
      'residents.nameInitials',
      'residents.idNumber',
      'residents.sex',
      'residents.birthDate',
      'residents.primaryCategory',
      'residents.status',
      'residents.bedId',
      'residents.admittedOn',
      'residents.dischargedOn',
      'stayEvents.date as awaySince',
      'stayEvents.expectedReturn',
    ])
    .where('residents.status', 'in', ['on_leave', 'in_hospital'])
    .orderBy('stayEvents.date')
    .execute();
  const labels = await bedLabels(deps.db, awayRows.flatMap((r) => (r.bedId ? [r.bedId] : [])));

  const monthly = await deps.db
    .selectFrom('stayEvents')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('type', 'in', ['admission', 'discharge'])
    .where('date', '>=', monthStart)
    .where('date', '<=', today)
    .groupBy('type')
    .execute();

  return {
    today,
    census: await census(deps, bedList),
    beds,
    occupancy: inUse === 0 ? 0 : beds.occupied / inUse,
    away: awayRows.map((r) => {
      const { idNumberMasked, ...row } = toRow(r, today, labels);
      return { ...row, awaySince: r.awaySince, expectedReturn: r.expectedReturn };
    }),
    admissionsThisMonth: monthly.find((m) => m.type === 'admission')?.n ?? 0,
    dischargesThisMonth: monthly.find((m) => m.type === 'discharge')?.n ?? 0,
    firstSteps: await firstSteps(deps.db),
  };
}
