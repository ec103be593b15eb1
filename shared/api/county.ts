// API of the county module (县级汇总): the county's key file, the centre registry, importing packages (stage → dry run
// → apply as a job), the stored import reports, the submission matrix, indicators with a drill-down to one centre,
// the 特困 quarterly table, the village register's figures and the Excel workbook of them all.
import { z } from 'zod';
import { BinaryFile, TextFile, centreCode } from './fields';
import { method } from './method';
import type { Role } from './roles';
import { heardFingerprint, periodField } from './sync';

const COUNTY_READERS: readonly Role[] = ['county_admin', 'county_viewer'];
const COUNTY_ADMINS: readonly Role[] = ['county_admin'];

export const OUTCOMES = ['accepted', 'already_imported', 'superseded', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ENROLMENT_STATES = ['pending', 'confirmed', 'withdrawn'] as const;

/** What a county-mode store gathers (issue 20): a county (6-digit code), a prefecture/city 地市 (4) or a province 省 (2). */
export const AREA_LEVELS = ['county', 'prefecture', 'province'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export const areaLevelOf = (code: string): AreaLevel => (code.length === 2 ? 'province' : code.length === 4 ? 'prefecture' : 'county');

export const CountyStatus = z.object({
  /** The area's code: 6 digits for a county, 4 for a prefecture, 2 for a province. */
  countyCode: z.string(),
  countyName: z.string(),
  fingerprint: z.string(),
  keyProtection: z.enum(['safe_storage', 'none']),
  area: z.enum(AREA_LEVELS),
  /** The key file for the centres: a county's own; a prefecture or province hands out one per county (county.keyFileFor). */
  keyFile: TextFile,
});
export type CountyStatus = z.output<typeof CountyStatus>;

export const CentreRow = z.object({
  centreCode: z.string(),
  name: z.string(),
  /** The county: the first 6 digits of the centre's code, and the name its registration file gave ('' before issue 20). */
  countyCode: z.string(),
  countyName: z.string(),
  township: z.string(),
  fingerprint: z.string(),
  enrolledAt: z.string(),
  enrolledBy: z.string(),
  /** pending: the file is in, the fingerprint not yet confirmed by phone; only confirmed centres' packages are imported. */
  state: z.enum(ENROLMENT_STATES),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  lastPeriod: z.string().nullable(),
  packages: z.number(),
});
export type CentreRow = z.output<typeof CentreRow>;

export const ImportPreview = z.object({
  fileName: z.string(),
  outcome: z.enum(OUTCOMES),
  message: z.string(),
  centreCode: z.string(),
  centreName: z.string(),
  period: z.string(),
  sequence: z.number().nullable(),
  correction: z.number().nullable(),
  counts: z.record(z.string(), z.number()),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type ImportPreview = z.output<typeof ImportPreview>;

export const ImportReport = ImportPreview.extend({ reportId: z.string() });
export const ImportJob = z.object({ id: z.string(), percent: z.number(), done: z.boolean(), error: z.string().nullable(), reports: z.array(ImportReport) });
export type ImportJob = z.output<typeof ImportJob>;

export const ReportRow = ImportPreview.extend({ id: z.string(), at: z.string(), byName: z.string() });
export type ReportRow = z.output<typeof ReportRow>;

/** unregistered: a month before the centre was enrolled (or set up), nothing expected. */
export const CELL_STATUSES = ['on_time', 'late', 'corrected', 'missing', 'not_due', 'unregistered'] as const;
export const MatrixCell = z.object({ period: z.string(), status: z.enum(CELL_STATUSES), correction: z.number(), exportedAt: z.string().nullable(), importedAt: z.string().nullable() });
export const Matrix = z.object({
  year: z.number(),
  dueDay: z.number(),
  centres: z.array(z.object({ centreCode: z.string(), name: z.string(), state: z.enum(ENROLMENT_STATES), cells: z.array(MatrixCell) })),
});
export type Matrix = z.output<typeof Matrix>;

const FiguresOut = z.record(z.string(), z.number());
export const Indicators = z.object({
  period: z.string(),
  /** What `centres` holds: the centres, or (an area store's whole area, issue 20) one column per county, code 6 digits. */
  columns: z.enum(['centres', 'counties']),
  centres: z.array(z.object({ centreCode: z.string(), name: z.string(), figures: FiguresOut.nullable() })),
  total: FiguresOut,
  reported: z.number(),
  /** Confirmed centres in view (with columns by county, more than the columns). */
  centreCount: z.number(),
  trend: z.array(z.object({ period: z.string(), reported: z.number(), total: FiguresOut })),
});
export type Indicators = z.output<typeof Indicators>;

export const CentreDetail = z.object({
  centre: CentreRow,
  period: z.string(),
  months: z.array(z.object({ period: z.string(), figures: FiguresOut })),
  residents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** Masked (county.revealIdNumber shows it in full, audited); null when the package did not carry it (format 1) or the file has none. */
      idMasked: z.string().nullable(),
      sex: z.string(),
      age: z.number(),
      category: z.string(),
      level: z.number().nullable(),
      /** The county's decision (official); tierProposed is the centre's latest proposal. */
      tier: z.string().nullable(),
      tierProposed: z.string().nullable(),
      hukou: z.string().nullable(),
      severeDisability: z.boolean().nullable(),
      mentalIllness: z.boolean().nullable(),
      status: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type CentreDetail = z.output<typeof CentreDetail>;

export const TekunRow = z.object({ centreCode: z.string(), name: z.string(), reported: z.boolean(), figures: FiguresOut });
export const TekunQuarter = z.object({ year: z.number(), quarter: z.number(), months: z.array(z.string()), rows: z.array(TekunRow), total: FiguresOut });
export type TekunQuarter = z.output<typeof TekunQuarter>;

/** One county of a prefecture's or province's store in a month (issue 20): its centres, their reporting and figures. */
export const CountyRow = z.object({
  countyCode: z.string(),
  name: z.string(),
  enrolled: z.number(),
  confirmed: z.number(),
  reported: z.number(),
  onTime: z.number(),
  late: z.number(),
  corrected: z.number(),
  missing: z.number(),
  figures: FiguresOut,
});
export type CountyRow = z.output<typeof CountyRow>;
export const CountyList = z.object({ period: z.string(), area: z.enum(AREA_LEVELS), counties: z.array(CountyRow) });
export type CountyList = z.output<typeof CountyList>;

export const FacilityTable = z.object({ period: z.string(), rows: z.array(z.object({ centreCode: z.string(), name: z.string(), figures: FiguresOut.nullable() })), total: FiguresOut, reported: z.number() });
export type FacilityTable = z.output<typeof FacilityTable>;

/** One village of one township (centre) in a month: the register's figures (issue 17, shared/domain/sync/village-figures.ts). */
export const VillageRow = z.object({
  centreCode: z.string(),
  township: z.string(),
  villageId: z.string(),
  village: z.string(),
  code: z.string().nullable(),
  atHome: z.number(),
  byGroup: z.record(z.string(), z.number()),
  byRisk: z.object({ high: z.number(), medium: z.number(), low: z.number() }),
  mealAid: z.number(),
  agreements: z.number(),
  due: z.number(),
  dueVisited: z.number(),
  /** Visited ÷ due in the month; null when nobody fell due. */
  coverage: z.number().nullable(),
  hardship: z.number(),
  hardshipVisited: z.number(),
  hardshipVisitedHome: z.number(),
  /** 月探访率 of 特殊困难 elders, counting calls, and home visits only. */
  rate: z.number().nullable(),
  rateHomeOnly: z.number().nullable(),
  overdue: z.number(),
  openFollowups: z.number(),
  openSpecialReports: z.number(),
  assessmentCounted: z.number(),
  assessmentCurrent: z.number(),
  /** 特困, 低保 and 计生特殊家庭 elders at home with a current ability assessment ÷ all of them; null: none. */
  assessmentCoverage: z.number().nullable(),
});
export type VillageRow = z.output<typeof VillageRow>;
export const VillageTable = z.object({
  period: z.string(),
  rows: z.array(VillageRow),
  /** Townships that reported the month, and those of them whose package has no register (an older program). */
  reported: z.number(),
  withoutRegister: z.array(z.object({ centreCode: z.string(), name: z.string() })),
});
export type VillageTable = z.output<typeof VillageTable>;

// Care at home across the county (issue 18, shared/domain/sync/care-at-home-figures.ts): per township and village, per
// service item, per provider with its settlement, and 分散供养特困 under entrusted care per tier.
const township = { centreCode: z.string(), township: z.string() };
export const CareVillageRow = z.object({
  ...township,
  villageId: z.string().nullable(),
  village: z.string(),
  servedElders: z.number(),
  visitsDone: z.number(),
  visitsMissed: z.number(),
  serviceMinutes: z.number(),
  disputed: z.number(),
  complaints: z.number(),
  overQuota: z.number(),
  entrusted: z.number(),
  entrustedChecked: z.number(),
  pairs: z.number(),
  helpers: z.number(),
  aidActivities: z.number(),
  aidMinutes: z.number(),
  associationActivities: z.number(),
  attendance: z.number(),
});
export type CareVillageRow = z.output<typeof CareVillageRow>;
export const CareItemRow = z.object({ ...township, itemId: z.string(), item: z.string(), unit: z.enum(['visit', 'hour']), visits: z.number(), quantity: z.number(), entitledElders: z.number(), quota: z.number(), used: z.number() });
export const CareProviderRow = z.object({
  ...township,
  providerId: z.string(),
  provider: z.string(),
  kind: z.enum(['centre', 'organisation']),
  visitsDone: z.number(),
  visitsMissed: z.number(),
  disputed: z.number(),
  settlement: z.object({ visits: z.number(), disputed: z.number(), amountFen: z.number(), disputedFen: z.number(), subsidyFen: z.number(), personalFen: z.number(), settledOn: z.string() }).nullable(),
});
export const CareTierRow = z.object({ ...township, tier: z.enum(['fully_lost', 'partly_lost', 'self_sufficient']), agreements: z.number(), checked: z.number(), notDelivered: z.number(), poorCarer: z.number(), subsidyFen: z.number() });
export const CareAtHomeTable = z.object({
  period: z.string(),
  reported: z.number(),
  villages: z.array(CareVillageRow),
  items: z.array(CareItemRow),
  providers: z.array(CareProviderRow),
  tiers: z.array(CareTierRow),
  /** Townships that reported the month with nothing of care at home (none done, or a program older than format 4). */
  withoutCare: z.array(z.object({ centreCode: z.string(), name: z.string() })),
});
export type CareAtHomeTable = z.output<typeof CareAtHomeTable>;

/** A county within the store's area, or null for the whole area. */
const countyFilter = z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字' }).nullable().default(null);
const yearField = z.number({ error: '请选择年份' }).int().min(2000, { error: '年份不对' }).max(2100, { error: '年份不对' });
/** A package read by the county is at most 24 MB (DEFAULT_LIMITS in electron/backend/package/package.ts): its base64 text. */
const packageText = z.string().max(Math.ceil((24 * 1024 * 1024) / 3) * 4, { error: '文件太大（超过24MB），不是月报数据包' });
const StageInput = z.union([
  z.object({ batchId: z.string().nullable().default(null), files: z.array(z.object({ name: z.string().min(1).max(255), base64: packageText })).min(1, { error: '请选择要导入的数据包文件' }).max(200) }),
  z.object({ batchId: z.string().nullable().default(null), folder: z.string().trim().min(1, { error: '请填写或选择文件夹' }).max(1000) }),
]);

export const countyApi = {
  'county.status': method({ input: z.object({}), output: CountyStatus, roles: COUNTY_READERS, writes: false }),
  /** A prefecture's or province's store: the key file for the centres of one county within it (its own code and name). */
  'county.keyFileFor': method({
    input: z.object({
      countyCode: z.string({ error: '请填写县级行政区划代码' }).trim().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字' }),
      countyName: z.string({ error: '请填写县（市、区）名称' }).trim().min(1, { error: '请填写县（市、区）名称' }).max(30, { error: '县（市、区）名称不能超过30个字' }),
    }),
    output: TextFile,
    roles: COUNTY_READERS,
    writes: false,
  }),
  /** A prefecture's or province's store: each county's centres, reporting and main figures for a month. */
  'county.counties': method({ input: z.object({ period: periodField }), output: CountyList, roles: COUNTY_READERS, writes: false }),
  'county.centres': method({ input: z.object({}), output: z.array(CentreRow), roles: COUNTY_READERS, writes: false }),
  'county.enrol': method({
    input: z.object({ text: z.string({ error: '请选择登记文件' }).min(1, { error: '文件是空的' }).max(100_000, { error: '文件太大，不是登记文件' }) }),
    output: z.object({ centreCode: z.string(), name: z.string(), fingerprint: z.string(), already: z.boolean(), state: z.enum(ENROLMENT_STATES) }),
    roles: COUNTY_ADMINS,
    writes: true,
  }),
  /** The clerk typed what the centre read out by phone: it must match the enrolment file's fingerprint. */
  'county.confirmCentre': method({ input: z.object({ centreCode: z.string(), fingerprint: heardFingerprint }), output: CentreRow, roles: COUNTY_ADMINS, writes: true }),
  /** Undo an enrolment (pending or confirmed) — refused once a package from the centre was imported. */
  'county.withdrawCentre': method({ input: z.object({ centreCode: z.string() }), output: z.object({ centreCode: z.string() }), roles: COUNTY_ADMINS, writes: true }),
  /** Dry run: what importing these files would do. Nothing is written. */
  'county.stage': method({ input: StageInput, output: z.object({ batchId: z.string(), items: z.array(ImportPreview) }), roles: COUNTY_ADMINS, writes: false }),
  'county.apply': method({ input: z.object({ batchId: z.string() }), output: z.object({ jobId: z.string() }), roles: COUNTY_ADMINS, writes: true }),
  'county.job': method({ input: z.object({ jobId: z.string() }), output: ImportJob, roles: COUNTY_ADMINS, writes: false }),
  'county.reports': method({ input: z.object({ query: z.string().trim().max(60).default(''), outcome: z.enum(OUTCOMES).nullable().default(null) }), output: z.array(ReportRow), roles: COUNTY_READERS, writes: false }),
  /** One report as a text file, to send back to the centre. */
  'county.reportFile': method({ input: z.object({ id: z.string() }), output: TextFile, roles: COUNTY_READERS, writes: false }),
  'county.matrix': method({ input: z.object({ year: yearField, countyCode: countyFilter }), output: Matrix, roles: COUNTY_READERS, writes: false }),
  /** In an area store the whole area's columns are its counties; one county's (countyCode) are its centres. */
  'county.indicators': method({ input: z.object({ period: periodField, countyCode: countyFilter }), output: Indicators, roles: COUNTY_READERS, writes: false }),
  'county.centre': method({ input: z.object({ centreCode: centreCode(), period: periodField }), output: CentreDetail, roles: COUNTY_READERS, writes: false }),
  'county.tekunQuarter': method({ input: z.object({ year: yearField, countyCode: countyFilter, quarter: z.number().int().min(1, { error: '季度应为1–4' }).max(4, { error: '季度应为1–4' }) }), output: TekunQuarter, roles: COUNTY_READERS, writes: false }),
  /** 机构基本情况表 of a month: beds, residents, staff by post, social workers per 100 beds, training and certificates. */
  'county.facilityTable': method({ input: z.object({ period: periodField, countyCode: countyFilter }), output: FacilityTable, roles: COUNTY_READERS, writes: false }),
  /** A reported resident's full ID number, for matching the county's roll: county administrator only, every look audited. */
  'county.revealIdNumber': method({
    input: z.object({ centreCode: centreCode(), period: periodField, residentId: z.string().min(1).max(64) }),
    output: z.object({ idNumber: z.string() }),
    roles: COUNTY_ADMINS,
    writes: true,
  }),
  /** The village register's figures by township and village (issue 17). */
  'county.villages': method({ input: z.object({ period: periodField, countyCode: countyFilter }), output: VillageTable, roles: COUNTY_READERS, writes: false }),
  'county.careAtHome': method({ input: z.object({ period: periodField, countyCode: countyFilter }), output: CareAtHomeTable, roles: COUNTY_READERS, writes: false }),
  'county.exportExcel': method({ input: z.object({ period: periodField, countyCode: countyFilter }), output: BinaryFile, roles: COUNTY_READERS, writes: false }),
};
