// 0011: the monthly package (issue 8). Which kind of installation this is (a centre, or the county) and its keys; on a
// centre, the county's public key and the history of exports; in county mode, the centre registry, the packages
// applied, every import attempt's report, and the centres' data as received (records by section, figures per month).
const neverDeleted = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;

export const migration0011 = `
CREATE TABLE sync_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  mode TEXT NOT NULL CHECK (mode IN ('centre', 'county')),
  county_code TEXT NOT NULL DEFAULT '',
  county_name TEXT NOT NULL DEFAULT '',
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  key_protection TEXT NOT NULL CHECK (key_protection IN ('safe_storage', 'none')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE TRIGGER sync_identity_never_changed BEFORE UPDATE OF mode, public_key ON sync_identity BEGIN SELECT RAISE(ABORT, 'the installation kind and key never change'); END;
${neverDeleted('sync_identity', 'the installation identity is never deleted')}

CREATE TABLE sync_county (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  county_code TEXT NOT NULL,
  county_name TEXT NOT NULL,
  public_key TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

CREATE TABLE sync_exports (
  id TEXT PRIMARY KEY,
  period TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  correction INTEGER NOT NULL,
  correction_reason TEXT NOT NULL,
  package_id TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  file_name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  warnings TEXT NOT NULL,
  package_created_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (period, correction)
) STRICT;
${neverDeleted('sync_exports', 'the export history is never deleted')}

CREATE TABLE county_centres (
  centre_code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  township TEXT NOT NULL,
  public_key TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  enrolled_by TEXT NOT NULL
) STRICT;
${neverDeleted('county_centres', 'enrolled centres are never deleted')}

CREATE TABLE county_packages (
  package_id TEXT PRIMARY KEY,
  file_hash TEXT NOT NULL UNIQUE,
  centre_code TEXT NOT NULL REFERENCES county_centres(centre_code),
  period TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  correction INTEGER NOT NULL,
  correction_reason TEXT NOT NULL,
  package_created_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  superseded_by TEXT
) STRICT;
CREATE INDEX county_packages_centre ON county_packages(centre_code, period, correction);
${neverDeleted('county_packages', 'applied packages are never deleted')}

CREATE TABLE county_import_reports (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  by_id TEXT NOT NULL,
  by_name TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  centre_code TEXT NOT NULL,
  centre_name TEXT NOT NULL,
  period TEXT NOT NULL,
  sequence INTEGER,
  correction INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'already_imported', 'superseded', 'rejected')),
  message TEXT NOT NULL,
  counts TEXT NOT NULL,
  errors TEXT NOT NULL,
  warnings TEXT NOT NULL
) STRICT;
CREATE INDEX county_import_reports_at ON county_import_reports(at);
${neverDeleted('county_import_reports', 'import reports are never deleted')}

CREATE TABLE county_records (
  centre_code TEXT NOT NULL,
  period TEXT NOT NULL,
  section TEXT NOT NULL,
  record_id TEXT NOT NULL,
  data TEXT NOT NULL,
  package_id TEXT NOT NULL,
  PRIMARY KEY (centre_code, period, section, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE county_figures (
  centre_code TEXT NOT NULL,
  period TEXT NOT NULL,
  figures TEXT NOT NULL,
  package_id TEXT NOT NULL,
  PRIMARY KEY (centre_code, period)
) STRICT;
`;
