import { describe, expect, it } from 'vitest';
import { maskPhone } from '@shared/domain/phone';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of an 11-digit mobile', () => {
    expect(maskPhone('13800138001')).toBe('138****8001');
  });
  it('shows only the last 4 digits of a 7-digit landline', () => {
    expect(maskPhone('5123456')).toBe('***3456');
  });
  it('shows only the last 4 digits of an 8-digit landline', () => {
    expect(maskPhone('51234567')).toBe('****4567');
  });
  it('masks a landline with its area code, keeping the code and the last 4 digits', () => {
    expect(maskPhone('0571-88886666')).toBe('057******6666');
    expect(maskPhone('057188886666')).toBe('057*****6666');
  });
  it('never shows more than 4 digits of a short number', () => {
    expect(maskPhone('1234')).toBe('1234');
    expect(maskPhone('')).toBe('');
  });
});
