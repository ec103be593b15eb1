// Every code the backend can send has a Chinese label, so the UI never shows a raw code.
import { describe, expect, it } from 'vitest';
import { BED_SETTINGS, BED_STATUSES, BED_TYPES, DIET_TYPES, DISCHARGE_REASONS, FACILITY_TYPES, RESIDENT_CATEGORIES, RESIDENT_STATUSES, RESIDENT_TAGS, SEXES } from '@shared/domain/enums';
import { SEARCH_SCOPES } from '@shared/api/residents';
import { DINER_CATEGORIES, MEALS, SERVING_MODES } from '@shared/domain/meals/vocab';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

const cjk = /[\u4e00-\u9fff]/;

describe('zh-CN labels', () => {
  it.each([
    ['sex', SEXES],
    ['bedType', BED_TYPES],
    ['bedTypeShort', BED_TYPES],
    ['bedSetting', BED_SETTINGS],
    ['bedStatus', BED_STATUSES],
    ['facilityType', FACILITY_TYPES],
    ['category', RESIDENT_CATEGORIES],
    ['tag', RESIDENT_TAGS],
    ['diet', DIET_TYPES],
    ['residentStatus', RESIDENT_STATUSES],
    ['dischargeReason', DISCHARGE_REASONS],
    ['meal', MEALS],
    ['dinerCategory', DINER_CATEGORIES],
    ['servingMode', SERVING_MODES],
  ] as const)('enums.%s covers every value', (group, values) => {
    const labels = zhCN.enums[group] as Record<string, string>;
    for (const v of values) expect(labels[v], `${group}.${v}`).toMatch(cjk);
  });

  it('names every search scope', () => {
    for (const s of SEARCH_SCOPES) expect(zhCN.residents.scope[s]).toMatch(cjk);
  });
});
