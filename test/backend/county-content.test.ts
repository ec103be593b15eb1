// A correctly signed package with bad content (issue 15): one package per class — unknown fields, prototype keys, ids,
// calendar dates, the period by the county's clock, and records that contradict each other — each refused with its
// own Chinese message naming the line, and every table of the county unchanged (canonical dump). The base of the
// corpus is the demo centre's real January, collected by the exporter's own code and accepted as it is.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectMonth } from '../../electron/backend/services/sync/collect';
import { monthRange } from '@shared/domain/sync/period';
import { type PackageInput, buildPackage } from '../../electron/backend/package/package';
import { SECTIONS, SECTION_NAMES, type SectionData, fileOf } from '@shared/domain/sync/sections';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { changesBesidesLogs, storeDump } from '../helpers/canonical-dump';
import { forgeSigned, listed } from '../helpers/forge-package';
import { deflated, rawZip } from '../helpers/raw-zip';
import { linkCentreToCounty } from '../helpers/county-link';

let centre: TestBackend;
let county: TestBackend;
let keys: { signingPrivateKey: string; countyPublicKey: string };
let january: SectionData;
const CENTRE = '411422103000';

beforeAll(async () => {
  centre = await openTestBackend();
  await centre.call('system.loadDemo', {});
  county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  const linked = await linkCentreToCounty(centre, county);
  keys = { signingPrivateKey: linked.centrePrivateKey, countyPublicKey: linked.countyPublicKey };
  january = await collectMonth(centre.holder.deps, '2026-01', new Date(monthRange('2026-01').toInstant));
}, 120_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

const uuid = () => crypto.randomUUID();
const textOf = (records: readonly unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

function inputFor(data: SectionData, manifest: Partial<PackageInput> = {}): PackageInput {
  return {
    schemaVersion: 20,
    sectionVersions: Object.fromEntries(SECTION_NAMES.map((s) => [s, SECTIONS[s].version])),
    centreCode: CENTRE,
    countyCode: '411422',
    period: '2026-01',
    sequence: 1,
    correction: 0,
    correctionReason: '',
    previousHash: '',
    createdAt: '2026-02-01T01:00:00.000Z',
    appVersion: 'test',
    files: Object.fromEntries(SECTION_NAMES.map((s) => [fileOf(s), textOf(data[s])])),
    ...manifest,
  };
}

/** January with `edit` applied to a copy of its records (and `lines` to the finished file texts), signed by the centre. */
function january2(edit: (data: SectionData) => void = () => {}, manifest: Partial<PackageInput> = {}, lines: (files: Record<string, string>) => void = () => {}): Uint8Array {
  const data = structuredClone(january);
  edit(data);
  const input = inputFor(data, manifest);
  lines(input.files);
  return buildPackage(input, keys).bytes;
}

async function stage(files: { name: string; bytes: Uint8Array }[]) {
  return county.call('county.stage', { batchId: null, files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })) });
}

async function importAll(files: { name: string; bytes: Uint8Array }[]) {
  const staged = await stage(files);
  const { jobId } = await county.call('county.apply', { batchId: staged.batchId });
  for (let job = await county.call('county.job', { jobId }); ; job = await county.call('county.job', { jobId })) {
    if (job.done) return Object.fromEntries(job.reports.map((r) => [r.fileName, r]));
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first resident in residence at month end with a bed, and a second one. */
function inBed(data: SectionData, n = 0) {
  return data.residents.filter((r) => r.statusAtMonthEnd !== 'discharged' && r.bedId)[n];
}

describe('the base of the corpus', () => {
  it("is the demo centre's real January, which the county accepts as it is (a dry run)", async () => {
    expect(january.residents.length).toBeGreaterThan(20);
    expect(january.incidents.length).toBeGreaterThan(0);
    expect(january.elders.length).toBeGreaterThan(100);
    expect(january.villages.length).toBe(4);
    const preview = await stage([{ name: 'good.tcpkg', bytes: january2() }]);
    expect(preview.items[0]).toMatchObject({ outcome: 'accepted', errors: [] });
  });

  it('takes an assessment of someone not yet on the list (assessed before admission) with a warning naming it', async () => {
    const applicant = uuid();
    const bytes = january2((d) => d.assessments.push({ ...d.assessments[0], id: uuid(), residentId: applicant }));
    const preview = await stage([{ name: 'applicant.tcpkg', bytes }]);
    expect(preview.items[0].outcome).toBe('accepted');
    expect(preview.items[0].warnings.join()).toContain(`老人 ${applicant} 不在「residents.jsonl」里（可能是入住前的评估）`);
  });
});

describe('bad content, correctly signed: each refused with its own message, every county table unchanged', () => {
  it('refuses each class by name and writes nothing but the reports', async () => {
    const blob = crypto.randomBytes(1.5 * 1024 * 1024).toString('hex'); // 3 MB that does not compress away
    const fullId = '110105194912310021';
    const stranger = uuid();
    const cases: Array<{ name: string; bytes: () => Uint8Array; message: string | RegExp; error?: string | RegExp }> = [
      { name: 'blob', bytes: () => january2((d) => Object.assign(d.residents[0], { blob })), message: /数据内容有 1 处错误/, error: '「residents.jsonl」第 1 行：有格式里没有的字段「blob」' },
      { name: 'id-number', bytes: () => january2((d) => Object.assign(d.staff[0], { idNumber: fullId })), message: /数据内容有 1 处错误/, error: '「staff.jsonl」第 1 行：有格式里没有的字段「idNumber」' },
      {
        name: 'proto',
        bytes: () => january2(undefined, undefined, (f) => (f['residents.jsonl'] = f['residents.jsonl'].replace(/^\{/, '{"__proto__":{"isAdmin":true},'))),
        message: /数据内容有 1 处错误/,
        error: '「residents.jsonl」第 1 行：字段名「__proto__」不允许出现在数据里',
      },
      {
        // Spelled with an escape, on the second line: the search of the whole file for names and escapes finds it.
        name: 'escaped-proto',
        bytes: () => january2(undefined, undefined, (f) => (f['residents.jsonl'] = f['residents.jsonl'].replace('\n{', '\n{"\\u005f_proto__":{"isAdmin":true},'))),
        message: /数据内容有 1 处错误/,
        error: '「residents.jsonl」第 2 行：字段名「__proto__」不允许出现在数据里',
      },
      { name: 'constructor', bytes: () => january2(undefined, undefined, (f) => (f['staff.jsonl'] = f['staff.jsonl'].replace(/^\{/, '{"constructor":{"name":"x"},'))), message: /数据内容有 1 处错误/, error: '「staff.jsonl」第 1 行：字段名「constructor」不允许出现在数据里' },
      { name: 'not-uuid', bytes: () => january2((d) => (d.residents[0].id = 'r1')), message: /数据内容有 1 处错误/, error: '「residents.jsonl」第 1 行：字段「id」不是 UUID 编号' },
      {
        name: 'dates',
        bytes: () =>
          january2((d) => {
            d.residents[0].birthDate = '1940-13-01';
            d.residents[1].admittedOn = '2020-02-30';
            d.incidents[0].occurredAt = '9999-01-01T00:00:00.000Z';
          }),
        message: /数据内容有 3 处错误/,
        error: /「residents\.jsonl」第 1 行：字段「birthDate」不是 1900–2100 年之间真实的日期/,
      },
      { name: 'not-ended', bytes: () => january2(undefined, { period: '2026-03', createdAt: '2026-03-14T00:00:00.000Z' }), message: '2026-03 还没有结束（本县电脑的日期是 2026-03-15），不能导入这个月的月报。请核对该院电脑的日期，月末之后再导出' },
      { name: 'future', bytes: () => january2(undefined, { period: '2027-01', createdAt: '2027-02-01T00:00:00.000Z' }), message: /^2027-01 还没有结束/ },
      { name: 'early', bytes: () => january2(undefined, { createdAt: '2026-01-20T00:00:00.000Z' }), message: '这个数据包生成于 2026-01-20，2026-01 还没有结束，不是完整的月报，未导入' },
      {
        name: 'bed-twice',
        bytes: () =>
          january2((d) => {
            const [a, b] = [inBed(d, 0), inBed(d, 1)];
            d.beds.find((x) => x.id === b.bedId)!.occupied = false;
            b.bedId = a.bedId;
          }),
        message: /^数据前后矛盾，有 1 处/,
        error: new RegExp(`床位 .+ 月末有 2 位老人：${inBedName(0)}、${inBedName(1)}|床位 .+ 月末有 2 位老人：${inBedName(1)}、${inBedName(0)}`),
      },
      { name: 'no-such-bed', bytes: () => january2((d) => (inBed(d).bedId = stranger)), message: /^数据前后矛盾/, error: new RegExp(`（${inBedName(0)}）：床位 ${stranger} 不在「beds\\.jsonl」里`) },
      { name: 'no-such-resident', bytes: () => january2((d) => (d.incidents[0].residentId = stranger)), message: /^数据前后矛盾，有 1 处/, error: `「incidents.jsonl」第 1 行：老人 ${stranger} 不在「residents.jsonl」里` },
      {
        name: 'discharge-first',
        bytes: () =>
          january2((d) => {
            const r = inBed(d);
            d.beds.find((x) => x.id === r.bedId)!.occupied = false;
            Object.assign(r, { dischargedOn: '2019-01-01', admittedOn: '2020-01-01', statusAtMonthEnd: 'discharged', bedId: null, dischargeReason: 'death' });
          }),
        message: /^数据前后矛盾，有 1 处/,
        error: new RegExp(`（${inBedName(0)}）：离院日期 2019-01-01 早于入住日期 2020-01-01`),
      },
      { name: 'age', bytes: () => january2((d) => (d.residents[0].ageAtMonthEnd += 5)), message: /^数据前后矛盾，有 1 处/, error: /「residents\.jsonl」第 1 行（.+）：月末年龄写的是 \d+ 岁，按出生日期 \d{4}-\d{2}-\d{2} 应为 \d+ 岁/ },
      { name: 'fire-day', bytes: () => january2((d) => (d.fire_compliance[5].date = '2026-02-06')), message: /^数据前后矛盾/, error: '「fire_compliance.jsonl」第 6 行：日期 2026-02-06 不在 2026-01（2026-01-01 至 2026-01-31） 内' },
      {
        name: 'care-day',
        bytes: () => january2((d) => d.care_days.push({ id: uuid(), residentId: d.residents[0].id, date: '2025-12-31', entries: 2, tasks: 1, vitals: 1, rounds: 0, amendments: 0 })),
        message: /^数据前后矛盾/,
        error: /「care_days\.jsonl」第 \d+ 行（.+）：护理日期 2025-12-31 不在 2026-01（2026-01-01 至 2026-01-31） 内/,
      },
      // The village register (format 3): its elders, their villages and their visits must fit together.
      { name: 'elder-village', bytes: () => january2((d) => (d.elders[0].villageId = stranger)), message: /^数据前后矛盾，有 1 处/, error: `「elders.jsonl」第 1 行：村 ${stranger} 不在「villages.jsonl」里` },
      {
        name: 'visit-stranger',
        bytes: () => january2((d) => d.visits.push({ id: uuid(), elderId: stranger, kind: 'phone', visitedOn: '2026-01-20', problems: 0, voided: false })),
        message: /^数据前后矛盾，有 1 处/,
        error: new RegExp(`「visits\\.jsonl」第 \\d+ 行：老人 ${stranger} 不在「elders\\.jsonl」里`),
      },
      {
        name: 'visit-after-death',
        bytes: () =>
          january2((d) => {
            Object.assign(d.elders[0], { statusAtMonthEnd: 'died', statusOn: '2026-01-10' });
            d.visits.push({ id: uuid(), elderId: d.elders[0].id, kind: 'home', visitedOn: '2026-01-20', problems: 0, voided: false });
          }),
        // (and any visit of the demo's own to that elder after the 10th)
        message: /^数据前后矛盾，有 \d+ 处/,
        error: /「visits\.jsonl」第 \d+ 行：探访日期 2026-01-20 晚于老人去世的日期 2026-01-10/,
      },
      { name: 'occupied-flag', bytes: () => january2((d) => (d.beds.find((b) => b.id === inBed(d).bedId)!.occupied = false)), message: /^数据前后矛盾，有 1 处/, error: /标为空床，与月末住在这张床的老人（.+）不符/ },
    ];
    const files = cases.map((c) => ({ name: `${c.name}.tcpkg`, bytes: c.bytes() }));
    // The manifest's line count against the section: the reader refuses it before any record is read.
    const line = textOf(january.centre);
    const inner = rawZip(SECTION_NAMES.map((s) => deflated(fileOf(s), Buffer.from(s === 'centre' ? line : ''))));
    const miscount = forgeSigned(inputFor(january), keys, inner, SECTION_NAMES.map((s) => (s === 'centre' ? { ...listed('centre.jsonl', line), rows: 2 } : listed(fileOf(s), ''))));
    files.push({ name: 'miscount.tcpkg', bytes: miscount });

    const before = await storeDump(county);
    const reports = await importAll(files);
    for (const c of cases) {
      const report = reports[`${c.name}.tcpkg`];
      expect(report.outcome, c.name).toBe('rejected');
      if (typeof c.message === 'string') expect(report.message, c.name).toBe(c.message);
      else expect(report.message, c.name).toMatch(c.message);
      if (c.error) expect(report.errors.some((e) => (typeof c.error === 'string' ? e === c.error : c.error!.test(e))), `${c.name}: ${report.errors.join(' | ')}`).toBe(true);
    }
    expect(reports['miscount.tcpkg'].message).toContain('「centre.jsonl」应有 2 行，实际 1 行');
    // Each refusal has its own message: no two classes read alike.
    const said = cases.map((c) => `${reports[`${c.name}.tcpkg`].message}|${reports[`${c.name}.tcpkg`].errors[0] ?? ''}`);
    expect(new Set(said).size).toBe(said.length);
    expect(changesBesidesLogs(before, await storeDump(county))).toEqual([]);
    expect(await county.countRows('county_import_reports')).toBe(files.length);
  }, 120_000);

  it('stores the validated record, not the line: key order and spacing of the file do not reach the county', async () => {
    const bytes = january2(undefined, undefined, (f) => {
      // The same records written differently: keys reversed, spaces added.
      for (const name of Object.keys(f)) f[name] = f[name].split('\n').map((l) => (l ? JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(l) as object).reverse()), null, 1).replace(/\n/g, ' ') : l)).join('\n');
    });
    const reports = await importAll([{ name: 'reordered.tcpkg', bytes }]);
    expect(reports['reordered.tcpkg'].outcome).toBe('accepted');
    const rows = await county.query<{ data: string }>("SELECT data FROM county_records WHERE section = 'residents'");
    expect(rows).toHaveLength(january.residents.length);
    const shape = Object.keys(SECTIONS.residents.schema.shape);
    for (const row of rows) {
      expect(row.data).toBe(JSON.stringify(JSON.parse(row.data)));
      expect(Object.keys(JSON.parse(row.data) as object)).toEqual(shape);
    }
  });
});

/** The name of the nth resident in a bed at January's end (for messages), read from the collected month. */
function inBedName(n: number): string {
  return inBed(january, n).name;
}
