// The entrusted demo on a small register: every 分散供养特困 elder at home gets an agreement, checks for the last months
// (each also a visit), one month without a check for one elder, one carer rated 差 and replaced in the same month list.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { chinaInstant } from '@shared/domain/care/shifts';
import { demoEntrusted } from '../../electron/backend/demo/entrusted';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
  b.clock.set(chinaInstant('2026-03-20', '10:00').toISOString());
  b.admin.signIn(b.admin.user!, b.clock.now());
});
afterEach(async () => b.close());

it('makes agreements and checks for the 分散供养特困 elders at home only', async () => {
  const village = (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  const names = ['李桂英', '赵秀兰', '孙老汉', '钱老太', '周大爷'];
  for (const [i, name] of names.entries()) {
    await b.call('elders.save', {
      name,
      idNumber: validIdNumber('1945-03-01', String(700 + i)),
      villageId: village,
      address: `${name}家`,
      phone: '13900000000',
      categories: i < 4 ? ['tekun_dispersed'] : ['dibao'],
      registeredOn: '2025-10-01',
    });
  }
  const deps = { db: b.database.db, clock: b.clock };
  const events = await demoEntrusted(deps, { userId: 'demo', name: '演示数据', role: 'admin' }, '2026-03-20');
  expect(events).toBeGreaterThan(10);
  const agreements = await b.call('entrusted.agreements', { elderId: null, includeEnded: true });
  expect(new Set(agreements.map((a) => a.elder))).toEqual(new Set(names.slice(0, 4)));
  const ended = agreements.filter((a) => a.endedOn !== null);
  expect(ended).toHaveLength(1);
  expect(ended[0].lastCheck).toMatchObject({ rating: 'poor', delivered: 'no' });
  expect(agreements.filter((a) => a.open)).toHaveLength(4);

  const twoAgo = await b.call('entrusted.month', { month: '2026-01', villageId: null });
  expect(twoAgo.lines.filter((l) => l.elder === ended[0].elder)).toHaveLength(2);
  const last = await b.call('entrusted.month', { month: '2026-02', villageId: null });
  expect(last.totals.unchecked).toBe(1);
  expect(last.totals.people).toBe(4);
  const checks = b.count('entrusted_care_checks');
  expect(checks).toBeGreaterThanOrEqual(12);
  expect(b.database.sqlite.prepare('SELECT count(*) AS n FROM entrusted_care_checks c JOIN elder_visits v ON v.id = c.visit_id').get()).toEqual({ n: checks });
});
