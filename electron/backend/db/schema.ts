// Kysely row types (camelCase; CamelCasePlugin maps them to the snake_case columns of the migrations).
// Every table and column comes from tables.generated.ts, written from the migrated database by `npm run db:types`
// (test/backend/db-schema-types.test.ts fails when it is stale). Here, by hand, only the narrowing: code columns typed
// with their vocabulary (the SQL CHECK lists; test/backend/db-check-vocab.test.ts ties the two). JSON columns stay
// `string` and are read through parseJsonColumn (db/json.ts) with their zod schema.
import type { Generated } from 'kysely';
import type { ASSESSMENT_REASONS, AssessmentPlace } from '@shared/api/assessment';
import type { ENROLMENT_STATES, Outcome as ImportOutcome } from '@shared/api/county';
import type { HUKOU_TYPES } from '@shared/api/residents';
import type { Role } from '@shared/api/roles';
import type { CARE_TIERS, OUTCOMES as TIER_OUTCOMES } from '@shared/api/tier';
import type { ConsciousnessZero } from '@shared/domain/assessment/coma';
import type { Tier } from '@shared/domain/assessment/tekun-tier';
import type { CertLevel, EntryKind, IncidentType, MoodState, Severity, SkinState, StaffRole } from '@shared/domain/care/vocab';
import type { BedSetting, BedType, ResidentStatus, Sex, StayEventType } from '@shared/domain/enums';
import type { DANGER_SOURCES, DangerLevel, DangerStatus, EquipmentType, RoundKind } from '@shared/domain/fire/vocab';
import type { Carer, ElderStatus, FollowupKind, HelperKind, Household, Relation, RiskLevel, VisitKind } from '@shared/domain/elders/vocab';
import type { CareDelivered, CarerKind, CarerRating } from '@shared/domain/entrusted/vocab';
import type { CheckKind, CheckOutcome, ConfirmationKind, PriceClass, ProviderKind, ServiceCategory, ServiceUnit, VisitOutcome } from '@shared/domain/homecare/vocab';
import type { DinerCategory, Meal, ServingMode } from '@shared/domain/meals/vocab';
import type { AidActivityKind, PointEntryKind } from '@shared/domain/mutualaid/vocab';
import type { Appetite, PressureOrigin, PressureRiskScale, PressureStage, ReferralOutcome } from '@shared/domain/health/vocab';
import type {
  DoseOutcome,
  DoseUnit,
  DrugForm,
  Frequency,
  HighAlertClass,
  MealRelation,
  MedicationErrorKind,
  MedicineSource,
  PrescriberKind,
  Route,
  StockMovementKind,
  Supply,
} from '@shared/domain/medication/vocab';
import type { TEMPLATE_MIN_RISKS, TEMPLATE_TRIGGERS } from './codes';
import type * as G from './tables.generated';

// The tables without narrowing are the generated ones, under the same names.
export type * from './tables.generated';

/**
 * T with some columns typed narrower. A narrowed column must exist in T and fit its generated type (so a column that
 * becomes NOT NULL, or changes its SQL type, fails to compile here).
 */
export type Narrow<T, N extends { [K in keyof N]: K extends keyof T ? T[K] : never }> = { [K in keyof T]: K extends keyof N ? N[K] : T[K] };

type TierOutcome = (typeof TIER_OUTCOMES)[number];
type CareTier = (typeof CARE_TIERS)[number];

export type BedsTable = Narrow<G.BedsTable, { bedType: BedType; setting: BedSetting }>;

export type ResidentsTable = Narrow<
  G.ResidentsTable,
  { sex: Sex; hukou: (typeof HUKOU_TYPES)[number] | null; status: ResidentStatus }
>;

export type StayEventsTable = Narrow<G.StayEventsTable, { type: StayEventType }>;

export type UsersTable = Narrow<G.UsersTable, { role: Role }>;

export type AssessmentsTable = Narrow<
  G.AssessmentsTable,
  { reason: (typeof ASSESSMENT_REASONS)[number]; consciousness: ConsciousnessZero | null; status: 'draft' | 'final'; place: Generated<AssessmentPlace> }
>;

export type TierAssessmentsTable = Narrow<G.TierAssessmentsTable, { tier: Tier }>;

export type CarePlanTemplatesTable = Narrow<
  G.CarePlanTemplatesTable,
  { triggerKind: (typeof TEMPLATE_TRIGGERS)[number]; minRisk: (typeof TEMPLATE_MIN_RISKS)[number] | null }
>;

export type StaffTable = Narrow<G.StaffTable, { role: StaffRole; certLevel: Generated<CertLevel> }>;

export type CareEntriesTable = Narrow<G.CareEntriesTable, { kind: EntryKind }>;

export type IncidentsTable = Narrow<G.IncidentsTable, { type: IncidentType; severity: Severity; status: 'open' | 'closed'; medicationError: MedicationErrorKind | null }>;

export type FireRoundsTable = Narrow<G.FireRoundsTable, { kind: RoundKind }>;

export type FireRoundResultsTable = Narrow<G.FireRoundResultsTable, { result: 'ok' | 'problem' }>;

export type FireDangersTable = Narrow<
  G.FireDangersTable,
  { source: (typeof DANGER_SOURCES)[number]; level: DangerLevel; status: DangerStatus }
>;

export type FireEquipmentTable = Narrow<G.FireEquipmentTable, { type: EquipmentType }>;

export type FireDutyLogTable = Narrow<G.FireDutyLogTable, { kind: 'entry' | 'handover' }>;

export type MenuEntriesTable = Narrow<G.MenuEntriesTable, { meal: Meal }>;

export type MealAdjustmentsTable = Narrow<G.MealAdjustmentsTable, { meal: Meal }>;

export type MealServicesTable = Narrow<G.MealServicesTable, { meal: Meal }>;

export type MealAidDinersTable = Narrow<G.MealAidDinersTable, { category: DinerCategory; defaultMode: ServingMode }>;

export type EldersTable = Narrow<G.EldersTable, { sex: Sex; household: Household | null; carer: Carer | null; riskOverride: RiskLevel | null; status: Generated<ElderStatus> }>;

export type ElderRelativesTable = Narrow<G.ElderRelativesTable, { relation: Relation }>;

export type VisitHelpersTable = Narrow<G.VisitHelpersTable, { kind: HelperKind }>;

export type ElderVisitsTable = Narrow<G.ElderVisitsTable, { kind: VisitKind }>;

export type ElderFollowupsTable = Narrow<G.ElderFollowupsTable, { kind: FollowupKind }>;

export type MealAidPricesTable = Narrow<G.MealAidPricesTable, { category: DinerCategory; meal: Meal }>;

export type MealAidServingsTable = Narrow<G.MealAidServingsTable, { meal: Meal; mode: ServingMode; category: DinerCategory }>;

export type FoodSamplesTable = Narrow<G.FoodSamplesTable, { meal: Meal }>;

export type SyncIdentityTable = Narrow<G.SyncIdentityTable, { mode: 'centre' | 'county'; keyProtection: 'safe_storage' | 'none' }>;

/** 'pending' until the manager confirms the fingerprint the county read out by phone. */
export type SyncCountyTable = Narrow<G.SyncCountyTable, { state: Generated<'pending' | 'confirmed'> }>;

/** 'pending' until the clerk confirms the fingerprint read out by phone; 'withdrawn' if undone before any import. */
export type CountyCentresTable = Narrow<G.CountyCentresTable, { state: Generated<(typeof ENROLMENT_STATES)[number]> }>;

export type CountyImportReportsTable = Narrow<G.CountyImportReportsTable, { outcome: ImportOutcome }>;

/** The county's decision on a resident's 特困 tier (or its rejection of a proposal), as the centre records it. */
export type TierDecisionsTable = Narrow<
  G.TierDecisionsTable,
  { outcome: TierOutcome; tier: Tier | null; careTier: CareTier | null; source: 'paper' | 'county_answer' }
>;

/** The county's answer to a centre's tier proposal. */
export type CountyTierAnswersTable = Narrow<G.CountyTierAnswersTable, { outcome: TierOutcome; tier: Tier | null; careTier: CareTier | null }>;

// Care at home (issue 18): homecare, entrusted, mutualaid.
export type HomeServiceItemsTable = Narrow<G.HomeServiceItemsTable, { category: ServiceCategory; unit: ServiceUnit }>;
export type HomeServicePricesTable = Narrow<G.HomeServicePricesTable, { priceClass: PriceClass }>;
export type HomeServiceProvidersTable = Narrow<G.HomeServiceProvidersTable, { kind: ProviderKind }>;
export type HomeServiceVisitsTable = Narrow<
  G.HomeServiceVisitsTable,
  { outcome: VisitOutcome; priceClass: PriceClass; confirmation: ConfirmationKind | null }
>;
export type HomeServiceChecksTable = Narrow<G.HomeServiceChecksTable, { kind: CheckKind; outcome: CheckOutcome }>;
export type EntrustedCareAgreementsTable = Narrow<G.EntrustedCareAgreementsTable, { carerKind: CarerKind; tier: Tier; careTier: CareTier | null }>;
export type EntrustedCareChecksTable = Narrow<G.EntrustedCareChecksTable, { kind: VisitKind; delivered: CareDelivered; carerRating: CarerRating }>;
export type AidActivitiesTable = Narrow<G.AidActivitiesTable, { kind: AidActivityKind }>;
export type TimeBankEntriesTable = Narrow<G.TimeBankEntriesTable, { kind: PointEntryKind }>;

// Health and medicines (issue 19): medication, health.
export type DrugsTable = Narrow<G.DrugsTable, { form: DrugForm; unit: DoseUnit; highAlert: Generated<HighAlertClass> }>;
export type MedicationOrdersTable = Narrow<
  G.MedicationOrdersTable,
  { prescriberKind: PrescriberKind; route: Route; frequency: Frequency; mealRelation: MealRelation; supply: Supply }
>;
export type MedicineBatchesTable = Narrow<G.MedicineBatchesTable, { source: MedicineSource }>;
export type MedicationDosesTable = Narrow<G.MedicationDosesTable, { outcome: DoseOutcome }>;
export type MedicineMovementsTable = Narrow<G.MedicineMovementsTable, { kind: StockMovementKind }>;
export type HospitalReferralsTable = Narrow<G.HospitalReferralsTable, { outcome: Generated<ReferralOutcome> }>;
export type MonthlyHealthEntriesTable = Narrow<G.MonthlyHealthEntriesTable, { skin: SkinState; appetite: Appetite; mood: MoodState }>;
export type PressureInjuriesTable = Narrow<G.PressureInjuriesTable, { origin: PressureOrigin; stage: PressureStage; riskScale: PressureRiskScale }>;
export type PressureInjuryReviewsTable = Narrow<G.PressureInjuryReviewsTable, { stage: PressureStage }>;

export interface DB extends G.DB {
  beds: BedsTable;
  residents: ResidentsTable;
  stayEvents: StayEventsTable;
  users: UsersTable;
  assessments: AssessmentsTable;
  tierAssessments: TierAssessmentsTable;
  carePlanTemplates: CarePlanTemplatesTable;
  staff: StaffTable;
  careEntries: CareEntriesTable;
  incidents: IncidentsTable;
  fireRounds: FireRoundsTable;
  fireRoundResults: FireRoundResultsTable;
  fireDangers: FireDangersTable;
  fireEquipment: FireEquipmentTable;
  fireDutyLog: FireDutyLogTable;
  menuEntries: MenuEntriesTable;
  mealAdjustments: MealAdjustmentsTable;
  mealServices: MealServicesTable;
  mealAidDiners: MealAidDinersTable;
  elders: EldersTable;
  elderRelatives: ElderRelativesTable;
  visitHelpers: VisitHelpersTable;
  elderVisits: ElderVisitsTable;
  elderFollowups: ElderFollowupsTable;
  mealAidPrices: MealAidPricesTable;
  mealAidServings: MealAidServingsTable;
  foodSamples: FoodSamplesTable;
  syncIdentity: SyncIdentityTable;
  syncCounty: SyncCountyTable;
  countyCentres: CountyCentresTable;
  countyImportReports: CountyImportReportsTable;
  tierDecisions: TierDecisionsTable;
  countyTierAnswers: CountyTierAnswersTable;
  homeServiceItems: HomeServiceItemsTable;
  homeServicePrices: HomeServicePricesTable;
  homeServiceProviders: HomeServiceProvidersTable;
  homeServiceVisits: HomeServiceVisitsTable;
  homeServiceChecks: HomeServiceChecksTable;
  entrustedCareAgreements: EntrustedCareAgreementsTable;
  entrustedCareChecks: EntrustedCareChecksTable;
  aidActivities: AidActivitiesTable;
  timeBankEntries: TimeBankEntriesTable;
  drugs: DrugsTable;
  medicationOrders: MedicationOrdersTable;
  medicineBatches: MedicineBatchesTable;
  medicationDoses: MedicationDosesTable;
  medicineMovements: MedicineMovementsTable;
  hospitalReferrals: HospitalReferralsTable;
  monthlyHealthEntries: MonthlyHealthEntriesTable;
  pressureInjuries: PressureInjuriesTable;
  pressureInjuryReviews: PressureInjuryReviewsTable;
}
