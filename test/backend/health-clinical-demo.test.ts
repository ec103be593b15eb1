// The demo's clinical records on a small demo centre (with the demo drug list and orders): doctors' visits twice a month
// with one voided and one starting an order, two referrals (one back with a summary, one open), three pressure
// injuries (one healed, one brought in, one Ⅱ期 in the centre) and the prevalence they make; read back through the
// dispatcher as a user sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller, generateDemoCentre } from '../../electron/backend/demo/generator';
import { demoHealthClinical } from '../../electron/backend/demo/health-clinical';
import { demoMedicationOrders } from '../../electron/backend/demo/medication-orders';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';

const TODAY = '2026-03-15';
let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
  const deps = b.holder.deps;
  await generateDemoCentre(deps, { beds: 40 });
  if (b.count('drugs') === 0) await demoMedicationOrders(deps, demoCaller(null), seededRandom(19), TODAY);
  // the generator runs the clinical demo itself once the lead has wired it; before that, run it here
  if (b.count('doctor_visits') === 0) await demoHealthClinical(deps, demoCaller(null), seededRandom(23), TODAY);
}, 300_000);
afterAll(async () => b.close());

describe('the demo clinical records', () => {
  it("has two doctors' visits a month, one voided, the latest starting an order", async () => {
    expect(b.count('doctor_visits')).toBeGreaterThanOrEqual(4);
    const march = await b.call('health.doctorVisits', { month: '2026-03', includeVoided: true });
    expect(march.length).toBeGreaterThanOrEqual(1);
    for (const v of march) expect(v.residents.length).toBeGreaterThanOrEqual(1);
    const orders = march.flatMap((v) => v.residents.flatMap((r) => r.orders));
    expect(orders.map((o) => o.drug)).toEqual(['苯磺酸氨氯地平片 5 mg']);
    const february = await b.call('health.doctorVisits', { month: '2026-02', includeVoided: true });
    expect(february.filter((v) => v.voided).length).toBe(1);
  });

  it('has a referral closed with its summary and one open', async () => {
    const all = await b.call('health.referrals', { status: 'all' });
    expect(all.map((r) => r.outcome).sort()).toEqual(['open', 'returned']);
    expect(all.find((r) => r.outcome === 'returned')!.summary).toContain('出院');
  });

  it('has three pressure injuries and the prevalence they make', async () => {
    const all = await b.call('health.pressureInjuries', { status: 'all' });
    expect(all.map((r) => `${r.origin} ${r.healedOn ? 'healed' : r.currentStage}`).sort()).toEqual(['in_centre healed', 'in_centre stage2', 'on_admission stage3']);
    const p = await b.call('health.pressurePrevalence', { onDate: TODAY });
    expect(p).toMatchObject({ withOpen: 2, withInCentre: 1, withBroughtIn: 1, newInCentre: 1 });
    expect(b.count('pressure_injury_reviews')).toBe(3);
  });
});
