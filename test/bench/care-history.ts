// Ten years of shift care logs for the benchmark: for every day, every shift and every resident living there that day,
// the care-plan tasks of current residents (or a note for former ones) and a daily set of vitals. Written with plain
// SQL in large transactions — history only; what the benchmark times goes through the real dispatcher.
import type Database from 'better-sqlite3';
import { shiftWindow } from '@shared/domain/care/shifts';
import type { Frequency } from '@shared/domain/care-frequency';
import { dueSlots } from '@shared/domain/care/due';
import { addDays } from '@shared/domain/dates';

const SHIFTS = [
  { id: '01900000-0000-7000-8000-000000000201', name: '早班', start: '07:00', end: '15:00' },
  { id: '01900000-0000-7000-8000-000000000202', name: '中班', start: '15:00', end: '23:00' },
  { id: '01900000-0000-7000-8000-000000000203', name: '夜班', start: '23:00', end: '07:00' },
];

export function writeCareHistory(sqlite: Database.Database, from: string, to: string): number {
  const residents = sqlite
    .prepare("SELECT id, admitted_on AS admittedOn, discharged_on AS dischargedOn FROM residents WHERE admitted_on IS NOT NULL")
    .all() as { id: string; admittedOn: string; dischargedOn: string | null }[];
  const tasks = sqlite.prepare('SELECT id, resident_id AS residentId, frequency FROM care_plan_tasks WHERE active = 1').all() as { id: string; residentId: string; frequency: string }[];
  const tasksOf = new Map<string, { id: string; frequency: Frequency }[]>();
  for (const t of tasks) tasksOf.set(t.residentId, [...(tasksOf.get(t.residentId) ?? []), { id: t.id, frequency: JSON.parse(t.frequency) as Frequency }]);
  const insert = sqlite.prepare(
    `INSERT INTO care_entries (id, resident_id, kind, task_id, slot, data, shift_id, shift_date, occurred_at, recorded_by_id, recorded_by, amends_id, amend_reason, request_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', '历史数据', NULL, NULL, ?, ?)`,
  );
  let serial = 0;
  const id = () => {
    serial += 1;
    return `00000000-0000-7000-8000-${String(serial).padStart(12, '0')}`;
  };
  let written = 0;
  const writeDay = sqlite.transaction((date: string) => {
    for (const r of residents) {
      if (r.admittedOn > date || (r.dischargedOn !== null && r.dischargedOn <= date)) continue;
      for (const shift of SHIFTS) {
        const window = shiftWindow(shift, date);
        const at = new Date(window.start.getTime() + 60 * 60_000).toISOString();
        const own = tasksOf.get(r.id);
        if (own) {
          for (const t of own) {
            for (const s of dueSlots(t.frequency, window, null)) {
              const key = id();
              insert.run(key, r.id, 'task', t.id, s.slot, JSON.stringify({ kind: 'task', taskId: t.id, slot: s.slot, status: 'done', reason: null }), shift.id, date, at, key, at);
              written += 1;
            }
          }
        } else {
          const key = id();
          insert.run(key, r.id, 'note', null, null, JSON.stringify({ kind: 'note', text: '精神好，饮食正常' }), shift.id, date, at, key, at);
          written += 1;
        }
        if (shift.name === '早班') {
          const key = id();
          const vitals = { kind: 'vitals', temperature: 36.5, systolic: 130, diastolic: 80, pulse: 72, glucose: null, weight: null, confirmedUnusual: false };
          insert.run(key, r.id, 'vitals', null, null, JSON.stringify(vitals), shift.id, date, at, key, at);
          written += 1;
        }
      }
    }
  });
  // A bulk load: indexes are built once afterwards and the load skips fsync; the timed calls run with the app's settings.
  const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'care_entries' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  sqlite.pragma('synchronous = OFF');
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
  for (let date = from; date <= to; date = addDays(date, 1)) writeDay(date);
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma(`synchronous = ${synchronous}`);
  return written;
}
