// The demo's home services as delivered, on the demo township's register and the demo setup (B1's plans): every planned
// visit up to yesterday recorded (done or missed), the three kinds of confirmation, one visit voided and redone, today's
// left to do; the elders' months read back with their quota.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller } from '../../electron/backend/demo/generator';
import { demoHomecareDelivery } from '../../electron/backend/demo/homecare-delivery';
import { demoHomecareSetup } from '../../electron/backend/demo/homecare-setup';
import { demoVillageElders } from '../../electron/backend/demo/elders';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';

const TODAY = '2026-03-15';
let b: TestBackend;
let events = 0;
beforeAll(async () => {
  b = await openTestBackend();
  const deps = b.holder.deps;
  await b.call('staff.save', { name: '赵护理员', role: 'caregiver', hireDate: '2024-01-01' });
  await b.call('staff.save', { name: '钱护理员', role: 'caregiver', hireDate: '2024-02-01' });
  const random = seededRandom(7);
  await demoVillageElders(deps, demoCaller(null), random, TODAY);
  await demoHomecareSetup(deps, demoCaller(null), random, TODAY);
  events = await demoHomecareDelivery(deps, demoCaller(null), random, TODAY);
}, 120_000);
afterAll(async () => b.close());

const q = <T>(sql: string) => b.database.sqlite.prepare(sql).all() as T[];

describe('the demo home services delivered', () => {
  it('recorded the planned visits of January to yesterday, done or missed; today to do', async () => {
    expect(events).toBeGreaterThan(100);
    const left: string[] = [];
    for (let monday = '2026-01-05'; monday <= '2026-03-09'; monday = new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) {
      const week = await b.call('homecare.planned', { date: monday, span: 'week' });
      left.push(...week.visits.filter((v) => v.state === 'todo' && v.on < TODAY).map((v) => `${v.on} ${v.elder} ${v.worker ?? ''} ${v.startTime}`));
    }
    // a worker planned for several elders at one time serves them one after the other
    expect(left, left.join('\n')).toEqual([]);
    const today = await b.call('homecare.planned', { date: TODAY });
    expect(today.visits.every((v) => v.state === 'todo')).toBe(true);
  });

  it('has the three confirmations, missed visits with reasons, one voided, beyond-quota ones with a reason', () => {
    const kinds = q<{ confirmation: string; n: number }>('SELECT confirmation, count(*) AS n FROM home_service_visits WHERE voided_at IS NULL AND outcome = \'done\' GROUP BY confirmation ORDER BY confirmation');
    expect(kinds.map((k) => k.confirmation)).toEqual(['family', 'paper_slip', 'signature']);
    expect(kinds.every((k) => k.n > 5)).toBe(true);
    const missed = q<{ reason: string }>("SELECT missed_reason AS reason FROM home_service_visits WHERE outcome = 'missed'");
    expect(missed.length).toBeGreaterThan(3);
    expect(q<{ n: number }>('SELECT count(*) AS n FROM home_service_visits WHERE voided_at IS NOT NULL')[0].n).toBe(1);
  });

  it("an elder's month reads back with quota, used and left", async () => {
    const elder = q<{ id: string }>("SELECT elder_id AS id FROM home_service_visits WHERE outcome = 'done' AND service_on LIKE '2026-02-%' GROUP BY elder_id ORDER BY count(*) DESC LIMIT 1")[0];
    const month = await b.call('homecare.elderMonth', { elderId: elder.id, month: '2026-02' });
    expect(month.visits.length).toBeGreaterThan(3);
    expect(month.quota.some((l) => l.quota > 0 && l.used > 0)).toBe(true);
  });
});
