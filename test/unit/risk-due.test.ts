// The GB 38600 risk-assessment due rules without a database, at their boundaries: the 30-day warning before the
// routine date, due on the day, which incidents call a risk into question, and when an assessment answers an event.
import { describe, expect, it } from 'vitest';
import { type RiskDueFacts, dueState, riskDueReasons, riskOfIncident } from '../../electron/backend/services/assessment/risk-schedule';

const facts = (over: Partial<RiskDueFacts> = {}): RiskDueFacts => ({
  today: '2026-08-16',
  everyMonths: 6,
  admittedOn: '2026-01-10',
  last: { assessedOn: '2026-03-15', recordedAt: '2026-03-15T02:00:00.000Z' },
  incidents: [],
  hospitalReturns: [],
  gradeChanges: [],
  ...over,
});

describe('risk assessment due reasons', () => {
  it('is due at admission while none was ever done (dated the admission, else today)', () => {
    expect(riskDueReasons(facts({ last: null }))).toEqual([{ dueOn: '2026-01-10', reason: 'admission', riskCode: null, prompt: '尚未做安全风险评估（GB 38600 要求入住前完成）' }]);
    expect(riskDueReasons(facts({ last: null, admittedOn: null }))[0].dueOn).toBe('2026-08-16');
  });
  it('lists the routine reassessment from 30 days before it, due on its day', () => {
    expect(riskDueReasons(facts({ today: '2026-08-15' }))).toEqual([]); // 31 days before 2026-09-15
    expect(riskDueReasons(facts({ today: '2026-08-16' }))).toEqual([{ dueOn: '2026-09-15', reason: 'routine', riskCode: null, prompt: '定期复评（每6个月）' }]);
    expect(riskDueReasons(facts({ everyMonths: 12, today: '2027-02-12' }))).toEqual([]); // 31 days before 2027-03-15
    expect(riskDueReasons(facts({ everyMonths: 12, today: '2027-02-13' }))[0].dueOn).toBe('2027-03-15');
    expect(dueState('2026-09-15', '2026-09-14')).toBe('due_soon');
    expect(dueState('2026-09-15', '2026-09-15')).toBe('overdue');
  });
  it('maps incidents to their risk; sudden illness and other are none; finer harm types are 他伤和自伤', () => {
    expect(riskOfIncident('fall')).toBe('fall');
    expect(riskOfIncident('fall_from_bed')).toBe('fall_from_bed');
    expect(riskOfIncident('recreation')).toBe('activity_accident');
    expect(riskOfIncident('sudden_illness')).toBeNull();
    expect(riskOfIncident('other')).toBeNull();
    expect(riskOfIncident('self_harm')).toBe('harm');
    expect(riskOfIncident('suicide')).toBe('harm');
  });
  it('counts an event answered only by an assessment dated on or after it and recorded at or after it', () => {
    const today = '2026-03-20';
    const fall = (date: string, recordedAt: string) => facts({ today, incidents: [{ type: 'fall', date, recordedAt }] });
    // Same day, recorded after the assessment: open. Same day, recorded before: answered.
    expect(riskDueReasons(fall('2026-03-15', '2026-03-15T03:00:00.000Z')).map((r) => r.reason)).toEqual(['incident']);
    expect(riskDueReasons(fall('2026-03-15', '2026-03-15T01:00:00.000Z'))).toEqual([]);
    // The day after the assessment: open however it was recorded.
    expect(riskDueReasons(fall('2026-03-16', '2026-03-15T01:00:00.000Z'))[0]).toMatchObject({ dueOn: '2026-03-16', riskCode: 'fall' });
    expect(riskDueReasons(facts({ today, incidents: [{ type: 'sudden_illness', date: '2026-03-18', recordedAt: '2026-03-18T01:00:00.000Z' }] }))).toEqual([]);
  });
  it('gives one row per risk (the latest incident of it), one for the latest hospital return and one for the latest grade change', () => {
    const at = (date: string) => ({ date, recordedAt: `${date}T02:00:00.000Z` });
    const rows = riskDueReasons(
      facts({
        today: '2026-04-30',
        incidents: [
          { type: 'fall', ...at('2026-04-01') },
          { type: 'fall', ...at('2026-04-10') },
          { type: 'choking', ...at('2026-04-05') },
        ],
        hospitalReturns: [at('2026-04-02'), at('2026-04-20')],
        gradeChanges: [{ ...at('2026-04-25'), from: '半护理', to: '全护理' }],
      }),
    );
    expect(rows.map((r) => [r.reason, r.riskCode, r.dueOn])).toEqual([
      ['incident', 'choking', '2026-04-05'],
      ['incident', 'fall', '2026-04-10'],
      ['hospital', null, '2026-04-20'],
      ['care_grade', null, '2026-04-25'],
    ]);
    expect(rows[3].prompt).toBe('2026-04-25 护理等级由「半护理」改为「全护理」，需重新评估');
  });
});
