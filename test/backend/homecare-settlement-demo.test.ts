// The settlement part's demo (issue 18) over visits inserted directly: last month's 回访 sample checked with one dispute,
// two complaints (one answered, one open past the limit) and last month settled for each provider that served.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoHomecareSettlement } from '../../electron/backend/demo/homecare-settlement';
import { seededRandom } from '../../electron/backend/demo/random';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
const STAMP = { created_at: '2026-01-01T00:00:00.000Z', created_by: '测试', updated_at: '2026-01-01T00:00:00.000Z', updated_by: '测试' };
function insert(table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  b.database.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
}

beforeEach(async () => {
  b = await openTestBackend(); // today 2026-03-15
});
afterEach(async () => b.close());

describe('the settlement demo', () => {
  it('checks last month’s sample with one dispute, leaves one of two complaints open, and settles last month per provider', async () => {
    const village = randomUUID();
    const elder = randomUUID();
    const item = randomUUID();
    const providers = [randomUUID(), randomUUID()];
    insert('villages', { id: village, name: '东村', ...STAMP });
    insert('elders', { id: elder, name: '赵奶奶', name_initials: 'znn', id_number: validIdNumber('1940-01-01', '101'), sex: 'female', birth_date: '1940-01-01', village_id: village, registered_on: '2025-12-01', ...STAMP });
    insert('home_service_items', { id: item, name: '助洁', category: 'life_care', unit: 'hour', ...STAMP });
    insert('home_service_prices', { id: randomUUID(), item_id: item, price_class: 'ordinary', effective_from: '2026-01-01', price_fen: 3000, subsidy_fen: 1000, ...STAMP });
    providers.forEach((id, i) => insert('home_service_providers', { id, name: `机构${i + 1}`, kind: 'organisation', ...STAMP }));
    const days = [...Array.from({ length: 20 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`), '2026-03-02'];
    for (const [n, day] of days.entries()) {
      const id = randomUUID();
      insert('home_service_visits', {
        id,
        elder_id: elder,
        provider_id: providers[n % 4 === 0 ? 1 : 0],
        outcome: 'done',
        service_on: day,
        start_time: '09:00',
        end_time: '10:00',
        price_class: 'ordinary',
        confirmation: 'family',
        confirmed_by: '女儿',
        request_id: randomUUID(),
        created_at: `${day}T04:00:00.000Z`,
        created_by_id: 'u1',
        created_by: '护理员',
      });
      insert('home_service_visit_items', { visit_id: id, item_id: item, quantity: 60 });
    }
    const written = await demoHomecareSettlement(b.holder.deps, { userId: b.adminId, name: '演示数据', role: 'admin' }, seededRandom(7), '2026-03-15');
    const checks = b.database.sqlite.prepare('SELECT outcome, count(*) AS n FROM home_service_checks GROUP BY outcome ORDER BY outcome').all();
    expect(checks).toEqual([
      { outcome: 'confirmed', n: 2 },
      { outcome: 'disputed', n: 1 },
    ]);
    const open = await b.call('homecare.complaints', { status: 'open', query: '' });
    expect(open.rows).toHaveLength(1);
    expect(open.rows[0].overdue).toBe(true);
    expect((await b.call('homecare.complaints', { status: 'all', query: '' })).rows).toHaveLength(2);
    const month = await b.call('homecare.settlements', { month: '2026-02' });
    expect(month.providers.map((p) => p.settlement !== null)).toEqual([true, true]);
    expect(month.providers.reduce((n, p) => n + p.totals.disputed, 0)).toBe(1);
    expect(written).toBe(3 + 2 + 2);
  });

  it('runs after the setup and delivery demos in the whole demo: February checked with one dispute and settled per provider', async () => {
    await b.call('system.loadDemo', {});
    const sample = await b.call('homecare.checkMonth', { month: '2026-02', providerId: null });
    expect(sample.providers.length).toBeGreaterThan(0);
    for (const p of sample.providers) {
      expect(p.checked).toBe(p.target);
      expect(p.toCheck).toEqual([]);
    }
    expect(sample.checks.filter((c) => c.outcome === 'disputed')).toHaveLength(1);
    const all = await b.call('homecare.complaints', { status: 'all', query: '' });
    expect(all.rows.map((c) => c.answeredOn === null).sort()).toEqual([false, true]);
    const month = await b.call('homecare.settlements', { month: '2026-02' });
    const served = month.providers.filter((p) => p.done > 0);
    expect(served.length).toBe(sample.providers.length);
    for (const p of served) expect(p.settlement).not.toBeNull();
    expect(served.reduce((n, p) => n + p.totals.disputed, 0)).toBe(1);
    const statement = await b.call('homecare.statement', { providerId: served[0].providerId, month: '2026-02', settlementId: null });
    expect(statement.status).toBe('settled');
    expect(statement.unpriced).toEqual([]);
  });
});
