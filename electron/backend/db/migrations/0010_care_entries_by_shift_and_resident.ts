// 0010: one resident's records of one shift are read through (shift_date, shift_id, resident_id, occurred_at).
// Without it SQLite walked the resident's whole history through care_entries_resident (to get the order by time):
// fine for a year, 60 ms for ten. The new index also serves every query the old (shift_date, shift_id) one did.
export const migration0010 = `
DROP INDEX care_entries_shift;
CREATE INDEX care_entries_shift_resident ON care_entries(shift_date, shift_id, resident_id, occurred_at);
`;
