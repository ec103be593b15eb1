import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '@shared/domain/id-number';
import { type TestBackend, openTestBackend } from '../helpers/backend';

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
  const result = await b.call('system.loadDemo', {});
  expect(result.beds).toBeGreaterThanOrEqual(100);
});
afterAll(async () => b.close());

describe('demo centre', () => {
  it('has two buildings, about 100 beds, about 80% occupied', async () => {
    const map = await b.call('facility.bedMap', {});
    expect(map.buildings.map((x) => x.name)).toEqual(['一号楼', '二号楼']);
    expect(map.counts.total).toBe(100);
    const occupancy = map.counts.occupied / (map.counts.total - map.counts.disabled);
    expect(occupancy).toBeGreaterThan(0.7);
    expect(occupancy).toBeLessThan(0.9);
  });

  it('uses Chinese names and ID numbers with valid check digits', () => {
    const rows = b.database.sqlite.prepare('SELECT name, id_number AS idNumber, birth_date AS birth FROM residents').all() as { name: string; idNumber: string; birth: string }[];
    expect(rows.length).toBeGreaterThan(80);
    for (const r of rows) {
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      const parsed = parseIdNumber(r.idNumber, '2026-03-15');
      expect(parsed.ok, r.idNumber).toBe(true);
      if (parsed.ok) expect(parsed.info.birthDate).toBe(r.birth);
    }
  });

  it('has a year of admissions, leave and discharges', () => {
    const types = b.database.sqlite
      .prepare("SELECT type, count(*) AS n FROM stay_events WHERE date >= '2025-03-15' GROUP BY type")
      .all() as { type: string; n: number }[];
    const n = Object.fromEntries(types.map((t) => [t.type, t.n]));
    expect(n.admission).toBeGreaterThan(5);
    expect(n.discharge).toBeGreaterThan(5);
    expect(n.leave).toBeGreaterThan(10);
  });

  it('gives every current resident an assessment, risks, a tier, a grade and a care plan; some are due again', async () => {
    const q = (sql: string) => (b.database.sqlite.prepare(sql).get() as { n: number }).n;
    const current = q("SELECT count(*) AS n FROM residents WHERE status != 'discharged'");
    const perResident = (table: string, extra = '') =>
      q(`SELECT count(DISTINCT r.id) AS n FROM residents r JOIN ${table} t ON t.resident_id = r.id WHERE r.status != 'discharged' ${extra}`);
    expect(perResident('assessments', "AND t.status = 'final'")).toBe(current);
    expect(perResident('risk_assessments')).toBe(current);
    expect(perResident('tier_assessments')).toBe(current);
    expect(perResident('resident_grades')).toBe(current);
    expect(perResident('care_plan_tasks')).toBe(current);
    const due = await b.call('assessment.due', {});
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(current);
  });

  it('has staff with certificates running out, a roster with every hour covered, and some incidents', async () => {
    expect((await b.call('staff.list', {})).length).toBe(14);
    expect((await b.call('staff.expiring', {})).map((e) => e.what).sort()).toEqual(expect.arrayContaining(['cert', 'health']));
    const week = await b.call('roster.week', { monday: '2026-03-09' });
    expect(week.gaps).toEqual([]);
    expect((await b.call('roster.onDuty', {})).shifts[0].people.length).toBeGreaterThan(1);
    expect(b.count('incidents')).toBeGreaterThan(0);
  });

  it('has two weeks of menus, the past meals served with samples, and village elders on 助餐 with their meals', async () => {
    const menu = await b.call('meals.menuWeek', { monday: '2026-03-09' });
    expect(menu.entries.length).toBe(7 * 4 * 4); // every day, meal and the four diets in use
    const today = await b.call('meals.headcount', { date: '2026-03-15' });
    expect(today.meals.find((m) => m.meal === 'breakfast')!.served).not.toBeNull();
    expect(today.meals.find((m) => m.meal === 'lunch')!.served).toBeNull(); // 10:00: lunch is still to come
    expect(b.count('food_samples')).toBeGreaterThan(100);
    const diners = await b.call('meals.diners', { query: '' });
    expect(diners.length).toBe(13);
    const report = await b.call('meals.monthReport', { month: '2026-03' });
    expect(report.aid.totals.meals).toBeGreaterThan(50);
    expect(report.aid.byCategory.find((c) => c.category === 'tekun_dispersed')!.payableFen).toBe(0);
  });

  it('has checkpoints, equipment, a week of patrols with one night a patrol short, an open danger, a drill and training', async () => {
    const c = await b.call('fire.compliance', { month: null });
    expect(c.openDangers).toBe(1);
    expect(c.lastDrill).not.toBeNull();
    expect(c.equipmentExpiring).toBe(1);
    const rounds = await b.call('fire.rounds', { from: '2026-03-08', to: '2026-03-15', kind: 'night_patrol' });
    expect(rounds.length).toBe(7 * 2 - 1); // two a night, one missing three nights ago
    const lastWeek = c.month.days.filter((d) => d.date >= '2026-03-08' && d.date <= '2026-03-14');
    expect(lastWeek.map((d) => d.nightMissed)).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect((await b.call('fire.trainings', {})).sessions[0].attendees.length).toBeGreaterThan(5);
  });

  it('has two months of village visits with a few overdue, follow-ups open and closed, and one open special report', async () => {
    // The monthly checks of 分散供养 entrusted care are visits too; they go back further (see the care-at-home test below).
    const visits = b.database.sqlite
      .prepare('SELECT kind, visited_on AS day, visited_at AS at FROM elder_visits WHERE id NOT IN (SELECT visit_id FROM entrusted_care_checks WHERE visit_id IS NOT NULL)')
      .all() as { kind: string; day: string; at: string }[];
    expect(visits.length).toBeGreaterThan(300);
    expect(visits.map((v) => v.kind)).toEqual(expect.arrayContaining(['home', 'phone']));
    for (const v of visits) {
      expect(v.day >= '2026-01-14' && v.day < '2026-03-15', v.day).toBe(true); // two months, never today or later
      const hour = (new Date(v.at).getUTCHours() + 8) % 24; // China time: working hours
      expect(hour >= 8 && hour <= 18, v.at).toBe(true);
    }
    // The visits' helpers; mutual aid adds 低龄老人 from the register (below).
    const helpers = (await b.call('visits.helpers', { includeRetired: false })).map((h) => h.kind).sort();
    expect(helpers.filter((k) => k !== 'young_elder')).toEqual(['elder_association', 'village_cadre', 'village_cadre', 'village_cadre', 'village_cadre', 'volunteer', 'volunteer']);

    const overview = await b.call('visits.overview', { month: null });
    expect(overview.overdue).toBeGreaterThanOrEqual(3);
    expect(overview.overdue).toBeLessThanOrEqual(10);
    expect(overview.openSpecialReports.length).toBe(1);
    expect((await b.call('visits.specialReports', { status: 'all' })).length).toBe(2);
    const followups = await b.call('visits.followups', { status: 'all', villageId: null });
    const closed = followups.filter((f) => f.closedOn !== null);
    expect(closed.length).toBeGreaterThanOrEqual(3);
    for (const f of closed) expect(f.result).not.toBe('');
    expect(overview.openFollowups).toBe(followups.length - closed.length);
    expect(overview.openFollowups).toBeGreaterThanOrEqual(3);
    expect(followups.filter((f) => f.overdue).length).toBeGreaterThan(0);

    const plan = await b.call('visits.plan', { monday: '2026-03-09', villageId: null });
    expect(plan.villages.length).toBe(4);
    expect(plan.totals.overdue).toBeGreaterThan(0);
    expect(plan.totals.done).toBeGreaterThan(plan.totals.planned / 2);
  });

  it('has home assessments for a third of its 特困, 低保 and 计生 elders, some already due again, the rest listed as still to assess', async () => {
    const coverage = await b.call('assessment.homeCoverage', {});
    expect(coverage.total).toBeGreaterThan(10);
    const home = b.database.sqlite.prepare("SELECT count(*) AS n FROM assessments WHERE place = 'home' AND status = 'final'").get() as { n: number };
    expect(home.n).toBe(Math.ceil(coverage.total / 3));
    // Assessed two weeks after registration, three to eight months ago: the older ones are past the 6-month interval.
    expect(coverage.covered).toBeGreaterThan(0);
    expect(coverage.covered).toBeLessThanOrEqual(home.n);
    expect(coverage.missing).toHaveLength(coverage.total - coverage.covered);
  });

  it('has care at home: services bought and delivered, checked and last month settled, entrusted care checked, mutual aid', () => {
    const n = (sql: string) => (b.database.sqlite.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM home_service_items')).toBeGreaterThanOrEqual(8);
    expect(n("SELECT count(*) AS n FROM home_service_providers WHERE kind = 'organisation'")).toBeGreaterThanOrEqual(2);
    expect(n('SELECT count(*) AS n FROM home_service_entitlements WHERE ended_on IS NULL')).toBeGreaterThan(10);
    expect(n('SELECT count(*) AS n FROM home_service_plans WHERE ended_on IS NULL')).toBeGreaterThan(10);
    const done = n("SELECT count(*) AS n FROM home_service_visits WHERE outcome = 'done' AND voided_at IS NULL");
    const missed = n("SELECT count(*) AS n FROM home_service_visits WHERE outcome = 'missed' AND voided_at IS NULL");
    expect(done).toBeGreaterThan(100);
    expect(missed).toBeGreaterThan(0);
    expect(missed).toBeLessThan(done / 5);
    expect(n("SELECT count(DISTINCT confirmation) AS n FROM home_service_visits WHERE outcome = 'done'")).toBe(3);
    // Visits only for elders living at home (never for one in the centre, moved away or dead).
    expect(n("SELECT count(*) AS n FROM home_service_visits v JOIN elders e ON e.id = v.elder_id WHERE e.status <> 'at_home' AND v.service_on > e.status_on")).toBe(0);
    expect(n("SELECT count(*) AS n FROM home_service_checks WHERE outcome = 'disputed'")).toBeGreaterThanOrEqual(1);
    expect(n('SELECT count(*) AS n FROM home_service_complaints')).toBe(2);
    expect(n('SELECT count(*) AS n FROM home_service_settlements WHERE voided_at IS NULL')).toBeGreaterThanOrEqual(2);
    expect(n('SELECT count(*) AS n FROM entrusted_care_agreements WHERE ended_on IS NULL')).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM entrusted_care_checks WHERE voided_at IS NULL AND visit_id IS NOT NULL')).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM aid_pairs WHERE ended_on IS NULL')).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM aid_activities WHERE voided_at IS NULL')).toBeGreaterThan(10);
    expect(n("SELECT count(*) AS n FROM time_bank_entries WHERE kind = 'redeem'")).toBeGreaterThan(0);
    expect(n('SELECT min(s) AS n FROM (SELECT sum(points_tenths) AS s FROM time_bank_entries GROUP BY helper_id)')).toBeGreaterThanOrEqual(0);
    expect(n('SELECT count(*) AS n FROM association_attendance')).toBeGreaterThan(0);
  });

  it('names the demo and who loaded it as the author of its records', () => {
    const actors = b.database.sqlite.prepare("SELECT DISTINCT actor FROM audit_log WHERE entity = 'residents'").all();
    expect(actors).toEqual([{ actor: '演示数据（王院长载入）' }]);
  });

  it('refuses to load over existing data', async () => {
    const again = await b.raw('system.loadDemo', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
