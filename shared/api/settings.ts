// API of the settings module: rules the centre may tune. Defaults and where they come from are in the README.
import { z } from 'zod';
import { clockTime, wholeNumber } from './fields';
import { method } from './method';
import { CENTRE_STAFF, MANAGERS } from './roles';

/** 餐饮服务食品安全操作规范 (2018): each dish at least 125 g, kept at least 48 hours. A setting may ask for more, never less. */
export const SAMPLE_LEGAL_MIN_GRAMS = 125;
export const SAMPLE_LEGAL_MIN_HOURS = 48;

/** A whole number whose minimum is set by law: the message says so. */
const legalFloor = (label: string, floor: number, max: number, floorMessage: string) =>
  z.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数` }).min(floor, { error: floorMessage }).max(max, { error: `${label}不能大于${max}` });

export const Settings = z.object({
  /** Lock the shared PC after this many idle minutes. */
  idleMinutes: wholeNumber('自动锁屏时间（分钟）', 1, 120),
  /** Failed sign-ins (password or PIN) before the account is locked for a while. */
  lockoutAttempts: wholeNumber('连续输错次数', 3, 20),
  lockoutMinutes: wholeNumber('锁定时间（分钟）', 1, 1440),
  passwordMinLength: wholeNumber('密码最短长度', 6, 64),
  /** Years a discharged resident's file is kept after the service agreement ends (养老机构管理办法 第32条). */
  retentionYears: wholeNumber('档案保存年限', 5, 100),
  /** Months between routine ability reassessments (GB/T 42195 sets none; MZ/T 039 practice was 6) [R]. */
  reassessMonths: wholeNumber('常规复评间隔（月）', 1, 24).default(6),
  /** Minutes between night rounds (民发〔2023〕37号: exact frequency unconfirmed; common practice every 2 h) [R]. */
  roundIntervalMinutes: wholeNumber('夜间查房间隔（分钟）', 30, 360).default(120),
  /** Minutes after a shift's end during which its caregiver may still add records, before handing over. */
  lateEntryMinutes: wholeNumber('下班后可补记时间（分钟）', 0, 240).default(60),
  /** Handing over more than this many minutes before the shift ends asks for a reason (issue 13; the centre's own rule, no national figure). */
  earlyHandoverMinutes: wholeNumber('提前交班需写原因（分钟）', 0, 480).default(60),
  /** Days ahead that expiring certificates show on the dashboard. */
  certWarnDays: wholeNumber('证书到期提前提醒（天）', 7, 180).default(60),
  /** When each meal is served: the headcount is taken at this time (who is away then is not counted). */
  breakfastTime: clockTime('早餐时间').default('07:00'),
  lunchTime: clockTime('午餐时间').default('11:30'),
  dinnerTime: clockTime('晚餐时间').default('17:30'),
  snackTime: clockTime('加餐时间').default('15:00'),
  /** 食品留样: at least this many grams of each dish (餐饮服务食品安全操作规范 2018): the law's 125 g is the floor, more is allowed. */
  sampleMinGrams: legalFloor('每样留样至少（克）', SAMPLE_LEGAL_MIN_GRAMS, 1000, '留样不能少于法定的125克（餐饮服务食品安全操作规范）').default(125),
  /** 食品留样: kept at least this many hours (same rule): 48 h is the floor. */
  sampleMinHours: legalFloor('留样至少保存（小时）', SAMPLE_LEGAL_MIN_HOURS, 240, '留样保存不能少于法定的48小时（餐饮服务食品安全操作规范）').default(48),
  /**
   * The level a coma sets directly (GB/T 42195 能力等级变更依据). Three sources give 完全失能 (4); the note under B.3.9 in
   * the Appendix B transcription says 重度失能 (3). Default 4 until the official text is checked (domain.md §1.1) [R].
   */
  comaLevel: z.union([z.literal(3), z.literal(4)], { error: '昏迷者直接评定的等级只能是重度失能或完全失能' }).default(4),
  /** Months between GB 38600 service-safety risk reassessments when nothing changed [R: no national figure found]. */
  riskReassessMonths: wholeNumber('风险评估复评间隔（月）', 1, 24).default(6),
  /** Working days the county has to answer a reported change of a 特困 self-care tier (特困人员认定办法: 10 个工作日) [R]. */
  tierAnswerWorkingDays: wholeNumber('县级答复期限（工作日）', 1, 60).default(10),
  /** The manager is warned when the data disk has less room than this (and always below 5 × the database) — issue 25. */
  diskWarnMegabytes: wholeNumber('硬盘空间提醒（MB）', 200, 1_000_000).default(1024),
});
export type Settings = z.output<typeof Settings>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  idleMinutes: 10,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  passwordMinLength: 8,
  retentionYears: 5,
  reassessMonths: 6,
  roundIntervalMinutes: 120,
  lateEntryMinutes: 60,
  earlyHandoverMinutes: 60,
  certWarnDays: 60,
  breakfastTime: '07:00',
  lunchTime: '11:30',
  dinnerTime: '17:30',
  snackTime: '15:00',
  sampleMinGrams: 125,
  sampleMinHours: 48,
  comaLevel: 4,
  riskReassessMonths: 6,
  tierAnswerWorkingDays: 10,
  diskWarnMegabytes: 1024,
};

export const settingsApi = {
  'settings.get': method({ input: z.object({}), output: Settings, roles: CENTRE_STAFF, writes: false }),
  /** Stored values no longer allowed (a rule tightened since they were saved): the default applies to each of them. */
  'settings.replaced': method({ input: z.object({}), output: z.array(z.string()), roles: CENTRE_STAFF, writes: false }),
  'settings.update': method({ input: Settings, output: Settings, roles: MANAGERS, writes: true }),
};
