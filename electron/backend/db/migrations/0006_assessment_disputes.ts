// 0006: objections to a finalised assessment (因对评估结果有疑问): recorded beside it (the assessment stays
// read-only) and prompting a review assessment. Frozen once released.
export const migration0006 = `
CREATE TABLE assessment_disputes (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  raised_by TEXT NOT NULL,
  relation TEXT NOT NULL,
  note TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX assessment_disputes_assessment ON assessment_disputes(assessment_id);
CREATE TRIGGER assessment_disputes_append_only BEFORE UPDATE ON assessment_disputes
BEGIN SELECT RAISE(ABORT, 'disputes are append-only'); END;
CREATE TRIGGER assessment_disputes_never_deleted BEFORE DELETE ON assessment_disputes
BEGIN SELECT RAISE(ABORT, 'disputes are never deleted'); END;
`;
