// Whom an ability assessment is of (issue 17): a resident's pages stay where they were, an elder's live under the
// register, the API gets exactly one id, and A.2 at home starts from the register's household in the standard's words.
import { describe, expect, it } from 'vitest';
import { EMPTY_BASIC_INFO, LIVING } from '@shared/domain/assessment/basic-info';
import { assessmentPath, homeBasicInfo, subjectFilePath, subjectIds, subjectOf } from '../../renderer/src/features/assessment/subject';

describe('assessment subject', () => {
  it('keeps a resident’s pages and ids, and puts an elder’s under the register', () => {
    const resident = subjectOf({ residentId: 'r1', elderId: null });
    const elder = subjectOf({ residentId: null, elderId: 'e1' });
    expect([subjectIds(resident), subjectIds(elder)]).toEqual([{ residentId: 'r1' }, { elderId: 'e1' }]);
    expect([subjectFilePath(resident), subjectFilePath(elder)]).toEqual(['/residents/r1', '/elders/e1']);
    expect([assessmentPath(resident, 'a1'), assessmentPath(elder, 'a2')]).toEqual(['/assessments/a1', '/elders/e1/assessment/a2']);
  });

  it('starts A.2 居住情况 at home from the household (never 养老机构), keeping what the last assessment recorded', () => {
    expect(homeBasicInfo(null, 'alone').living).toEqual(['独居']);
    expect(homeBasicInfo(null, 'with_spouse').living).toEqual(['与配偶居住']);
    expect(homeBasicInfo(null, 'with_children').living).toEqual(['与子女居住']);
    expect(homeBasicInfo(null, 'other').living).toEqual([]);
    expect(homeBasicInfo(null, null)).toEqual(EMPTY_BASIC_INFO);
    expect(homeBasicInfo({ ...EMPTY_BASIC_INFO, living: ['与其他亲属居住'], education: '小学' }, 'alone')).toMatchObject({ living: ['与其他亲属居住'], education: '小学' });
    for (const h of ['alone', 'with_spouse', 'with_children'] as const) for (const l of homeBasicInfo(null, h).living) expect(LIVING).toContain(l);
  });
});
