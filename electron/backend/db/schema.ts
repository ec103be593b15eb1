// Kysely row types (camelCase; CamelCasePlugin maps them to the snake_case columns of the migrations).
// The schema snapshot test (test/backend/schema.test.ts) keeps these and the SQL in step.
import type { Generated } from 'kysely';
import type { Role } from '@shared/api/roles';
import type { CertLevel, EntryKind, IncidentType, Severity, StaffRole } from '@shared/domain/care/vocab';
import type { BedSetting, BedType, ResidentStatus, StayEventType } from '@shared/domain/enums';
import type { DinerCategory, Meal, ServingMode } from '@shared/domain/meals/vocab';
import type { DangerLevel, DangerStatus, EquipmentType, RoundKind } from '@shared/domain/fire/vocab';

interface Stamped {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface FacilityTable extends Stamped {
  id: string;
  name: string;
  creditCode: string;
  areaCode: string;
  county: string;
  township: string;
  type: string;
  licensedBeds: number;
  phone: string;
  address: string;
  /** When the centre started using this system (ISO instant); alarms are judged from then on. */
  startedAt: string | null;
}

export interface BuildingsTable extends Stamped {
  id: string;
  name: string;
  floors: number;
  retiredAt: string | null;
}

export interface RoomsTable extends Stamped {
  id: string;
  buildingId: string;
  floor: number;
  name: string;
  retiredAt: string | null;
}

export interface BedsTable extends Stamped {
  id: string;
  roomId: string;
  label: string;
  bedType: BedType;
  setting: BedSetting;
  retiredAt: string | null;
}

export interface ResidentsTable extends Stamped {
  id: string;
  name: string;
  nameInitials: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  householdAddress: string;
  village: string;
  primaryCategory: string;
  tags: string; // JSON array
  tekunCertNo: string;
  /** 户籍类别 (migration 0020); null when not yet filled in. */
  hukou: 'urban' | 'rural' | null;
  contacts: string; // JSON array
  allergies: string;
  chronicConditions: string;
  dietType: string;
  /** 忌口 (foods the resident will not or must not eat), kept by the meals module. */
  avoidances: Generated<string>;
  photo: string | null;
  note: string;
  status: ResidentStatus;
  bedId: string | null;
  admittedOn: string | null;
  dischargedOn: string | null;
  archivedAt: string | null;
}

export interface StayEventsTable extends Stamped {
  id: string;
  residentId: string;
  type: StayEventType;
  date: string;
  endDate: string | null;
  expectedReturn: string | null;
  bedId: string | null;
  fromBedId: string | null;
  agreementNo: string | null;
  agreementEnd: string | null;
  reason: string | null;
  note: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actorId: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

export interface UsersTable extends Stamped {
  id: string;
  /** Null for people who sign in with their PIN only (then passwordHash is null too). */
  username: string | null;
  displayName: string;
  role: Role;
  passwordHash: string | null;
  pinHash: string | null;
  mustChangePassword: number;
  failedAttempts: number;
  lockedUntil: string | null;
  disabledAt: string | null;
  staffId: string | null;
  lastSignInAt: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string;
}

export interface AssessmentsTable extends Stamped {
  id: string;
  residentId: string;
  reason: 'first' | 'routine' | 'ad_hoc' | 'dispute' | 'other';
  assessedOn: string;
  answers: string;
  riskEvents: string;
  coma: number;
  dementia: number;
  mentalDisorder: number;
  assessor1: string;
  assessor2: string;
  /** The staff member behind assessor1/2, or null for an outside assessor (then the organisation is filled). */
  assessor1StaffId: string | null;
  assessor1Org: string;
  assessor2StaffId: string | null;
  assessor2Org: string;
  /** A.5 health items as JSON (HealthAnswers). */
  health: string;
  /** When B.3.9 = 0: 昏迷 or 昏睡 (migration 0017). */
  consciousness: 'coma' | 'stupor' | null;
  /** A.2 basic information of that day as JSON (BasicInfo; '{}' before 0017). */
  basicInfo: string;
  status: 'draft' | 'final';
  total: number | null;
  preliminaryLevel: number | null;
  finalLevel: number | null;
  levelReasons: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
}

export interface TierAssessmentsTable extends Stamped {
  id: string;
  residentId: string;
  assessedOn: string;
  indicators: string;
  tier: 'self_sufficient' | 'partly_lost' | 'fully_lost';
  assessor: string;
  note: string;
}

export interface RiskAssessmentsTable extends Stamped {
  id: string;
  residentId: string;
  assessedOn: string;
  risks: string;
  assessor: string;
  note: string;
}

export interface CareGradesTable extends Stamped {
  id: string;
  name: string;
  rank: number;
  suggestedForLevels: string;
  retiredAt: string | null;
}

export interface CareGradeFeesTable extends Stamped {
  id: string;
  gradeId: string;
  monthlyFeeFen: number;
  effectiveFrom: string;
}

export interface ResidentGradesTable extends Stamped {
  id: string;
  residentId: string;
  gradeId: string;
  effectiveFrom: string;
  assessmentId: string | null;
  suggestedGradeId: string | null;
  overrideReason: string;
  approver: string;
  consentBy: string;
  consentRelation: string;
}

export interface CarePlanTemplatesTable extends Stamped {
  id: string;
  triggerKind: 'grade' | 'risk';
  triggerRef: string;
  minRisk: 'medium' | 'high' | null;
  task: string;
  frequency: string;
  retiredAt: string | null;
  /** 查房时完成: a round completes this task for everyone it covers. */
  completesOnRound: Generated<number>;
}

export interface CarePlanTasksTable extends Stamped {
  id: string;
  residentId: string;
  templateId: string | null;
  task: string;
  frequency: string;
  source: string;
  active: number;
  note: string;
  /** 查房时完成: a round completes this task for everyone it covers. */
  completesOnRound: Generated<number>;
}

export interface AssessmentDisputesTable extends Stamped {
  id: string;
  assessmentId: string;
  raisedBy: string;
  relation: string;
  note: string;
  raisedOn: string;
}

export interface StaffTable extends Stamped {
  id: string;
  name: string;
  role: StaffRole;
  phone: string;
  idNumber: string;
  hireDate: string;
  certLevel: CertLevel;
  certExpiry: string | null;
  healthCertExpiry: string | null;
  leftOn: string | null;
  note: string;
}

export interface StaffTrainingTable extends Stamped {
  id: string;
  staffId: string;
  date: string;
  topic: string;
  hours: number;
  provider: string;
}

export interface ShiftsTable extends Stamped {
  id: string;
  name: string;
  startTime: string;
  endTime: string;
  nightRounds: number;
  retiredAt: string | null;
}

export interface RosterEntriesTable extends Stamped {
  id: string;
  staffId: string;
  shiftId: string;
  shiftDate: string;
  area: string; // JSON array of area keys
  cancelledAt: string | null;
  cancelledBy: string | null;
}

export interface CareEntriesTable {
  id: string;
  residentId: string;
  kind: EntryKind;
  taskId: string | null;
  slot: string | null;
  data: string; // JSON
  shiftId: string;
  shiftDate: string;
  occurredAt: string;
  recordedById: string;
  recordedBy: string;
  amendsId: string | null;
  amendReason: string | null;
  requestId: string;
  createdAt: string;
}

export interface IncidentsTable extends Stamped {
  id: string;
  residentId: string;
  type: IncidentType;
  occurredAt: string;
  place: string;
  severity: Severity;
  description: string;
  actionTaken: string;
  familyNotified: number;
  notifiedWho: string;
  notifiedAt: string | null;
  hospitalTransfer: number;
  hospital: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
  closingNote: string | null;
  reportedById: string;
  reportedBy: string;
  requestId: string;
}

export interface IncidentFollowUpsTable {
  id: string;
  incidentId: string;
  at: string;
  note: string;
  by: string;
}

export interface HandoversTable {
  id: string;
  shiftId: string;
  shiftDate: string;
  fromUserId: string;
  fromName: string;
  area: string; // JSON
  summary: string; // JSON
  notes: string;
  submittedAt: string;
  acceptedById: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  acceptNote: string | null;
  requestId: string;
  /** Why it was handed over well before the shift's end ('' when on time). */
  earlyReason: Generated<string>;
}

export interface DB {
  facility: FacilityTable;
  buildings: BuildingsTable;
  rooms: RoomsTable;
  beds: BedsTable;
  residents: ResidentsTable;
  stayEvents: StayEventsTable;
  auditLog: AuditLogTable;
  users: UsersTable;
  settings: SettingsTable;
  assessments: AssessmentsTable;
  tierAssessments: TierAssessmentsTable;
  riskAssessments: RiskAssessmentsTable;
  careGrades: CareGradesTable;
  careGradeFees: CareGradeFeesTable;
  residentGrades: ResidentGradesTable;
  carePlanTemplates: CarePlanTemplatesTable;
  carePlanTasks: CarePlanTasksTable;
  assessmentDisputes: AssessmentDisputesTable;
  staff: StaffTable;
  staffTraining: StaffTrainingTable;
  shifts: ShiftsTable;
  rosterEntries: RosterEntriesTable;
  careEntries: CareEntriesTable;
  incidents: IncidentsTable;
  incidentFollowUps: IncidentFollowUpsTable;
  handovers: HandoversTable;
  dietTypes: DietTypesTable;
  menuEntries: MenuEntriesTable;
  mealAdjustments: MealAdjustmentsTable;
  mealServices: MealServicesTable;
  mealAidDiners: MealAidDinersTable;
  mealAidPrices: MealAidPricesTable;
  mealAidServings: MealAidServingsTable;
  foodSamples: FoodSamplesTable;
  fireCheckpoints: FireCheckpointsTable;
  fireCheckItems: FireCheckItemsTable;
  fireRounds: FireRoundsTable;
  fireRoundResults: FireRoundResultsTable;
  fireDangers: FireDangersTable;
  fireEquipment: FireEquipmentTable;
  fireDrills: FireDrillsTable;
  fireTrainings: FireTrainingsTable;
  fireTrainingAttendees: FireTrainingAttendeesTable;
  fireDutyLog: FireDutyLogTable;
  syncIdentity: SyncIdentityTable;
  syncCounty: SyncCountyTable;
  syncExports: SyncExportsTable;
  countyCentres: CountyCentresTable;
  countyPackages: CountyPackagesTable;
  countyImportReports: CountyImportReportsTable;
  countyRecords: CountyRecordsTable;
  countyFigures: CountyFiguresTable;
  tierDecisions: TierDecisionsTable;
  countyTierAnswers: CountyTierAnswersTable;
}

export interface FireCheckpointsTable extends Stamped {
  id: string;
  name: string;
  kind: string;
  sort: number;
  retiredAt: string | null;
}

export interface FireCheckItemsTable extends Stamped {
  id: string;
  list: string;
  text: string;
  sort: number;
  retiredAt: string | null;
}

export interface FireRoundsTable {
  id: string;
  kind: RoundKind;
  doneAt: string;
  byId: string;
  byName: string;
  note: string;
  countersignedAt: string | null;
  countersignedById: string | null;
  countersignedBy: string | null;
  requestId: string;
  createdAt: string;
}

export interface FireRoundResultsTable {
  id: string;
  roundId: string;
  checkpointId: string | null;
  itemId: string | null;
  equipmentId: string | null;
  result: 'ok' | 'problem';
  note: string;
  photo: string | null;
  fixedOnSpot: number;
  dangerId: string | null;
}

export interface FireDangersTable extends Stamped {
  id: string;
  source: 'patrol' | 'inspection' | 'equipment' | 'report';
  roundId: string | null;
  checkpointId: string | null;
  location: string;
  description: string;
  level: DangerLevel;
  photo: string | null;
  responsible: string;
  responsibleStaffId: string | null;
  deadline: string;
  status: DangerStatus;
  foundAt: string;
  foundById: string;
  foundBy: string;
  rectificationNote: string | null;
  rectificationPhoto: string | null;
  rectifiedAt: string | null;
  rectifiedById: string | null;
  rectifiedBy: string | null;
  verifiedAt: string | null;
  verifiedById: string | null;
  verifiedBy: string | null;
  verificationNote: string | null;
  requestId: string;
}

export interface FireEquipmentTable extends Stamped {
  id: string;
  type: EquipmentType;
  code: string;
  spec: string;
  checkpointId: string | null;
  location: string;
  productionDate: string | null;
  expiryDate: string | null;
  lastPressureCheck: string | null;
  retiredAt: string | null;
  note: string;
}

export interface FireDrillsTable extends Stamped {
  id: string;
  date: string;
  scenario: string;
  atNight: number;
  bedridden: number;
  participants: number;
  participantNames: string;
  evacuationSeconds: number | null;
  evaluation: string;
  improvements: string;
}

export interface FireTrainingsTable extends Stamped {
  id: string;
  date: string;
  topic: string;
  hours: number;
  trainer: string;
}

export interface FireTrainingAttendeesTable {
  trainingId: string;
  staffId: string;
}

export interface FireDutyLogTable {
  id: string;
  at: string;
  kind: 'entry' | 'handover';
  text: string;
  handedTo: string | null;
  byId: string;
  byName: string;
  requestId: string;
}

export interface DietTypesTable extends Stamped {
  code: string;
  texture: string;
  inUse: number;
}

export interface MenuEntriesTable extends Stamped {
  id: string;
  date: string;
  meal: Meal;
  dietType: string;
  /** JSON array of dish names. */
  dishes: string;
}

export interface MealAdjustmentsTable {
  id: string;
  date: string;
  meal: Meal;
  dietType: string;
  delta: number;
  reason: string;
  createdAt: string;
  createdBy: string;
}

export interface MealServicesTable {
  id: string;
  date: string;
  meal: Meal;
  /** JSON object: diet code → residents served. */
  counts: string;
  residentTotal: number;
  servedAt: string;
  servedById: string;
  servedBy: string;
  requestId: string;
}

export interface MealAidDinersTable extends Stamped {
  id: string;
  name: string;
  nameInitials: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  village: string;
  category: DinerCategory;
  phone: string;
  address: string;
  route: string;
  defaultMode: ServingMode;
  leftOn: string | null;
  note: string;
}

export interface MealAidPricesTable extends Stamped {
  id: string;
  category: DinerCategory;
  meal: Meal;
  effectiveFrom: string;
  priceFen: number;
  subsidyFen: number;
}

export interface MealAidServingsTable {
  id: string;
  dinerId: string;
  date: string;
  meal: Meal;
  mode: ServingMode;
  category: DinerCategory;
  priceFen: number;
  subsidyFen: number;
  requestId: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  createdAt: string;
  createdBy: string;
}

export interface FoodSamplesTable {
  id: string;
  date: string;
  meal: Meal;
  dish: string;
  amountGrams: number;
  sampledAt: string;
  fridge: string;
  sampledById: string;
  sampledBy: string;
  requestId: string;
  disposedAt: string | null;
  disposedBy: string | null;
  earlyReason: string | null;
  createdAt: string;
}

export interface SyncIdentityTable {
  id: number;
  mode: 'centre' | 'county';
  countyCode: string;
  countyName: string;
  publicKey: string;
  privateKey: string;
  keyProtection: 'safe_storage' | 'none';
  createdAt: string;
  createdBy: string;
}

export interface SyncCountyTable {
  id: number;
  countyCode: string;
  countyName: string;
  publicKey: string;
  importedAt: string;
  importedBy: string;
  /** 'pending' until the manager confirms the fingerprint the county read out by phone. */
  state: Generated<'pending' | 'confirmed'>;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface SyncExportsTable {
  id: string;
  period: string;
  sequence: number;
  correction: number;
  correctionReason: string;
  packageId: string;
  fileHash: string;
  previousHash: string;
  fileName: string;
  bytes: number;
  rows: number;
  warnings: string; // JSON array
  packageCreatedAt: string;
  createdAt: string;
  createdBy: string;
}

export interface CountyCentresTable {
  centreCode: string;
  name: string;
  township: string;
  publicKey: string;
  enrolledAt: string;
  enrolledBy: string;
  /** 'pending' until the clerk confirms the fingerprint read out by phone; 'withdrawn' if undone before any import. */
  state: Generated<'pending' | 'confirmed' | 'withdrawn'>;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface CountyPackagesTable {
  packageId: string;
  fileHash: string;
  centreCode: string;
  period: string;
  sequence: number;
  correction: number;
  correctionReason: string;
  packageCreatedAt: string;
  importedAt: string;
  importedBy: string;
  supersededBy: string | null;
}

export interface CountyImportReportsTable {
  id: string;
  at: string;
  byId: string;
  byName: string;
  fileName: string;
  fileHash: string;
  centreCode: string;
  centreName: string;
  period: string;
  sequence: number | null;
  correction: number | null;
  outcome: 'accepted' | 'already_imported' | 'superseded' | 'rejected';
  message: string;
  counts: string; // JSON object: section → rows
  errors: string; // JSON array
  warnings: string; // JSON array
}

export interface CountyRecordsTable {
  centreCode: string;
  period: string;
  section: string;
  recordId: string;
  data: string;
  packageId: string;
}

export interface CountyFiguresTable {
  centreCode: string;
  period: string;
  figures: string;
  packageId: string;
}

/** The county's decision on a resident's 特困 tier (or its rejection of a proposal), as the centre records it. */
export interface TierDecisionsTable extends Stamped {
  id: string;
  residentId: string;
  proposalId: string | null;
  outcome: 'confirmed' | 'rejected';
  decidedOn: string;
  documentNo: string;
  tier: 'self_sufficient' | 'partly_lost' | 'fully_lost' | null;
  careTier: 1 | 2 | 3 | null;
  reason: string;
  source: 'paper' | 'county_answer';
  /** The county's answer id when applied from an answer file (unique: a re-import applies nothing twice). */
  answerId: string | null;
}

/** The county's answer to a centre's tier proposal. */
export interface CountyTierAnswersTable {
  id: string;
  centreCode: string;
  proposalId: string;
  residentId: string;
  outcome: 'confirmed' | 'rejected';
  decidedOn: string;
  documentNo: string;
  tier: 'self_sufficient' | 'partly_lost' | 'fully_lost' | null;
  careTier: 1 | 2 | 3 | null;
  reason: string;
  createdAt: string;
  createdBy: string;
}
