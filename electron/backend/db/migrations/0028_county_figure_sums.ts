// 0028: each county's figures for a month, added up over its centres and kept beside them (issue 20). A province's
// indicators read about a hundred county sums per month instead of adding up thousands of centres' figures on every
// look; each import refreshes its county's sum in the same transaction (services/county/figure-sums.ts).
// `_version` is the figures version every centre's figures had when added (0 when they differed, or one lacked it):
// a sum whose version is not today's is added up again from the centres' figures when read.
// The existing months are added up here: keys starting with '_' describe figures and are never added.
// Also an index of the centre lines alone (one per package), for the submission matrix's "set up on" day: without it a
// province's matrix read every record line of the store.
export const migration0028 = `
CREATE INDEX county_records_centre_lines ON county_records (centre_code, period) WHERE section = 'centre';

CREATE TABLE county_figure_sums (
  county_code TEXT NOT NULL,
  period TEXT NOT NULL,
  figures TEXT NOT NULL CHECK (json_valid(figures)),
  centres INTEGER NOT NULL CHECK (centres > 0),
  PRIMARY KEY (county_code, period)
) STRICT, WITHOUT ROWID;

INSERT INTO county_figure_sums (county_code, period, figures, centres)
SELECT v.county_code, v.period,
  json_set(
    coalesce((
      SELECT json_group_object(k.key, k.total) FROM (
        SELECT j.key, sum(j.value) AS total
        FROM county_figures f, json_each(f.figures) j
        WHERE substr(f.centre_code, 1, 6) = v.county_code AND f.period = v.period AND substr(j.key, 1, 1) <> '_'
        GROUP BY j.key
      ) k
    ), '{}'),
    '$._version', v.version),
  v.centres
FROM (
  SELECT substr(centre_code, 1, 6) AS county_code, period, count(*) AS centres,
    CASE WHEN count(json_extract(figures, '$._version')) = count(*)
          AND min(json_extract(figures, '$._version')) = max(json_extract(figures, '$._version'))
         THEN min(json_extract(figures, '$._version')) ELSE 0 END AS version
  FROM county_figures GROUP BY 1, 2
) v;
`;

export const migration0028Postgres = `
CREATE INDEX county_records_centre_lines ON county_records (centre_code, period) WHERE section = 'centre';

CREATE TABLE county_figure_sums (
  county_code text COLLATE "C" NOT NULL,
  period text COLLATE "C" NOT NULL,
  figures text COLLATE "C" NOT NULL CHECK (tc_json_valid(figures)),
  centres integer NOT NULL CHECK (centres > 0),
  PRIMARY KEY (county_code, period)
);

INSERT INTO county_figure_sums (county_code, period, figures, centres)
SELECT v.county_code, v.period,
  (coalesce((
    SELECT jsonb_object_agg(k.key, k.total) FROM (
      SELECT j.key, sum(j.value::numeric) AS total
      FROM county_figures f, jsonb_each_text(f.figures::jsonb) j
      WHERE left(f.centre_code, 6) = v.county_code AND f.period = v.period AND left(j.key, 1) <> '_'
      GROUP BY j.key
    ) k
  ), '{}'::jsonb) || jsonb_build_object('_version', v.version))::text,
  v.centres
FROM (
  SELECT left(centre_code, 6) AS county_code, period, count(*)::integer AS centres,
    CASE WHEN count((figures::jsonb)->>'_version') = count(*)
          AND min(((figures::jsonb)->>'_version')::numeric) = max(((figures::jsonb)->>'_version')::numeric)
         THEN min(((figures::jsonb)->>'_version')::numeric) ELSE 0 END AS version
  FROM county_figures GROUP BY 1, 2
) v;
`;
