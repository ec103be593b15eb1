// GB/T 42195 word for word, through the real dispatcher on a real SQLite file (issue 14 §1): A.2 basic information
// stored and refused by field, 昏迷 ↔ B.3.9 at finalisation, the coma level from the setting, and A.2.14 pre-filled
// only from 跌倒、噎食、走失、自杀、自伤 with the other incidents of the 30 days listed beside them.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/api/settings';
import { ITEMS } from '@shared/domain/assessment/items';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre, snapshotCounts } from '../helpers/centre';

let b: TestBackend;
let residentId: string;
let li: string;
let zhao: string;
beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  ({ id: residentId } = await b.call('residents.admit', { person: person({ ethnicity: '回族' }), admission: admission(bed('101', '1')) }));
  li = (await b.call('staff.save', { name: '李评估', role: 'care_lead', hireDate: '2025-01-01' })).id;
  zhao = (await b.call('staff.save', { name: '赵评估', role: 'nurse', hireDate: '2025-01-01' })).id;
});
afterEach(async () => b.close());

const full = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
const basicInfo = {
  ethnicity: '回族',
  religion: '有',
  religionName: '伊斯兰教',
  education: '小学',
  living: ['养老机构'],
  marital: '丧偶',
  medicalPayment: ['城乡居民基本医疗保险', '医疗救助'],
  incomeSource: ['其他补贴'],
  heightCm: 158,
  weightKg: 44.5,
};
const draft = (over: Record<string, unknown> = {}) => ({
  residentId,
  reason: 'first' as const,
  assessedOn: '2026-03-15',
  answers: full,
  assessor1: { staffId: li, name: '', organisation: '' },
  assessor2: { staffId: zhao, name: '', organisation: '' },
  ...over,
});

describe('A.2 basic information with the assessment', () => {
  it('is stored with the draft and read back; an assessment from before it reads as not recorded', async () => {
    const { id } = await b.call('assessment.saveDraft', draft({ basicInfo }));
    const view = await b.call('assessment.get', { id });
    expect(view.basicInfo).toEqual(basicInfo);
    const old = await b.call('assessment.saveDraft', draft());
    b.database.sqlite.exec(`UPDATE assessments SET basic_info = '{}' WHERE id = '${old.id}'`);
    expect((await b.call('assessment.get', { id: old.id })).basicInfo).toMatchObject({ ethnicity: '', religion: null, living: [], heightCm: null });
  });

  it('refuses an option the standard does not have, or a height in metres, naming the field and writing nothing', async () => {
    const before = snapshotCounts(b);
    expect((await b.raw('assessment.saveDraft', draft({ basicInfo: { ...basicInfo, marital: '同居' } }))).error).toMatchObject({ field: 'basicInfo.marital', message: 'A.2 婚姻状况没有“同居”这一选项' });
    expect((await b.raw('assessment.saveDraft', draft({ basicInfo: { ...basicInfo, heightCm: 1.58 } }))).error).toMatchObject({ field: 'basicInfo.heightCm', message: '身高应在 100 到 220 厘米之间（请按厘米填写，如 160）' });
    expect(snapshotCounts(b)).toEqual(before);
  });
});

describe('昏迷 and B.3.9 at finalisation', () => {
  const finalizeError = async (over: Record<string, unknown>) => {
    const { id } = await b.call('assessment.saveDraft', draft(over));
    return { id, error: (await b.raw('assessment.finalize', { id })).error };
  };

  it('refuses 昏迷 ticked with B.3.9 above 0, B.3.9 = 0 without 昏迷/昏睡, and A.5.11 disagreeing — each with its own message', async () => {
    expect((await finalizeError({ coma: true })).error).toMatchObject({ field: 'answers.B.3.9', message: '勾选了“处于昏迷状态”，B.3.9 意识水平应评为 0 分（昏睡或昏迷）；不是昏迷请取消勾选' });
    expect((await finalizeError({ answers: { ...full, 'B.3.9': 0 } })).error).toMatchObject({ field: 'consciousness', message: 'B.3.9 意识水平评为 0 分：请选择老人是“昏迷”还是“昏睡”' });
    expect((await finalizeError({ answers: { ...full, 'B.3.9': 0 }, consciousness: 'coma' })).error?.message).toBe('B.3.9 选择了“昏迷”，请同时勾选“处于昏迷状态”');
    expect((await finalizeError({ health: { choices: { 'A.5.11': ['有'] }, jointSites: '', other: '' } })).error?.field).toBe('health.A.5.11');
    expect(b.database.sqlite.prepare("SELECT count(*) AS n FROM assessments WHERE status = 'final'").get()).toEqual({ n: 0 });
  });

  it('refuses a 昏迷/昏睡 answer saved without B.3.9 = 0', async () => {
    const before = snapshotCounts(b);
    expect((await b.raw('assessment.saveDraft', draft({ consciousness: 'stupor' }))).error).toMatchObject({ field: 'consciousness', message: '只有 B.3.9 意识水平评为 0 分时才需要回答“昏迷还是昏睡”（现在是2）' });
    expect(snapshotCounts(b)).toEqual(before);
  });

  it('finalises 昏睡 without the level jump, and 昏迷 at the level the setting gives, naming its source', async () => {
    const stupor = await b.call('assessment.saveDraft', draft({ answers: { ...full, 'B.3.9': 0 }, consciousness: 'stupor' }));
    await b.call('assessment.finalize', { id: stupor.id });
    expect(await b.call('assessment.get', { id: stupor.id })).toMatchObject({ consciousness: 'stupor', coma: false, total: 88, finalLevel: 1, levelReasons: [] });

    const comaDraft = { answers: { ...full, 'B.3.9': 0 }, consciousness: 'coma', coma: true, health: { choices: { 'A.5.11': ['有'] }, jointSites: '', other: '' } };
    const four = await b.call('assessment.saveDraft', draft(comaDraft));
    await b.call('assessment.finalize', { id: four.id });
    expect(await b.call('assessment.get', { id: four.id })).toMatchObject({ finalLevel: 4, levelReasons: ['处于昏迷状态，直接评定为完全失能（能力等级变更依据）'] });

    await b.call('settings.update', { ...DEFAULT_SETTINGS, comaLevel: 3 });
    const three = await b.call('assessment.saveDraft', draft(comaDraft));
    await b.call('assessment.finalize', { id: three.id });
    expect(await b.call('assessment.get', { id: three.id })).toMatchObject({ finalLevel: 3, levelReasons: ['处于昏迷状态，直接评定为重度失能（附录 B.3.9 注）'] });
    // What was finalised under the old setting stays as it was frozen.
    expect(await b.call('assessment.get', { id: four.id })).toMatchObject({ finalLevel: 4 });
  });
});

describe('A.2.14 from the incident register', () => {
  const report = (type: string, occurredAt: string, description = '经过') =>
    b.call('incidents.report', {
      requestId: randomUUID(),
      residentId,
      type: type as 'fall',
      occurredAt,
      place: '房间',
      severity: 'minor',
      description,
      actionTaken: '处理',
    });

  it('counts 跌倒/坠床、噎食、走失、自杀、自伤 into their boxes and lists 突发疾病、压疮、烫伤、他伤 beside them, uncounted', async () => {
    await report('fall', '2026-03-01T02:00:00.000Z');
    await report('fall_from_bed', '2026-03-02T02:00:00.000Z');
    await report('choking', '2026-03-03T02:00:00.000Z');
    await report('wandering', '2026-03-04T02:00:00.000Z');
    await report('suicide', '2026-03-05T02:00:00.000Z');
    await report('self_harm', '2026-03-06T02:00:00.000Z');
    await report('sudden_illness', '2026-03-07T02:00:00.000Z', '胸闷，送医');
    await report('pressure_sore', '2026-03-08T02:00:00.000Z');
    await report('scald', '2026-03-09T02:00:00.000Z');
    await report('harm', '2026-03-10T02:00:00.000Z', '被同屋老人推倒');
    const events = await b.call('incidents.riskEvents', { residentId, onDate: '2026-03-15' });
    expect(events.counts).toEqual({ fall: 2, wandering: 1, choking: 1, suicide: 1, selfHarm: 1, other: 0 });
    expect(events.others.map((o) => [o.type, o.occurredAt.slice(0, 10), o.description])).toEqual([
      ['sudden_illness', '2026-03-07', '胸闷，送医'],
      ['pressure_sore', '2026-03-08', '经过'],
      ['scald', '2026-03-09', '经过'],
      ['harm', '2026-03-10', '被同屋老人推倒'],
    ]);
  });

  it('takes the assessment day and the 29 days before it, China time', async () => {
    // 2026-02-14 00:00 China time is the first moment of the 30 days up to 2026-03-15.
    await report('fall', '2026-02-13T15:59:59.000Z'); // 2026-02-13 23:59:59 China: outside
    await report('fall', '2026-02-13T16:00:00.000Z'); // 2026-02-14 00:00 China: inside
    await report('choking', '2026-03-15T01:59:00.000Z'); // the assessment day itself: inside
    expect((await b.call('incidents.riskEvents', { residentId, onDate: '2026-03-15' })).counts).toMatchObject({ fall: 1, choking: 1 });
    // A day earlier the window starts on 2026-02-13 (both falls) and ends before the choking.
    expect((await b.call('incidents.riskEvents', { residentId, onDate: '2026-03-14' })).counts).toMatchObject({ fall: 2, choking: 0 });
  });

  it('stores the six boxes and counts them all into the level rule', async () => {
    // 89 points is 轻度; 自杀 1 + 自伤 1 = 2 events raise it one level.
    const { id } = await b.call('assessment.saveDraft', draft({ answers: { ...full, 'B.4.5': 3 }, riskEvents: { fall: 0, wandering: 0, choking: 0, suicide: 1, selfHarm: 1, other: 0 } }));
    await b.call('assessment.finalize', { id });
    const view = await b.call('assessment.get', { id });
    expect(view.riskEvents).toEqual({ fall: 0, wandering: 0, choking: 0, suicide: 1, selfHarm: 1, other: 0 });
    expect(view).toMatchObject({ preliminaryLevel: 1, finalLevel: 2 });
  });
});
