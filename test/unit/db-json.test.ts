// JSON columns are read through parseJsonColumn: bad data stops with a Chinese message naming the column.
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { Counts, StringList, parseCountsColumn, parseJsonColumn } from '../../electron/backend/db/json';

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('parseJsonColumn', () => {
  it('returns the checked value', () => {
    expect(parseJsonColumn(StringList, '["a","b"]', 'menu_entries.dishes')).toEqual(['a', 'b']);
    expect(parseJsonColumn(Counts, '{"soft":3}', 'meal_services.counts')).toEqual({ soft: 3 });
  });

  it('refuses text that is not JSON, naming the column', () => {
    const error = errorOf(() => parseJsonColumn(StringList, '["a",', 'menu_entries.dishes'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^数据库字段 menu_entries\.dishes 的内容无法读取（不是有效的 JSON）/);
  });

  it('refuses JSON of the wrong shape, naming the column and the place', () => {
    const error = errorOf(() => parseJsonColumn(Counts, '{"soft":"three"}', 'meal_services.counts'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('数据库字段 meal_services.counts 的内容无法读取（soft：');
  });
});

describe('parseCountsColumn', () => {
  it('answers as parseJsonColumn(Counts, …) does, for counts and for every damaged shape', () => {
    const texts = ['{"soft":3,"beds":10}', '{}', '{"_version":3,"a.b":0.5}', '{"soft":"three"}', '[1,2]', 'null', '3', '{"a":null}', '{"a":{"b":1}}', '{"a":1', '"x"'];
    for (const text of texts) {
      const quick = (() => {
        try {
          return { value: parseCountsColumn(text, 'county_figures.figures') };
        } catch (error) {
          return { message: (error as Error).message };
        }
      })();
      const zod = (() => {
        try {
          return { value: parseJsonColumn(Counts, text, 'county_figures.figures') };
        } catch (error) {
          return { message: (error as Error).message };
        }
      })();
      expect(quick, text).toEqual(zod);
    }
  });
});
