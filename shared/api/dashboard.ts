// API of the dashboard: what the manager needs at a glance each morning.
import { z } from 'zod';
import { BedCounts } from './facility';
import { Census, ResidentRow } from './residents';
import { method } from './method';
import { CENTRE_STAFF } from './roles';

/** The first-day checklist (第一步): each item is true once done; computed from the records. */
export const FirstSteps = z.object({
  beds: z.boolean(),
  /** At least one staff member who can sign in with a PIN. */
  staffPins: z.boolean(),
  roster: z.boolean(),
  /** The county's public key is imported (月度报送 → 与县里对接). */
  county: z.boolean(),
  allDone: z.boolean(),
  /** Beds, staff and roster are there: the centre runs, so alarms are shown. */
  running: z.boolean(),
});
export type FirstSteps = z.output<typeof FirstSteps>;

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
  firstSteps: FirstSteps,
});
export type DashboardSummary = z.output<typeof DashboardSummary>;

export const dashboardApi = {
  'dashboard.summary': method({ input: z.object({}), output: DashboardSummary, roles: CENTRE_STAFF, writes: false }),
};
