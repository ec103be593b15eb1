// Migration 0023 on a real SQLite file with foreign keys on, as the app opens it: the visit helpers of issue 17 keep
// their ids and become the people of mutual aid (kind 低龄老人, a link to the register), and the tables of care at home
// hold their rules themselves — a service visit and a care check can only be voided, a settlement is frozen, and the
// time bank never goes below zero nor changes an entry.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

const STAMP = `'2026-03-01T08:00:00.000Z', '社工小周', '2026-03-01T08:00:00.000Z', '社工小周'`;
const VILLAGE = '11111111-1111-4111-8111-111111111111';
const ELDER = '22222222-2222-4222-8222-222222222222';
const HELPER = '33333333-3333-4333-8333-333333333333';
const ITEM = '44444444-4444-4444-8444-444444444444';
const PROVIDER = '55555555-5555-4555-8555-555555555555';
const VISIT = '66666666-6666-4666-8666-666666666666';

async function migratedFrom22() {
  const db = new Database(path.join(tempDir(), 'v22.sqlite'));
  db.pragma('foreign_keys = ON');
  await migrate(db, { migrations: migrations.filter((m) => m.version <= 22) });
  db.prepare(`INSERT INTO villages (id, name, code, created_at, created_by, updated_at, updated_by) VALUES (?, '东村', NULL, ${STAMP})`).run(VILLAGE);
  db.prepare(`INSERT INTO elders (id, name, name_initials, id_number, sex, birth_date, village_id, registered_on, created_at, created_by, updated_at, updated_by)
    VALUES (?, '赵奶奶', 'znn', ?, 'female', '1941-07-07', ?, '2026-03-01', ${STAMP})`).run(ELDER, validIdNumber('1941-07-07', '456'), VILLAGE);
  db.prepare(`INSERT INTO visit_helpers (id, name, kind, phone, village_id, retired_at, created_at, created_by, updated_at, updated_by)
    VALUES (?, '村干部老王', 'village_cadre', '13900002222', ?, NULL, ${STAMP})`).run(HELPER, VILLAGE);
  await migrate(db, { migrations: migrations.filter((m) => m.version <= 23) });
  return db;
}

function insertDoneVisit(db: Database.Database) {
  db.prepare(`INSERT INTO home_service_items (id, name, category, unit, created_at, created_by, updated_at, updated_by) VALUES (?, '助洁', 'life_care', 'hour', ${STAMP})`).run(ITEM);
  db.prepare(`INSERT INTO home_service_providers (id, name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, '安康家政', 'organisation', ${STAMP})`).run(PROVIDER);
  db.prepare(`INSERT INTO home_service_visits (id, elder_id, provider_id, outcome, service_on, start_time, end_time, price_class, confirmation, slip_no, request_id, created_at, created_by_id, created_by)
    VALUES (?, ?, ?, 'done', '2026-03-03', '09:00', '11:00', 'tekun_dispersed', 'paper_slip', 'QR-0001', 'r1', '2026-03-03T04:00:00.000Z', 'u1', '社工小周')`).run(VISIT, ELDER, PROVIDER);
  db.prepare(`INSERT INTO home_service_visit_items (visit_id, item_id, quantity) VALUES (?, ?, 120)`).run(VISIT, ITEM);
}

describe('migration 0023: care at home', () => {
  it('keeps every visit helper with its id and leaves no broken key', async () => {
    const db = await migratedFrom22();
    expect(db.pragma('user_version', { simple: true })).toBe(23);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, name, kind, phone, village_id AS villageId, elder_id AS elderId FROM visit_helpers').all()).toEqual([
      { id: HELPER, name: '村干部老王', kind: 'village_cadre', phone: '13900002222', villageId: VILLAGE, elderId: null },
    ]);
    db.prepare(`INSERT INTO visit_helpers (id, name, kind, elder_id, created_at, created_by, updated_at, updated_by) VALUES ('h2', '李大爷', 'young_elder', ?, ${STAMP})`).run(ELDER);
    expect(() => db.prepare('DELETE FROM visit_helpers').run()).toThrow(/helpers are retired/);
    db.close();
  });

  it('lets a service visit only be voided, once, and keeps its items as recorded', async () => {
    const db = await migratedFrom22();
    insertDoneVisit(db);
    expect(() => db.prepare(`UPDATE home_service_visits SET end_time = '12:00' WHERE id = ?`).run(VISIT)).toThrow(/only be voided/);
    expect(() => db.prepare('UPDATE home_service_visit_items SET quantity = 60').run()).toThrow(/kept as recorded/);
    db.prepare(`UPDATE home_service_visits SET voided_at = '2026-03-04T01:00:00.000Z', voided_by = '社工小周', void_reason = '录错了老人' WHERE id = ?`).run(VISIT);
    expect(() => db.prepare(`UPDATE home_service_visits SET void_reason = '别的' WHERE id = ?`).run(VISIT)).toThrow(/only be voided/);
    expect(() => db.prepare('DELETE FROM home_service_visits').run()).toThrow(/never deleted/);
    db.close();
  });

  it('refuses a done visit without an end after its start or without a confirmation, and a missed one without a reason', async () => {
    const db = await migratedFrom22();
    insertDoneVisit(db);
    const insert = db.prepare(`INSERT INTO home_service_visits (id, elder_id, provider_id, outcome, service_on, start_time, end_time, price_class, missed_reason, confirmation, slip_no, request_id, created_at, created_by_id, created_by)
      VALUES (?, ?, ?, ?, '2026-03-05', '09:00', ?, 'ordinary', ?, ?, ?, ?, '2026-03-05T04:00:00.000Z', 'u1', '社工小周')`);
    expect(() => insert.run('v2', ELDER, PROVIDER, 'done', '08:00', null, 'paper_slip', 'QR-2', 'r2')).toThrow(/CHECK/);
    expect(() => insert.run('v3', ELDER, PROVIDER, 'done', '10:00', null, null, null, 'r3')).toThrow(/CHECK/);
    expect(() => insert.run('v4', ELDER, PROVIDER, 'done', '10:00', null, 'paper_slip', null, 'r4')).toThrow(/CHECK/);
    expect(() => insert.run('v5', ELDER, PROVIDER, 'missed', null, null, null, null, 'r5')).toThrow(/CHECK/);
    insert.run('v6', ELDER, PROVIDER, 'missed', null, '老人去女儿家了', null, null, 'r6');
    db.close();
  });

  it('keeps the time bank append-only and never below zero', async () => {
    const db = await migratedFrom22();
    const entry = db.prepare(`INSERT INTO time_bank_entries (id, helper_id, kind, points_tenths, entry_on, redeemed_for, note, request_id, created_at, created_by)
      VALUES (?, ?, ?, ?, '2026-03-10', ?, ?, ?, '2026-03-10T02:00:00.000Z', '社工小周')`);
    entry.run('e1', HELPER, 'earn', 20, null, '', 'q1');
    expect(() => entry.run('e2', HELPER, 'redeem', -30, '理发一次', '', 'q2')).toThrow(/never goes below zero/);
    entry.run('e3', HELPER, 'redeem', -20, '理发一次', '', 'q3');
    expect(() => entry.run('e4', HELPER, 'correct', -5, null, '多记了半小时', 'q4')).toThrow(/never goes below zero/);
    expect(() => entry.run('e5', HELPER, 'correct', 5, null, '', 'q5')).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE time_bank_entries SET points_tenths = 40').run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM time_bank_entries').run()).toThrow(/never deleted/);
    expect(db.prepare('SELECT sum(points_tenths) AS balance FROM time_bank_entries WHERE helper_id = ?').get(HELPER)).toEqual({ balance: 0 });
    db.close();
  });

  it('asks the elder consent and a carer provider only for a provider agreement, and a check inside its month', async () => {
    const db = await migratedFrom22();
    const agreement = db.prepare(`INSERT INTO entrusted_care_agreements (id, elder_id, carer_kind, carer_name, provider_id, parties, tier, tier_document_no, tier_decided_on, monthly_subsidy_fen, signed_on, elder_consent, from_on, created_at, created_by, updated_at, updated_by)
      VALUES (?, ?, ?, '赵大姐', ?, '村委会、照料人、老人', 'partly_lost', '某民〔2026〕3号', '2026-02-20', 30000, '2026-03-01', ?, '2026-03-01', ${STAMP})`);
    expect(() => agreement.run('a0', ELDER, 'relative', null, 0)).toThrow(/CHECK/);
    expect(() => agreement.run('a1', ELDER, 'relative', PROVIDER, 1)).toThrow();
    agreement.run('a2', ELDER, 'relative', null, 1);
    const check = db.prepare(`INSERT INTO entrusted_care_checks (id, agreement_id, elder_id, month, checked_on, kind, delivered, carer_rating, findings, checker, request_id, created_at, created_by_id, created_by)
      VALUES (?, 'a2', ?, '2026-03', ?, 'home', ?, 'good', ?, '社工小周', ?, '2026-03-15T02:00:00.000Z', 'u1', '社工小周')`);
    expect(() => check.run('c1', ELDER, '2026-04-01', 'yes', '', 'k1')).toThrow(/CHECK/);
    expect(() => check.run('c2', ELDER, '2026-03-15', 'partly', '', 'k2')).toThrow(/CHECK/);
    check.run('c3', ELDER, '2026-03-15', 'partly', '洗澡没有按时', 'k3');
    db.close();
  });
});
