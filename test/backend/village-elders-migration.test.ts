// Migration 0021 on a real SQLite file with foreign keys on, as the app opens it: today's 助餐 diners move onto the
// township's register (one village per village name, one elder per diner with the same id), the diners table becomes
// their meal-aid enrolment, every serving still points at its diner, and an account may now be a 关爱专干.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

const STAMP = `'2026-02-01T08:00:00.000Z', '厨师老刘', '2026-02-01T08:00:00.000Z', '厨师老刘'`;
const DINER_A = '11111111-1111-4111-8111-111111111111';
const DINER_B = '22222222-2222-4222-8222-222222222222';
const DINER_C = '33333333-3333-4333-8333-333333333333';

const upTo21 = migrations.filter((m) => m.version <= 21);

async function migratedFrom20() {
  const db = new Database(path.join(tempDir(), 'v20.sqlite'));
  db.pragma('foreign_keys = ON');
  await migrate(db, { migrations: migrations.filter((m) => m.version <= 20) });
  const diner = db.prepare(`INSERT INTO meal_aid_diners (id, name, name_initials, id_number, sex, birth_date, village, category, phone, address, route, default_mode, left_on, note, created_at, created_by, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ${STAMP})`);
  diner.run(DINER_A, '赵奶奶', 'znn', validIdNumber('1941-07-07', '456'), 'female', '1941-07-07', '东村', 'tekun_dispersed', '13900001111', '东村3组12号', '东线', 'delivery', null);
  diner.run(DINER_B, '钱爷爷', 'qyy', validIdNumber('1936-01-09', '567'), 'male', '1936-01-09', '东村', 'disabled', '', '', '', 'dine_in', '2026-01-20');
  diner.run(DINER_C, '孙奶奶', 'snn', validIdNumber('1935-03-03', '678'), 'female', '1935-03-03', '', 'elderly', '', '', '', 'dine_in', null);
  db.prepare(`INSERT INTO meal_aid_servings (id, diner_id, date, meal, mode, category, price_fen, subsidy_fen, request_id, created_at, created_by)
    VALUES ('44444444-4444-4444-8444-444444444444', ?, '2026-02-01', 'lunch', 'delivery', 'tekun_dispersed', 800, 800, 'r1', '2026-02-01T04:00:00.000Z', '厨师老刘')`).run(DINER_A);
  await migrate(db, { migrations: upTo21 });
  return db;
}

describe('migration 0021: the village elders register', () => {
  it('puts every diner on the register with a village, keeps their enrolment and servings, and leaves no broken key', async () => {
    const db = await migratedFrom20();
    expect(db.pragma('user_version', { simple: true })).toBe(21);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const villages = db.prepare('SELECT id, name FROM villages ORDER BY name').all() as { id: string; name: string }[];
    expect(villages.map((v) => v.name)).toEqual(['东村', '（未填村名）']);
    for (const v of villages) expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const elders = db.prepare('SELECT e.id, e.name, e.categories, e.household, e.status, e.registered_on AS registeredOn, e.phone, e.address, v.name AS village FROM elders e JOIN villages v ON v.id = e.village_id ORDER BY e.name').all();
    expect(elders).toEqual([
      { id: DINER_C, name: '孙奶奶', categories: '[]', household: null, status: 'at_home', registeredOn: '2026-02-01', phone: '', address: '', village: '（未填村名）' },
      { id: DINER_A, name: '赵奶奶', categories: '["tekun_dispersed"]', household: null, status: 'at_home', registeredOn: '2026-02-01', phone: '13900001111', address: '东村3组12号', village: '东村' },
      { id: DINER_B, name: '钱爷爷', categories: '["severe_disability"]', household: null, status: 'at_home', registeredOn: '2026-02-01', phone: '', address: '', village: '东村' },
    ]);
    expect(db.prepare('SELECT id, elder_id AS elderId, category, route, default_mode AS mode, left_on AS leftOn FROM meal_aid_diners ORDER BY id').all()).toEqual([
      { id: DINER_A, elderId: DINER_A, category: 'tekun_dispersed', route: '东线', mode: 'delivery', leftOn: null },
      { id: DINER_B, elderId: DINER_B, category: 'disabled', route: '', mode: 'dine_in', leftOn: '2026-01-20' },
      { id: DINER_C, elderId: DINER_C, category: 'elderly', route: '', mode: 'dine_in', leftOn: null },
    ]);
    expect(db.prepare('SELECT e.name FROM meal_aid_servings s JOIN meal_aid_diners d ON d.id = s.diner_id JOIN elders e ON e.id = d.elder_id').all()).toEqual([{ name: '赵奶奶' }]);
    expect(() => db.prepare('DELETE FROM meal_aid_diners').run()).toThrow(/diners are kept/);
    expect(() => db.prepare('DELETE FROM elders').run()).toThrow(/elders stay on the register/);
    db.close();
  });

  it('runs migrations with foreign keys off but refuses one that would leave a broken reference, and turns them back on', async () => {
    const db = await migratedFrom20();
    const orphan = { version: 22, name: 'orphan', sql: `INSERT INTO elder_relatives (id, elder_id, name, relation, created_at, created_by, updated_at, updated_by) VALUES ('77777777-7777-4777-8777-777777777777', 'no-such-elder', '某某', 'son', ${STAMP});` };
    await expect(migrate(db, { migrations: [...upTo21, orphan] })).rejects.toThrow('migration 22 would leave 1 broken references (elder_relatives → elders)');
    expect(db.pragma('user_version', { simple: true })).toBe(21);
    expect(db.prepare('SELECT count(*) AS n FROM elder_relatives').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('lets an account be a 关爱专干 and still refuses an unknown role', async () => {
    const db = await migratedFrom20();
    const add = db.prepare(`INSERT INTO users (id, display_name, role, pin_hash, created_at, created_by, updated_at, updated_by) VALUES (?, '小周', ?, 'x', ${STAMP})`);
    add.run('55555555-5555-4555-8555-555555555555', 'social_worker');
    expect(() => add.run('66666666-6666-4666-8666-666666666666', 'volunteer')).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM users').run()).toThrow(/never deleted/);
    db.close();
  });
});
