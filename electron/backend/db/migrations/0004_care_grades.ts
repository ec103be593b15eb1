// 0004: care grades (护理等级) with an explicit rank and the ability levels they are suggested for, dated monthly fees
// in fen, and each resident's dated grade history with suggestion, override reason, approver and consent.
// The four default grades (自理/半护理/全护理/特护, rank 1–4; levels 0 → 自理, 1–2 → 半护理, 3–4 → 全护理, 特护 only by a
// person) have fixed ids so every centre starts the same. No national mapping exists (domain.md §2.2): centres edit
// it in 系统设置. Frozen once released.
export const migration0004 = `
CREATE TABLE care_grades (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  rank INTEGER NOT NULL,
  suggested_for_levels TEXT NOT NULL CHECK (json_valid(suggested_for_levels)),
  retired_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX care_grades_active_name ON care_grades(name) WHERE retired_at IS NULL;
INSERT INTO care_grades VALUES
  ('01900000-0000-7000-8000-000000000001', '自理', 1, '[0]', NULL, '2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认'),
  ('01900000-0000-7000-8000-000000000002', '半护理', 2, '[1,2]', NULL, '2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认'),
  ('01900000-0000-7000-8000-000000000003', '全护理', 3, '[3,4]', NULL, '2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认'),
  ('01900000-0000-7000-8000-000000000004', '特护', 4, '[]', NULL, '2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认');

CREATE TABLE care_grade_fees (
  id TEXT PRIMARY KEY,
  grade_id TEXT NOT NULL REFERENCES care_grades(id),
  monthly_fee_fen INTEGER NOT NULL CHECK (monthly_fee_fen >= 0),
  effective_from TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX care_grade_fees_grade ON care_grade_fees(grade_id, effective_from);

CREATE TABLE resident_grades (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  grade_id TEXT NOT NULL REFERENCES care_grades(id),
  effective_from TEXT NOT NULL,
  assessment_id TEXT REFERENCES assessments(id),
  suggested_grade_id TEXT REFERENCES care_grades(id),
  override_reason TEXT NOT NULL DEFAULT '',
  approver TEXT NOT NULL DEFAULT '',
  consent_by TEXT NOT NULL,
  consent_relation TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX resident_grades_resident ON resident_grades(resident_id, effective_from);

CREATE TRIGGER care_grade_fees_append_only BEFORE UPDATE ON care_grade_fees
BEGIN SELECT RAISE(ABORT, 'fees are dated rows, never changed'); END;
CREATE TRIGGER resident_grades_append_only BEFORE UPDATE ON resident_grades
BEGIN SELECT RAISE(ABORT, 'grade history is append-only'); END;
CREATE TRIGGER resident_grades_never_deleted BEFORE DELETE ON resident_grades
BEGIN SELECT RAISE(ABORT, 'grade history is never deleted'); END;
CREATE TRIGGER care_grades_never_deleted BEFORE DELETE ON care_grades
BEGIN SELECT RAISE(ABORT, 'care grades are retired, never deleted'); END;
`;
