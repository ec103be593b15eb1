// Settings whose rule is unconfirmed or set by law, through the real dispatcher: a stored value that a tightened rule
// no longer allows falls back to its default on its own (the other settings keep their values) and is named by
// settings.replaced, so the change is not silent; the coma level takes only 重度失能 or 完全失能.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/api/settings';
import { type TestBackend, openTestBackend } from '../helpers/backend';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

describe('settings with sources and floors', () => {
  it('has the documented defaults for the new rules', async () => {
    const s = await b.call('settings.get', {});
    expect([s.comaLevel, s.riskReassessMonths, s.tierAnswerWorkingDays, s.sampleMinGrams, s.sampleMinHours]).toEqual([4, 6, 10, 125, 48]);
    expect(await b.call('settings.replaced', {})).toEqual([]);
  });

  it('replaces one bad stored value by its default, keeps the others, and says which', async () => {
    const s = await b.call('settings.get', {});
    await b.call('settings.update', { ...s, idleMinutes: 25, comaLevel: 3 });
    b.database.sqlite.prepare("UPDATE settings SET value = '100' WHERE key = 'sampleMinGrams'").run();
    const after = await b.call('settings.get', {});
    expect(after.idleMinutes).toBe(25);
    expect(after.comaLevel).toBe(3);
    expect(after.sampleMinGrams).toBe(DEFAULT_SETTINGS.sampleMinGrams);
    expect(await b.call('settings.replaced', {})).toEqual(['sampleMinGrams']);
  });

  it('refuses a coma level other than 重度失能 or 完全失能 and writes nothing', async () => {
    const s = await b.call('settings.get', {});
    const before = b.count('audit_log');
    const bad = await b.raw('settings.update', { ...s, comaLevel: 2 as unknown as 3 }); // as a forged request would send it
    expect(bad.error?.code).toBe('INVALID_INPUT');
    expect(bad.error?.message).toContain('重度失能或完全失能');
    expect(b.count('audit_log')).toBe(before);
    expect((await b.call('settings.get', {})).comaLevel).toBe(4);
  });
});
