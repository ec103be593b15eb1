// API of the dashboard: what the manager needs at a glance each morning.
import { z } from 'zod';
import { BedCounts } from './facility';
import { Census, ResidentRow } from './residents';
import { method } from './method';
import { CENTRE_STAFF } from './roles';

export const DashboardSummary = z.object({
  today: z.string(),
  census: Census,
  beds: BedCounts,
  /** Occupied beds / beds in use (not disabled), 0–1. */
  occupancy: z.number(),
  /** Who is away: no ID numbers here, the kitchen and everyone on shift see this list. */
  away: z.array(ResidentRow.omit({ idNumberMasked: true }).extend({ awaySince: z.string(), expectedReturn: z.string().nullable() })),
  admissionsThisMonth: z.number(),
  dischargesThisMonth: z.number(),
});
export type DashboardSummary = z.output<typeof DashboardSummary>;

export const dashboardApi = {
  'dashboard.summary': method({ input: z.object({}), output: DashboardSummary, roles: CENTRE_STAFF, writes: false }),
};
