// The price class of an elder: 特困 before 低保 before 失能 before 高龄, else 其他老人.
import { describe, expect, it } from 'vitest';
import { priceClassOf } from '@shared/domain/homecare/price-class';

describe('priceClassOf', () => {
  it('takes the first class the elder is in', () => {
    expect(priceClassOf(['dibao', 'tekun_dispersed'], 70)).toBe('tekun_dispersed');
    expect(priceClassOf(['left_behind', 'dibao'], 85)).toBe('dibao');
    expect(priceClassOf(['severe_disability'], 85)).toBe('disabled');
    expect(priceClassOf(['disabled'], 60)).toBe('disabled');
    expect(priceClassOf(['living_alone'], 80)).toBe('over_80');
    expect(priceClassOf(['living_alone'], 79)).toBe('ordinary');
    expect(priceClassOf([], 66)).toBe('ordinary');
  });
});
