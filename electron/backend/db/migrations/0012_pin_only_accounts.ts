// 0012: people who only use a PIN (caregivers, cooks, guards) have no login name and no password. SQLite cannot drop a
// NOT NULL, so the accounts table is rebuilt with both columns optional; everything else stays as it was. A password
// without a login name (or the reverse) is refused by the CHECK. Frozen once released.
export const migration0012 = `
CREATE TABLE users_v12 (
  id TEXT PRIMARY KEY,
  username TEXT,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'care_lead', 'caregiver', 'kitchen', 'safety', 'medical', 'county_admin', 'county_viewer')),
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
INSERT INTO users_v12 SELECT id, username, display_name, role, password_hash, pin_hash, must_change_password, failed_attempts,
  locked_until, disabled_at, staff_id, last_sign_in_at, created_at, created_by, updated_at, updated_by FROM users;
DROP TABLE users;
ALTER TABLE users_v12 RENAME TO users;
CREATE UNIQUE INDEX users_username ON users(lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_staff ON users(staff_id) WHERE staff_id IS NOT NULL;
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'accounts are disabled, never deleted'); END;
`;
