import { describe, expect, it } from 'vitest';
import { computeCheckChar, maskIdNumber, parseIdNumber } from '@shared/domain/id-number';

describe('GB 11643 ID numbers', () => {
  it.each([
    ['11010519491231002X', 'X', '1949-12-31', 'female'],
    ['440524188001010014', '4', '1880-01-01', 'male'],
    ['110101190001011009', '9', '1900-01-01', 'female'],
  ])('%s has check character %s', (id, check, birth, sex) => {
    expect(computeCheckChar(id.slice(0, 17))).toBe(check);
    expect(parseIdNumber(id)).toEqual({ ok: true, info: { idNumber: id, birthDate: birth, sex, convertedFrom15: false } });
  });

  it('accepts a lower-case x and normalises it', () => {
    const parsed = parseIdNumber('11010519491231002x');
    expect(parsed.ok && parsed.info.idNumber).toBe('11010519491231002X');
  });

  it('converts a 15-digit legacy number', () => {
    const parsed = parseIdNumber('110105491231002');
    expect(parsed).toEqual({ ok: true, info: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', convertedFrom15: true } });
  });

  it.each([
    ['', 'empty'],
    ['1101051949123100', 'length'],
    ['11010519491231002Y', 'characters'],
    ['99010519491231002X', 'province'],
    ['110105194902300023', 'birthDate'],
    ['110105194912310021', 'checkDigit'],
  ])('rejects %j as %s', (id, problem) => {
    expect(parseIdNumber(id)).toEqual({ ok: false, problem });
  });

  it('rejects a birth date after today', () => {
    const first17 = '11010520300101001';
    expect(parseIdNumber(first17 + computeCheckChar(first17), '2026-03-15')).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
