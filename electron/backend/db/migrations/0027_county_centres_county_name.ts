// 0027: the county each enrolled centre belongs to, by name (issue 20): a prefecture's or province's store gathers many
// counties, and shows each by the name the centre's registration file carries (`county`); the county's code is the
// first 6 digits of the centre's code. Centres enrolled before keep '' (shown by their code).
export const migration0027 = `
ALTER TABLE county_centres ADD COLUMN county_name TEXT NOT NULL DEFAULT '';
`;

export const migration0027Postgres = `
ALTER TABLE county_centres ADD COLUMN county_name text COLLATE "C" NOT NULL DEFAULT '';
`;
