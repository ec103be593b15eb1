// What the county keeps of each line of a package (issue 20): always JSON.stringify of the validated record in its
// current shape. A file whose lines are already exactly that (the exporter's) is kept as its own text without being
// written again; a line that says the same thing another way — spaces, an escape, keys in another order, 1.0 for 1, an
// upgraded older record — is written anew, and so are the other lines of its file.
import { describe, expect, it } from 'vitest';
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/backend/package/keys';
import { buildPackage, sha256 } from '../../electron/backend/package/package';
import { type CentreSnapshot, checkPackage } from '../../electron/backend/services/county/verdict';
import { SECTIONS, SECTION_NAMES, fileOf, readerFor } from '@shared/domain/sync/sections';

const centreKeys = generateSigningKeys();
const countyKeys = generateEncryptionKeys();
const centreCode = '411422101000';
const centres: CentreSnapshot = { [centreCode]: { name: '第一敬老院', publicKey: centreKeys.publicKey, state: 'confirmed' } };
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const centre = { id: uuid(1), centreCode, name: '第一敬老院', creditCode: '52411422MJ0000000X', county: '睢县', township: '城关镇', type: 'township', licensedBeds: 100 };
const beds = [1, 2, 3, 4, 5].map((n) => ({ id: uuid(10 + n), building: '一号楼', room: `10${n}`, floor: 1, label: `${n}`, bedType: 'normal', setting: 'available', occupied: false }));
const grades = [1, 2].map((n) => ({ id: uuid(20 + n), name: `${n}级护理`, rank: n }));
const meal = { id: uuid(31), date: '2026-03-02', meal: 'lunch', residentTotal: 3, counts: { regular: 2, soft: 1 } };
const v1Staff = { id: uuid(41), name: '李护理', role: 'caregiver', certLevel: 'level4', hireDate: '2025-01-01', leftOn: null };

function check(files: Record<string, string>, sectionVersions: Record<string, number> = {}) {
  const all = Object.fromEntries(SECTION_NAMES.map((s) => [fileOf(s), files[fileOf(s)] ?? '']));
  const versions = { ...Object.fromEntries(SECTION_NAMES.map((s) => [s, SECTIONS[s].version])), ...sectionVersions };
  const { bytes } = buildPackage(
    { schemaVersion: 20, sectionVersions: versions, centreCode, countyCode: '411422', period: '2026-03', sequence: 1, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-04-01T00:00:00.000+08:00', appVersion: 'test', files: all },
    { signingPrivateKey: centreKeys.privateKey, countyPublicKey: countyKeys.publicKey },
  );
  const checked = checkPackage(centres, { countyCode: '411422', privateKey: countyKeys.privateKey }, 'test.tcpkg', bytes, sha256(bytes), new Date('2026-04-10T00:00:00Z'));
  if (!checked.ok) throw new Error(`${checked.verdict.message} ${checked.verdict.errors.join('; ')}`);
  return checked;
}
const lines = (records: unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('the text the county keeps of each record', () => {
  it('is the file’s own text when every line is already JSON.stringify of its record', () => {
    const files = { 'centre.jsonl': lines([centre]), 'beds.jsonl': lines(beds), 'grades.jsonl': lines(grades), 'meals.jsonl': lines([meal]) };
    const checked = check(files);
    expect(checked.rows.beds.lines).toBe(files['beds.jsonl'].slice(0, -1));
    expect(checked.rows.grades.lines).toBe(files['grades.jsonl'].slice(0, -1));
    expect(checked.rows.meals.lines).toBe(JSON.stringify(meal));
    expect(checked.rows.beds.ids).toEqual(beds.map((b) => b.id));
    expect(checked.rows.residents).toEqual({ ids: [], lines: '' });
  });

  it('is written anew, as the schema’s output, when a line says the same thing another way', () => {
    const text = JSON.stringify(beds[0]);
    const odd = [
      text.replace('"building":', '"building": '), // a space
      text.replace('"label":"1"', '"label":"\\u0031"'), // an escape
      JSON.stringify(Object.fromEntries(Object.entries(beds[0]).reverse())), // keys in another order
      text.replace('"floor":1', '"floor":1.0'), // a number written another way
      text.replace('"floor":1', '"floor":1e0'),
    ];
    for (const line of odd) {
      const files = { 'centre.jsonl': lines([centre]), 'beds.jsonl': `${lines(beds.slice(1))}${line}\n`, 'grades.jsonl': lines(grades) };
      const checked = check(files);
      const expected = [...beds.slice(1), beds[0]].map((b) => JSON.stringify(SECTIONS.beds.schema.parse(b))).join('\n');
      expect(checked.rows.beds.lines, line).toBe(expected);
      expect(checked.rows.beds.lines, line).not.toContain(line);
      // The other file, all in the exporter's form, is still its own text.
      expect(checked.rows.grades.lines).toBe(files['grades.jsonl'].slice(0, -1));
    }
    // A meal's counts with a key that sorts as an index: JavaScript writes "2" before "soft", not in the file's order.
    const counts = `{"id":"${meal.id}","date":"2026-03-02","meal":"lunch","residentTotal":3,"counts":{"soft":1,"2":2}}`;
    const checked = check({ 'centre.jsonl': lines([centre]), 'meals.jsonl': `${counts}\n` });
    expect(checked.rows.meals.lines).toBe(`{"id":"${meal.id}","date":"2026-03-02","meal":"lunch","residentTotal":3,"counts":{"2":2,"soft":1}}`);
  });

  it('is the upgraded record for an older section version', () => {
    const checked = check({ 'centre.jsonl': lines([centre]), 'staff.jsonl': lines([v1Staff]) }, { staff: 1 });
    expect(readerFor('staff', 1)?.upgrade).not.toBeNull();
    expect(checked.rows.staff.lines).toBe(JSON.stringify({ ...v1Staff, trainedInYear: null, certified: null }));
  });
});
