// The demo centre's 特困 residents have the county's decision on file, so the package carries official tiers; about
// one proposal in six still waits for the county.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestProposalsAt, officialTiersAt } from '../../electron/backend/services/tier/for-package';
import { type TestBackend, openTestBackend } from '../helpers/backend';

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
  await b.call('system.loadDemo', {});
}, 120_000);
afterAll(() => b.close());

it('gives most 特困 residents an official tier from a paper decision and leaves some awaiting the county', async () => {
  const today = '2026-03-15';
  const official = await officialTiersAt(b.database.db, today);
  const proposals = await latestProposalsAt(b.database.db, today);
  const tekun = (b.database.sqlite.prepare("SELECT id FROM residents WHERE primary_category LIKE 'tekun%' AND status <> 'discharged'").all() as { id: string }[]).map((r) => r.id);
  const decided = tekun.filter((id) => official.has(id));
  expect(decided.length).toBeGreaterThan(tekun.length / 2);
  expect(decided.length).toBeLessThan(tekun.length);
  for (const id of decided) expect(official.get(id)).toMatchObject({ tier: proposals.get(id)!.tier, documentNo: expect.stringMatching(/^清民〔\d{4}〕\d+号$/) });
  const sources = b.database.sqlite.prepare('SELECT DISTINCT source, created_by FROM tier_decisions').all();
  expect(sources).toEqual([{ source: 'paper', created_by: expect.stringContaining('演示') }]);
});
