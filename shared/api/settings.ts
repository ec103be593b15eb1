// API of the settings module: rules the centre may tune. Defaults and where they come from are in the README.
import { z } from 'zod';
import { clockTime, wholeNumber } from './fields';
import { method } from './method';
import { CENTRE_STAFF, MANAGERS } from './roles';

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
  /** 食品留样: at least this many grams of each dish (餐饮服务食品安全操作规范 2018). */
  sampleMinGrams: wholeNumber('每样留样至少（克）', 50, 1000).default(125),
  /** 食品留样: kept at least this many hours (same rule). */
  sampleMinHours: wholeNumber('留样至少保存（小时）', 24, 240).default(48),
});
export type Settings = z.output<typeof Settings>;

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
};

export const settingsApi = {
  'settings.get': method({ input: z.object({}), output: Settings, roles: CENTRE_STAFF, writes: false }),
  'settings.update': method({ input: Settings, output: Settings, roles: MANAGERS, writes: true }),
};
