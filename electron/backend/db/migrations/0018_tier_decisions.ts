// 0018: the 特困 self-care tier belongs to the county (认定办法 Art. 21–22; issue 14 §2). The centre's six-indicator
// assessments (tier_assessments) become proposals; the county's decision (date, 文号, tier, 照料护理标准档次) or its
// rejection is recorded beside them, entered from the paper document or applied from the county's signed answer file.
// The county keeps its own answers to the proposals it received. Both are records: never updated, never deleted.
export const migration0018 = `
CREATE TABLE tier_decisions (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  proposal_id TEXT REFERENCES tier_assessments(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('confirmed', 'rejected')),
  decided_on TEXT NOT NULL,
  document_no TEXT NOT NULL DEFAULT '',
  tier TEXT CHECK (tier IN ('self_sufficient', 'partly_lost', 'fully_lost')),
  care_tier INTEGER CHECK (care_tier IN (1, 2, 3)),
  reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('paper', 'county_answer')),
  answer_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK ((outcome = 'confirmed') = (tier IS NOT NULL))
) STRICT;
CREATE INDEX tier_decisions_resident ON tier_decisions(resident_id, decided_on);
CREATE INDEX tier_decisions_proposal ON tier_decisions(proposal_id);
CREATE TRIGGER tier_decisions_read_only BEFORE UPDATE ON tier_decisions
BEGIN SELECT RAISE(ABORT, 'tier decisions are records'); END;
CREATE TRIGGER tier_decisions_never_deleted BEFORE DELETE ON tier_decisions
BEGIN SELECT RAISE(ABORT, 'tier decisions are never deleted'); END;

CREATE TABLE county_tier_answers (
  id TEXT PRIMARY KEY,
  centre_code TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  resident_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('confirmed', 'rejected')),
  decided_on TEXT NOT NULL,
  document_no TEXT NOT NULL DEFAULT '',
  tier TEXT CHECK (tier IN ('self_sufficient', 'partly_lost', 'fully_lost')),
  care_tier INTEGER CHECK (care_tier IN (1, 2, 3)),
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (centre_code, proposal_id),
  CHECK ((outcome = 'confirmed') = (tier IS NOT NULL))
) STRICT;
CREATE TRIGGER county_tier_answers_read_only BEFORE UPDATE ON county_tier_answers
BEGIN SELECT RAISE(ABORT, 'county tier answers are records'); END;
CREATE TRIGGER county_tier_answers_never_deleted BEFORE DELETE ON county_tier_answers
BEGIN SELECT RAISE(ABORT, 'county tier answers are never deleted'); END;
`;
