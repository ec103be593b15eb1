// One data line against its section's schema, with a message that names the line, the field and what is wrong
// (issue 15). Only the parsed, validated record leaves here: the county never stores a line as it came.
import type { z } from 'zod';
import { FORBIDDEN_KEYS } from '@shared/domain/sync/sections';
import { NOT_SURE, fastCheckOf } from '@shared/domain/sync/fast-check';
import { quoted } from '../../package/problem-list';

/** The path of the first key a record must never carry (`__proto__`, `constructor`, `prototype`), at any depth. */
export function forbiddenKeyPath(value: unknown, path: string[] = []): string[] | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return [...path, key];
    const inner = forbiddenKeyPath((value as Record<string, unknown>)[key], [...path, key]);
    if (inner) return inner;
  }
  return null;
}

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', boolean: '是/否（true/false）', object: '对象', array: '列表', null: '空' };

/** Whether `raw` holds a value at `path` (zod does not keep the input on its issues). */
function present(raw: unknown, path: PropertyKey[]): boolean {
  let at = raw;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, key)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return true;
}

/** What is wrong with one field of `raw`, in Chinese. */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = issue.path.length ? `字段「${issue.path.join('.')}」` : '记录';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `有格式里没有的字段${issue.keys.slice(0, 5).map(quoted).join('')}${issue.keys.length > 5 ? ` 等 ${issue.keys.length} 个` : ''}`;
    case 'invalid_type':
      return !present(raw, issue.path) ? `缺少${field}` : `${field}应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return issue.origin === 'string' ? `${field}太长（最多 ${String(issue.maximum)} 个字）` : `${field}太大（最大 ${String(issue.maximum)}）`;
    case 'too_small':
      return issue.origin === 'string' ? `${field}不能为空` : `${field}太小（最小 ${String(issue.minimum)}）`;
    case 'invalid_value':
      return `${field}的取值不在允许的范围内`;
    case 'custom':
    case 'invalid_format':
      return `${field}${issue.message && !issue.message.startsWith('Invalid') ? issue.message : '的格式不对'}`;
    default:
      return `${field}的值不对`;
  }
}

export type LineCheck<T> = { ok: true; record: T } | { ok: false; problem: string };

/**
 * Whether a line's text may hold a forbidden key: only if one of the names is in it, or an escape (`\u…`) could spell
 * one. Most lines have neither, and this text search is much cheaper than walking the parsed record.
 */
export const mayHoldForbiddenKey = (line: string) => line.includes('\\u') || FORBIDDEN_KEYS.some((key) => line.includes(key));

/**
 * A parsed JSON line against `schema`: forbidden keys first (before any copy is made), then the schema. `line`, the
 * text the record was parsed from, lets a line that cannot hold a forbidden key skip the walk; `fileIsClean` says the
 * whole file was searched and holds none of the names and no escape (then none of its lines does). A record the schema's
 * compiled check (fast-check.ts) finds certainly valid is taken as it returns it — exactly what zod would return, most
 * often the parsed record itself; any other goes through zod, which accepts it or names what is wrong.
 */
export function checkLine<T>(schema: z.ZodType, raw: unknown, line?: string, fileIsClean = false): LineCheck<T> {
  const bad = fileIsClean || (line !== undefined && !mayHoldForbiddenKey(line)) ? null : forbiddenKeyPath(raw);
  if (bad) return { ok: false, problem: `字段名${quoted(bad.join('.'))}不允许出现在数据里` };
  const quick = fastCheckOf(schema)(raw);
  if (quick !== NOT_SURE) return { ok: true, record: quick as T };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: describeIssue(parsed.error.issues[0], raw) };
  return { ok: true, record: parsed.data as T };
}
