// 0022: GB/T 42195 ability assessments of elders on the village register, at home (issue 17, "Assessments outside the
// walls"). An assessment is of a resident OR of an elder on the register (exactly one of the two), and says where it was
// done: 'centre' (every assessment so far) or 'home' (an elder's). SQLite cannot relax a NOT NULL, so the table is
// rebuilt: every column and row copied with the same ids (assessment_disputes and resident_grades point at them), the
// index and both triggers (a final assessment is read-only; none is ever deleted) created again. Frozen once released.
export const migration0022 = `
CREATE TABLE assessments_v22 (
  id TEXT PRIMARY KEY,
  resident_id TEXT REFERENCES residents(id),
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
  updated_by TEXT NOT NULL,
  assessor1_staff_id TEXT REFERENCES staff(id),
  assessor1_org TEXT NOT NULL DEFAULT '',
  assessor2_staff_id TEXT REFERENCES staff(id),
  assessor2_org TEXT NOT NULL DEFAULT '',
  health TEXT NOT NULL DEFAULT '{"choices":{},"jointSites":"","other":""}' CHECK (json_valid(health)),
  consciousness TEXT CHECK (consciousness IN ('coma', 'stupor')),
  basic_info TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(basic_info)),
  elder_id TEXT REFERENCES elders(id),
  place TEXT NOT NULL DEFAULT 'centre' CHECK (place IN ('centre', 'home')),
  CHECK ((resident_id IS NULL) <> (elder_id IS NULL)),
  CHECK (elder_id IS NULL OR place = 'home')
) STRICT;
INSERT INTO assessments_v22 (id, resident_id, reason, assessed_on, answers, risk_events, coma, dementia, mental_disorder,
  assessor1, assessor2, status, total, preliminary_level, final_level, level_reasons, finalized_at, finalized_by,
  created_at, created_by, updated_at, updated_by, assessor1_staff_id, assessor1_org, assessor2_staff_id, assessor2_org,
  health, consciousness, basic_info, elder_id, place)
SELECT id, resident_id, reason, assessed_on, answers, risk_events, coma, dementia, mental_disorder,
  assessor1, assessor2, status, total, preliminary_level, final_level, level_reasons, finalized_at, finalized_by,
  created_at, created_by, updated_at, updated_by, assessor1_staff_id, assessor1_org, assessor2_staff_id, assessor2_org,
  health, consciousness, basic_info, NULL, 'centre'
FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_v22 RENAME TO assessments;
CREATE INDEX assessments_resident ON assessments(resident_id, assessed_on);
CREATE INDEX assessments_elder ON assessments(elder_id, assessed_on) WHERE elder_id IS NOT NULL;
-- A finalised assessment is a record: corrections are a new assessment.
CREATE TRIGGER assessments_final_read_only BEFORE UPDATE ON assessments WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'finalised assessments are read-only'); END;
CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END;
`;
