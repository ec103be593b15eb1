// Every SQL `CHECK (col IN (…))` list of the migrated schema has the same values as its vocabulary array: a code added
// to one side only (a new status in enums.ts the database would refuse, or a CHECK value no screen knows) fails here.
// A CHECK list without an entry below fails too, naming it: add its vocabulary when you add the column.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_PLACES, ASSESSMENT_REASONS, AssessmentView } from '@shared/api/assessment';
import { ENROLMENT_STATES, OUTCOMES as IMPORT_OUTCOMES } from '@shared/api/county';
import { DutyInput, ResultInput } from '@shared/api/fire';
import { IncidentRow } from '@shared/api/incidents';
import { HUKOU_TYPES } from '@shared/api/residents';
import { ROLES } from '@shared/api/roles';
import { SyncStatus } from '@shared/api/sync';
import { SystemInfo } from '@shared/api/system';
import { CARE_TIERS, DecisionView, OUTCOMES as TIER_OUTCOMES } from '@shared/api/tier';
import { CONSCIOUSNESS_ZERO } from '@shared/domain/assessment/coma';
import { TIERS } from '@shared/domain/assessment/tekun-tier';
import { ENTRY_KINDS, MOOD_STATES, SEVERITIES, SKIN_STATES, STAFF_ROLES } from '@shared/domain/care/vocab';
import { APPETITES, PRESSURE_ORIGINS, PRESSURE_RISK_SCALES, PRESSURE_STAGES, REFERRAL_OUTCOMES } from '@shared/domain/health/vocab';
import {
  DOSE_OUTCOMES,
  DOSE_UNITS,
  DRUG_FORMS,
  FREQUENCIES,
  HIGH_ALERT_CLASSES,
  MEAL_RELATIONS,
  MEDICATION_ERROR_KINDS,
  MEDICINE_SOURCES,
  PRESCRIBER_KINDS,
  ROUTES,
  STOCK_MOVEMENT_KINDS,
  SUPPLIES,
} from '@shared/domain/medication/vocab';
import { BED_SETTINGS, BED_TYPES, RESIDENT_STATUSES, SEXES, STAY_EVENT_TYPES } from '@shared/domain/enums';
import { DANGER_LEVELS, DANGER_SOURCES, DANGER_STATUSES, EQUIPMENT_TYPES, ITEM_LISTS, ROUND_KINDS } from '@shared/domain/fire/vocab';
import { CARERS, ELDER_STATUSES, FOLLOWUP_KINDS, HELPER_KINDS, HOUSEHOLDS, RELATIONS, RISK_LEVELS, VISIT_KINDS } from '@shared/domain/elders/vocab';
import { CARE_DELIVERED, CARER_KINDS, CARER_RATINGS } from '@shared/domain/entrusted/vocab';
import { CHECK_KINDS, CHECK_OUTCOMES, CONFIRMATION_KINDS, PLAN_EVERY_WEEKS, PRICE_CLASSES, PROVIDER_KINDS, SERVICE_CATEGORIES, SERVICE_UNITS, VISIT_OUTCOMES } from '@shared/domain/homecare/vocab';
import { DINER_CATEGORIES, MEALS, SERVING_MODES } from '@shared/domain/meals/vocab';
import { AID_ACTIVITY_KINDS, POINT_ENTRY_KINDS } from '@shared/domain/mutualaid/vocab';
import { TEMPLATE_MIN_RISKS, TEMPLATE_TRIGGERS } from '../../electron/backend/db/codes';
import { migrate } from '../../electron/backend/db/migrate';

type Vocabulary = readonly (string | number)[];

/** A 0/1 column (SQLite has no boolean). */
const FLAG: Vocabulary = [0, 1];

/** table → column → its vocabulary. */
const VOCABULARY: Record<string, Record<string, Vocabulary>> = {
  assessments: {
    reason: ASSESSMENT_REASONS,
    coma: FLAG,
    dementia: FLAG,
    mental_disorder: FLAG,
    status: AssessmentView.shape.status.options,
    consciousness: CONSCIOUSNESS_ZERO,
    place: ASSESSMENT_PLACES,
  },
  beds: { bed_type: BED_TYPES, setting: BED_SETTINGS },
  care_entries: { kind: ENTRY_KINDS },
  care_plan_tasks: { active: FLAG, completes_on_round: FLAG },
  care_plan_templates: { trigger_kind: TEMPLATE_TRIGGERS, min_risk: TEMPLATE_MIN_RISKS, completes_on_round: FLAG },
  county_centres: { state: ENROLMENT_STATES },
  county_import_reports: { outcome: IMPORT_OUTCOMES },
  county_tier_answers: { outcome: TIER_OUTCOMES, tier: TIERS, care_tier: CARE_TIERS },
  diet_types: { in_use: FLAG },
  fire_check_items: { list: ITEM_LISTS },
  fire_dangers: { source: DANGER_SOURCES, level: DANGER_LEVELS, status: DANGER_STATUSES },
  fire_drills: { at_night: FLAG, bedridden: FLAG },
  fire_duty_log: { kind: DutyInput.shape.kind.options },
  fire_equipment: { type: EQUIPMENT_TYPES },
  fire_round_results: { result: ResultInput.shape.result.options, fixed_on_spot: FLAG },
  fire_rounds: { kind: ROUND_KINDS },
  food_samples: { meal: MEALS },
  incidents: { severity: SEVERITIES, family_notified: FLAG, hospital_transfer: FLAG, status: IncidentRow.shape.status.options, medication_error: MEDICATION_ERROR_KINDS },
  meal_adjustments: { meal: MEALS },
  meal_aid_diners: { category: DINER_CATEGORIES, default_mode: SERVING_MODES },
  elders: { sex: SEXES, household: HOUSEHOLDS, critical_illness: FLAG, carer: CARERS, risk_override: RISK_LEVELS, status: ELDER_STATUSES },
  elder_relatives: { relation: RELATIONS, away_half_year: FLAG, guardian: FLAG },
  elder_agreements: { elder_consent: FLAG },
  visit_helpers: { kind: HELPER_KINDS },
  elder_visits: { kind: VISIT_KINDS },
  elder_followups: { kind: FOLLOWUP_KINDS },
  meal_aid_prices: { category: DINER_CATEGORIES, meal: MEALS },
  meal_aid_servings: { meal: MEALS, mode: SERVING_MODES },
  meal_services: { meal: MEALS },
  menu_entries: { meal: MEALS },
  residents: { sex: SEXES, status: RESIDENT_STATUSES, hukou: HUKOU_TYPES },
  shifts: { night_rounds: FLAG },
  staff: { role: STAFF_ROLES },
  stay_events: { type: STAY_EVENT_TYPES },
  sync_county: { state: SyncStatus.shape.county.unwrap().shape.state.options },
  sync_identity: { mode: SystemInfo.shape.mode.options, key_protection: SyncStatus.shape.keyProtection.options },
  tier_assessments: { tier: TIERS },
  tier_decisions: { outcome: TIER_OUTCOMES, tier: TIERS, care_tier: CARE_TIERS, source: DecisionView.shape.source.options },
  users: { role: ROLES, must_change_password: FLAG },
  home_service_items: { category: SERVICE_CATEGORIES, unit: SERVICE_UNITS },
  home_service_prices: { price_class: PRICE_CLASSES },
  home_service_providers: { kind: PROVIDER_KINDS },
  home_service_plans: { every_weeks: PLAN_EVERY_WEEKS },
  home_service_visits: { outcome: VISIT_OUTCOMES, price_class: PRICE_CLASSES, confirmation: CONFIRMATION_KINDS },
  home_service_checks: { kind: CHECK_KINDS, outcome: CHECK_OUTCOMES },
  entrusted_care_agreements: { carer_kind: CARER_KINDS, tier: TIERS, care_tier: CARE_TIERS },
  entrusted_care_checks: { kind: VISIT_KINDS, delivered: CARE_DELIVERED, carer_rating: CARER_RATINGS },
  aid_activities: { kind: AID_ACTIVITY_KINDS },
  time_bank_entries: { kind: POINT_ENTRY_KINDS },
  drugs: { form: DRUG_FORMS, unit: DOSE_UNITS, high_alert: HIGH_ALERT_CLASSES },
  medication_orders: { prescriber_kind: PRESCRIBER_KINDS, route: ROUTES, frequency: FREQUENCIES, meal_relation: MEAL_RELATIONS, supply: SUPPLIES },
  medicine_batches: { source: MEDICINE_SOURCES },
  medication_doses: { outcome: DOSE_OUTCOMES },
  medicine_movements: { kind: STOCK_MOVEMENT_KINDS },
  hospital_referrals: { outcome: REFERRAL_OUTCOMES },
  monthly_health_entries: { skin: SKIN_STATES, appetite: APPETITES, mood: MOOD_STATES },
  pressure_injuries: { origin: PRESSURE_ORIGINS, stage: PRESSURE_STAGES, risk_scale: PRESSURE_RISK_SCALES },
  pressure_injury_reviews: { stage: PRESSURE_STAGES },
};

/** Every `column IN (…)` list in the CREATE TABLE statements (they all sit in CHECK constraints). */
function checkLists(sqlite: Database.Database): { table: string; column: string; values: (string | number)[] }[] {
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  const found: { table: string; column: string; values: (string | number)[] }[] = [];
  for (const t of tables) {
    for (const m of t.sql.matchAll(/\b(\w+)\s+IN\s*\(([^()]*)\)/gi)) {
      const values = m[2].split(',').map((v) => {
        const s = v.trim();
        if (/^'[^']*'$/.test(s)) return s.slice(1, -1);
        if (/^-?\d+$/.test(s)) return Number(s);
        throw new Error(`${t.name}.${m[1]}: cannot read the CHECK value ${s}`);
      });
      found.push({ table: t.name, column: m[1], values });
    }
  }
  return found;
}

const sorted = (values: Vocabulary) => [...values].map(String).sort();

let sqlite: Database.Database;
beforeAll(async () => {
  sqlite = new Database(':memory:');
  await migrate(sqlite);
});
afterAll(() => sqlite.close());

describe('SQL CHECK lists and their vocabulary', () => {
  it('every CHECK (col IN …) list has a vocabulary, with the same values', () => {
    const lists = checkLists(sqlite);
    expect(lists.length).toBeGreaterThan(50);
    for (const { table, column, values } of lists) {
      const vocabulary = VOCABULARY[table]?.[column];
      expect(vocabulary, `CHECK (${column} IN …) of ${table} has no vocabulary in db-check-vocab.test.ts`).toBeDefined();
      expect(sorted(values), `${table}.${column}: the SQL CHECK list and its vocabulary differ`).toEqual(sorted(vocabulary!));
      expect(new Set(values).size, `${table}.${column}: a value is repeated`).toBe(values.length);
    }
  });

  it('every vocabulary entry still has its CHECK list (no stale mapping)', () => {
    const present = new Set(checkLists(sqlite).map((l) => `${l.table}.${l.column}`));
    for (const [table, columns] of Object.entries(VOCABULARY)) {
      for (const column of Object.keys(columns)) expect(present.has(`${table}.${column}`), `${table}.${column} has no CHECK list`).toBe(true);
    }
  });
});
