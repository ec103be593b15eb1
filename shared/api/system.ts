// API of the system module: what the app shell needs at start-up, and the demo centre.
import { z } from 'zod';
import { method } from './method';
import { CENTRE_STAFF, MANAGERS, ROLES } from './roles';

export const SystemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  today: z.string(),
  /** The backend's clock (ISO instant): forms that default to "now" use it. */
  now: z.string(),
  hasFacility: z.boolean(),
  /** A centre's PC, or the county's (县级汇总): chosen at first run. */
  mode: z.enum(['centre', 'county']),
  user: z.object({ name: z.string(), role: z.enum(ROLES) }),
});
export type SystemInfo = z.output<typeof SystemInfo>;

export const DemoSummary = z.object({ beds: z.number(), residents: z.number(), events: z.number() });

export const systemApi = {
  'system.info': method({ input: z.object({}), output: SystemInfo, roles: [...CENTRE_STAFF, 'county_admin', 'county_viewer'], writes: false }),
  'system.loadDemo': method({ input: z.object({}), output: DemoSummary, roles: MANAGERS, writes: true }),
};
