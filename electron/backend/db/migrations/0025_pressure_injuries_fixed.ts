// 0025: the pressure-injury register is held by the database like the other health records (issue 19 review): an
// injury as found is never changed — its stage and size over time are reviews — it is healed once, and voided once.
// Frozen once released.
const FIXED = ['resident_id', 'site', 'origin', 'found_on', 'stage', 'length_cm', 'width_cm', 'risk_scale', 'risk_score', 'reposition_hours', 'note', 'request_id', 'created_at', 'created_by_id', 'created_by'];

export const migration0025 = `
CREATE TRIGGER pressure_injuries_fixed BEFORE UPDATE ON pressure_injuries
WHEN OLD.voided_at IS NOT NULL
  OR (OLD.healed_on IS NOT NULL AND NEW.healed_on IS NOT OLD.healed_on)
  OR ${FIXED.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
BEGIN SELECT RAISE(ABORT, 'a pressure injury as found is never changed; add a review, mark it healed once, or void it'); END;
`;
