// The browser host's per-method body limits against the API contract: every method whose input may hold a long text
// (a photo, a file) is given room for it, and the table names only methods that exist.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/api/contract';
import { DEFAULT_BODY_LIMIT, LARGE_BODY_METHODS, bodyLimitFor, tooLargeMessage } from '../../electron/webhost/body-limits';

/** The longest string the method's input schema allows anywhere (0 when none is capped above the default). */
function longestString(schema: z.ZodType): number {
  let longest = 0;
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { maxLength } = node as { maxLength?: unknown };
    if (typeof maxLength === 'number') longest = Math.max(longest, maxLength);
    for (const value of Object.values(node)) walk(value);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  return longest;
}

/** Capped below what the schema allows on purpose: the folder import reads larger packages from disk. */
const CAPPED_BELOW_SCHEMA = new Set(['county.stage']);

describe('request body limits of the browser host', () => {
  it('gives every method that takes a long text room for the longest one its input allows', () => {
    const needsMore = Object.entries(contract)
      .map(([name, spec]) => ({ name, longest: longestString(spec.input) }))
      .filter(({ longest }) => longest > DEFAULT_BODY_LIMIT / 4);
    expect(needsMore.map((m) => m.name).sort()).toEqual(Object.keys(LARGE_BODY_METHODS).sort());
    for (const { name, longest } of needsMore) {
      if (!CAPPED_BELOW_SCHEMA.has(name)) expect(bodyLimitFor(name).bytes, name).toBeGreaterThan(longest);
    }
  });

  it('keeps every method to a few MB at most', () => {
    for (const name of Object.keys(contract)) expect(bodyLimitFor(name).bytes, name).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(bodyLimitFor('no.such.method').bytes).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor('__proto__').bytes).toBe(DEFAULT_BODY_LIMIT);
  });

  it('says how large, that nothing changed, and what to do', () => {
    expect(tooLargeMessage('facility.save')).toBe('请求内容太大（超过 256KB），未做任何修改');
    expect(tooLargeMessage('county.stage')).toBe('请求内容太大（超过 16MB），未做任何修改。请分几次拖入，或改用「从文件夹导入」');
  });
});
