// The registry of migrations, in order. Bundled in code (no folder scan), so it works inside asar.
import { migration0001 } from './0001_init';
import { migration0002 } from './0002_accounts';
import { migration0003 } from './0003_assessment';
import { migration0004 } from './0004_care_grades';
import { migration0005 } from './0005_care_plans';
import { migration0006 } from './0006_assessment_disputes';
import { migration0007 } from './0007_staff_and_care_log';
import { migration0008 } from './0008_meals';
import { migration0009 } from './0009_fire';
import { migration0010 } from './0010_care_entries_by_shift_and_resident';
import { migration0011 } from './0011_sync';
import { migration0012 } from './0012_pin_only_accounts';
import { migration0013 } from './0013_night_round';
import { migration0014 } from './0014_facility_started_at';
import { migration0015 } from './0015_assessors_and_dangers_by_staff';
import { migration0016 } from './0016_enrolment_confirmed';
import { migration0017 } from './0017_assessment_basic_info';
import { migration0018 } from './0018_tier_decisions';
import { migration0019 } from './0019_night_patrol_count';
import { migration0020 } from './0020_resident_hukou';
import { migration0021 } from './0021_village_elders';
import { migration0022 } from './0022_home_assessments';
import { migration0023 } from './0023_care_at_home';
import { migration0024 } from './0024_health_and_medicines';
import { migration0025 } from './0025_pressure_injuries_fixed';
import { migration0026 } from './0026_medicine_balances';
import { migration0027, migration0027Postgres } from './0027_county_centres_county_name';
import { migration0028, migration0028Postgres } from './0028_county_figure_sums';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * The same change for the county's PostgreSQL store (db/postgres), for a migration after its baseline that touches a
   * table county mode uses; absent when it touches only a centre's tables.
   */
  postgres?: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: migration0001 },
  { version: 2, name: 'accounts', sql: migration0002 },
  { version: 3, name: 'assessment', sql: migration0003 },
  { version: 4, name: 'care_grades', sql: migration0004 },
  { version: 5, name: 'care_plans', sql: migration0005 },
  { version: 6, name: 'assessment_disputes', sql: migration0006 },
  { version: 7, name: 'staff_and_care_log', sql: migration0007 },
  { version: 8, name: 'meals', sql: migration0008 },
  { version: 9, name: 'fire', sql: migration0009 },
  { version: 10, name: 'care_entries_by_shift_and_resident', sql: migration0010 },
  { version: 11, name: 'sync', sql: migration0011 },
  { version: 12, name: 'pin_only_accounts', sql: migration0012 },
  { version: 13, name: 'night_round', sql: migration0013 },
  { version: 14, name: 'facility_started_at', sql: migration0014 },
  { version: 15, name: 'assessors_and_dangers_by_staff', sql: migration0015 },
  { version: 16, name: 'enrolment_confirmed', sql: migration0016 },
  { version: 17, name: 'assessment_basic_info', sql: migration0017 },
  { version: 18, name: 'tier_decisions', sql: migration0018 },
  { version: 19, name: 'night_patrol_count', sql: migration0019 },
  { version: 20, name: 'resident_hukou', sql: migration0020 },
  { version: 21, name: 'village_elders', sql: migration0021 },
  { version: 22, name: 'home_assessments', sql: migration0022 },
  { version: 23, name: 'care_at_home', sql: migration0023 },
  { version: 24, name: 'health_and_medicines', sql: migration0024 },
  { version: 25, name: 'pressure_injuries_fixed', sql: migration0025 },
  { version: 26, name: 'medicine_balances', sql: migration0026 },
  { version: 27, name: 'county_centres_county_name', sql: migration0027, postgres: migration0027Postgres },
  { version: 28, name: 'county_figure_sums', sql: migration0028, postgres: migration0028Postgres },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
