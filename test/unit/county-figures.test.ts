// The county's figures at their boundaries (issue 14 §4): the official 特困 age bands, the official tier, facts an
// older package did not carry counted as 不详 (never as "no"), the rates and their denominators, and the table layouts.
import { describe, expect, it } from 'vitest';
import { FACILITY_TABLE, TEKUN_TABLE, headerGroups } from '@shared/domain/sync/county-tables';
import { FIGURES_VERSION, addFigures, computeFigures, figuresAreCurrent, formatIndicator, ratios } from '@shared/domain/sync/figures';
import { SECTION_NAMES, type SectionData, type SectionRecord } from '@shared/domain/sync/sections';

const empty = (): SectionData => Object.fromEntries(SECTION_NAMES.map((s) => [s, []])) as unknown as SectionData;

let n = 0;
function resident(over: Partial<SectionRecord<'residents'>> = {}): SectionRecord<'residents'> {
  n++;
  return {
    id: `r${n}`,
    name: `老人${n}`,
    sex: 'male',
    birthDate: '1940-01-01',
    ageAtMonthEnd: 86,
    category: 'tekun_concentrated',
    tekunTier: 'self_sufficient',
    abilityLevel: 1,
    lastAssessedOn: '2026-01-05',
    assessmentOverdue: false,
    careGrade: null,
    admittedOn: '2020-01-01',
    dischargedOn: null,
    dischargeReason: null,
    statusAtMonthEnd: 'in_residence',
    bedId: null,
    idNumber: '',
    tekunCertNo: '',
    severeDisability: false,
    mentalIllness: false,
    hukou: 'rural',
    supportMode: 'concentrated',
    tekunTierProposed: null,
    tekunCareTier: 1,
    pressureInjuryStage: 'none',
    ...over,
  };
}

function staff(over: Partial<SectionRecord<'staff'>> = {}): SectionRecord<'staff'> {
  n++;
  return { id: `s${n}`, name: `员工${n}`, role: 'caregiver', certLevel: 'level4', hireDate: '2020-01-01', leftOn: null, trainedInYear: true, certified: true, ...over };
}

const figuresOf = (data: Partial<SectionData>) => computeFigures('2026-03', { ...empty(), ...data });

describe('特困 quarterly figures', () => {
  it('puts ages into the official bands: under 16, 16–59, 60–79, 80 and over', () => {
    const f = figuresOf({ residents: [15, 16, 59, 60, 79, 80].map((age) => resident({ ageAtMonthEnd: age })) });
    expect([f['tekun.age.under16'], f['tekun.age.16_59'], f['tekun.age.60_79'], f['tekun.age.80plus']]).toEqual([1, 2, 2, 1]);
    expect(f['tekun.present']).toBe(6);
  });

  it('counts the official tier, and 未认定 when the county has not decided (a proposal is not a decision)', () => {
    const f = figuresOf({ residents: [resident({ tekunTier: 'fully_lost' }), resident({ tekunTier: null, tekunTierProposed: 'partly_lost' }), resident({ tekunTier: 'partly_lost' })] });
    expect(f['tekun.tier.fully_lost']).toBe(1);
    expect(f['tekun.tier.partly_lost']).toBe(1);
    expect(f['tekun.tier.none']).toBe(1);
  });

  it('counts null facts as 不详, never as no', () => {
    const f = figuresOf({
      residents: [resident({ severeDisability: true, mentalIllness: null, hukou: null, sex: 'female' }), resident({ severeDisability: null, mentalIllness: true, hukou: 'urban' }), resident({ severeDisability: false })],
    });
    expect(f['tekun.severeDisability']).toBe(1);
    expect(f['tekun.severeDisability.unknown']).toBe(1);
    expect(f['tekun.mentalIllness']).toBe(1);
    expect(f['tekun.mentalIllness.unknown']).toBe(1);
    expect([f['tekun.hukou.urban'], f['tekun.hukou.rural'], f['tekun.hukou.unknown']]).toEqual([1, 1, 1]);
    expect(f['tekun.female']).toBe(1);
  });

  it('counts concentrated and dispersed support, falling back on the category for an older record, and leaves others out', () => {
    const older = { ...resident({ category: 'tekun_dispersed' }), supportMode: null };
    const f = figuresOf({ residents: [resident(), older, resident({ category: 'self_pay', supportMode: null })] });
    expect(f['tekun.present']).toBe(2);
    expect(f['tekun.concentrated']).toBe(1);
    expect(f['tekun.dispersed']).toBe(1);
    expect(f.residents).toBe(3);
  });

  it('counts new and exited in the month; an exited person is not covered at the month end', () => {
    const f = figuresOf({
      residents: [resident({ admittedOn: '2026-03-01' }), resident({ admittedOn: '2026-02-28' }), resident({ dischargedOn: '2026-03-31', statusAtMonthEnd: 'discharged' })],
    });
    expect(f['tekun.new']).toBe(1);
    expect(f['tekun.exited']).toBe(1);
    expect(f['tekun.present']).toBe(2);
  });
});

describe('rates the county watches', () => {
  it('pressure injuries: Ⅱ期 and worse per resident with a known stage', () => {
    const stages = ['none', 'I', 'II', 'III', 'IV', 'unstageable', null] as const;
    const f = figuresOf({ residents: stages.map((s) => resident({ pressureInjuryStage: s })) });
    expect(f['pressure.stage2plus']).toBe(4);
    expect(f['pressure.unknown']).toBe(1);
    expect(ratios(f).pressureRate).toBeCloseTo(4 / 6);
  });

  it('falls per 1,000 resident days', () => {
    const f = figuresOf({
      residents: [resident(), resident()],
      incidents: [{ id: 'i1', residentId: 'r1', type: 'fall', severity: 'minor', occurredAt: '2026-03-02T01:00:00Z', status: 'closed', hospitalTransfer: false, familyNotified: true, medicationError: null }],
    });
    expect(f.residentDays).toBe(62);
    expect(ratios(f).fallsPer1000).toBeCloseTo(1000 / 62);
    expect(formatIndicator({ key: 'fallsPer1000', label: '', group: '', rate: true }, f)).toBe('16.13');
  });

  it('assessment coverage: assessed and not overdue, over residents present', () => {
    const f = figuresOf({ residents: [resident(), resident({ assessmentOverdue: true }), resident({ lastAssessedOn: null, assessmentOverdue: true, abilityLevel: null })] });
    expect(ratios(f).assessmentCoverage).toBeCloseTo(1 / 3);
  });

  it('training over staff whose status is known; certificates over carers; social workers per 100 beds', () => {
    const f = figuresOf({
      staff: [staff(), staff({ trainedInYear: false, certified: false }), staff({ trainedInYear: null, certified: null, certLevel: 'none' }), staff({ role: 'cook', certLevel: 'none', certified: false }), staff({ role: 'social_worker' }), staff({ leftOn: '2026-03-15' })],
      beds: Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, building: '1', room: '1', floor: 1, label: String(i), bedType: 'normal' as const, setting: 'available' as const, occupied: false })),
    });
    expect(f.staff).toBe(5);
    expect(f['staff.trained']).toBe(3);
    expect(f['staff.trained.unknown']).toBe(1);
    expect(ratios(f).trainingCoverage).toBeCloseTo(3 / 4);
    // Carers: three caregivers; the one without the v2 flag counts by its certificate level (none → not certified).
    expect(f.carers).toBe(3);
    expect(ratios(f).certifiedCoverage).toBeCloseTo(1 / 3);
    expect(ratios(f).socialWorkersPer100Beds).toBe(2);
    expect(f['staff.role.caregiver']).toBe(3);
  });

  it('has no rate when nothing can be divided', () => {
    const f = figuresOf({});
    expect(ratios(f).trainingCoverage).toBeNull();
    expect(formatIndicator({ key: 'trainingCoverage', label: '', group: '', share: true }, f)).toBe('—');
  });
});

describe('stored figures', () => {
  it('carry their version, which is never added up', () => {
    const f = figuresOf({ residents: [resident()] });
    expect(figuresAreCurrent(f)).toBe(true);
    expect(figuresAreCurrent({ residents: 1 })).toBe(false);
    const sum = addFigures([f, f]);
    expect(sum._version).toBeUndefined();
    expect(sum.residents).toBe(2);
    expect(FIGURES_VERSION).toBeGreaterThan(1);
  });
});

describe('official layouts', () => {
  it('has the quarterly table columns of the 综合统计表 in order, grouped', () => {
    expect(TEKUN_TABLE.map((c) => c.label)).toEqual(
      expect.arrayContaining(['本季度末保障人数', '集中供养', '分散供养', '自理', '半自理', '全护理', '16岁以下', '16–59岁', '60–79岁', '80岁以上', '女性', '重度残疾人', '患精神疾病人', '城市', '农村', '本季度新增', '本季度退出']),
    );
    expect(headerGroups(TEKUN_TABLE).map((g) => g.group)).toEqual(['', '供养方式', '按自理能力划分（县民政局认定）', '按年龄划分', '按特殊身份划分', '户籍', '动态管理', '照料护理标准档次（人数）']);
    expect(headerGroups(TEKUN_TABLE).reduce((s, g) => s + g.span, 0)).toBe(TEKUN_TABLE.length);
  });

  it('has the facility table with staff by post and the coverages', () => {
    expect(FACILITY_TABLE.map((c) => c.key)).toEqual(expect.arrayContaining(['beds', 'nursingBeds', 'residents', 'staff.role.social_worker', 'socialWorkersPer100Beds', 'trainingCoverage', 'certifiedCoverage']));
  });
});

describe('health and medicines (format 5)', () => {
  const line = (residentId: string, over: Partial<SectionRecord<'resident_health'>> = {}): SectionRecord<'resident_health'> => ({
    id: `h-${residentId}`,
    residentId,
    lastCheckupOn: null,
    checkupAbnormal: false,
    familyDoctor: false,
    monthlyEntry: false,
    activeOrders: 0,
    dosesGiven: 0,
    dosesRefused: 0,
    dosesHeld: 0,
    dosesNotAvailable: 0,
    dosesLate: 0,
    ...over,
  });
  const injury = (residentId: string, over: Partial<SectionRecord<'pressure_injuries'>> = {}): SectionRecord<'pressure_injuries'> => ({
    id: `p${++n}`,
    residentId,
    origin: 'in_centre',
    foundOn: '2026-02-10',
    stageAtMonthEnd: 'stage2',
    healedOn: null,
    ...over,
  });

  it('counts check-ups of the 12 months to month end (the same day a year before included), family doctors, and leaves residents without a health line as 不详', () => {
    const [a, b, c, d] = [resident(), resident(), resident(), resident()];
    const f = figuresOf({
      residents: [a, b, c, d],
      resident_health: [line(a.id, { lastCheckupOn: '2025-03-31', familyDoctor: true }), line(b.id, { lastCheckupOn: '2025-03-30' }), line(c.id)],
    });
    expect(f['checkup.covered']).toBe(1);
    expect(f['familyDoctor.signed']).toBe(1);
    expect(f['health.unknown']).toBe(1);
    expect(ratios(f).checkupCoverage).toBeCloseTo(1 / 3);
  });

  it('counts residents with an injury open at month end once, whatever the number of injuries; a healed one and new in-centre ones apart', () => {
    const [a, b, c] = [resident(), resident(), resident()];
    const f = figuresOf({
      residents: [a, b, c],
      resident_health: [line(a.id), line(b.id), line(c.id)],
      pressure_injuries: [
        injury(a.id),
        injury(a.id, { stageAtMonthEnd: 'stage1', foundOn: '2026-03-05' }),
        injury(b.id, { origin: 'on_admission', stageAtMonthEnd: 'stage1' }),
        injury(c.id, { healedOn: '2026-03-20', foundOn: '2026-03-02' }),
      ],
    });
    expect(f['pressureRegister.residents']).toBe(2);
    expect(f['pressureRegister.stage2plus']).toBe(1);
    expect(f['pressureRegister.inCentre']).toBe(1);
    expect(f['pressureRegister.newInCentre']).toBe(2);
    expect(ratios(f).pressurePrevalence).toBeCloseTo(2 / 3);
  });

  it('adds the month\'s doses and counts each kind of 用药差错', () => {
    const [a, b] = [resident(), resident()];
    const error = { id: 'e1', residentId: a.id, type: 'medication_error', severity: 'moderate', occurredAt: '2026-03-02T01:00:00Z', status: 'open' as const, hospitalTransfer: false, familyNotified: true, medicationError: 'missed' as const };
    const f = figuresOf({
      residents: [a, b],
      resident_health: [line(a.id, { activeOrders: 2, dosesGiven: 110, dosesRefused: 3, dosesLate: 4 }), line(b.id, { dosesGiven: 10, dosesHeld: 1, dosesNotAvailable: 1 })],
      incidents: [error],
    });
    expect(f['doses.given']).toBe(120);
    expect(f['medication.residents']).toBe(1);
    expect(ratios(f).dosesGivenShare).toBeCloseTo(120 / 125);
    expect(f['incident.medication_error']).toBe(1);
    expect(f['medicationError.missed']).toBe(1);
  });
});
