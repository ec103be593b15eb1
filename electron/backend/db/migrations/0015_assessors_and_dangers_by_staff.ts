// 0015: people of the centre are chosen, not typed (issue 13 §4). The two assessors of an ability assessment are each a
// staff member (by id) or an outside person with an organisation; the A.5 health items are recorded with the form;
// the person responsible for a hidden danger is a staff member. The name columns stay: they are what was signed.
export const migration0015 = `
ALTER TABLE assessments ADD COLUMN assessor1_staff_id TEXT REFERENCES staff(id);
ALTER TABLE assessments ADD COLUMN assessor1_org TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN assessor2_staff_id TEXT REFERENCES staff(id);
ALTER TABLE assessments ADD COLUMN assessor2_org TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN health TEXT NOT NULL DEFAULT '{"choices":{},"jointSites":"","other":""}' CHECK (json_valid(health));
ALTER TABLE fire_dangers ADD COLUMN responsible_staff_id TEXT REFERENCES staff(id);
`;
