// The demo's drug list, 服药管理协议 and orders on a small demo centre: about twenty drugs with the high-alert ones
// marked, agreements for most residents, two to four orders for most residents in the centre (a few 按需), one insulin
// order at the doctor's own times, one warfarin, one order changed (the old stopped the day the new started), one
// stopped; all read back through the dispatcher as a user sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller, generateDemoCentre } from '../../electron/backend/demo/generator';
import { demoMedicationOrders } from '../../electron/backend/demo/medication-orders';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';

const TODAY = '2026-03-15';
let b: TestBackend;
let events = 0;
beforeAll(async () => {
  b = await openTestBackend();
  const deps = b.holder.deps;
  await generateDemoCentre(deps, { beds: 40 });
  if (b.count('drugs') === 0) events = await demoMedicationOrders(deps, demoCaller(null), seededRandom(19), TODAY);
}, 300_000);
afterAll(async () => b.close());

describe('the demo orders', () => {
  it('has the drug list with the high-alert drugs marked', async () => {
    const drugs = await b.call('medication.drugs', {});
    expect(drugs.length).toBeGreaterThanOrEqual(20);
    expect(drugs.filter((d) => d.highAlert === 'insulin').length).toBeGreaterThan(0);
    expect(drugs.filter((d) => d.highAlert === 'anticoagulant').length).toBeGreaterThan(0);
  });

  it('has agreements for most residents and orders for most of those in the centre', async () => {
    const { rows, missing } = await b.call('medication.agreements', {});
    expect(rows.length).toBeGreaterThan(missing.length * 3);
    const residents = await b.call('medication.orders', {});
    const inCentre = residents.filter((r) => r.status === 'in_residence');
    const withOrders = inCentre.filter((r) => r.orders.length > 0);
    expect(withOrders.length / inCentre.length).toBeGreaterThan(0.7);
    for (const r of withOrders) expect(r.orders.length, r.name).toBeLessThanOrEqual(6);
    const all = residents.flatMap((r) => r.orders);
    expect(all.filter((o) => o.frequency === 'prn').length).toBeGreaterThan(0);
    const insulin = all.filter((o) => o.highAlert === 'insulin');
    expect(insulin.map((o) => o.times)).toEqual([['06:45', '16:45']]);
    expect(all.filter((o) => o.highAlert === 'anticoagulant').length).toBe(1);
    expect(events).toBeGreaterThanOrEqual(0);
  });

  it('changed one order and stopped one', async () => {
    const changes = b.database.sqlite.prepare('SELECT o.stopped_on AS stoppedOn, n.starts_on AS startsOn FROM medication_orders n JOIN medication_orders o ON o.id = n.replaces_id').all();
    expect(changes).toEqual([{ stoppedOn: '2026-03-05', startsOn: '2026-03-05' }]);
    const stopped = b.database.sqlite.prepare("SELECT count(*) AS n FROM medication_orders WHERE stopped_on IS NOT NULL AND stop_reason NOT LIKE '调整医嘱%'").get() as { n: number };
    expect(stopped.n).toBe(1);
  });
});
