// 0019: the night fire-patrol plan becomes a count of patrols a minimum gap apart (optional windows) instead of one
// patrol per fixed interval (issue 14 §3). A centre still on the old default (every 120 minutes) takes the new default
// (2 a night, 2 hours apart); a centre that chose its own interval keeps as many patrols as its windows had (2 to 12),
// the interval as the gap, shortened so they fit in the night.
export const migration0019 = `
UPDATE settings SET value = json_set(value, '$._span',
    ((CAST(substr(coalesce(json_extract(value, '$.nightEnd'), '06:00'), 1, 2) AS INTEGER) * 60 + CAST(substr(coalesce(json_extract(value, '$.nightEnd'), '06:00'), 4, 2) AS INTEGER))
   - (CAST(substr(coalesce(json_extract(value, '$.nightStart'), '22:00'), 1, 2) AS INTEGER) * 60 + CAST(substr(coalesce(json_extract(value, '$.nightStart'), '22:00'), 4, 2) AS INTEGER))
   + 1440) % 1440)
  WHERE key = 'fire' AND json_valid(value);
UPDATE settings SET value = json_set(value, '$._span', 1440) WHERE key = 'fire' AND json_valid(value) AND json_extract(value, '$._span') = 0;
UPDATE settings SET value = json_set(value, '$.nightPatrols',
    CASE WHEN coalesce(json_extract(value, '$.nightIntervalMinutes'), 120) = 120 THEN 2
         ELSE max(2, min(12, (json_extract(value, '$._span') + json_extract(value, '$.nightIntervalMinutes') - 1) / json_extract(value, '$.nightIntervalMinutes'))) END)
  WHERE key = 'fire' AND json_valid(value);
UPDATE settings SET value = json_remove(json_set(value,
    '$.nightGapMinutes', min(240, coalesce(json_extract(value, '$.nightIntervalMinutes'), 120), (json_extract(value, '$._span') - 1) / (json_extract(value, '$.nightPatrols') - 1)),
    '$.nightWindows', json('[]')),
    '$.nightIntervalMinutes', '$._span')
  WHERE key = 'fire' AND json_valid(value);
`;
