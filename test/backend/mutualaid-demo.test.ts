// The demo's mutual aid on the demo township's register: 低龄老人 helpers linked to their entries, pairs in each
// village, two months of activities credited by the default rules (never more than 2 points a helper a day), some
// redemptions, a correction and a void, and 老年协会 activities with who came — the sheet and the ledgers read them back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoVillageElders } from '../../electron/backend/demo/elders';
import { demoCaller } from '../../electron/backend/demo/generator';
import { demoMutualAid } from '../../electron/backend/demo/mutualaid';
import { seededRandom } from '../../electron/backend/demo/random';
import { saveHelper } from '../../electron/backend/services/visits/helpers';
import { type TestBackend, openTestBackend } from '../helpers/backend';

let b: TestBackend;
let events = 0;
const q = <T>(sql: string) => b.database.sqlite.prepare(sql).all() as T[];
beforeAll(async () => {
  b = await openTestBackend();
  const deps = b.holder.deps;
  const random = seededRandom(7);
  await demoVillageElders(deps, demoCaller(null), random, '2026-03-15');
  await saveHelper(deps, demoCaller(null), { name: '志愿者小周', kind: 'volunteer', phone: '', villageId: null, retired: false });
  events = await demoMutualAid(deps, demoCaller(null), random, '2026-03-15');
}, 120_000);
afterAll(async () => b.close());

describe('the demo mutual aid', () => {
  it('links 低龄老人 helpers to their register entries and pairs them in each village', async () => {
    expect(events).toBeGreaterThan(100);
    const helpers = await b.call('visits.helpers', {});
    const young = helpers.filter((h) => h.kind === 'young_elder');
    expect(young.length).toBeGreaterThanOrEqual(3);
    expect(young.every((h) => h.elderId !== null && h.elder === h.name)).toBe(true);
    const pairs = await b.call('mutualaid.pairs', {});
    const villages = await b.call('elders.villages', {});
    expect(new Set(pairs.map((p) => p.villageId)).size).toBe(villages.length);
  });

  it('has two months of activities within the daily cap, redemptions, a correction and a void, never below zero', async () => {
    const [jan, feb, mar] = await Promise.all(['2026-01', '2026-02', '2026-03'].map((month) => b.call('mutualaid.activities', { month })));
    expect(feb.length + mar.length).toBeGreaterThan(40);
    expect(jan.length).toBeGreaterThan(0);
    const perDay = q<{ n: number }>(
      "SELECT sum(e.points_tenths) AS n FROM time_bank_entries e JOIN aid_activities a ON a.id = e.activity_id GROUP BY a.helper_id, a.done_on",
    );
    expect(Math.max(...perDay.map((r) => r.n))).toBeLessThanOrEqual(20);
    const kinds = Object.fromEntries(q<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM time_bank_entries GROUP BY kind').map((r) => [r.kind, r.n]));
    expect(kinds.earn).toBeGreaterThan(30);
    expect(kinds.redeem).toBeGreaterThanOrEqual(1);
    expect(kinds.correct).toBeGreaterThanOrEqual(1);
    const balances = await b.call('mutualaid.balances', {});
    expect(balances.every((r) => r.balanceTenths >= 0)).toBe(true);
    const ledger = await b.call('mutualaid.ledger', { helperId: balances.find((r) => r.redeemedTenths > 0)!.helperId });
    expect(ledger.entries[0].balanceTenths).toBe(ledger.helper.balanceTenths);
  });

  it('has 老年协会 activities with who came, and the month sheet per village', async () => {
    const assoc = await b.call('mutualaid.associations', {});
    expect(assoc.length).toBeGreaterThanOrEqual(3);
    expect(assoc.every((a) => a.elders >= 3)).toBe(true);
    const sheet = await b.call('mutualaid.sheet', { month: '2026-02' });
    expect(sheet.villages.length).toBeGreaterThanOrEqual(2);
    expect(sheet.villages.every((v) => v.pairs.length > 0)).toBe(true);
  });
});
