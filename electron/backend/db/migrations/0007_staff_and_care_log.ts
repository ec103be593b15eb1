// 0007: staff register and training, shift definitions and rosters, the shift care log (append-only entries;
// corrections are new entries that point at the old one), incidents with follow-ups, and handovers.
// Default shifts have fixed ids so every centre starts the same. Frozen once released.
const stamp = `'2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认'`;
const stamped = `
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;
const neverDeleted = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
const neverChanged = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_changed BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;

export const migration0007 = `
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('caregiver', 'care_lead', 'cook', 'cleaner', 'security', 'doctor', 'nurse', 'social_worker', 'manager')),
  phone TEXT NOT NULL DEFAULT '',
  id_number TEXT NOT NULL DEFAULT '',
  hire_date TEXT NOT NULL,
  cert_level TEXT NOT NULL DEFAULT 'none',
  cert_expiry TEXT,
  health_cert_expiry TEXT,
  left_on TEXT,
  note TEXT NOT NULL DEFAULT '',${stamped}
) STRICT;
${neverDeleted('staff', 'staff records are kept; set the leaving date instead')}
CREATE UNIQUE INDEX users_staff ON users(staff_id) WHERE staff_id IS NOT NULL;

CREATE TABLE staff_training (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  date TEXT NOT NULL,
  topic TEXT NOT NULL,
  hours REAL NOT NULL,
  provider TEXT NOT NULL DEFAULT '',${stamped}
) STRICT;
CREATE INDEX staff_training_staff ON staff_training(staff_id);
${neverDeleted('staff_training', 'training records are never deleted')}

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  night_rounds INTEGER NOT NULL DEFAULT 0 CHECK (night_rounds IN (0, 1)),
  retired_at TEXT,${stamped}
) STRICT;
CREATE UNIQUE INDEX shifts_name ON shifts(name) WHERE retired_at IS NULL;
INSERT INTO shifts VALUES
  ('01900000-0000-7000-8000-000000000201', '早班', '07:00', '15:00', 0, NULL, ${stamp}),
  ('01900000-0000-7000-8000-000000000202', '中班', '15:00', '23:00', 0, NULL, ${stamp}),
  ('01900000-0000-7000-8000-000000000203', '夜班', '23:00', '07:00', 1, NULL, ${stamp});
${neverDeleted('shifts', 'shifts are retired, never deleted')}

CREATE TABLE roster_entries (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  shift_date TEXT NOT NULL,
  area TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(area)),
  cancelled_at TEXT,
  cancelled_by TEXT,${stamped}
) STRICT;
CREATE UNIQUE INDEX roster_one_per_shift ON roster_entries(staff_id, shift_id, shift_date) WHERE cancelled_at IS NULL;
CREATE INDEX roster_by_date ON roster_entries(shift_date);
${neverDeleted('roster_entries', 'roster entries are cancelled, never deleted')}

CREATE TABLE care_entries (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  kind TEXT NOT NULL CHECK (kind IN ('task', 'vitals', 'intake', 'toileting', 'sleep', 'mood', 'skin', 'note', 'round')),
  task_id TEXT REFERENCES care_plan_tasks(id),
  slot TEXT,
  data TEXT NOT NULL CHECK (json_valid(data)),
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  shift_date TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  recorded_by_id TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  amends_id TEXT REFERENCES care_entries(id),
  amend_reason TEXT,
  request_id TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX care_entries_request ON care_entries(request_id, resident_id);
CREATE UNIQUE INDEX care_entries_one_amendment ON care_entries(amends_id) WHERE amends_id IS NOT NULL;
CREATE INDEX care_entries_shift ON care_entries(shift_date, shift_id);
CREATE INDEX care_entries_resident ON care_entries(resident_id, occurred_at);
CREATE INDEX care_entries_task ON care_entries(task_id, shift_date) WHERE task_id IS NOT NULL;
${neverDeleted('care_entries', 'care records are never deleted')}
${neverChanged('care_entries', 'care records are never changed; append an amendment')}

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  place TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate', 'serious', 'critical')),
  description TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  family_notified INTEGER NOT NULL CHECK (family_notified IN (0, 1)),
  notified_who TEXT NOT NULL DEFAULT '',
  notified_at TEXT,
  hospital_transfer INTEGER NOT NULL CHECK (hospital_transfer IN (0, 1)),
  hospital TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_at TEXT,
  closed_by TEXT,
  closing_note TEXT,
  reported_by_id TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE,${stamped}
) STRICT;
CREATE INDEX incidents_resident ON incidents(resident_id, occurred_at);
CREATE INDEX incidents_time ON incidents(occurred_at);
${neverDeleted('incidents', 'incidents are never deleted')}

CREATE TABLE incident_follow_ups (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  by TEXT NOT NULL
) STRICT;
CREATE INDEX incident_follow_ups_incident ON incident_follow_ups(incident_id);
${neverDeleted('incident_follow_ups', 'follow-ups are never deleted')}
${neverChanged('incident_follow_ups', 'follow-ups are never changed')}

CREATE TABLE handovers (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  shift_date TEXT NOT NULL,
  from_user_id TEXT NOT NULL,
  from_name TEXT NOT NULL,
  area TEXT NOT NULL CHECK (json_valid(area)),
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  notes TEXT NOT NULL DEFAULT '',
  submitted_at TEXT NOT NULL,
  accepted_by_id TEXT,
  accepted_by TEXT,
  accepted_at TEXT,
  accept_note TEXT,
  request_id TEXT NOT NULL UNIQUE
) STRICT;
CREATE UNIQUE INDEX handovers_one_per_person ON handovers(shift_id, shift_date, from_user_id);
CREATE INDEX handovers_date ON handovers(shift_date);
${neverDeleted('handovers', 'handover records are never deleted')}
CREATE TRIGGER handovers_content_fixed BEFORE UPDATE ON handovers
WHEN OLD.summary IS NOT NEW.summary OR OLD.notes IS NOT NEW.notes OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.from_user_id IS NOT NEW.from_user_id OR OLD.accepted_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a handover is fixed once submitted; it can be accepted once'); END;
`;
