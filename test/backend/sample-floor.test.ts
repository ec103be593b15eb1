// 食品留样 at the legal floor (餐饮服务食品安全操作规范: 125 g, 48 h), through the real dispatcher: 124 g is refused as
// too light and 125 g is fine; a setting may ask for more, never less; a sample goes no sooner than 48 hours.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';

const TODAY = '2026-03-15';
let b: TestBackend;
let kitchen: Session;

function at(date: string, hhmm: string) {
  b.clock.set(chinaInstant(date, hhmm).toISOString());
  for (const s of [b.admin, kitchen]) s.signIn(s.user!, b.clock.now());
}
const sample = (dish: string, amountGrams: number) => ({ date: TODAY, meal: 'lunch' as const, dish, amountGrams, sampledAt: b.clock.now().toISOString(), fridge: '留样冰箱1号', requestId: randomUUID() });

beforeEach(async () => {
  b = await openTestBackend();
  kitchen = (await b.signInAs('kitchen', '厨师老刘')).session;
  at(TODAY, '11:20');
});
afterEach(async () => b.close());

describe('food samples at the legal floor', () => {
  it('refuses 124 g as too light and takes 125 g', async () => {
    const light = await b.raw('meals.recordSample', sample('红烧肉', 124), kitchen);
    expect(light.error).toMatchObject({ field: 'amountGrams', message: '留样量 124 克少于规定的 125 克。请补足；确实只留了这么多就勾选“按实际重量登记”' });
    expect(b.count('food_samples')).toBe(0);
    await b.call('meals.recordSample', sample('红烧肉', 125), kitchen);
    const day = await b.call('meals.samples', { date: TODAY }, kitchen);
    expect(day.samples.map((s) => [s.dish, s.underweight])).toEqual([['红烧肉', false]]);
    expect(day.rule).toEqual({ minGrams: 125, minHours: 48 });
  });

  it('lets a setting ask for more but never less, and ignores a lower value stored before the floor', async () => {
    const settings = await b.call('settings.get', {});
    const tooLow = await b.raw('settings.update', { ...settings, sampleMinGrams: 124 });
    expect(tooLow.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(tooLow.error?.message).toContain('125克');
    const tooShort = await b.raw('settings.update', { ...settings, sampleMinHours: 47 });
    expect(tooShort.error?.message).toContain('48小时');
    await b.call('settings.update', { ...settings, sampleMinGrams: 150 });
    expect((await b.raw('meals.recordSample', sample('红烧肉', 149), kitchen)).error?.message).toBe('留样量 149 克少于规定的 150 克。请补足；确实只留了这么多就勾选“按实际重量登记”');
    // A value saved under the old, lower limit falls back to the legal default rather than letting 110 g through.
    b.database.sqlite.prepare("UPDATE settings SET value = '100' WHERE key = 'sampleMinGrams'").run();
    expect((await b.raw('meals.recordSample', sample('红烧肉', 110), kitchen)).error?.message).toBe('留样量 110 克少于规定的 125 克。请补足；确实只留了这么多就勾选“按实际重量登记”');
  });

  it('keeps a sample 48 hours: at 47 h 59 min it is early, at 48 h it may go', async () => {
    await b.call('meals.recordSample', sample('红烧肉', 130), kitchen);
    const { samples } = await b.call('meals.samples', { date: TODAY }, kitchen);
    at('2026-03-17', '11:19');
    const early = await b.raw('meals.disposeSample', { sampleId: samples[0].id }, kitchen);
    expect(early.error?.message).toBe('「红烧肉」的留样要保存到 2026-03-17 11:20（满48小时），现在处理属于提前处理，请写明原因');
    at('2026-03-17', '11:20');
    await b.call('meals.disposeSample', { sampleId: samples[0].id }, kitchen);
    expect(b.database.sqlite.prepare('SELECT early_reason FROM food_samples').get()).toEqual({ early_reason: null });
  });
});
