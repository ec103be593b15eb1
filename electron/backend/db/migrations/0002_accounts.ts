// 0002: accounts, settings, and archiving of resident files past their retention time. Frozen once released.
export const migration0002 = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'care_lead', 'caregiver', 'kitchen', 'safety', 'medical', 'county_admin', 'county_viewer')),
  password_hash TEXT NOT NULL,
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
  updated_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_username ON users(lower(username));
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'accounts are disabled, never deleted'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

ALTER TABLE residents ADD COLUMN archived_at TEXT;
`;
