// JSON columns are read through one zod-checked door: a value that is not what the column should hold stops with a
// clear message naming the column, instead of flowing on as `JSON.parse(x) as T` and failing somewhere later.
import { z } from 'zod';
import { AppError } from '@shared/api/errors';

/**
 * Parses the JSON text of a database column with its schema. `what` names the column (`table.column`).
 * Throws an AppError (INTERNAL) when the text is not JSON or does not fit the schema.
 */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged(what, '不是有效的 JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
    throw damaged(what, `${where}${issue.message}`);
  }
  return parsed.data;
}

/**
 * A column of counts (`Counts`): the same answer as parseJsonColumn(Counts, …), checked by a plain loop — a province's
 * figures are thousands of these per look — and zod is asked only to name what is wrong with a damaged one.
 */
export function parseCountsColumn(text: string, what: string): Record<string, number> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged(what, '不是有效的 JSON');
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    let numbers = true;
    for (const k in record) if (typeof record[k] !== 'number') numbers = false;
    if (numbers) return record as Record<string, number>;
  }
  return parseJsonColumn(Counts, text, what);
}

function damaged(what: string, detail: string): AppError {
  return new AppError('INTERNAL', `数据库字段 ${what} 的内容无法读取（${detail}），请从备份恢复或联系维护人员`);
}

/** Shapes several JSON columns share. */
export const StringList = z.array(z.string());
export const NumberList = z.array(z.number());
/** An object of counts (diet code → residents, section → rows, figure key → value). */
export const Counts = z.record(z.string(), z.number());
/** Any JSON object (audit before/after, a record whose fields the reader picks itself). */
export const JsonObject = z.record(z.string(), z.unknown());
