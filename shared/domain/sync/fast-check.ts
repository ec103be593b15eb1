// A quick answer for the common case of the county's record checks (issue 20): each section's zod schema is compiled
// once into a plain function that says whether a parsed JSON record certainly passes that schema, and what zod would
// return for it — without zod's generic machinery and its copy of every record (a third of a package's check time).
// It only ever answers "certainly valid, and here is zod's output" or "not sure": a record it is not sure of goes to
// zod as before, so a bad line is refused by zod with the same message, and nothing zod would refuse gets in.
//
// zod's output is a fresh object with the shape's keys that are present, in the shape's order. When the record's own
// keys already come in that order and no field changes, that output equals the record (same keys, same order, same
// values), and the record itself is returned: JSON.stringify of it is what JSON.stringify of zod's output would be.
// Otherwise (a centre writing the keys in another order) the copy is built the way zod builds it.
//
// The compiler knows the zod building blocks the package format uses (zod 4: strings with regex, length and custom
// checks; safe-integer numbers with bounds; booleans; enums; literals; nullable; optional; unions of those; arrays;
// strict objects; string-keyed records). Anything else — another type, another check, an option it does not know on a
// definition — makes it give up on that schema (every record then goes to zod). test/unit/sync-fast-check.test.ts
// fails if any section's schema is not compiled, and compares the answers with zod's on valid and broken records.
import type { z } from 'zod';

/** What a compiled check says when it is not sure: the record goes to zod. */
export const NOT_SURE: unique symbol = Symbol('not sure');

/**
 * zod's output for a value that certainly passes the schema — the value itself when zod's output would equal it (the
 * same keys, in the same order, the same values), else a copy built as zod builds it — or NOT_SURE.
 */
export type FastCheck = (value: unknown) => unknown;

// Internal shapes of zod 4 definitions, as far as the compiler reads them.
interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: ZodInternals[] }; values?: Set<unknown>; optin?: string; optout?: string };
}
type CheckDef = Record<string, unknown> & { check?: string };

const internals = (schema: unknown) => schema as ZodInternals;

/** Definition keys each type may have; any other key (coerce, a mode, a default…) means "not compiled". */
const DEF_KEYS: Record<string, readonly string[]> = {
  string: ['type', 'checks'],
  number: ['type', 'checks'],
  boolean: ['type'],
  enum: ['type', 'entries'],
  literal: ['type', 'values'],
  nullable: ['type', 'innerType'],
  optional: ['type', 'innerType'],
  union: ['type', 'options'],
  array: ['type', 'element', 'checks'],
  object: ['type', 'shape', 'catchall'],
  record: ['type', 'keyType', 'valueType'],
};

class NotCompiled extends Error {}
const giveUp = (why: string): never => {
  throw new NotCompiled(why);
};

function onlyKeys(def: Record<string, unknown>, allowed: readonly string[]) {
  for (const key of Object.keys(def)) if (!allowed.includes(key) && def[key] !== undefined) giveUp(`${String(def.type)}.${key}`);
}

/** The checks of a string, a number or an array, each as a test of the value (already of the right type). */
function compileChecks(checks: ZodInternals[] | undefined, kind: 'string' | 'number' | 'array'): Test[] {
  const out: Test[] = [];
  for (const check of checks ?? []) {
    const def = check._zod.def as CheckDef;
    const lengthWhen = def.when === undefined || (typeof def.when === 'function' && def.when.name === '_whenHasLength');
    switch (def.check) {
      case 'max_length': {
        onlyKeys(def, ['check', 'maximum', 'when', 'abort', 'error']);
        const max = def.maximum as number;
        if (kind === 'number' || !lengthWhen || typeof max !== 'number') giveUp('max_length');
        // zod counts a long string's code points; within `max` UTF-16 units it certainly has at most `max` of them.
        out.push((v: string | unknown[]) => v.length <= max);
        break;
      }
      case 'min_length': {
        onlyKeys(def, ['check', 'minimum', 'when', 'abort', 'error']);
        const min = def.minimum as number;
        if (kind === 'number' || !lengthWhen || typeof min !== 'number') giveUp('min_length');
        // A string of n units has at least n/2 code points (zod counts code points when n < 2 × min).
        out.push(kind === 'string' ? (v: string) => v.length >= 2 * min || (min <= 1 && v.length >= min) : (v: unknown[]) => v.length >= min);
        break;
      }
      case 'string_format': {
        onlyKeys(def, ['check', 'format', 'pattern', 'abort', 'error']);
        const pattern = def.pattern;
        if (kind !== 'string' || def.format !== 'regex' || !(pattern instanceof RegExp)) giveUp('string_format');
        const re = pattern as RegExp;
        out.push((v: string) => {
          re.lastIndex = 0; // as zod does (a global or sticky pattern keeps state)
          return re.test(v);
        });
        break;
      }
      case 'custom': {
        // A refinement: its own function, called as zod calls it; anything truthy passes (zod's rule), a promise does not.
        onlyKeys(def, ['type', 'check', 'fn', 'abort', 'error']);
        const fn = def.fn;
        if (typeof fn !== 'function' || def.type !== 'custom') giveUp('custom');
        out.push((v: unknown) => {
          const r: unknown = (fn as (x: unknown) => unknown)(v);
          return !!r && !(r instanceof Promise);
        });
        break;
      }
      case 'number_format': {
        onlyKeys(def, ['type', 'check', 'format', 'abort', 'error']);
        if (kind !== 'number' || def.format !== 'safeint') giveUp(`number_format ${String(def.format)}`);
        out.push((v: number) => Number.isSafeInteger(v));
        break;
      }
      case 'greater_than':
      case 'less_than': {
        onlyKeys(def, ['check', 'value', 'inclusive', 'abort', 'error']);
        const bound = def.value;
        if (kind !== 'number' || typeof bound !== 'number') giveUp(def.check);
        const b = bound as number;
        if (def.check === 'greater_than') out.push(def.inclusive ? (v: number) => v >= b : (v: number) => v > b);
        else out.push(def.inclusive ? (v: number) => v <= b : (v: number) => v < b);
        break;
      }
      default:
        giveUp(`check ${String(def.check)}`);
    }
  }
  return out;
}

type Test = (value: never) => boolean;
/** All of a leaf's tests as one function: a call site per test, so each stays monomorphic (most leaves have one or two). */
function allOf(tests: Test[]): (value: unknown) => boolean {
  const [a, b] = tests;
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return (v) => a(v as never);
  if (tests.length === 2) return (v) => a(v as never) && b(v as never);
  return (v) => tests.every((t) => t(v as never));
}

/** A key JavaScript objects order before all others (an array index): the text's order would not be kept. */
const INDEX_LIKE = /^(0|[1-9]\d*)$/;
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The compiled schema: zod's output for the value (the value itself whenever zod's would equal it), or NOT_SURE. */
type Compiled = (value: unknown) => unknown;

/**
 * The common case of an object with no optional field, as straight-line code: its keys compared with the shape's in
 * order, each field read by name and checked by its own function (so the engine sees one record shape and one check
 * at each place, not one generic loop over every section's fields). Anything else — a key out of order, a field that
 * is not kept as it is — goes to `general`, which answers as before. The code is made from the schema's own key names
 * (JSON-quoted), never from a record; where code cannot be made at run time, `general` alone is used.
 */
function straightLine(fields: Array<{ key: string; check: Compiled; omittable: boolean }>, general: Compiled): Compiled | null {
  if (fields.some((f) => f.omittable)) return null;
  const keys = fields.map((f) => JSON.stringify(f.key));
  const source = [
    'return function quick(v) {',
    '  if (typeof v !== "object" || v === null || Array.isArray(v) || getPrototypeOf(v) !== OBJECT) return NS;',
    '  const p = Object.keys(v);',
    `  if (p.length !== ${keys.length}${keys.map((k, i) => ` || p[${i}] !== ${k}`).join('')}) return general(v);`,
    '  let x;',
    ...keys.map((k, i) => `  x = v[${k}]; if (c${i}(x) !== x) return general(v);`),
    '  return v;',
    '};',
  ].join('\n');
  try {
    // Code made from the schema's key names only (JSON-quoted), never from a record.
    const make = new Function('NS', 'OBJECT', 'getPrototypeOf', 'general', ...fields.map((_, i) => `c${i}`), source) as (...args: unknown[]) => Compiled;
    return make(NOT_SURE, Object.prototype, Object.getPrototypeOf, general, ...fields.map((f) => f.check));
  } catch {
    return null;
  }
}

function compile(schema: unknown): Compiled {
  const zod = internals(schema)._zod;
  const def = zod.def;
  const allowed = DEF_KEYS[def.type];
  if (!allowed) giveUp(def.type);
  onlyKeys(def, allowed);
  if (def.type !== 'string' && def.type !== 'number' && def.type !== 'array' && def.checks?.length) giveUp(`${def.type} with checks`);
  switch (def.type) {
    case 'string': {
      const tests = allOf(compileChecks(def.checks, 'string'));
      return (v) => (typeof v === 'string' && tests(v) ? v : NOT_SURE);
    }
    case 'number': {
      const tests = allOf(compileChecks(def.checks, 'number'));
      return (v) => (typeof v === 'number' && Number.isFinite(v) && tests(v) ? v : NOT_SURE);
    }
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : NOT_SURE);
    case 'enum':
    case 'literal': {
      // zod's own set of allowed values.
      const values = zod.values;
      if (!(values instanceof Set)) giveUp(def.type);
      return (v) => (values!.has(v) ? v : NOT_SURE);
    }
    case 'nullable': {
      const inner = compile(def.innerType);
      return (v) => (v === null ? v : inner(v));
    }
    case 'optional': {
      // Inside an object an absent key is handled by the object; a present key never holds undefined in JSON.
      const inner = compile(def.innerType);
      return (v) => (v === undefined ? NOT_SURE : inner(v));
    }
    case 'union': {
      // zod's output is the first option that passes; only unions of options that return their input are compiled.
      const options = (def.options as unknown[]).map(compile);
      if ((def.options as unknown[]).some((o) => !['literal', 'enum', 'string', 'number', 'boolean'].includes(internals(o)._zod.def.type))) giveUp('union');
      return (v) => (options.some((o) => o(v) !== NOT_SURE) ? v : NOT_SURE);
    }
    case 'array': {
      const element = compile(def.element);
      const tests = allOf(compileChecks(def.checks, 'array'));
      return (v) => {
        if (!Array.isArray(v) || !tests(v)) return NOT_SURE;
        let out: unknown[] | null = null;
        for (let i = 0; i < v.length; i++) {
          const item = element(v[i]);
          if (item === NOT_SURE) return NOT_SURE;
          if (item !== v[i]) (out ??= v.slice())[i] = item;
        }
        return out ?? v;
      };
    }
    case 'object': {
      // Strict (unknown keys refused) or stripping (then the record may not have any, or zod's output would lack them).
      const catchall = def.catchall === undefined ? 'strip' : internals(def.catchall)._zod.def.type;
      if (catchall !== 'never' && catchall !== 'strip') giveUp(`object catchall ${catchall}`);
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      if (keys.some((k) => k === '__proto__' || INDEX_LIKE.test(k)) || Object.getOwnPropertySymbols(shape).length) giveUp('object keys');
      const fields = keys.map((k) => ({ key: k, check: compile(shape[k]), omittable: internals(shape[k])._zod.optin === 'optional' && internals(shape[k])._zod.optout === 'optional' }));
      /** zod's output built as zod builds it: the shape's keys that are present, in the shape's order. */
      const rebuild = (v: Record<string, unknown>, present: string[]) => {
        let n = 0;
        const out: Record<string, unknown> = {};
        for (const field of fields) {
          if (!hasOwn(v, field.key)) {
            if (!field.omittable) return NOT_SURE;
            continue;
          }
          const value = field.check(v[field.key]);
          if (value === NOT_SURE) return NOT_SURE;
          out[field.key] = value;
          n++;
        }
        return n === present.length ? out : NOT_SURE; // any other key is unknown
      };
      const general: Compiled = (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return NOT_SURE;
        const v = value as Record<string, unknown>;
        // The common case: the record's keys, in its order, are the shape's present keys in the shape's order (zod
        // writes its output in that order), and every field is kept as it is.
        const present = Object.keys(v);
        let at = 0;
        for (const field of fields) {
          if (present[at] === field.key) {
            const kept = field.check(v[field.key]);
            if (kept !== v[field.key]) return kept === NOT_SURE ? NOT_SURE : rebuild(v, present);
            at++;
          } else if (!field.omittable || hasOwn(v, field.key)) return rebuild(v, present);
        }
        return at === present.length ? v : NOT_SURE;
      };
      return straightLine(fields, general) ?? general;
    }
    case 'record': {
      // Keys checked by a plain string schema (no fixed list of keys: zod treats such a record differently).
      const keyZod = internals(def.keyType)._zod;
      if (keyZod.def.type !== 'string' || keyZod.values) giveUp('record key');
      const key = compile(def.keyType);
      const value = compile(def.valueType);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return NOT_SURE;
        const keys = Object.keys(v);
        // Every own key is enumerable and a string in a parsed record; anything else is left to zod.
        if (Object.getOwnPropertyNames(v).length !== keys.length || Object.getOwnPropertySymbols(v).length) return NOT_SURE;
        let out: Record<string, unknown> | null = null;
        for (const k of keys) {
          // zod drops a __proto__ key from its output: not the same record, so not sure.
          if (k === '__proto__' || key(k) === NOT_SURE) return NOT_SURE;
          const item = value((v as Record<string, unknown>)[k]);
          if (item === NOT_SURE) return NOT_SURE;
          if (item !== (v as Record<string, unknown>)[k]) (out ??= { ...(v as Record<string, unknown>) })[k] = item;
        }
        return out ?? v;
      };
    }
  }
  return giveUp(def.type);
}

const compiled = new WeakMap<object, FastCheck | null>();
const notSure: FastCheck = () => NOT_SURE;

/** The quick check of a schema, compiled on first use; null when the schema uses something the compiler does not know. */
export function compiledCheck(schema: z.ZodType): FastCheck | null {
  if (!compiled.has(schema)) {
    try {
      compiled.set(schema, compile(schema));
    } catch (error) {
      if (!(error instanceof NotCompiled)) throw error;
      compiled.set(schema, null);
    }
  }
  return compiled.get(schema)!;
}

/** The quick check, or one that is never sure (every record then goes to zod). */
export const fastCheckOf = (schema: z.ZodType): FastCheck => compiledCheck(schema) ?? notSure;
