// zod building blocks whose messages name the field in Chinese, so a form and an API caller read the same sentence.
import { z } from 'zod';
import { MONTH_PATTERN, isCalendarDate } from '../domain/dates';

export function requiredText(label: string, max = 50) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });
}

export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .default('');
}

export function calendarDate(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .refine(isCalendarDate, { error: `${label}不是有效日期（格式：年-月-日，如 2026-01-31）` });
}

/** A date that may be left empty (null). */
export const optionalDate = (label: string) => calendarDate(label).nullable().default(null);

/** The from–to pair of a ledger or report query (spread into an object). */
export const dateRange = () => ({ from: calendarDate('开始日期'), to: calendarDate('结束日期') });

/** A from–to pair where either end may be left open (null). */
export const optionalDateRange = () => ({ from: optionalDate('开始日期'), to: optionalDate('结束日期') });

/**
 * A calendar month, YYYY-MM. `missing` is the sentence for a month not sent at all; without it the dispatcher's
 * generic one (输入内容有误（month）) is said, as care.monthly and fire.compliance always have.
 */
export const yearMonth = (missing?: string) =>
  z.string(missing === undefined ? undefined : { error: missing }).regex(MONTH_PATTERN, { error: '月份格式应为 年-月，如 2026-03' });

/** An instant as ISO-8601 text with its offset (e.g. 2026-03-01T08:30:00+08:00). */
export const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `请选择${label}` });
}

export function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}不能小于${min}` })
    .max(max, { error: `${label}不能大于${max}` });
}

export const entityId = (label: string) =>
  z.string({ error: `缺少${label}` }).uuid({ error: `${label}编号格式不正确` });

/**
 * The UUID a form makes once, so the same form sent twice is written once. `word` is what the module's forms call it
 * (请求 or 提交); `missing` as for yearMonth (handover and incidents leave it to the generic sentence).
 */
export const requestId = (word: '请求' | '提交', missing?: string) =>
  z.string(missing === undefined ? undefined : { error: missing }).uuid({ error: `${word}编号格式不正确` });

/** The question of every per-resident read: which resident. */
export const ByResident = z.object({ residentId: entityId('老人') });

/** What a write returns: the id of the record written. */
export const Done = z.object({ id: z.string() });
/** What a write with no record to name returns. */
export const Ok = z.object({ ok: z.literal(true) });

/** A centre's 机构代码: 12 digits. */
export const centreCode = () => z.string().regex(/^\d{12}$/, { error: '机构代码应为12位数字' });

export const phone = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/, { error: `${label}格式不正确（手机11位，或区号-座机号）` });

/** A wall-clock time of day, HH:MM (24-hour). */
export const clockTime = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}格式应为 时:分，如 07:00` });

// Files a method hands back for the renderer to save as they are.
/** Binary content (a workbook, a package) as base64. */
export const BinaryFile = z.object({ fileName: z.string(), base64: z.string() });
/** Text content (a key file, a report, an answer file). */
export const TextFile = z.object({ fileName: z.string(), text: z.string() });
/** An Excel export and the number of data rows written. */
export const ExcelFile = BinaryFile.extend({ rows: z.number() });
