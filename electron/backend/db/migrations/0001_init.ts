// 0001: facility, buildings, rooms, beds, residents, stay events, audit log. Frozen once released: never edit, add 0002.
export const migration0001 = `
CREATE TABLE facility (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  county TEXT NOT NULL,
  township TEXT NOT NULL,
  type TEXT NOT NULL,
  licensed_beds INTEGER NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE buildings (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  floors INTEGER NOT NULL CHECK (floors BETWEEN 1 AND 30),
  retired_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX buildings_active_name ON buildings(name) WHERE retired_at IS NULL;

CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id),
  floor INTEGER NOT NULL,
  name TEXT NOT NULL,
  retired_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX rooms_active_name ON rooms(building_id, name) WHERE retired_at IS NULL;

CREATE TABLE beds (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  label TEXT NOT NULL,
  bed_type TEXT NOT NULL CHECK (bed_type IN ('normal', 'nursing')),
  setting TEXT NOT NULL CHECK (setting IN ('available', 'reserved', 'disabled')),
  retired_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX beds_active_label ON beds(room_id, label) WHERE retired_at IS NULL;

CREATE TABLE residents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_number TEXT NOT NULL UNIQUE,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  household_address TEXT NOT NULL,
  village TEXT NOT NULL,
  primary_category TEXT NOT NULL,
  tags TEXT NOT NULL CHECK (json_valid(tags)),
  tekun_cert_no TEXT NOT NULL,
  contacts TEXT NOT NULL CHECK (json_valid(contacts)),
  allergies TEXT NOT NULL,
  chronic_conditions TEXT NOT NULL,
  diet_type TEXT NOT NULL,
  photo TEXT,
  note TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('in_residence', 'on_leave', 'in_hospital', 'discharged')),
  bed_id TEXT REFERENCES beds(id),
  admitted_on TEXT,
  discharged_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK ((status = 'discharged') = (bed_id IS NULL))
) STRICT;
-- One resident per bed, enforced by the database itself.
CREATE UNIQUE INDEX residents_one_per_bed ON residents(bed_id) WHERE bed_id IS NOT NULL;
CREATE INDEX residents_status ON residents(status);
CREATE INDEX residents_initials ON residents(name_initials);

CREATE TABLE stay_events (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  type TEXT NOT NULL CHECK (type IN ('admission', 'transfer', 'leave', 'hospital', 'discharge')),
  date TEXT NOT NULL,
  end_date TEXT,
  expected_return TEXT,
  bed_id TEXT REFERENCES beds(id),
  from_bed_id TEXT REFERENCES beds(id),
  agreement_no TEXT,
  agreement_end TEXT,
  reason TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX stay_events_resident ON stay_events(resident_id, date);
CREATE INDEX stay_events_type_date ON stay_events(type, date);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);

-- Records are legal documents: the audit log is append-only, residents and stay events are never deleted.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER residents_never_deleted BEFORE DELETE ON residents
BEGIN SELECT RAISE(ABORT, 'resident files are never deleted'); END;
CREATE TRIGGER stay_events_never_deleted BEFORE DELETE ON stay_events
BEGIN SELECT RAISE(ABORT, 'stay events are never deleted'); END;
CREATE TRIGGER facility_never_deleted BEFORE DELETE ON facility
BEGIN SELECT RAISE(ABORT, 'facility rows are never deleted'); END;
CREATE TRIGGER beds_never_deleted BEFORE DELETE ON beds
BEGIN SELECT RAISE(ABORT, 'beds are retired, never deleted'); END;
CREATE TRIGGER rooms_never_deleted BEFORE DELETE ON rooms
BEGIN SELECT RAISE(ABORT, 'rooms are retired, never deleted'); END;
CREATE TRIGGER buildings_never_deleted BEFORE DELETE ON buildings
BEGIN SELECT RAISE(ABORT, 'buildings are retired, never deleted'); END;
`;
