// 0003: ability assessments (GB/T 42195), 特困 self-care tiers, safety risk assessments (GB 38600). Frozen once released.
export const migration0003 = `
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  reason TEXT NOT NULL CHECK (reason IN ('first', 'routine', 'ad_hoc', 'dispute', 'other')),
  assessed_on TEXT NOT NULL,
  answers TEXT NOT NULL CHECK (json_valid(answers)),
  risk_events TEXT NOT NULL CHECK (json_valid(risk_events)),
  coma INTEGER NOT NULL CHECK (coma IN (0, 1)),
  dementia INTEGER NOT NULL CHECK (dementia IN (0, 1)),
  mental_disorder INTEGER NOT NULL CHECK (mental_disorder IN (0, 1)),
  assessor1 TEXT NOT NULL,
  assessor2 TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  total INTEGER,
  preliminary_level INTEGER,
  final_level INTEGER,
  level_reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(level_reasons)),
  finalized_at TEXT,
  finalized_by TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX assessments_resident ON assessments(resident_id, assessed_on);
-- A finalised assessment is a record: corrections are a new assessment.
CREATE TRIGGER assessments_final_read_only BEFORE UPDATE ON assessments WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'finalised assessments are read-only'); END;
CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END;

CREATE TABLE tier_assessments (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  assessed_on TEXT NOT NULL,
  indicators TEXT NOT NULL CHECK (json_valid(indicators)),
  tier TEXT NOT NULL CHECK (tier IN ('self_sufficient', 'partly_lost', 'fully_lost')),
  assessor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX tier_assessments_resident ON tier_assessments(resident_id, assessed_on);

CREATE TABLE risk_assessments (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  assessed_on TEXT NOT NULL,
  risks TEXT NOT NULL CHECK (json_valid(risks)),
  assessor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX risk_assessments_resident ON risk_assessments(resident_id, assessed_on);

CREATE TRIGGER tier_assessments_append_only BEFORE UPDATE ON tier_assessments
BEGIN SELECT RAISE(ABORT, 'tier assessments are append-only'); END;
CREATE TRIGGER tier_assessments_never_deleted BEFORE DELETE ON tier_assessments
BEGIN SELECT RAISE(ABORT, 'tier assessments are never deleted'); END;
CREATE TRIGGER risk_assessments_append_only BEFORE UPDATE ON risk_assessments
BEGIN SELECT RAISE(ABORT, 'risk assessments are append-only'); END;
CREATE TRIGGER risk_assessments_never_deleted BEFORE DELETE ON risk_assessments
BEGIN SELECT RAISE(ABORT, 'risk assessments are never deleted'); END;
`;
