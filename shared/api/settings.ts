// API of the settings module: rules the centre may tune. Defaults and where they come from are in the README.
import { z } from 'zod';
import { wholeNumber } from './fields';
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
  /** Days ahead that expiring certificates show on the dashboard. */
  certWarnDays: wholeNumber('证书到期提前提醒（天）', 7, 180).default(60),
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
  certWarnDays: 60,
};

export const settingsApi = {
  'settings.get': method({ input: z.object({}), output: Settings, roles: CENTRE_STAFF, writes: false }),
  'settings.update': method({ input: Settings, output: Settings, roles: MANAGERS, writes: true }),
};
