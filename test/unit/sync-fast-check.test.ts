// The compiled record checks (shared/domain/sync/fast-check.ts, issue 20) against zod itself: every section's schema
// (and every older one the county still reads) is compiled; a valid record is answered quickly, and kept as it is when
// its keys come in the schema's order; and on thousands of broken or unusual records, whenever the quick check says
// "valid" zod says so too and returns exactly the same record (the same JSON text, so the same keys in the same
// order). Also the fast calendar check against the Date-based one on every day of 1890–2110 and impossible days.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NOT_SURE, compiledCheck } from '@shared/domain/sync/fast-check';
import { OLDER_SECTIONS, SECTIONS, SECTION_NAMES, UUID_PATTERN, isCalendarDate, isCalendarDateByDate } from '@shared/domain/sync/sections';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Strings and numbers to try for a leaf: the first the leaf's schema takes is its valid sample. */
const STRINGS = ['01900000-0000-7000-8000-0000000000a1', '2026-03-15', '2026-03-15T08:00:00.000Z', '2026-03', '411422101000', '11010519491231002X', '张三', 'a'];
const NUMBERS = [1, 0, 3, 100];

/** A valid value of `schema`; `full` fills optional and nullable fields, else leaves them out or null. */
function sample(schema: z.ZodType, full: boolean): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return STRINGS.find((s) => schema.safeParse(s).success);
    case 'number':
      return NUMBERS.find((n) => schema.safeParse(n).success);
    case 'boolean':
      return full;
    case 'enum':
      return Object.values(def.entries as object)[full ? Object.values(def.entries as object).length - 1 : 0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'nullable':
      return full ? sample(def.innerType as z.ZodType, full) : null;
    case 'optional':
      return full ? sample(def.innerType as z.ZodType, full) : undefined;
    case 'union':
      return sample((def.options as z.ZodType[])[full ? (def.options as unknown[]).length - 1 : 0], full);
    case 'array':
      return full ? [sample(def.element as z.ZodType, full), sample(def.element as z.ZodType, !full)] : [];
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>)
          .map(([k, s]) => [k, sample(s, full)])
          .filter(([, v]) => v !== undefined),
      );
    case 'record':
      return full ? { regular: sample(def.valueType as z.ZodType, true), 软食: sample(def.valueType as z.ZodType, false) } : {};
    default:
      throw new Error(`no sample for ${def.type}`);
  }
}

/** Values a field may be broken into (or unusual ones that are still valid). */
const ODD: unknown[] = [
  null,
  '',
  'x',
  '2026-02-29',
  '2024-02-29',
  '1899-12-31',
  '2101-01-01',
  '2026-13-01',
  '2026-3-5',
  '２０２６-03-15',
  '2026-03-15T08:00:00Z',
  '2026-03-15T25:00:00.000Z',
  '01900000-0000-7000-8000-0000000000A1',
  '01900000-0000-7000-8000-0000000000g1',
  ' 01900000-0000-7000-8000-0000000000a1',
  '4114221010000',
  'x'.repeat(500),
  'x'.repeat(501),
  '😀'.repeat(300),
  '😀'.repeat(501),
  'self_sufficient',
  'in_residence',
  'male',
  0,
  -1,
  1.5,
  -0,
  4,
  5,
  130,
  131,
  1441,
  1e21,
  9007199254740993,
  true,
  false,
  [],
  {},
  ['x'],
  { regular: -1 },
  { '': 1 },
  { ['k'.repeat(41)]: 1 },
];

/** Every record derived from `record` by breaking one field, dropping one, adding one, or reordering. */
function variants(record: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  const keys = Object.keys(record);
  for (const key of keys) {
    for (const odd of ODD) out.push({ ...record, [key]: odd });
    const { [key]: _dropped, ...rest } = record;
    void _dropped;
    out.push(rest);
    const value = record[key];
    if (Array.isArray(value) && value.length && typeof value[0] === 'object') for (const inner of variants(value[0] as Record<string, unknown>)) out.push({ ...record, [key]: [inner] });
  }
  out.push({ ...record, extra: 1 });
  out.push(Object.fromEntries(Object.entries(record).reverse()));
  out.push(JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(record).slice(1)}`));
  out.push('text', 1, null, [record]);
  // As the county gets them: through JSON.
  return out.map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);
}

const schemas: Array<[string, z.ZodType]> = [
  ...SECTION_NAMES.map((s) => [s, SECTIONS[s].schema] as [string, z.ZodType]),
  ...Object.entries(OLDER_SECTIONS).flatMap(([s, byVersion]) => Object.entries(byVersion).map(([v, r]) => [`${s} v${v}`, r.schema] as [string, z.ZodType])),
];

describe('compiled record checks', () => {
  it('compiles every section’s schema, current and older', () => {
    expect(schemas.filter(([, s]) => !compiledCheck(s)).map(([name]) => name)).toEqual([]);
  });

  it.each(schemas)('%s: a valid record is answered quickly, and kept as it is when its keys are in order', (_name, schema) => {
    const check = compiledCheck(schema)!;
    for (const full of [true, false]) {
      const record = JSON.parse(JSON.stringify(sample(schema, full))) as Record<string, unknown>;
      expect(schema.safeParse(record).success).toBe(true);
      expect(check(record)).toBe(record);
      // The same record with its keys in another order: zod's copy, in the schema's order.
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      const quick = check(reversed);
      expect(quick).not.toBe(NOT_SURE);
      expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.parse(reversed)));
    }
  });

  it.each(schemas)('%s: never valid when zod refuses, and then exactly zod’s output', (_name, schema) => {
    const check = compiledCheck(schema)!;
    let quick = 0;
    let refused = 0;
    for (const full of [true, false]) {
      for (const record of variants(JSON.parse(JSON.stringify(sample(schema, full))) as Record<string, unknown>)) {
        const answer = check(record);
        const zod = schema.safeParse(record);
        if (answer !== NOT_SURE) {
          quick++;
          expect(zod.success, JSON.stringify(record).slice(0, 300)).toBe(true);
          expect(JSON.stringify(answer)).toBe(JSON.stringify(zod.data));
        }
        if (!zod.success) refused++;
      }
    }
    // The variants exercise both sides.
    expect(quick).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('the calendar check', () => {
  it('agrees with the Date-based check on every day of 1890–2110, impossible days and other text', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let checked = 0;
    for (let y = 1890; y <= 2110; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const value = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isCalendarDate(value), value).toBe(isCalendarDateByDate(value));
          checked++;
        }
      }
    }
    for (const value of ['', '2026-03-1', '2026-03-015', '2026/03/15', '2026-03-15 ', ' 2026-03-15', '2026-03-15T00:00', '0000-01-01', '9999-12-31', '2026-0a-15', '２０２６-03-15', '2000-02-29', '1900-02-29', '2100-02-29', '2096-02-29']) {
      expect(isCalendarDate(value), value).toBe(isCalendarDateByDate(value));
    }
    expect(checked).toBeGreaterThan(100_000);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });
});

describe('the UUID pattern', () => {
  it('takes exactly what the case-insensitive pattern took, whatever character stands in any place', () => {
    const before = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const uuid = '01900000-0000-7000-8000-0000000000a1';
    for (const at of [0, 8, 35]) {
      for (let code = 0; code <= 0xffff; code++) {
        const value = uuid.slice(0, at) + String.fromCharCode(code) + uuid.slice(at + 1);
        if (UUID_PATTERN.test(value) !== before.test(value)) throw new Error(`differs on U+${code.toString(16)} at ${at}`);
      }
    }
    expect(UUID_PATTERN.test('01900000-0000-7000-8000-0000000000A1')).toBe(true);
    expect(UUID_PATTERN.test('01900000-0000-7000-8000-0000000000g1')).toBe(false);
  });
});
