// The demo's home-services setup on the demo township's register: the catalogue with prices for every price class (特困
// free, 高龄 half), the centre and two organisations with workers, entitlements for the 特困, 失能 and 高龄 elders at home,
// and weekly plans the lists read back (one with an item marked 无额度).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller } from '../../electron/backend/demo/generator';
import { demoHomecareSetup } from '../../electron/backend/demo/homecare-setup';
import { demoVillageElders } from '../../electron/backend/demo/elders';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
  const deps = b.holder.deps;
  await b.call('staff.save', { name: '赵护理员', role: 'caregiver', hireDate: '2024-01-01' });
  await b.call('staff.save', { name: '钱护理员', role: 'caregiver', hireDate: '2024-02-01' });
  const random = seededRandom(7);
  await demoVillageElders(deps, demoCaller(null), random, '2026-03-15');
  const events = await demoHomecareSetup(deps, demoCaller(null), random, '2026-03-15');
  expect(events).toBeGreaterThan(80);
}, 60_000);
afterAll(async () => b.close());

describe('the demo home-services setup', () => {
  it('has the catalogue priced for every class, 特困 free and 高龄 half, 助洁 dearer from this month', async () => {
    const items = await b.call('homecare.items', {});
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['助洁', '助浴', '助医陪诊', '助行', '理发', '代购代办', '康复护理', '精神慰藉']));
    expect(items.every((i) => i.pricedClasses === 5)).toBe(true);
    const prices = (await b.call('homecare.prices', { onDate: '2026-03-15' })).filter((p) => p.current && p.item === '助洁');
    expect(prices.map((p) => [p.priceClass, p.priceFen, p.subsidyFen])).toEqual([
      ['tekun_dispersed', 3200, 3200],
      ['dibao', 3200, 2600],
      ['disabled', 3200, 2200],
      ['over_80', 3200, 1600],
      ['ordinary', 3200, 0],
    ]);
  });

  it('has the centre and two organisations with their workers, the centre staffed by its caregivers', async () => {
    const providers = await b.call('homecare.providers', {});
    expect(providers.map((p) => p.kind)).toEqual(['centre', 'organisation', 'organisation']);
    expect(providers[0].workers.map((w) => w.staffName).sort()).toEqual(['赵护理员', '钱护理员'].sort());
    expect(providers.every((p) => p.workers.filter((w) => !w.retired).length >= 2)).toBe(true);
    expect(providers.reduce((n, p) => n + p.openPlans, 0)).toBeGreaterThan(10);
  });

  it('grants entitlements to 特困, 失能 and 高龄 elders at home, one ended on review, and plans their weekly visits', async () => {
    const active = await b.call('homecare.entitlements', { activeOn: '2026-03-15' });
    expect(new Set(active.map((e) => e.elderId)).size).toBeGreaterThan(15);
    const all = await b.call('homecare.entitlements', {});
    expect(all.filter((e) => e.endedOn !== null)).toHaveLength(1);
    const plans = await b.call('homecare.plans', {});
    expect(plans.length).toBeGreaterThan(15);
    expect(plans.filter((p) => p.items.some((i) => !i.entitled))).toHaveLength(1);
    expect(plans.some((p) => p.everyWeeks === 2)).toBe(true);
    // A worker is at one home at a time: no two of a worker's plans start at the same time on the same weekday.
    const slots = plans.filter((p) => p.workerId !== null).flatMap((p) => p.weekdays.map((d) => `${p.workerId}|${d}|${p.startTime}`));
    expect(new Set(slots).size).toBe(slots.length);
  });
});
