// Whom an ability assessment is of: a resident of the centre, or an elder on the village register assessed at home
// (issue 17). Where its pages live, what the API is sent, and the A.2 answers an assessment at home starts from.
import type { AssessmentView } from '@shared/api/assessment';
import { type BasicInfo, EMPTY_BASIC_INFO, type LIVING } from '@shared/domain/assessment/basic-info';
import type { Household } from '@shared/domain/elders/vocab';

export type AssessmentSubject = { kind: 'resident'; id: string } | { kind: 'elder'; id: string };

export function subjectOf(a: Pick<AssessmentView, 'residentId' | 'elderId'>): AssessmentSubject {
  return a.elderId ? { kind: 'elder', id: a.elderId } : { kind: 'resident', id: a.residentId ?? '' };
}

/** The one id the API takes for the subject (saveDraft refuses both or neither). */
export const subjectIds = (s: AssessmentSubject) => (s.kind === 'elder' ? { elderId: s.id } : { residentId: s.id });

/** The person's file: the resident's, or the elder's on the register. */
export const subjectFilePath = (s: AssessmentSubject) => (s.kind === 'elder' ? `/elders/${s.id}` : `/residents/${s.id}`);

/** One assessment's page (a resident's stays at /assessments/:id). */
export const assessmentPath = (s: AssessmentSubject, assessmentId: string) => (s.kind === 'elder' ? `/elders/${s.id}/assessment/${assessmentId}` : `/assessments/${assessmentId}`);

/** A.2 居住情况 from the register's household, in the standard's own options. */
const LIVING_OF: Record<Household, (typeof LIVING)[number] | null> = { alone: '独居', with_spouse: '与配偶居住', with_children: '与子女居住', other: null };

/**
 * A.2 at home starts from the latest assessment's answers, and 居住情况 from the register when none was recorded (never
 * 养老机构, the centre's default). 民族 is not on the register: asked on the form.
 */
export function homeBasicInfo(previous: BasicInfo | null, household: Household | null): BasicInfo {
  const base = previous ?? EMPTY_BASIC_INFO;
  const living = household ? LIVING_OF[household] : null;
  return { ...base, living: base.living.length ? base.living : living ? [living] : [] };
}
