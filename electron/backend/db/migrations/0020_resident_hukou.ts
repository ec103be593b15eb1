// 0020: 户籍 (城市/农村) on the resident file (issue 14 §4). The county's 特困 quarterly table splits its headcount by
// urban and rural registration; files made before this migration have it unknown (NULL) until someone fills it in.
export const migration0020 = `
ALTER TABLE residents ADD COLUMN hukou TEXT CHECK (hukou IN ('urban', 'rural'));
`;
