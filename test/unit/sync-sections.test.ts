// The package's record shapes (issue 14 §4): format 2's residents and staff, the pressure-injury stage read from the
// stored A.5 answers at every option of the standard, and the upgrade of format-1 records to the current shapes.
import { describe, expect, it } from 'vitest';
import { pressureInjuryStage } from '../../electron/backend/services/sync/pressure-injury';
import { HEALTH_ITEMS } from '../../shared/domain/assessment/health';
import { FORMAT_VERSION, SECTIONS, SECTION_NAMES, readerFor, sinceFormat } from '../../shared/domain/sync/sections';

const v1Resident = {
  id: 'r1',
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
  bedId: 'b1',
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
  it('writes format 2: residents and staff at version 2, tier_proposals new in format 2', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(SECTIONS.residents.version).toBe(2);
    expect(SECTIONS.staff.version).toBe(2);
    expect(sinceFormat('tier_proposals')).toBe(2);
    expect(SECTION_NAMES.filter((s) => sinceFormat(s) > 1)).toEqual(['tier_proposals']);
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
    const s = { id: 's1', name: '李护理', role: 'caregiver', certLevel: 'level4', hireDate: '2025-01-01', leftOn: null };
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
