// GB 11643-1999 citizen ID number (公民身份号码): checksum, 15→18 conversion, birth date and sex.
// Weights and check characters: ISO 7064 MOD 11-2, see ../shared/reference/domain.md §6.1.
import { isCalendarDate } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type IdNumberProblem =
  | 'empty'
  | 'length'
  | 'characters'
  | 'province'
  | 'birthDate'
  | 'checkDigit';

export interface IdNumberInfo {
  /** Normalised 18-character number, upper-case X. */
  idNumber: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
  convertedFrom15: boolean;
}

export type IdNumberResult = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem };

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号',
  length: '身份证号应为18位（或旧式15位）',
  characters: '身份证号只能包含数字，最后一位可以是 X',
  province: '身份证号前两位不是有效的省份代码',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位不正确，请核对号码',
};

export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Validates an 18-digit (or legacy 15-digit) ID number. `today` bounds the birth date. */
export function parseIdNumber(raw: string, today?: string): IdNumberResult {
  const value = raw.trim().toUpperCase();
  if (value === '') return { ok: false, problem: 'empty' };
  if (value.length !== 18 && value.length !== 15) return { ok: false, problem: 'length' };
  const pattern = value.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/;
  if (!pattern.test(value)) return { ok: false, problem: 'characters' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, problem: 'province' };

  const convertedFrom15 = value.length === 15;
  const first17 = convertedFrom15 ? `${value.slice(0, 6)}19${value.slice(6, 15)}` : value.slice(0, 17);
  const yyyy = Number(first17.slice(6, 10));
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (yyyy < 1880 || !isCalendarDate(birthDate) || (today !== undefined && birthDate > today)) {
    return { ok: false, problem: 'birthDate' };
  }
  const check = computeCheckChar(first17);
  if (!convertedFrom15 && value[17] !== check) return { ok: false, problem: 'checkDigit' };

  const sequenceDigit = Number(first17[16]);
  return {
    ok: true,
    info: {
      idNumber: first17 + check,
      birthDate,
      sex: sequenceDigit % 2 === 1 ? 'male' : 'female',
      convertedFrom15,
    },
  };
}

/** `3201**********1234`: first four and last four characters visible. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 8) + idNumber.slice(-4);
}
