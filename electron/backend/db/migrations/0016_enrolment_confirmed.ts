// 0016: a key is trusted only after a person confirmed its fingerprint by phone (issue 13 §7). On the county, a centre's
// enrolment is pending until the clerk confirms it, and can be withdrawn until the first package from it is applied;
// on a centre, the county's key is pending until the manager confirms it, and can be removed until the first export.
// Keys taken in before this migration were compared by phone under the old instructions: they count as confirmed.
export const migration0016 = `
ALTER TABLE county_centres ADD COLUMN state TEXT NOT NULL DEFAULT 'confirmed' CHECK (state IN ('pending', 'confirmed', 'withdrawn'));
ALTER TABLE county_centres ADD COLUMN confirmed_at TEXT;
ALTER TABLE county_centres ADD COLUMN confirmed_by TEXT;
UPDATE county_centres SET confirmed_at = enrolled_at, confirmed_by = enrolled_by;
CREATE TRIGGER county_centres_kept_after_import BEFORE UPDATE OF state, public_key ON county_centres
  WHEN (NEW.state <> 'confirmed' OR NEW.public_key <> OLD.public_key) AND EXISTS (SELECT 1 FROM county_packages WHERE centre_code = OLD.centre_code)
  BEGIN SELECT RAISE(ABORT, 'a centre whose packages were imported keeps its confirmed key'); END;

ALTER TABLE sync_county ADD COLUMN state TEXT NOT NULL DEFAULT 'confirmed' CHECK (state IN ('pending', 'confirmed'));
ALTER TABLE sync_county ADD COLUMN confirmed_at TEXT;
ALTER TABLE sync_county ADD COLUMN confirmed_by TEXT;
UPDATE sync_county SET confirmed_at = imported_at, confirmed_by = imported_by;
CREATE TRIGGER sync_county_kept_after_export BEFORE DELETE ON sync_county
  WHEN EXISTS (SELECT 1 FROM sync_exports)
  BEGIN SELECT RAISE(ABORT, 'the county key is kept once a package was exported with it'); END;
`;
