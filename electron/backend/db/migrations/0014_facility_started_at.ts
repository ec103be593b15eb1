// 0014: the moment the centre started using this system. Alarms (missed patrols, meals without a sample, fire gaps in
// the monthly package) are judged only from then on: an empty centre set up today has no "missed" yesterday.
// Centres already running started when their profile was first saved.
export const migration0014 = `
ALTER TABLE facility ADD COLUMN started_at TEXT;
UPDATE facility SET started_at = created_at;
`;
