// The county store on PostgreSQL (issue 20), as of SQLite schema 26: only the tables county mode uses — accounts, the
// audit log, settings, the installation's identity and the county's own tables. The centre's tables are never made
// here (county roles cannot call a centre's methods). Column names and meanings are those of the SQLite migrations, so
// one Kysely `DB` type serves both; what SQLite's STRICT tables guarantee is said here with types and CHECKs, and each
// never-deleted or append-only rule is a PL/pgSQL trigger (TRUNCATE included, which skips row triggers). Text sorts
// and compares byte-wise (COLLATE "C") as in SQLite, whatever the server's locale.

/** The SQLite schema version this baseline equals: later migrations carry their own `postgres` part. */
export const POSTGRES_BASELINE_VERSION = 26;

/** A rule of the records: any row-level change (or a TRUNCATE) of this kind is refused with the rule's words. */
const refuse = (trigger: string, timing: string, table: string, rule: string) =>
  `CREATE TRIGGER ${trigger} ${timing} ON ${table} FOR EACH ROW EXECUTE FUNCTION tc_refuse('${rule}');`;
const neverDeleted = (table: string, rule: string) =>
  `${refuse(`${table}_never_deleted`, 'BEFORE DELETE', table, rule)}
CREATE TRIGGER ${table}_never_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION tc_refuse('${rule}');`;

export const postgresBaseline = `
CREATE FUNCTION tc_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;

-- json_valid() of SQLite; the columns stay text so both stores hand the program the same strings.
CREATE FUNCTION tc_json_valid(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM value::json;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END $$;

CREATE TABLE facility (
  id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  area_code text COLLATE "C" NOT NULL,
  county text COLLATE "C" NOT NULL,
  township text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  licensed_beds integer NOT NULL,
  phone text COLLATE "C" NOT NULL DEFAULT '',
  address text COLLATE "C" NOT NULL DEFAULT '',
  created_at text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  updated_by text COLLATE "C" NOT NULL,
  started_at text COLLATE "C"
);
${neverDeleted('facility', 'facility rows are never deleted')}

CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY,
  username text COLLATE "C",
  display_name text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'care_lead', 'caregiver', 'kitchen', 'safety', 'medical', 'social_worker', 'county_admin', 'county_viewer')),
  password_hash text COLLATE "C",
  pin_hash text COLLATE "C",
  must_change_password integer NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until text COLLATE "C",
  disabled_at text COLLATE "C",
  staff_id text COLLATE "C",
  last_sign_in_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  updated_by text COLLATE "C" NOT NULL,
  CHECK ((username IS NULL) = (password_hash IS NULL)),
  CHECK (password_hash IS NOT NULL OR pin_hash IS NOT NULL)
);
CREATE UNIQUE INDEX users_username ON users (lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_staff ON users (staff_id) WHERE staff_id IS NOT NULL;
${neverDeleted('users', 'accounts are disabled, never deleted')}

CREATE TABLE audit_log (
  id text COLLATE "C" PRIMARY KEY,
  at text COLLATE "C" NOT NULL,
  actor_id text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  entity text COLLATE "C" NOT NULL,
  entity_id text COLLATE "C" NOT NULL,
  before text COLLATE "C" CHECK (before IS NULL OR tc_json_valid(before)),
  after text COLLATE "C" CHECK (after IS NULL OR tc_json_valid(after))
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
${refuse('audit_log_append_only_update', 'BEFORE UPDATE', 'audit_log', 'audit_log is append-only')}
${refuse('audit_log_append_only_delete', 'BEFORE DELETE', 'audit_log', 'audit_log is append-only')}
CREATE TRIGGER audit_log_never_truncated BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION tc_refuse('audit_log is append-only');

CREATE TABLE settings (
  key text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL CHECK (tc_json_valid(value)),
  updated_at text COLLATE "C" NOT NULL,
  updated_by text COLLATE "C" NOT NULL
);

CREATE TABLE sync_identity (
  id integer PRIMARY KEY CHECK (id = 1),
  mode text COLLATE "C" NOT NULL CHECK (mode IN ('centre', 'county')),
  county_code text COLLATE "C" NOT NULL DEFAULT '',
  county_name text COLLATE "C" NOT NULL DEFAULT '',
  public_key text COLLATE "C" NOT NULL,
  private_key text COLLATE "C" NOT NULL,
  key_protection text COLLATE "C" NOT NULL CHECK (key_protection IN ('safe_storage', 'none')),
  created_at text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL
);
${refuse('sync_identity_never_changed', 'BEFORE UPDATE OF mode, public_key', 'sync_identity', 'the installation kind and key never change')}
${neverDeleted('sync_identity', 'the installation identity is never deleted')}

CREATE TABLE county_centres (
  centre_code text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  township text COLLATE "C" NOT NULL,
  public_key text COLLATE "C" NOT NULL,
  enrolled_at text COLLATE "C" NOT NULL,
  enrolled_by text COLLATE "C" NOT NULL,
  state text COLLATE "C" NOT NULL DEFAULT 'confirmed' CHECK (state IN ('pending', 'confirmed', 'withdrawn')),
  confirmed_at text COLLATE "C",
  confirmed_by text COLLATE "C"
);
${neverDeleted('county_centres', 'enrolled centres are never deleted')}

CREATE TABLE county_packages (
  package_id text COLLATE "C" PRIMARY KEY,
  file_hash text COLLATE "C" NOT NULL UNIQUE,
  centre_code text COLLATE "C" NOT NULL REFERENCES county_centres (centre_code),
  period text COLLATE "C" NOT NULL,
  sequence integer NOT NULL,
  correction integer NOT NULL,
  correction_reason text COLLATE "C" NOT NULL,
  package_created_at text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  superseded_by text COLLATE "C"
);
CREATE INDEX county_packages_centre ON county_packages (centre_code, period, correction);
${neverDeleted('county_packages', 'applied packages are never deleted')}

-- A centre whose packages were imported keeps its confirmed key (a trigger's WHEN cannot hold a subquery here).
CREATE FUNCTION county_centres_kept_after_import() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.state <> 'confirmed' OR NEW.public_key <> OLD.public_key)
     AND EXISTS (SELECT 1 FROM county_packages WHERE centre_code = OLD.centre_code) THEN
    RAISE EXCEPTION 'a centre whose packages were imported keeps its confirmed key' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER county_centres_kept_after_import BEFORE UPDATE OF state, public_key ON county_centres
  FOR EACH ROW EXECUTE FUNCTION county_centres_kept_after_import();

CREATE TABLE county_import_reports (
  id text COLLATE "C" PRIMARY KEY,
  at text COLLATE "C" NOT NULL,
  by_id text COLLATE "C" NOT NULL,
  by_name text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  file_hash text COLLATE "C" NOT NULL,
  centre_code text COLLATE "C" NOT NULL,
  centre_name text COLLATE "C" NOT NULL,
  period text COLLATE "C" NOT NULL,
  sequence integer,
  correction integer,
  outcome text COLLATE "C" NOT NULL CHECK (outcome IN ('accepted', 'already_imported', 'superseded', 'rejected')),
  message text COLLATE "C" NOT NULL,
  counts text COLLATE "C" NOT NULL,
  errors text COLLATE "C" NOT NULL,
  warnings text COLLATE "C" NOT NULL
);
CREATE INDEX county_import_reports_at ON county_import_reports (at);
${neverDeleted('county_import_reports', 'import reports are never deleted')}

CREATE TABLE county_records (
  centre_code text COLLATE "C" NOT NULL,
  period text COLLATE "C" NOT NULL,
  section text COLLATE "C" NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  package_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (centre_code, period, section, record_id)
);

CREATE TABLE county_figures (
  centre_code text COLLATE "C" NOT NULL,
  period text COLLATE "C" NOT NULL,
  figures text COLLATE "C" NOT NULL,
  package_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (centre_code, period)
);

CREATE TABLE county_tier_answers (
  id text COLLATE "C" PRIMARY KEY,
  centre_code text COLLATE "C" NOT NULL,
  proposal_id text COLLATE "C" NOT NULL,
  resident_id text COLLATE "C" NOT NULL,
  outcome text COLLATE "C" NOT NULL CHECK (outcome IN ('confirmed', 'rejected')),
  decided_on text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL DEFAULT '',
  tier text COLLATE "C" CHECK (tier IN ('self_sufficient', 'partly_lost', 'fully_lost')),
  care_tier integer CHECK (care_tier IN (1, 2, 3)),
  reason text COLLATE "C" NOT NULL DEFAULT '',
  created_at text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  UNIQUE (centre_code, proposal_id),
  CHECK ((outcome = 'confirmed') = (tier IS NOT NULL))
);
${refuse('county_tier_answers_read_only', 'BEFORE UPDATE', 'county_tier_answers', 'county tier answers are records')}
${neverDeleted('county_tier_answers', 'county tier answers are never deleted')}
`;
