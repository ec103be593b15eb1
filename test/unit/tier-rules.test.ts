// The 特困 tier's rules at their boundaries: working days for the county's answer, and which tier is official.
import { describe, expect, it } from 'vitest';
import { tierStatus } from '@shared/domain/tier/official';
import { answerOverdue, workingDaysBetween } from '@shared/domain/tier/working-days';

describe('working days', () => {
  it('counts Monday to Friday after the day received, up to and including today', () => {
    // 2026-03-06 is a Friday.
    expect(workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-07')).toBe(0); // Saturday
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // Sunday
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1); // Monday
    expect(workingDaysBetween('2026-03-06', '2026-03-20')).toBe(10);
    expect(workingDaysBetween('2026-03-06', '2026-03-01')).toBe(0);
    // Across a month and a year end.
    expect(workingDaysBetween('2026-12-31', '2027-01-04')).toBe(2);
  });

  it('is overdue only once more than the allowed working days have passed', () => {
    expect(answerOverdue('2026-03-06', '2026-03-20', 10)).toBe(false); // the 10th working day: still in time
    expect(answerOverdue('2026-03-06', '2026-03-21', 10)).toBe(false); // a Saturday adds nothing
    expect(answerOverdue('2026-03-06', '2026-03-23', 10)).toBe(true); // the 11th
    expect(answerOverdue('2026-03-06', '2026-03-09', 0)).toBe(true);
  });
});

describe('official tier vs proposal', () => {
  const p = (id: string, tier: 'self_sufficient' | 'partly_lost' | 'fully_lost', assessedOn: string) => ({ id, tier, assessedOn });
  const d = (proposalId: string | null, outcome: 'confirmed' | 'rejected', tier: 'self_sufficient' | 'partly_lost' | 'fully_lost' | null, decidedOn: string) => ({ proposalId, outcome, tier, decidedOn });

  it('has nothing before any assessment, and a proposal awaiting the county until it answers', () => {
    expect(tierStatus([], [])).toEqual({ kind: 'none' });
    expect(tierStatus([p('a', 'partly_lost', '2026-03-01')], [])).toEqual({ kind: 'proposed', tier: 'partly_lost' });
  });

  it('takes the decision as official, marking one that differs from the proposal', () => {
    expect(tierStatus([p('a', 'partly_lost', '2026-03-01')], [d('a', 'confirmed', 'partly_lost', '2026-03-10')])).toEqual({ kind: 'official', tier: 'partly_lost', differs: false, pending: null });
    expect(tierStatus([p('a', 'partly_lost', '2026-03-01')], [d('a', 'confirmed', 'fully_lost', '2026-03-10')])).toEqual({ kind: 'official', tier: 'fully_lost', differs: true, pending: null });
    // A decision entered without a proposal (from an older paper document) differs from nothing.
    expect(tierStatus([], [d(null, 'confirmed', 'self_sufficient', '2025-01-10')])).toEqual({ kind: 'official', tier: 'self_sufficient', differs: false, pending: null });
  });

  it('keeps the official tier while a later proposal waits, and after a rejection', () => {
    const proposals = [p('b', 'fully_lost', '2026-04-01'), p('a', 'partly_lost', '2026-03-01')];
    const decided = [d('a', 'confirmed', 'partly_lost', '2026-03-10')];
    expect(tierStatus(proposals, decided)).toEqual({ kind: 'official', tier: 'partly_lost', differs: false, pending: 'fully_lost' });
    expect(tierStatus(proposals, [d('b', 'rejected', null, '2026-04-10'), ...decided])).toEqual({ kind: 'official', tier: 'partly_lost', differs: false, pending: null });
    // Only rejections: no tier at all.
    expect(tierStatus([p('a', 'partly_lost', '2026-03-01')], [d('a', 'rejected', null, '2026-03-10')])).toEqual({ kind: 'none' });
  });
});
