// Migration 0019 on a real SQLite file: the old "one night patrol every N minutes" plan becomes a count a minimum gap
// apart. The old default takes the new default (2 a night, 120 minutes); a chosen interval keeps as many patrols as
// its windows had (2–12), with the gap shortened to fit; everything else in the fire settings stays.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { migration0019 } from '../../electron/backend/db/migrations/0019_night_patrol_count';
import { FireSettings } from '@shared/api/fire';
import { tempDir } from '../helpers/backend';

const OLD = {
  responsiblePerson: '王院长',
  managerPerson: '',
  keyUnit: true,
  dayPatrolsPerDay: 1,
  nightStart: '22:00',
  nightEnd: '06:00',
  nightIntervalMinutes: 120,
  inspectionEveryMonths: 1,
  drillEveryMonths: 6,
  trainingEveryMonths: 12,
  equipmentCheckEveryMonths: 1,
  expiryWarnDays: 30,
};

function migrate(old: Record<string, unknown>) {
  const db = new Database(path.join(tempDir(), 'old.sqlite'));
  for (const m of migrations.filter((x) => x.version <= 16)) db.exec(m.sql);
  db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('fire', ?, '2026-01-01T00:00:00.000Z', '王院长')").run(JSON.stringify(old));
  db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('idleMinutes', '10', '2026-01-01T00:00:00.000Z', '王院长')").run();
  db.exec(migration0019);
  const rows = db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  db.close();
  return { fire: JSON.parse(rows.find((r) => r.key === 'fire')!.value) as Record<string, unknown>, other: rows.find((r) => r.key === 'idleMinutes')!.value };
}

describe('migration 0019: night patrols as a count', () => {
  it('moves the old default to 2 patrols 120 minutes apart, keeping the rest', () => {
    const { fire, other } = migrate(OLD);
    const { nightIntervalMinutes: _gone, ...kept } = OLD;
    expect(fire).toEqual({ ...kept, nightPatrols: 2, nightGapMinutes: 120, nightWindows: [] });
    expect(FireSettings.safeParse(fire).success).toBe(true);
    expect(other).toBe('10');
  });

  it('keeps a chosen interval as the number of patrols it asked for, the gap fitting the night', () => {
    expect(migrate({ ...OLD, nightIntervalMinutes: 180 }).fire).toMatchObject({ nightPatrols: 3, nightGapMinutes: 180 }); // 22:00, 01:00, 04:00
    expect(migrate({ ...OLD, nightIntervalMinutes: 60 }).fire).toMatchObject({ nightPatrols: 8, nightGapMinutes: 60 });
    expect(migrate({ ...OLD, nightIntervalMinutes: 30 }).fire).toMatchObject({ nightPatrols: 12, nightGapMinutes: 30 });
    expect(migrate({ ...OLD, nightIntervalMinutes: 480 }).fire).toMatchObject({ nightPatrols: 2, nightGapMinutes: 240 });
    expect(migrate({ ...OLD, nightStart: '21:00', nightEnd: '05:30', nightIntervalMinutes: 90 }).fire).toMatchObject({ nightPatrols: 6, nightGapMinutes: 90 });
    // A short night: the interval is shortened so the patrols fit (2 patrols in 60 minutes).
    expect(migrate({ ...OLD, nightStart: '23:00', nightEnd: '00:00', nightIntervalMinutes: 200 }).fire).toMatchObject({ nightPatrols: 2, nightGapMinutes: 59 });
    for (const minutes of [30, 60, 90, 180, 480]) expect(FireSettings.safeParse(migrate({ ...OLD, nightIntervalMinutes: minutes }).fire).success).toBe(true);
  });

  it('gives a plan without an interval the new default', () => {
    const { nightIntervalMinutes: _gone, ...partial } = OLD;
    expect(migrate(partial).fire).toMatchObject({ nightPatrols: 2, nightGapMinutes: 120, nightWindows: [] });
  });
});
