// zod building blocks whose messages name the field in Chinese, so a form and an API caller read the same sentence.
import { z } from 'zod';
import { isCalendarDate } from '../domain/dates';

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

export const phone = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/, { error: `${label}格式不正确（手机11位，或区号-座机号）` });

/** A wall-clock time of day, HH:MM (24-hour). */
export const clockTime = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}格式应为 时:分，如 07:00` });
