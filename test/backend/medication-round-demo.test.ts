// The demo's month of rounds on a small demo centre: from the demo orders (and kept stock, when its demo is there),
// most doses given by the caregiver of the round, a few refused or held with a reason, some late, high-alert ones
// checked by a second colleague, 按需 doses with their effect, one correction and one 用药差错 linked to a dose; read
// back through the dispatcher's monthly record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller, generateDemoCentre } from '../../electron/backend/demo/generator';
import { demoMedicationOrders } from '../../electron/backend/demo/medication-orders';
import { demoMedicationRound } from '../../electron/backend/demo/medication-round';
import { demoMedicationStock } from '../../electron/backend/demo/medication-stock';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';

const TODAY = '2026-03-15';
let b: TestBackend;
const q = <T>(sql: string) => b.database.sqlite.prepare(sql).all() as T[];
beforeAll(async () => {
  b = await openTestBackend();
  const deps = b.holder.deps;
  await generateDemoCentre(deps, { beds: 40 });
  if (b.count('drugs') === 0) await demoMedicationOrders(deps, demoCaller(null), seededRandom(19), TODAY);
  if (b.count('medicine_batches') === 0) await demoMedicationStock(deps, demoCaller(null), seededRandom(20), TODAY);
  if (b.count('medication_doses') === 0) await demoMedicationRound(deps, demoCaller(null), seededRandom(21), TODAY);
}, 600_000);
afterAll(async () => b.close());

describe('the demo month of rounds', () => {
  it('records most doses as given, a few refused or held with their reason, some late, none twice', () => {
    const [counts] = q<{ given: number; refused: number; held: number; late: number; all: number }>(
      "SELECT sum(outcome = 'given') AS given, sum(outcome = 'refused') AS refused, sum(outcome = 'held') AS held, sum(late_minutes IS NOT NULL) AS late, count(*) AS \"all\" FROM medication_doses WHERE due_at IS NOT NULL",
    );
    expect(counts.all).toBeGreaterThan(300);
    expect(counts.given / counts.all, JSON.stringify(q("SELECT outcome, reason, count(*) AS n FROM medication_doses GROUP BY 1, 2"))).toBeGreaterThan(0.8);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.held).toBeGreaterThan(0);
    expect(counts.late).toBeGreaterThan(0);
    expect(q("SELECT id FROM medication_doses WHERE outcome <> 'given' AND outcome <> 'not_available' AND reason = ''")).toEqual([]);
    expect(q("SELECT dose_date FROM medication_doses WHERE dose_date >= '2026-03-15'")).toEqual([]);
  });

  it('has high-alert doses checked by someone else, 按需 doses with their effect, one correction and one error', () => {
    const highAlert = q<{ checker: string | null; by: string }>(
      "SELECT d.checker_name AS checker, d.recorded_by AS by FROM medication_doses d JOIN medication_orders o ON o.id = d.order_id JOIN drugs g ON g.id = o.drug_id WHERE g.high_alert IN ('insulin', 'anticoagulant', 'opioid') AND d.outcome = 'given'",
    );
    expect(highAlert.length).toBeGreaterThan(0);
    for (const d of highAlert) expect(d.checker && d.checker !== d.by, JSON.stringify(d)).toBeTruthy();
    expect(q("SELECT id FROM medication_doses WHERE due_at IS NULL AND prn_effect IS NOT NULL").length).toBeGreaterThan(0);
    expect(q('SELECT id FROM medication_doses WHERE amends_id IS NOT NULL').length).toBe(1);
    expect(q("SELECT dose_id FROM incidents WHERE type = 'medication_error' AND medication_error = 'wrong_time' AND dose_id IS NOT NULL").length).toBe(1);
  });

  it('reads back as a resident’s monthly record with who gave each dose', async () => {
    const [r] = q<{ id: string }>('SELECT resident_id AS id FROM medication_doses GROUP BY resident_id ORDER BY count(*) DESC LIMIT 1');
    const m = await b.call('medication.monthRecord', { residentId: r.id, month: '2026-03' });
    expect(m.counts.given).toBeGreaterThan(10);
    expect(m.givers.length).toBeGreaterThan(1);
    const cells = m.orders.flatMap((o) => o.slots.flatMap((s) => s.cells)).filter((c) => c !== null);
    expect(cells.some((c) => c.state === 'given' && c.recordedBy.length > 0)).toBe(true);
  });
});
