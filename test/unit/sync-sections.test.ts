// The package's record shapes (issue 14 §4): format 2's residents and staff, the pressure-injury stage read from the
// stored A.5 answers at every option of the standard, and the upgrade of format-1 records to the current shapes.
import { describe, expect, it } from 'vitest';
import { pressureInjuryStage } from '../../electron/backend/services/sync/pressure-injury';
import { HEALTH_ITEMS } from '@shared/domain/assessment/health';
import { checkLine } from '../../electron/backend/services/county/record-checks';
import { FORMAT_VERSION, SECTIONS, SECTION_NAMES, isCalendarDate, readerFor, sinceFormat } from '@shared/domain/sync/sections';

const v1Resident = {
  id: '01900000-0000-7000-8000-0000000000a1',
  name: '张三',
  sex: 'male',
  birthDate: '1940-01-01',
  ageAtMonthEnd: 86,
  category: 'tekun_concentrated',
  tekunTier: 'partly_lost',
  abilityLevel: 2,
  lastAssessedOn: '2026-01-05',
  assessmentOverdue: false,
  careGrade: '二级护理',
  admittedOn: '2020-01-01',
  dischargedOn: null,
  dischargeReason: null,
  statusAtMonthEnd: 'in_residence',
  bedId: '01900000-0000-7000-8000-0000000000b1',
};

describe('pressure injury stage from the stored A.5.1 answer', () => {
  it('maps each of the standard’s options, in order, to its code', () => {
    const options = HEALTH_ITEMS.find((i) => i.code === 'A.5.1')!.options;
    const stages = options.map((o) => pressureInjuryStage(JSON.stringify({ choices: { 'A.5.1': [o] }, jointSites: '', other: '' })));
    expect(stages).toEqual(['none', 'I', 'II', 'III', 'IV', 'unstageable']);
  });

  it('is null when not answered, not readable, or an unknown option', () => {
    expect(pressureInjuryStage(null)).toBeNull();
    expect(pressureInjuryStage('')).toBeNull();
    expect(pressureInjuryStage('{not json')).toBeNull();
    expect(pressureInjuryStage(JSON.stringify({ choices: {}, jointSites: '', other: '' }))).toBeNull();
    expect(pressureInjuryStage(JSON.stringify({ choices: { 'A.5.1': [] } }))).toBeNull();
    expect(pressureInjuryStage(JSON.stringify({ choices: { 'A.5.1': ['Ⅴ期'] } }))).toBeNull();
    // Ⅱ is not read as Ⅰ (longest stage name first).
    expect(pressureInjuryStage(JSON.stringify({ choices: { 'A.5.1': ['Ⅱ期'] } }))).toBe('II');
  });
});

describe('format versions', () => {
  it('writes format 5: residents and staff at version 2, tier_proposals new in format 2, the village register new in format 3, care at home in format 4, health in format 5', () => {
    expect(FORMAT_VERSION).toBe(5);
    expect(SECTIONS.incidents.version).toBe(2);
    expect(SECTION_NAMES.filter((s) => sinceFormat(s) === 5)).toEqual(['resident_health', 'pressure_injuries']);
    expect(SECTIONS.residents.version).toBe(2);
    expect(SECTIONS.staff.version).toBe(2);
    expect(sinceFormat('tier_proposals')).toBe(2);
    expect(SECTION_NAMES.filter((s) => sinceFormat(s) === 2)).toEqual(['tier_proposals']);
    expect(SECTION_NAMES.filter((s) => sinceFormat(s) === 3)).toEqual(['villages', 'elders', 'home_assessments', 'visits', 'followups', 'special_reports']);
    expect(SECTION_NAMES.filter((s) => sinceFormat(s) === 4)).toEqual([
      'home_service_items',
      'home_service_providers',
      'home_service_entitlements',
      'home_service_visits',
      'home_service_settlements',
      'entrusted_agreements',
      'entrusted_checks',
      'aid_helpers',
      'aid_pairs',
      'aid_activities',
      'association_activities',
    ]);
  });

  it('upgrades a version-1 incident: no 用药差错 kind (null), the rest as it was', () => {
    const v1 = { id: '0190a0c8-0000-7000-8000-000000000001', residentId: '0190a0c8-0000-7000-8000-000000000002', type: 'fall', severity: 'minor', occurredAt: '2026-03-02T01:00:00.000Z', status: 'closed', hospitalTransfer: false, familyNotified: true };
    const reader = readerFor('incidents', 1)!;
    expect(SECTIONS.incidents.schema.parse(reader.upgrade!(reader.schema.parse(v1) as never))).toEqual({ ...v1, medicationError: null });
  });

  it('upgrades a format-1 resident to the v2 shape: null for what it did not carry, its tier kept as the proposal', () => {
    const reader = readerFor('residents', 1)!;
    const parsed = reader.schema.parse(v1Resident);
    const upgraded = reader.upgrade!(parsed as never);
    expect(SECTIONS.residents.schema.parse(upgraded)).toEqual({
      ...v1Resident,
      idNumber: null,
      tekunCertNo: null,
      severeDisability: null,
      mentalIllness: null,
      hukou: null,
      supportMode: null,
      tekunTier: null,
      tekunTierProposed: 'partly_lost',
      tekunCareTier: null,
      pressureInjuryStage: null,
    });
  });

  it('upgrades a format-1 staff record with training and certificate unknown', () => {
    const reader = readerFor('staff', 1)!;
    const s = { id: '01900000-0000-7000-8000-000000000051', name: '李护理', role: 'caregiver', certLevel: 'level4', hireDate: '2025-01-01', leftOn: null };
    expect(SECTIONS.staff.schema.parse(reader.upgrade!(reader.schema.parse(s) as never))).toEqual({ ...s, trainedInYear: null, certified: null });
  });

  it('reads the current version as it is and knows no other', () => {
    expect(readerFor('residents', 2)?.upgrade).toBeNull();
    expect(readerFor('residents', 3)).toBeNull();
    expect(readerFor('beds', 2)).toBeNull();
    expect(readerFor('beds', 1)?.upgrade).toBeNull();
  });

  it('refuses v2 values outside their lists', () => {
    const v2 = { ...readerFor('residents', 1)!.upgrade!(v1Resident as never) as object };
    expect(SECTIONS.residents.schema.safeParse({ ...v2, hukou: 'city' }).success).toBe(false);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, tekunCareTier: 4 }).success).toBe(false);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, pressureInjuryStage: 'V' }).success).toBe(false);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, supportMode: 'home' }).success).toBe(false);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, idNumber: '11010519491231002x' }).success).toBe(false);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, idNumber: '110105194912310' }).success).toBe(false);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, hukou: 'rural', tekunCareTier: 3, pressureInjuryStage: 'unstageable', idNumber: '11010519491231002X' }).success).toBe(true);
    expect(SECTIONS.residents.schema.safeParse({ ...v2, idNumber: '' }).success).toBe(true);
  });
});

describe('what a record may hold (issue 15)', () => {
  const current = () => ({ ...(readerFor('residents', 1)!.upgrade!(v1Resident as never) as object) }) as Record<string, unknown>;
  const problem = (section: keyof typeof SECTIONS, record: unknown) => {
    const checked = checkLine(SECTIONS[section].schema, record);
    return checked.ok ? null : checked.problem;
  };

  it('takes the exporter’s record as it is, and returns a copy with exactly its fields', () => {
    const checked = checkLine<Record<string, unknown>>(SECTIONS.residents.schema, current());
    expect(checked.ok && Object.keys(checked.record)).toEqual(Object.keys(SECTIONS.residents.schema.shape));
  });

  it('refuses an unknown field by name: a blob, an ID number where none belongs, __proto__ and constructor', () => {
    expect(problem('residents', { ...current(), blob: 'x'.repeat(3_000_000) })).toBe('有格式里没有的字段「blob」');
    expect(problem('staff', { id: '01900000-0000-7000-8000-000000000051', name: '李', role: 'caregiver', certLevel: 'none', hireDate: null, leftOn: null, trainedInYear: null, certified: null, idNumber: '110105194912310021' })).toBe('有格式里没有的字段「idNumber」');
    expect(problem('residents', JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(current()).slice(1)}`))).toBe('字段名「__proto__」不允许出现在数据里');
    expect(problem('residents', { ...current(), constructor: 'x' })).toBe('字段名「constructor」不允许出现在数据里');
    // At any depth: a diet name in a meal's counts.
    const meal = { id: '01900000-0000-7000-8000-000000000061', date: '2026-03-01', meal: 'lunch', residentTotal: 3, counts: JSON.parse('{"normal": 2, "__proto__": 1}') };
    expect(problem('meals', meal)).toBe('字段名「counts.__proto__」不允许出现在数据里');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses an id that is not a UUID, naming the field', () => {
    expect(problem('residents', { ...current(), id: 'r1' })).toBe('字段「id」不是 UUID 编号');
    expect(problem('residents', { ...current(), bedId: '../../etc' })).toBe('字段「bedId」不是 UUID 编号');
  });

  it('takes only real calendar dates between 1900 and 2100, and real instants', () => {
    for (const bad of ['2026-13-01', '2026-02-30', '2026-01-45', '9999-01-01', '1899-12-31', '2026-1-1', '']) expect(isCalendarDate(bad), bad).toBe(false);
    for (const good of ['2024-02-29', '1900-01-01', '2100-12-31']) expect(isCalendarDate(good), good).toBe(true);
    expect(problem('residents', { ...current(), birthDate: '1940-02-30' })).toMatch(/^字段「birthDate」不是 1900–2100 年之间真实的日期/);
    const round = { id: '01900000-0000-7000-8000-000000000071', kind: 'day_patrol', doneAt: '2026-03-01T08:00:00.000Z', problems: 0, countersigned: false };
    expect(problem('fire_rounds', round)).toBeNull();
    expect(problem('fire_rounds', { ...round, doneAt: '2026-03-01 08:00' })).toMatch(/^字段「doneAt」不是真实的时间/);
    expect(problem('fire_rounds', { ...round, doneAt: '2026-02-31T08:00:00.000Z' })).toMatch(/^字段「doneAt」不是真实的时间/);
  });

  it('names a missing field, a wrong type and a value outside its list', () => {
    const { name: _name, ...nameless } = current();
    expect(problem('residents', nameless)).toBe('缺少字段「name」');
    expect(problem('residents', { ...current(), ageAtMonthEnd: '八十' })).toBe('字段「ageAtMonthEnd」应为数字');
    expect(problem('residents', { ...current(), sex: 'x' })).toBe('字段「sex」的取值不在允许的范围内');
    expect(problem('residents', { ...current(), name: '张'.repeat(501) })).toBe('字段「name」太长（最多 500 个字）');
  });
});
