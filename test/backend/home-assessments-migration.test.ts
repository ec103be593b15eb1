// Migration 0022 on a real SQLite file with foreign keys on, as the app opens it: the assessments table is rebuilt so an
// assessment is of a resident or of an elder on the village register (exactly one), with its place (centre / home).
// Every row comes across unchanged under the same id (a dispute and a care grade still point at it), marked 'centre';
// a final assessment is still read-only and none can be deleted; no reference is left broken.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

const STAMP = `'2026-02-01T08:00:00.000Z', '王院长', '2026-02-01T08:00:00.000Z', '王院长'`;
const RESIDENT = '11111111-1111-4111-8111-111111111111';
const STAFF = '22222222-2222-4222-8222-222222222222';
const FINAL = '33333333-3333-4333-8333-333333333333';
const DRAFT = '44444444-4444-4444-8444-444444444444';
const GRADE = '55555555-5555-4555-8555-555555555555';
const VILLAGE = '66666666-6666-4666-8666-666666666666';
const ELDER = '77777777-7777-4777-8777-777777777777';

const ANSWERS = JSON.stringify({ 'B.1.1': 10, 'B.1.2': 5 });
const assessment = (id: string, status: 'final' | 'draft') => `INSERT INTO assessments (id, resident_id, reason, assessed_on, answers, risk_events, coma, dementia, mental_disorder,
  assessor1, assessor2, status, total, preliminary_level, final_level, level_reasons, finalized_at, finalized_by, created_at, created_by, updated_at, updated_by,
  assessor1_staff_id, assessor1_org, assessor2_staff_id, assessor2_org, health, consciousness, basic_info)
  VALUES ('${id}', '${RESIDENT}', 'first', '2026-01-20', '${ANSWERS}', '{"fall":1}', 0, 1, 0, '李评估', '孙评估', '${status}',
  ${status === 'final' ? `88, 1, 2, '["确诊痴呆"]', '2026-01-20T09:00:00.000Z', '王院长'` : `NULL, NULL, NULL, '[]', NULL, NULL`}, ${STAMP},
  '${STAFF}', '', NULL, '县老年人能力评估中心', '{"choices":{"A.5.1":["无"]},"jointSites":"","other":""}', NULL, '{"ethnicity":"汉族"}')`;

async function migratedFrom21() {
  const db = new Database(path.join(tempDir(), 'v21.sqlite'));
  db.pragma('foreign_keys = ON');
  await migrate(db, { migrations: migrations.filter((m) => m.version <= 21) });
  db.exec(`INSERT INTO residents (id, name, name_initials, id_number, sex, birth_date, ethnicity, household_address, village, primary_category, tags, tekun_cert_no,
      contacts, allergies, chronic_conditions, diet_type, note, status, bed_id, admitted_on, discharged_on, created_at, created_by, updated_at, updated_by)
    VALUES ('${RESIDENT}', '张三', 'zs', '${validIdNumber('1940-05-06', '123')}', 'male', '1940-05-06', '汉族', '', '', 'tekun', '[]', '', '[]', '', '', '普通', '', 'discharged', NULL, '2025-06-01', '2026-02-10', ${STAMP});
    INSERT INTO staff (id, name, role, hire_date, created_at, created_by, updated_at, updated_by) VALUES ('${STAFF}', '李评估', 'care_lead', '2025-01-01', ${STAMP});
    INSERT INTO villages (id, name, created_at, created_by, updated_at, updated_by) VALUES ('${VILLAGE}', '东村', ${STAMP});
    INSERT INTO elders (id, name, name_initials, id_number, sex, birth_date, village_id, registered_on, created_at, created_by, updated_at, updated_by)
    VALUES ('${ELDER}', '赵桂英', 'zgy', '${validIdNumber('1941-07-07', '456')}', 'female', '1941-07-07', '${VILLAGE}', '2026-01-05', ${STAMP});
    ${assessment(FINAL, 'final')};
    ${assessment(DRAFT, 'draft')};
    INSERT INTO assessment_disputes (id, assessment_id, raised_by, relation, note, raised_on, created_at, created_by, updated_at, updated_by)
    VALUES ('88888888-8888-4888-8888-888888888888', '${FINAL}', '张小三', '儿子', '觉得评高了', '2026-01-25', ${STAMP});
    INSERT INTO care_grades (id, name, rank, suggested_for_levels, created_at, created_by, updated_at, updated_by) VALUES ('${GRADE}', '二级护理', 2, '[2]', ${STAMP});
    INSERT INTO resident_grades (id, resident_id, grade_id, effective_from, assessment_id, consent_by, consent_relation, created_at, created_by, updated_at, updated_by)
    VALUES ('99999999-9999-4999-8999-999999999999', '${RESIDENT}', '${GRADE}', '2026-01-21', '${FINAL}', '张小三', '儿子', ${STAMP});`);
  const before = db.prepare('SELECT * FROM assessments ORDER BY id').all();
  await migrate(db, { migrations: migrations.filter((m) => m.version <= 22) });
  return { db, before };
}

const insertHome = (db: Database.Database, id: string, residentId: string | null, elderId: string | null, place: string) =>
  db
    .prepare(`INSERT INTO assessments (id, resident_id, elder_id, place, reason, assessed_on, answers, risk_events, coma, dementia, mental_disorder, assessor1, assessor2, status, created_at, created_by, updated_at, updated_by)
      VALUES (?, ?, ?, ?, 'first', '2026-03-01', '{}', '{}', 0, 0, 0, '', '', 'draft', ${STAMP})`)
    .run(id, residentId, elderId, place);

describe('migration 0022: home assessments', () => {
  it('keeps every assessment with its id and columns, marked as done in the centre, and leaves no broken key', async () => {
    const { db, before } = await migratedFrom21();
    expect(db.pragma('user_version', { simple: true })).toBe(22);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const after = db.prepare('SELECT * FROM assessments ORDER BY id').all() as Record<string, unknown>[];
    expect(after).toEqual((before as Record<string, unknown>[]).map((row) => ({ ...row, elder_id: null, place: 'centre' })));
    expect(after.map((r) => [r.id, r.status])).toEqual([[FINAL, 'final'], [DRAFT, 'draft']].sort());
    // Those pointing at an assessment still find it.
    expect(db.prepare('SELECT a.status FROM assessment_disputes d JOIN assessments a ON a.id = d.assessment_id').all()).toEqual([{ status: 'final' }]);
    expect(db.prepare('SELECT a.final_level AS level FROM resident_grades g JOIN assessments a ON a.id = g.assessment_id').all()).toEqual([{ level: 2 }]);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assessments' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toEqual([{ name: 'assessments_elder' }, { name: 'assessments_resident' }]);
    db.close();
  });

  it('still refuses to change a final assessment or delete any, and still lets a draft change', async () => {
    const { db } = await migratedFrom21();
    expect(() => db.prepare(`UPDATE assessments SET total = 1 WHERE id = ?`).run(FINAL)).toThrow(/finalised assessments are read-only/);
    expect(() => db.prepare(`DELETE FROM assessments WHERE id = ?`).run(DRAFT)).toThrow(/assessments are never deleted/);
    db.prepare(`UPDATE assessments SET reason = 'routine' WHERE id = ?`).run(DRAFT);
    expect(db.prepare('SELECT reason FROM assessments WHERE id = ?').get(DRAFT)).toEqual({ reason: 'routine' });
    db.close();
  });

  it('takes an elder assessed at home, and refuses both persons, neither, an elder in the centre or an unknown elder', async () => {
    const { db } = await migratedFrom21();
    insertHome(db, 'a1', null, ELDER, 'home');
    expect(db.prepare(`SELECT resident_id AS residentId, elder_id AS elderId, place FROM assessments WHERE id = 'a1'`).get()).toEqual({ residentId: null, elderId: ELDER, place: 'home' });
    expect(() => insertHome(db, 'a2', RESIDENT, ELDER, 'home')).toThrow(/CHECK constraint/);
    expect(() => insertHome(db, 'a3', null, null, 'home')).toThrow(/CHECK constraint/);
    expect(() => insertHome(db, 'a4', null, ELDER, 'centre')).toThrow(/CHECK constraint/);
    expect(() => insertHome(db, 'a5', null, ELDER, 'hospital')).toThrow(/CHECK constraint/);
    expect(() => insertHome(db, 'a6', null, 'no-such-elder', 'home')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
