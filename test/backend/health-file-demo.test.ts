// The demo's health file on a small centre of sixteen residents: most checked this year (a few due, one voided and
// recorded again, one report as a PDF), most with a family doctor (one ended early), the last two months' health
// entries for nearly everyone and this month's for about half, and morning readings (six months at most) for the one with
// 高血压 and 糖尿病 (the trends, and the monthly entry taking its blood pressure from them) — all read back through
// the dispatcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller } from '../../electron/backend/demo/generator';
import { demoHealthFile } from '../../electron/backend/demo/health-file';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

const TODAY = '2026-03-15';
let b: TestBackend;
let events = 0;
beforeAll(async () => {
  b = await openTestBackend();
  const { buildingId } = await smallCentre(b);
  for (const room of ['201', '202', '203']) await b.call('facility.addRoom', { buildingId, floor: 2, name: room, bedCount: 4, bedType: 'nursing' });
  const map = await b.call('facility.bedMap', {});
  const beds = map.rooms.flatMap((r) => r.beds.map((x) => x.id));
  for (const [i, bedId] of beds.entries()) {
    const serial = String(100 + i);
    await b.call('residents.admit', {
      person: person({ name: `老人${serial}`, chronicConditions: i === 0 ? '高血压、糖尿病' : '', idNumber: validIdNumber(`19${40 + (i % 10)}-0${1 + (i % 9)}-1${i % 9}`, serial) }),
      admission: admission(bedId, { agreementNo: `XY-${serial}`, date: i % 5 === 0 ? '2025-11-20' : '2025-06-01' }),
    });
  }
  events = await demoHealthFile(b.holder.deps, demoCaller(null), seededRandom(11), TODAY);
}, 120_000);
afterAll(async () => b.close());

describe('the demo health file', () => {
  it('checked most residents this year, a few due, one voided and redone, one report as a PDF', async () => {
    expect(events).toBeGreaterThan(40);
    const coverage = await b.call('health.checkupCoverage', {});
    expect(coverage.totals.residents).toBe(16);
    expect(coverage.totals.covered).toBeGreaterThanOrEqual(11);
    expect(coverage.totals.due).toBeGreaterThanOrEqual(1);
    const all = (await b.call('health.checkups', { includeVoided: true })).checkups;
    expect(all.filter((c) => c.voided)).toHaveLength(1);
    expect(all.filter((c) => c.hasAttachment)).toHaveLength(1);
    expect(all.some((c) => c.abnormal !== '' && c.followUp !== '')).toBe(true);
  });

  it('signed most with a family doctor, one ended early', async () => {
    const doctors = await b.call('health.familyDoctors', {});
    expect(doctors.totals.signed).toBeGreaterThanOrEqual(10);
    expect(doctors.contracts.filter((c) => c.state === 'ended')).toHaveLength(1);
  });

  it('has the last two months’ health entries for nearly everyone and this month’s for some', async () => {
    for (const month of ['2026-01', '2026-02']) expect((await b.call('health.monthly', { month })).totals.done).toBeGreaterThanOrEqual(13);
    const march = (await b.call('health.monthly', { month: '2026-03' })).totals;
    expect(march.done).toBeGreaterThan(0);
    expect(march.missing).toBeGreaterThan(0);
  });

  it('gives the resident with 高血压 and 糖尿病 six months of readings, and the monthly entry takes them', async () => {
    const id = (b.database.sqlite.prepare("SELECT id FROM residents WHERE chronic_conditions <> ''").get() as { id: string }).id;
    const trends = await b.call('health.trends', { residentId: id, months: 6 });
    expect(trends.summary.bpReadings).toBeGreaterThan(20); // every 3–5 days since admission (2025-11-20)
    expect(trends.summary.glucoseReadings).toBe(trends.summary.bpReadings);
    const feb = (await b.call('health.monthly', { month: '2026-02' })).rows.find((r) => r.residentId === id)!;
    if (feb.entry) expect([feb.entry.systolic, feb.entry.diastolic]).toEqual([feb.vitals.systolic, feb.vitals.diastolic]);
  });
});
