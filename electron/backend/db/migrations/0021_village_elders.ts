// 0021: the township's register of elders living at home (issue 17). Villages; one person register shared with meal
// aid (a 助餐 diner becomes an elder on the register with a meal-aid enrolment: the person's name, ID number, village,
// phone and address move to the register, the enrolment keeps its id so every serving still points at it); children and
// guardians; 赡养协议; visit helpers (村干部, volunteers, 老年协会); visits, follow-ups (转介) and special-situation
// reports. Accounts gain the 关爱专干/社工 role. Nothing here is ever deleted. Frozen once released.
const stamped = `
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;
const neverDeleted = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
const RISK = `('high', 'medium', 'low')`;
/** A random version-4 UUID in SQL: ids stay UUIDs (the county package refuses any other id). */
const NEW_UUID = `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;

export const migration0021 = `
CREATE TABLE users_v21 (
  id TEXT PRIMARY KEY,
  username TEXT,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'care_lead', 'caregiver', 'kitchen', 'safety', 'medical', 'social_worker', 'county_admin', 'county_viewer')),
  password_hash TEXT,
  pin_hash TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled_at TEXT,
  staff_id TEXT,
  last_sign_in_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK ((username IS NULL) = (password_hash IS NULL)),
  CHECK (password_hash IS NOT NULL OR pin_hash IS NOT NULL)
) STRICT;
INSERT INTO users_v21 SELECT id, username, display_name, role, password_hash, pin_hash, must_change_password, failed_attempts,
  locked_until, disabled_at, staff_id, last_sign_in_at, created_at, created_by, updated_at, updated_by FROM users;
DROP TABLE users;
ALTER TABLE users_v21 RENAME TO users;
CREATE UNIQUE INDEX users_username ON users(lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_staff ON users(staff_id) WHERE staff_id IS NOT NULL;
${neverDeleted('users', 'accounts are disabled, never deleted')}

CREATE TABLE villages (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT CHECK (code IS NULL OR (length(code) = 12 AND code NOT GLOB '*[^0-9]*')),
  cadre_name TEXT NOT NULL DEFAULT '',
  cadre_phone TEXT NOT NULL DEFAULT '',
  retired_at TEXT,${stamped}
) STRICT;
CREATE UNIQUE INDEX villages_name ON villages(name);
CREATE UNIQUE INDEX villages_code ON villages(code) WHERE code IS NOT NULL;
${neverDeleted('villages', 'villages are retired, never deleted')}

CREATE TABLE elders (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_number TEXT NOT NULL UNIQUE,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  village_id TEXT NOT NULL REFERENCES villages(id),
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  household TEXT CHECK (household IN ('alone', 'with_spouse', 'with_children', 'other')),
  categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories) AND json_type(categories) = 'array'),
  income_sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(income_sources) AND json_type(income_sources) = 'array'),
  chronic_diseases TEXT NOT NULL DEFAULT '',
  disability TEXT NOT NULL DEFAULT '',
  critical_illness INTEGER NOT NULL DEFAULT 0 CHECK (critical_illness IN (0, 1)),
  carer TEXT CHECK (carer IN ('spouse', 'relative', 'hired', 'home_service', 'self', 'neighbour', 'none')),
  contact_name TEXT NOT NULL DEFAULT '',
  contact_relation TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  risk_override TEXT CHECK (risk_override IN ${RISK}),
  risk_override_reason TEXT,
  status TEXT NOT NULL DEFAULT 'at_home' CHECK (status IN ('at_home', 'in_centre', 'moved_away', 'died')),
  status_on TEXT,
  resident_id TEXT REFERENCES residents(id),
  registered_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',${stamped},
  CHECK ((risk_override IS NULL) = (risk_override_reason IS NULL)),
  CHECK ((status = 'at_home') = (status_on IS NULL))
) STRICT;
CREATE INDEX elders_village ON elders(village_id, name_initials);
CREATE INDEX elders_resident ON elders(resident_id) WHERE resident_id IS NOT NULL;
${neverDeleted('elders', 'elders stay on the register; change their status instead')}

CREATE TABLE elder_relatives (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  name TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('son', 'daughter', 'son_in_law', 'daughter_in_law', 'grandchild', 'spouse', 'sibling', 'other')),
  phone TEXT NOT NULL DEFAULT '',
  works_in TEXT NOT NULL DEFAULT '',
  away_half_year INTEGER NOT NULL DEFAULT 0 CHECK (away_half_year IN (0, 1)),
  guardian INTEGER NOT NULL DEFAULT 0 CHECK (guardian IN (0, 1)),
  removed_at TEXT,
  removed_by TEXT,${stamped}
) STRICT;
CREATE INDEX elder_relatives_elder ON elder_relatives(elder_id);
${neverDeleted('elder_relatives', 'relatives are marked removed, never deleted')}

CREATE TABLE elder_agreements (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  signed_on TEXT NOT NULL,
  parties TEXT NOT NULL,
  terms TEXT NOT NULL,
  supervisor TEXT NOT NULL DEFAULT '',
  elder_consent INTEGER NOT NULL CHECK (elder_consent IN (0, 1)),
  photo TEXT,
  renew_on TEXT,
  ended_on TEXT,
  end_reason TEXT,${stamped},
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX elder_agreements_elder ON elder_agreements(elder_id);
${neverDeleted('elder_agreements', 'support agreements are ended, never deleted')}

CREATE TABLE visit_helpers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('village_cadre', 'volunteer', 'elder_association', 'other')),
  phone TEXT NOT NULL DEFAULT '',
  village_id TEXT REFERENCES villages(id),
  retired_at TEXT,${stamped}
) STRICT;
${neverDeleted('visit_helpers', 'helpers are retired, never deleted')}

CREATE TABLE elder_visits (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  kind TEXT NOT NULL CHECK (kind IN ('phone', 'home', 'video')),
  visited_on TEXT NOT NULL,
  visited_at TEXT NOT NULL,
  visitor_staff_id TEXT,
  visitor TEXT NOT NULL,
  helper_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(helper_ids) AND json_type(helper_ids) = 'array'),
  findings TEXT NOT NULL CHECK (json_valid(findings) AND json_type(findings) = 'object'),
  notes TEXT NOT NULL DEFAULT '',
  photo TEXT,
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT,
  void_reason TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX elder_visits_elder ON elder_visits(elder_id, visited_on);
CREATE INDEX elder_visits_day ON elder_visits(visited_on);
-- Each elder's last visit that counts (the plan and the package ask for it for every elder at once); voided_at is in
-- the columns too, or SQLite does not count the index as covering and reads each elder's row.
CREATE INDEX elder_visits_last ON elder_visits(elder_id, visited_on, kind, voided_at) WHERE voided_at IS NULL;
${neverDeleted('elder_visits', 'visits are voided with a reason, never deleted')}
CREATE TRIGGER elder_visits_void_only BEFORE UPDATE ON elder_visits
WHEN OLD.voided_at IS NOT NULL OR NEW.elder_id IS NOT OLD.elder_id OR NEW.kind IS NOT OLD.kind OR NEW.visited_on IS NOT OLD.visited_on
  OR NEW.visited_at IS NOT OLD.visited_at OR NEW.visitor IS NOT OLD.visitor OR NEW.findings IS NOT OLD.findings
  OR NEW.notes IS NOT OLD.notes OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a visit record can only be voided, once'); END;

CREATE TABLE elder_followups (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  visit_id TEXT REFERENCES elder_visits(id),
  kind TEXT NOT NULL CHECK (kind IN ('meal_aid', 'home_service', 'doctor', 'admission', 'civil_affairs', 'other')),
  need TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  due_on TEXT,
  closed_on TEXT,
  closed_by TEXT,
  result TEXT,${stamped},
  CHECK ((closed_on IS NULL) = (result IS NULL))
) STRICT;
CREATE INDEX elder_followups_elder ON elder_followups(elder_id);
CREATE INDEX elder_followups_open ON elder_followups(closed_on) WHERE closed_on IS NULL;
${neverDeleted('elder_followups', 'follow-ups are closed with their result, never deleted')}

CREATE TABLE elder_special_reports (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  found_at TEXT NOT NULL,
  situation TEXT NOT NULL,
  actions TEXT NOT NULL,
  reported_to TEXT NOT NULL,
  reported_at TEXT,
  closed_at TEXT,
  closed_by TEXT,
  outcome TEXT,${stamped},
  CHECK ((closed_at IS NULL) = (outcome IS NULL))
) STRICT;
CREATE INDEX elder_special_reports_elder ON elder_special_reports(elder_id);
${neverDeleted('elder_special_reports', 'special-situation reports are closed, never deleted')}

-- Today's 助餐 diners move onto the register: one village per village name they gave, one elder per diner (same id),
-- household and carer not yet known (NULL, shown as 待补充). Their meal-aid category says what is known of the rest.
INSERT INTO villages (id, name, code, created_at, created_by, updated_at, updated_by)
SELECT ${NEW_UUID}, village, NULL, min(created_at), '系统迁移', min(created_at), '系统迁移'
FROM meal_aid_diners WHERE trim(village) <> '' GROUP BY village;
INSERT INTO villages (id, name, code, created_at, created_by, updated_at, updated_by)
SELECT '00000000-0000-4000-8000-000000000021', '（未填村名）', NULL, min(created_at), '系统迁移', min(created_at), '系统迁移'
FROM meal_aid_diners WHERE trim(village) = '' HAVING count(*) > 0;
INSERT INTO elders (id, name, name_initials, id_number, sex, birth_date, village_id, address, phone, categories, status, status_on,
  registered_on, note, created_at, created_by, updated_at, updated_by)
SELECT d.id, d.name, d.name_initials, d.id_number, d.sex, d.birth_date,
  coalesce((SELECT v.id FROM villages v WHERE v.name = d.village), '00000000-0000-4000-8000-000000000021'),
  d.address, d.phone,
  CASE d.category WHEN 'tekun_dispersed' THEN '["tekun_dispersed"]' WHEN 'dibao' THEN '["dibao"]' WHEN 'disabled' THEN '["severe_disability"]' ELSE '[]' END,
  CASE WHEN EXISTS (SELECT 1 FROM residents r WHERE r.id_number = d.id_number AND r.status <> 'discharged') THEN 'in_centre' ELSE 'at_home' END,
  CASE WHEN EXISTS (SELECT 1 FROM residents r WHERE r.id_number = d.id_number AND r.status <> 'discharged')
    THEN (SELECT coalesce(r.admitted_on, substr(r.created_at, 1, 10)) FROM residents r WHERE r.id_number = d.id_number AND r.status <> 'discharged') ELSE NULL END,
  substr(d.created_at, 1, 10), '', d.created_at, d.created_by, d.updated_at, d.updated_by
FROM meal_aid_diners d;

-- The diners table becomes the meal-aid enrolment of an elder on the register (same ids, so servings keep pointing at it).
CREATE TABLE meal_aid_diners_v21 (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL UNIQUE REFERENCES elders(id),
  category TEXT NOT NULL CHECK (category IN ('tekun_dispersed', 'dibao', 'elderly', 'disabled', 'ordinary')),
  route TEXT NOT NULL DEFAULT '',
  default_mode TEXT NOT NULL CHECK (default_mode IN ('dine_in', 'delivery')),
  left_on TEXT,
  note TEXT NOT NULL DEFAULT '',${stamped}
) STRICT;
INSERT INTO meal_aid_diners_v21 SELECT id, id, category, route, default_mode, left_on, note, created_at, created_by, updated_at, updated_by FROM meal_aid_diners;
DROP TABLE meal_aid_diners;
ALTER TABLE meal_aid_diners_v21 RENAME TO meal_aid_diners;
${neverDeleted('meal_aid_diners', 'diners are kept; set the leaving date instead')}
`;
