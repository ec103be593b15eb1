// Upgrading a centre's database that a version-16 build wrote: a real SQLite file made by migrations 1–16 only, filled
// with raw SQL in the v16 shape (a facility, a 特困 resident in a bed, a final ability assessment, a six-indicator tier
// assessment, the old night-patrol plan), brought to the latest version by the real migrate, then opened by the backend
// and read back through the dispatcher as the screens read it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/app';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { EMPTY_BASIC_INFO } from '@shared/domain/assessment/basic-info';
import { ITEMS } from '@shared/domain/assessment/items';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

const ID = {
  facility: '00000000-0000-4000-8000-000000000001',
  building: '00000000-0000-4000-8000-000000000002',
  room: '00000000-0000-4000-8000-000000000003',
  bed: '00000000-0000-4000-8000-000000000004',
  resident: '00000000-0000-4000-8000-000000000005',
  assessment: '00000000-0000-4000-8000-000000000006',
  tier: '00000000-0000-4000-8000-000000000007',
};

const AT = '2025-12-01T02:00:00.000Z';
const BY = '王院长';
const stamp = { created_at: AT, created_by: BY, updated_at: AT, updated_by: BY };

/** The fire settings as a v16 build saved them: one night patrol every N minutes. */
const OLD_FIRE = {
  responsiblePerson: '王院长',
  managerPerson: '李主任',
  keyUnit: true,
  dayPatrolsPerDay: 2,
  nightStart: '22:00',
  nightEnd: '06:00',
  nightIntervalMinutes: 180,
  inspectionEveryMonths: 1,
  drillEveryMonths: 6,
  trainingEveryMonths: 12,
  equipmentCheckEveryMonths: 1,
  expiryWarnDays: 30,
};

function insert(db: Database.Database, table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** A data folder holding a version-16 database with one centre's records; returns the ids. */
function version16Folder(dataDir: string) {
  fs.mkdirSync(path.join(dataDir, 'data'), { recursive: true });
  const db = new Database(path.join(dataDir, 'data', DATABASE_FILE));
  for (const m of migrations.filter((x) => x.version <= 16)) {
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  }
  insert(db, 'facility', { id: ID.facility, name: '青山镇敬老院', credit_code: '12320100MB1234567X', area_code: '320102', county: '青山县', township: '青山镇', type: 'township_home', licensed_beds: 40, phone: '', address: '', started_at: '2020-01-01', ...stamp });
  insert(db, 'buildings', { id: ID.building, name: '一号楼', floors: 2, ...stamp });
  insert(db, 'rooms', { id: ID.room, building_id: ID.building, floor: 1, name: '101', ...stamp });
  insert(db, 'beds', { id: ID.bed, room_id: ID.room, label: '1', bed_type: 'nursing', setting: 'available', ...stamp });
  insert(db, 'residents', {
    id: ID.resident, name: '张老汉', name_initials: 'zlh', id_number: validIdNumber('19450301'), sex: 'male', birth_date: '1945-03-01', ethnicity: '汉族',
    household_address: '青山镇东村', village: '东村', primary_category: 'tekun_concentrated', tags: '["severe_disability"]', tekun_cert_no: 'TK-2020-001',
    contacts: '[]', allergies: '', chronic_conditions: '高血压', diet_type: 'soft', photo: null, note: '', status: 'in_residence', bed_id: ID.bed,
    admitted_on: '2025-06-01', discharged_on: null, ...stamp,
  });
  const answers = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
  const total = ITEMS.reduce((sum, i) => sum + i.max, 0);
  insert(db, 'assessments', {
    id: ID.assessment, resident_id: ID.resident, reason: 'first', assessed_on: '2025-06-03', answers: JSON.stringify(answers),
    risk_events: '{"fall":0,"wandering":0,"choking":0,"suicide":0,"selfHarm":0,"other":0}', coma: 0, dementia: 0, mental_disorder: 0,
    assessor1: '赵评估', assessor2: '钱评估', status: 'final', total, preliminary_level: 0, final_level: 0, level_reasons: '[]',
    finalized_at: AT, finalized_by: BY, ...stamp,
  });
  insert(db, 'tier_assessments', {
    id: ID.tier, resident_id: ID.resident, assessed_on: '2025-06-05', tier: 'partly_lost', assessor: '赵评估', note: '入院评估',
    indicators: JSON.stringify({ eat: true, dress: true, bed: false, toilet: true, walk: false, bathe: true }), ...stamp,
  });
  insert(db, 'settings', { key: 'fire', value: JSON.stringify(OLD_FIRE), updated_at: AT, updated_by: BY });
  db.close();
}

let b: TestBackend | undefined;
afterEach(() => b?.close());

describe('upgrading a version-16 database', () => {
  it('migrates to the latest version and reads the old records through the dispatcher', async () => {
    const dataDir = tempDir();
    version16Folder(dataDir);

    const db = new Database(path.join(dataDir, 'data', DATABASE_FILE));
    expect(schemaVersion(db)).toBe(16);
    expect(await migrate(db)).toEqual({ from: 16, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();

    // No accounts in the old file's fixture: first-run setup makes the administrator over the existing records.
    b = await openTestBackend(dataDir);

    const file = await b.call('residents.get', { id: ID.resident });
    expect(file).toMatchObject({ name: '张老汉', primaryCategory: 'tekun_concentrated', hukou: null });

    const assessment = await b.call('assessment.get', { id: ID.assessment });
    expect(assessment).toMatchObject({ status: 'final', finalLevel: 0, consciousness: null, coma: false });
    expect(assessment.basicInfo).toEqual(EMPTY_BASIC_INFO); // basic information not recorded
    expect(assessment.missing).toEqual([]);

    const tier = await b.call('tier.overview', { residentId: ID.resident });
    expect(tier).toMatchObject({ tekun: true, status: 'proposed', tier: 'partly_lost', careTier: null, decidedOn: null, decisions: [] });
    expect(tier.proposals).toHaveLength(1);
    expect(tier.proposals[0]).toMatchObject({ id: ID.tier, answer: null, sentOn: null, overdue: false });
    expect(await b.call('tier.waiting', {})).toEqual([{ residentId: ID.resident, name: '张老汉', proposedOn: '2025-06-05', tier: 'partly_lost', sentOn: null, overdue: false }]);

    // The old plan (every 180 minutes over 22:00–06:00) becomes 3 patrols 180 minutes apart; the rest is kept.
    const { nightIntervalMinutes: _gone, ...kept } = OLD_FIRE;
    expect(await b.call('fire.settings', {})).toEqual({ ...kept, nightPatrols: 3, nightGapMinutes: 180, nightWindows: [] });

    const summary = await b.call('dashboard.summary', {});
    expect(summary.census).toMatchObject({ inResidence: 1 });
    expect(summary.beds).toMatchObject({ occupied: 1 });
  });
});
