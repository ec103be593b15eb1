// The visit due rule without a database: the interval of each level, the 特殊困难 cap, counting from the last visit or
// else from registration, and overdue only once the due day has passed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ELDER_SETTINGS } from '@shared/api/elders';
import { type DueFacts, dueCalculator, isHardship, plannedKind, visitDueOn, visitInterval, visitOverdue } from '@shared/domain/elders/visit-due';

const settings = DEFAULT_ELDER_SETTINGS; // 高 7 days at home, 中 30 at home, 低 90 by phone, 特殊困难 at most 30
const facts = (over: Partial<DueFacts> = {}): DueFacts => ({ level: 'low', groups: [], registeredOn: '2026-01-05', lastVisitOn: null, ...over });

describe('visit interval', () => {
  it('follows the level: weekly, monthly, quarterly', () => {
    expect(visitInterval('high', [], settings)).toBe(7);
    expect(visitInterval('medium', [], settings)).toBe(30);
    expect(visitInterval('low', [], settings)).toBe(90);
  });

  it('caps a 特殊困难 elder at the hardship maximum, whatever the level', () => {
    expect(visitInterval('low', ['left_behind'], settings)).toBe(30);
    expect(visitInterval('low', ['family_planning_special', 'dibao'], settings)).toBe(30);
    expect(visitInterval('high', ['living_alone'], settings)).toBe(7); // already shorter than the cap
    const tight = { ...settings, hardshipMaxDays: 14 };
    expect(visitInterval('medium', ['empty_nest'], tight)).toBe(14);
  });

  it('does not cap 低保, 特困 or 高龄 alone (not 特殊困难 groups)', () => {
    expect(isHardship(['dibao', 'tekun_dispersed', 'over_80', 'dibao_edge'])).toBe(false);
    expect(visitInterval('low', ['dibao', 'over_80'], settings)).toBe(90);
    expect(isHardship(['disabled'])).toBe(true);
    expect(isHardship(['severe_disability'])).toBe(true);
  });

  it('names the kind planned for the level', () => {
    expect(plannedKind('high', settings)).toBe('home');
    expect(plannedKind('low', settings)).toBe('phone');
  });
});

describe('due day', () => {
  it('counts from the last visit, else from registration', () => {
    expect(visitDueOn(facts(), settings)).toBe('2026-04-05');
    expect(visitDueOn(facts({ lastVisitOn: '2026-03-01' }), settings)).toBe('2026-05-30');
    expect(visitDueOn(facts({ level: 'high', lastVisitOn: '2026-03-10' }), settings)).toBe('2026-03-17');
    expect(visitDueOn(facts({ level: 'low', groups: ['living_alone'], lastVisitOn: '2026-02-28' }), settings)).toBe('2026-03-30');
  });

  it('gives the same days when worked out for many elders at once', () => {
    const due = dueCalculator(settings);
    const many = [facts(), facts({ lastVisitOn: '2026-03-01' }), facts({ level: 'high', lastVisitOn: '2026-03-01' }), facts({ groups: ['empty_nest'], lastVisitOn: '2026-03-01' }), facts({ lastVisitOn: '2026-03-01' })];
    expect(many.map(due)).toEqual(many.map((f) => visitDueOn(f, settings)));
    expect(many.map(due)).toEqual(['2026-04-05', '2026-05-30', '2026-03-08', '2026-03-31', '2026-05-30']);
  });

  it('is overdue the day after the due day, not on it', () => {
    expect(visitOverdue('2026-03-17', '2026-03-16')).toBe(false);
    expect(visitOverdue('2026-03-17', '2026-03-17')).toBe(false);
    expect(visitOverdue('2026-03-17', '2026-03-18')).toBe(true);
  });
});
