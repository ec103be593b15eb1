// The medication settings (issue 19): the centre's dose times that 每日一次…四次 and 睡前 map to, how late a dose may be
// before it is flagged, which 高警示 classes need a second person's PIN, and the stock warnings. None of these has a
// national figure for 养老 centres (community-health.md §C): each is a setting and the screen shows its source.
import { z } from 'zod';
import { ALERT_CLASSES } from '../domain/medication/vocab';
import { clockTime, wholeNumber } from './fields';

const times = (label: string, count: number) =>
  z
    .array(clockTime(label), { error: `请填写${label}` })
    .length(count, { error: `${label}应有 ${count} 个时间` })
    .refine((list) => list.every((t, i) => i === 0 || t > list[i - 1]), { error: `${label}应从早到晚排列，且不能重复` });

export const MedicationSettings = z.object({
  qdTimes: times('每日一次的服药时间', 1),
  bidTimes: times('每日两次的服药时间', 2),
  tidTimes: times('每日三次的服药时间', 3),
  qidTimes: times('每日四次的服药时间', 4),
  qnTimes: times('睡前的服药时间', 1),
  /** A dose recorded more than this many minutes after its time is flagged 超时. */
  lateMinutes: wholeNumber('超过多少分钟算迟服', 15, 240),
  /** How long before its time a scheduled dose may be recorded. */
  earlyMinutes: wholeNumber('最早可提前多少分钟服药', 0, 180),
  /** 高警示 classes whose every dose needs a second person's PIN. */
  secondCheckClasses: z.array(z.enum(ALERT_CLASSES, { error: '请选择需要双人核对的药品类别' })).max(ALERT_CLASSES.length),
  /** Warn when a kept medicine expires within this many days. */
  expiryWarnDays: wholeNumber('药品临期提醒（天）', 1, 365),
  /** Warn when a kept medicine lasts fewer than this many days at the active orders' doses. */
  supplyWarnDays: wholeNumber('药品余量不足提醒（天）', 1, 60),
  /** Kept medicines are received only for a resident with a signed 服药管理协议. */
  agreementRequired: z.boolean(),
});
export type MedicationSettings = z.output<typeof MedicationSettings>;

export const DEFAULT_MEDICATION_SETTINGS: MedicationSettings = {
  qdTimes: ['08:00'],
  bidTimes: ['08:00', '17:00'],
  tidTimes: ['07:30', '11:30', '17:30'],
  qidTimes: ['07:30', '11:30', '17:30', '21:00'],
  qnTimes: ['21:00'],
  lateMinutes: 60,
  earlyMinutes: 60,
  secondCheckClasses: ['insulin', 'anticoagulant', 'opioid'],
  expiryWarnDays: 30,
  supplyWarnDays: 7,
  agreementRequired: true,
};

/** Where each default comes from, shown beside it on screen. */
export const MEDICATION_SETTING_SOURCES = {
  times: '本院作息：每日一次 08:00，两次 08:00/17:00，三次与四次随三餐（饭前饭后按医嘱），睡前 21:00；请按本院开饭时间修改',
  lateMinutes: '医院常用“给药时间前后 1 小时内”的做法，养老机构无全国统一规定 [R]',
  secondCheck: '高警示药品双人核对是医院的做法，养老机构无专门规定 [R]；默认胰岛素、抗凝药、阿片类需第二人核对（community-health.md §C）',
  stock: '本院管理要求：药品有效期前 30 天、余量不足 7 天时提醒 [R]',
  agreement: 'GB/T 35796-2017 5.6.2.5：代管老年人药品前应与老人或家属签订服药管理协议（DB34/T 3522-2019 引用）',
} as const;
