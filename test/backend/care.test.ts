// A day of care through the real dispatcher on a real SQLite file: the caregiver's shift, records and their refusals,
// corrections, incidents, night rounds, handover and acceptance, and the manager's coverage and ledgers.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { EntryDataInput } from '@shared/api/care';
import type { In } from '@shared/api/contract';
import { ITEMS } from '@shared/domain/assessment/items';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { DAY, SHIFT, careDay } from '../helpers/care-day';
import { admission, person } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let day: Awaited<ReturnType<typeof careDay>>;
beforeEach(async () => {
  b = await openTestBackend(); // 2026-03-15 10:00 China time: the early shift is on
  day = await careDay(b);
});
afterEach(async () => b.close());

const early = () => day.carers.early.session;
/** Moves the clock; everyone signs in again (a jump of hours would otherwise leave every screen idle-locked). */
function travel(iso: string) {
  b.clock.set(iso);
  for (const s of [b.admin, ...Object.values(day.carers).map((c) => c.session)]) s.signIn(s.user!, b.clock.now());
}
const rec = (data: EntryDataInput, extra: Partial<In<'care.record'>> = {}): In<'care.record'> => ({ shiftId: SHIFT.early, shiftDate: DAY, residentId: day.zhang, requestId: randomUUID(), data, ...extra });

describe("the caregiver's shift", () => {
  it('lists the residents of the area with the tasks due this shift', async () => {
    const mine = await b.call('care.myShift', {}, early());
    expect(mine.shift).toMatchObject({ name: '早班', shiftDate: DAY, open: true, areaText: '全院' });
    const zhang = mine.residents.find((r) => r.name === '张三')!;
    // 翻身 at 08, 10, 12, 14 plus vitals once a shift
    expect(zhang).toMatchObject({ tasksDue: 5, tasksRecorded: 0, allDone: false, present: true });
    expect(mine.residents.find((r) => r.name === '李四')).toMatchObject({ tasksDue: 2 });
  });

  it('turns a resident green when every task of the shift is recorded (done, or not done with a reason)', async () => {
    const shift = await b.call('care.residentShift', { shiftId: SHIFT.early, shiftDate: DAY, residentId: day.li }, early());
    expect(shift.tasks.map((t) => t.slot)).toEqual(['2026-03-15 07:00', '2026-03-15 11:30']);
    await b.call('care.record', rec({ kind: 'task', taskId: day.tasks.meals, slot: '2026-03-15 07:00', status: 'done' }, { residentId: day.li }), early());
    const noReason = await b.raw('care.record', rec({ kind: 'task', taskId: day.tasks.meals, slot: '2026-03-15 11:30', status: 'not_done' }, { residentId: day.li }), early());
    expect(noReason.error?.message).toBe('没做的任务请选择原因');
    await b.call('care.record', rec({ kind: 'task', taskId: day.tasks.meals, slot: '2026-03-15 11:30', status: 'not_done', reason: 'refused' }, { residentId: day.li }), early());
    const li = (await b.call('care.myShift', {}, early())).residents.find((r) => r.name === '李四')!;
    expect(li).toMatchObject({ tasksRecorded: 2, allDone: true });
  });

  it('asks to confirm an implausible temperature, then records it once even if the form is sent twice', async () => {
    const hot = rec({ kind: 'vitals', temperature: 45 });
    const refused = await b.raw('care.record', hot, early());
    expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', field: 'confirmedUnusual' });
    expect(refused.error?.message).toContain('体温 45 ℃ 超出常见范围');
    expect(b.count('care_entries')).toBe(0);
    const confirmed = { ...hot, data: { kind: 'vitals' as const, temperature: 45, confirmedUnusual: true } };
    const first = await b.call('care.record', confirmed, early());
    const again = await b.call('care.record', confirmed, early());
    expect(again).toEqual({ id: first.id, repeated: true });
    expect(b.count('care_entries')).toBe(1);
    expect((await b.raw('care.record', rec({ kind: 'vitals', temperature: 50 }), early())).error?.message).toBe('体温不能高于 45 ℃，请核对');
  });

  it('refuses a record for a shift that is not yours, in the future, or for a resident away', async () => {
    const night = await b.raw('care.record', rec({ kind: 'note', text: '好' }, { shiftId: SHIFT.night }), early());
    expect(night.error).toMatchObject({ code: 'FORBIDDEN', message: '这不是您的班（2026-03-15 夜班）：排班表上没有您，不能记录' });
    const notYet = await b.raw('care.record', rec({ kind: 'note', text: '好' }, { shiftId: SHIFT.night }), day.carers.night.session);
    expect(notYet.error?.message).toBe('夜班（23:00–次日07:00）还没开始，不能提前记录');
    const future = await b.raw('care.record', rec({ kind: 'note', text: '好' }, { occurredAt: '2026-03-15T03:00:00.000Z' }), early());
    expect(future.error).toMatchObject({ message: '记录时间不能晚于现在', field: 'occurredAt' });
    await b.call('residents.startLeave', { residentId: day.zhang, kind: 'hospital', startDate: DAY, note: '县医院' });
    const away = await b.raw('care.record', rec({ kind: 'note', text: '好' }), early());
    expect(away.error?.message).toBe('张三目前住院，不在院，不能记录护理');
    expect(b.count('care_entries')).toBe(0);
  });

  it('refuses someone with no roster entry or no staff record', async () => {
    const lead = await b.signInAs('care_lead', '组长');
    expect((await b.raw('care.record', rec({ kind: 'note', text: '好' }), lead.session)).error?.message).toContain('还没有关联员工档案');
    const mine = await b.call('care.myShift', {}, lead.session);
    expect(mine.shift).toBeNull();
    expect(mine.message).toContain('关联员工档案');
  });

  it('records a night round for everyone present, with the exceptions', async () => {
    travel('2026-03-15T17:30:00.000Z'); // 01:30 on the 16th
    const night = day.carers.night.session;
    const round = await b.call('care.round', { shiftId: SHIFT.night, shiftDate: DAY, requestId: randomUUID(), exceptions: [{ residentId: day.li, state: 'awake', note: '说睡不着' }] }, night);
    expect(round).toEqual({ checked: 2, tasksCompleted: 0, repeated: false });
    const mine = await b.call('care.myShift', {}, night);
    expect(mine.rounds).toMatchObject({ count: 1, last: '2026-03-15T17:30:00.000Z', nextDue: '2026-03-15T19:30:00.000Z', overdue: false });
    travel('2026-03-15T19:45:00.000Z');
    expect((await b.call('care.myShift', {}, night)).rounds.overdue).toBe(true);
  });
});

describe('corrections', () => {
  it('closes the shift at handover; a correction is appended with its reason and the original stays', async () => {
    const { id } = await b.call('care.record', rec({ kind: 'vitals', temperature: 37.8 }), early());
    await b.call('handover.submit', { shiftId: SHIFT.early, shiftDate: DAY, requestId: randomUUID(), notes: '', earlyReason: '身体不适，组长同意' }, early());
    const closed = await b.raw('care.record', rec({ kind: 'note', text: '补一句' }), early());
    expect(closed.error?.message).toBe('您已经交班，本班记录已封存；如需修改请用“更正”');
    expect((await b.raw('care.amend', { entryId: id, requestId: randomUUID(), reason: '', data: { kind: 'vitals', temperature: 36.8 } }, early())).error?.message).toBe('请填写更正原因');
    const other = await b.raw('care.amend', { entryId: id, requestId: randomUUID(), reason: '看错了', data: { kind: 'vitals', temperature: 36.8 } }, day.carers.middle.session);
    expect(other.error?.code).toBe('FORBIDDEN');
    const fixed = await b.call('care.amend', { entryId: id, requestId: randomUUID(), reason: '体温计读错了', data: { kind: 'vitals', temperature: 36.8 } }, early());
    const again = await b.raw('care.amend', { entryId: id, requestId: randomUUID(), reason: '再改', data: { kind: 'vitals', temperature: 36.9 } }, early());
    expect(again.error?.message).toBe('这条记录已经更正过，请更正最新的那一条');
    const ledger = await b.call('care.ledger', { kind: 'care', from: DAY, to: DAY });
    const vitals = ledger.rows.filter((r) => r[5] === '生命体征');
    expect(vitals.map((r) => [r[6], r[8]])).toEqual([
      ['体温 37.8 ℃', '已被更正'],
      ['体温 36.8 ℃', '更正（体温计读错了）'],
    ]);
    expect(fixed.repeated).toBe(false);
  });

  it('the database itself refuses to change or delete a care record', async () => {
    await b.call('care.record', rec({ kind: 'note', text: '好' }), early());
    expect(() => b.database.sqlite.prepare("UPDATE care_entries SET data = '{}'").run()).toThrow(/never changed/);
    expect(() => b.database.sqlite.prepare('DELETE FROM care_entries').run()).toThrow(/never deleted/);
  });
});

/** A final ability assessment of 张三 now, as the assessment module records it. */
async function assessNow() {
  const answers = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
  const { id } = await b.call('assessment.saveDraft', { residentId: day.zhang, reason: 'first', assessedOn: DAY, answers, assessor1: { staffId: null, name: '李评估', organisation: '县老年人能力评估中心' }, assessor2: { staffId: null, name: '赵评估', organisation: '县老年人能力评估中心' } });
  await b.call('assessment.finalize', { id });
}

describe('incidents', () => {
  const incident = (extra: Partial<In<'incidents.report'>> = {}): In<'incidents.report'> => ({
    requestId: randomUUID(),
    residentId: day.zhang,
    type: 'fall',
    occurredAt: '2026-03-15T01:30:00.000Z',
    place: '101室床边',
    severity: 'moderate',
    description: '起身时滑倒',
    actionTaken: '扶起，检查无外伤',
    ...extra,
  });

  it('a serious one needs the family told (who and when); nothing is written until it is', async () => {
    const refused = await b.raw('incidents.report', incident({ severity: 'serious' }), early());
    expect(refused.error).toMatchObject({ field: 'familyNotified' });
    expect(refused.error?.message).toContain('必须通知家属');
    const noWho = await b.raw('incidents.report', incident({ severity: 'serious', familyNotified: true, notifiedAt: '2026-03-15T01:40:00.000Z' }), early());
    expect(noWho.error?.message).toBe('请填写通知了哪位家属');
    expect(b.count('incidents')).toBe(0);
    await b.call('incidents.report', incident({ severity: 'serious', familyNotified: true, notifiedWho: '侄子张小明', notifiedAt: '2026-03-15T01:40:00.000Z' }), early());
    expect(b.count('incidents')).toBe(1);
  });

  it('counts into the risk events of 30 days and prompts an immediate assessment', async () => {
    await b.call('incidents.report', incident(), early());
    await b.call('incidents.report', incident({ type: 'choking', occurredAt: '2026-03-15T01:45:00.000Z' }), early());
    expect(await b.call('incidents.riskEvents', { residentId: day.zhang, onDate: DAY })).toEqual({ counts: { fall: 1, wandering: 0, choking: 1, suicide: 0, selfHarm: 0, other: 0 }, others: [] });
    expect(await b.call('incidents.riskEvents', { residentId: day.zhang, onDate: '2026-04-20' })).toEqual({ counts: { fall: 0, wandering: 0, choking: 0, suicide: 0, selfHarm: 0, other: 0 }, others: [] });
    await assessNow();
    travel('2026-03-15T03:00:00.000Z');
    await b.call('incidents.report', incident({ type: 'wandering', occurredAt: '2026-03-15T02:50:00.000Z' }), early());
    const due = (await b.call('assessment.due', {})).find((d) => d.residentId === day.zhang)!;
    expect(due.prompt).toContain('2026-03-15 发生意外事件（走失），需即时评估');
  });

  it('is followed up and closed by the manager only', async () => {
    const { id } = await b.call('incidents.report', incident(), early());
    expect((await b.raw('incidents.close', { id, note: '已处理' }, early())).error?.code).toBe('FORBIDDEN');
    await b.call('incidents.followUp', { id, note: '复查无骨折' });
    await b.call('incidents.close', { id, note: '加装床边扶手' });
    expect((await b.raw('incidents.followUp', { id, note: '再跟进' })).error?.message).toBe('这件意外事件已结案，不能再添加跟进');
    const [row] = await b.call('incidents.list', { status: 'closed' });
    expect(row).toMatchObject({ status: 'closed', closingNote: '加装床边扶手', followUps: [{ note: '复查无骨折', by: '王院长' }] });
    const ledger = await b.call('care.ledger', { kind: 'incidents', from: DAY, to: DAY });
    expect(ledger.rows[0].slice(0, 6)).toEqual(['2026-03-15 09:30', '张三', '一号楼 101室 1床', '跌倒', '101室床边', '一般']);
  });
});

describe('handover', () => {
  it('sums up the shift; the next shift accepts it with its own sign-in; unaccepted ones are flagged', async () => {
    await b.call('incidents.report', { requestId: randomUUID(), residentId: day.zhang, type: 'fall', occurredAt: '2026-03-15T01:30:00.000Z', place: '走廊', severity: 'minor', description: '滑倒', actionTaken: '扶起' }, early());
    await b.call('care.record', rec({ kind: 'task', taskId: day.tasks.turn, slot: '2026-03-15 08:00', status: 'done' }), early());
    await b.call('care.record', rec({ kind: 'note', text: '下午家属来探望' }), early());
    travel('2026-03-15T06:55:00.000Z'); // 14:55
    const { summary: draft, needsReason } = await b.call('handover.draft', { shiftId: SHIFT.early, shiftDate: DAY }, early());
    expect(needsReason).toBe(false); // 5 minutes before the end
    expect(draft.incidents).toEqual(['09:30 张三 跌倒（轻微）：扶起']);
    expect(draft.tasksNotDone).toEqual(expect.arrayContaining(['张三：翻身 10:00 未记录', '张三：测量生命体征 未记录', '李四：协助进食 07:00 未记录']));
    expect(draft.tasksNotDone).not.toContain('张三：翻身 08:00 未记录');
    expect(draft.notes).toEqual(['张三：下午家属来探望']);
    const { id } = await b.call('handover.submit', { shiftId: SHIFT.early, shiftDate: DAY, requestId: randomUUID(), notes: '李四午饭吃得少' }, early());
    expect((await b.raw('handover.accept', { id, note: '' }, early())).error?.message).toBe('不能自己接自己的班，请由下一班的人员登录后接班');
    expect((await b.raw('handover.accept', { id, note: '' }, day.carers.night.session)).error?.code).toBe('FORBIDDEN');
    travel('2026-03-15T07:20:00.000Z'); // 15:20
    expect((await b.call('handover.list', { from: DAY, to: DAY }))[0]).toMatchObject({ flagged: true, acceptedBy: null });
    const pending = await b.call('handover.pending', {}, day.carers.middle.session);
    expect(pending.map((h) => h.id)).toEqual([id]);
    await b.call('handover.accept', { id, note: '收到' }, day.carers.middle.session);
    const [row] = await b.call('handover.list', { from: DAY, to: DAY });
    expect(row).toMatchObject({ acceptedBy: '中班小李', flagged: false, notes: '李四午饭吃得少' });
    expect(() => b.database.sqlite.prepare("UPDATE handovers SET notes = 'x'").run()).toThrow(/fixed once submitted/);
  });
});

describe("the manager's views", () => {
  it('coverage shows the missed tasks and the residents without any record', async () => {
    await b.call('care.record', rec({ kind: 'task', taskId: day.tasks.turn, slot: '2026-03-15 08:00', status: 'done' }), early());
    travel('2026-03-15T07:30:00.000Z'); // 15:30, the early shift is over
    const cov = await b.call('care.coverage', { shiftId: SHIFT.early, shiftDate: DAY });
    expect(cov.caregivers).toEqual([{ name: '早班小王', areaText: '全院', handedOver: false }]);
    const zhang = cov.residents.find((r) => r.name === '张三')!;
    // Codes, not words (issue 16): the slot as the plan has it (the screen shows 10:00 … and 本班).
    expect(zhang.missed.map((m) => `${m.task} ${m.slot}`)).toEqual(['翻身 2026-03-15 10:00', '翻身 2026-03-15 12:00', '翻身 2026-03-15 14:00', '测量生命体征 shift']);
    expect(cov.withoutRecord).toBe(1); // 李四
    expect(cov.missedTasks).toBe(6);
    expect(cov.unassigned).toBe(0);
  });

  it('the timeline carries vitals for the chart and the monthly summary counts per resident', async () => {
    await b.call('care.record', rec({ kind: 'vitals', temperature: 36.5, systolic: 130, diastolic: 80 }), early());
    await b.call('care.record', rec({ kind: 'intake', meal: 'breakfast', amount: 'none', waterMl: 200 }), early());
    const tl = await b.call('care.timeline', { residentId: day.zhang, from: DAY, to: DAY });
    expect(tl.vitals).toEqual([expect.objectContaining({ temperature: 36.5, systolic: 130, diastolic: 80 })]);
    expect(tl.entries.map((e) => e.text)).toEqual(['体温 36.5 ℃，血压 130/80 mmHg', '早餐未进食，饮水 200 毫升']);
    const month = await b.call('care.monthly', { month: '2026-03' });
    expect(month.rows.find((r) => r.name === '张三')).toMatchObject({ records: 2, mealsRefused: 1, temperatureMax: 36.5, systolicMax: 130 });
  });

  it('exports the care ledger to Excel, and the export is audited', async () => {
    await b.call('care.record', rec({ kind: 'note', text: '精神好' }), early());
    const file = await b.call('care.exportLedger', { kind: 'care', from: DAY, to: DAY });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('护理记录台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('测试镇敬老院 护理记录台账（2026-03-15 至 2026-03-15）');
    expect(sheet.getRow(3).getCell(7).value).toBe('精神好');
    expect(b.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND entity = 'careEntries'").get()).toEqual({ n: 1 });
  });
});

describe('staff and roster', () => {
  it('lists expiring certificates and refuses to roster someone who left', async () => {
    const { id } = await b.call('staff.save', { name: '老周', role: 'caregiver', hireDate: '2020-01-01', certLevel: 'level4', certExpiry: '2026-04-01', healthCertExpiry: '2026-03-01' });
    expect((await b.call('staff.expiring', {})).filter((e) => e.name === '老周')).toEqual([
      { staffId: id, name: '老周', what: 'health', expiresOn: '2026-03-01', expired: true },
      { staffId: id, name: '老周', what: 'cert', expiresOn: '2026-04-01', expired: false },
    ]);
    await b.call('staff.save', { id, name: '老周', role: 'caregiver', hireDate: '2020-01-01', leftOn: '2026-03-10' });
    const refused = await b.raw('roster.assign', { staffId: id, date: DAY, shifts: [{ shiftId: SHIFT.early, area: [] }] });
    expect(refused.error?.message).toBe('老周已于 2026-03-10 离职，不能排班');
  });

  it('an account links to one person only', async () => {
    const refused = await b.raw('staff.save', { name: '冒名', role: 'caregiver', hireDate: '2025-01-01', userId: day.carers.early.userId });
    expect(refused.error).toMatchObject({ field: 'userId', message: '账号「早班小王」已关联到另一位员工' });
  });

  it('warns about hours with no caregiver and copies last week', async () => {
    const week = await b.call('roster.week', { monday: '2026-03-09' });
    // The 15th has three shifts, but nobody worked the night of the 14th into the 15th.
    expect(week.gaps.find((g) => g.date === DAY)?.hours).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(week.gaps.find((g) => g.date === '2026-03-14')?.hours).toHaveLength(24);
    expect(week.staff.find((s) => s.name === '早班小王')?.cells[DAY]).toEqual([expect.objectContaining({ shiftId: SHIFT.early, areaText: '全院' })]);
    expect(await b.call('roster.copyWeek', { monday: '2026-03-16' })).toEqual({ copied: 3, skipped: 0 });
    expect(await b.call('roster.copyWeek', { monday: '2026-03-16' })).toEqual({ copied: 0, skipped: 3 });
    expect((await b.raw('roster.week', { monday: '2026-03-17' })).error?.message).toBe('请从星期一开始选择一周');
  });

  it('the lock screen lists who is rostered now', async () => {
    const status = await b.call('auth.status', {});
    expect(status).toMatchObject({ onShift: ['早班小王'], onShiftFromRoster: true });
  });
});

describe('the night round (issue 13)', () => {
  const night = () => day.carers.night.session;
  const roundAt = async (iso: string, exceptions: In<'care.round'>['exceptions'] = []) => {
    travel(iso);
    return b.call('care.round', { shiftId: SHIFT.night, shiftDate: DAY, requestId: randomUUID(), exceptions }, night());
  };
  async function roundTasks() {
    const patrol = await b.call('careplan.saveTask', { residentId: day.zhang, task: '夜间巡视', frequency: { kind: 'each_shift' }, active: true, note: '', completesOnRound: true });
    const rails = await b.call('careplan.saveTask', { residentId: day.li, task: '检查床栏是否拉起', frequency: { kind: 'each_shift' }, active: true, note: '', completesOnRound: true });
    return { patrol: patrol.id, rails: rails.id };
  }

  it('completes the round-type tasks of everyone it covers, in the same write, audited as coming from the round', async () => {
    const ids = await roundTasks();
    const requestId = randomUUID();
    travel('2026-03-15T17:30:00.000Z'); // 01:30
    const round = await b.call('care.round', { shiftId: SHIFT.night, shiftDate: DAY, requestId, exceptions: [] }, night());
    expect(round).toEqual({ checked: 2, tasksCompleted: 2, repeated: false });
    // The same form sent twice writes once and answers the same.
    expect(await b.call('care.round', { shiftId: SHIFT.night, shiftDate: DAY, requestId, exceptions: [] }, night())).toEqual({ checked: 2, tasksCompleted: 2, repeated: true });
    const zhang = await b.call('care.residentShift', { shiftId: SHIFT.night, shiftDate: DAY, residentId: day.zhang }, night());
    expect(zhang.tasks.find((t) => t.taskId === ids.patrol)).toMatchObject({ status: 'done', fromRound: true, completesOnRound: true, recordedBy: '夜班老赵' });
    // 翻身 is not a round task: the round leaves it alone.
    expect(zhang.tasks.filter((t) => t.task === '翻身').every((t) => t.status === 'pending')).toBe(true);
    expect(zhang.entries.map((e) => e.text)).toContain('夜间巡视：已完成（查房时完成）');
    const audit = b.database.sqlite.prepare("SELECT after FROM audit_log WHERE action = 'record' AND entity = 'careEntries'").all() as { after: string }[];
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => JSON.parse(a.after) as { source: string; round: string })).toEqual([
      expect.objectContaining({ source: '查房时完成', round: requestId }),
      expect.objectContaining({ source: '查房时完成', round: requestId }),
    ]);
    // A second round of the night finds those tasks done already.
    expect(await roundAt('2026-03-15T19:30:00.000Z')).toMatchObject({ checked: 2, tasksCompleted: 0 });
    expect(b.count('care_entries')).toBe(6); // 2 + 2 rounds, 2 tasks
  });

  it('ticks no round task for someone found out of bed or unwell, and ticks it on a later round that finds them in bed', async () => {
    const ids = await roundTasks();
    // 李 is out of bed: 检查床栏 was not done for her; 张, awake in bed, gets his 夜间巡视.
    expect(await roundAt('2026-03-15T17:30:00.000Z', [{ residentId: day.li, state: 'out_of_bed', note: '去厕所' }, { residentId: day.zhang, state: 'awake', note: '' }])).toMatchObject({ checked: 2, tasksCompleted: 1 });
    const li = await b.call('care.residentShift', { shiftId: SHIFT.night, shiftDate: DAY, residentId: day.li }, night());
    expect(li.tasks.find((t) => t.taskId === ids.rails)).toMatchObject({ status: 'pending' });
    // Unwell: the caregiver sees to her separately, the round does not tick her rails either.
    expect(await roundAt('2026-03-15T19:30:00.000Z', [{ residentId: day.li, state: 'abnormal', note: '发热 38.2℃' }])).toMatchObject({ tasksCompleted: 0 });
    expect(await roundAt('2026-03-15T21:30:00.000Z')).toMatchObject({ tasksCompleted: 1 });
    const later = await b.call('care.residentShift', { shiftId: SHIFT.night, shiftDate: DAY, residentId: day.li }, night());
    expect(later.tasks.find((t) => t.taskId === ids.rails)).toMatchObject({ status: 'done', fromRound: true });
  });

  it('a round of 20 residents completes their 60 round tasks in one tap', async () => {
    const buildingId = (await b.call('facility.bedMap', {})).rooms[0].buildingId;
    for (let room = 0; room < 9; room += 1) await b.call('facility.addRoom', { buildingId, floor: 2, name: `2${String(room).padStart(2, '0')}`, bedCount: 2, bedType: 'normal' });
    const free = (await b.call('facility.bedMap', {})).rooms.flatMap((r) => r.beds).filter((x) => !x.residentId).map((x) => x.id);
    for (let i = 0; i < 18; i += 1) {
      await b.call('residents.admit', { person: person({ name: `老人${i + 1}`, idNumber: validIdNumber('1940-01-01', String(300 + i)) }), admission: admission(free[i]) });
    }
    // Every resident of the night gets three round-type tasks (夜间巡视, 检查床栏, 每班清点).
    travel('2026-03-15T15:30:00.000Z'); // 23:30
    const residents = (await b.call('care.myShift', {}, night())).residents;
    expect(residents).toHaveLength(20);
    for (const r of residents) {
      for (const task of ['夜间巡视', '检查床栏是否拉起', '每班清点，确认老人在院']) {
        await b.call('careplan.saveTask', { residentId: r.residentId, task, frequency: { kind: 'each_shift' }, active: true, note: '', completesOnRound: true });
      }
    }
    const round = await roundAt('2026-03-15T17:30:00.000Z');
    expect(round.tasksCompleted).toBe(residents.length * 3);
    const after = (await b.call('care.myShift', {}, night())).residents;
    expect(after.find((r) => r.name === '李四')).toMatchObject({ state: 'done', allDone: true, tasksRecorded: 3, tasksDue: 3 });
  });

  it('"有异常" needs a short note; nothing is written without one', async () => {
    travel('2026-03-15T17:30:00.000Z');
    const refused = await b.raw('care.round', { shiftId: SHIFT.night, shiftDate: DAY, requestId: randomUUID(), exceptions: [{ residentId: day.li, state: 'abnormal', note: '' }] }, night());
    expect(refused.error?.message).toBe('查房“有异常”请写一句情况说明（如：发热、呼吸急促、床单湿了）');
    expect(b.count('care_entries')).toBe(0);
    await b.call('care.round', { shiftId: SHIFT.night, shiftDate: DAY, requestId: randomUUID(), exceptions: [{ residentId: day.li, state: 'abnormal', note: '发热 38.2℃' }] }, night());
    expect(b.count('care_entries')).toBe(2);
  });

  it('a card with nothing due is not green; a task past its time makes the card red', async () => {
    travel('2026-03-15T17:30:00.000Z'); // 01:30: 张三's 00:00 turn is late; 李四 has no task at night
    const mine = await b.call('care.myShift', {}, night());
    expect(mine.residents.find((r) => r.name === '李四')).toMatchObject({ tasksDue: 0, records: 0, allDone: false, state: 'no_tasks' });
    expect(mine.residents.find((r) => r.name === '张三')).toMatchObject({ state: 'overdue', overdueTasks: 1 });
    const zhang = await b.call('care.residentShift', { shiftId: SHIFT.night, shiftDate: DAY, residentId: day.zhang }, night());
    expect(zhang.tasks.filter((t) => t.overdue).map((t) => t.slot)).toEqual(['2026-03-16 00:00']);
  });
});

describe("the caregiver's resident page (issue 13)", () => {
  it('shows the family contact masked; the full number is revealed on request and every reveal is audited', async () => {
    const view = await b.call('care.residentShift', { shiftId: SHIFT.early, shiftDate: DAY, residentId: day.zhang }, early());
    expect(view.resident.contacts).toEqual([{ index: 0, name: '张小明', relation: '侄子', phoneMasked: '138****8000', isGuardian: true, isEmergency: true }]);
    expect(view.resident).toMatchObject({ photo: null });
    expect(await b.call('care.revealContactPhone', { residentId: day.zhang, index: 0 }, early())).toEqual({ phone: '13800138000' });
    expect((await b.raw('care.revealContactPhone', { residentId: day.zhang, index: 3 }, early())).error?.code).toBe('NOT_FOUND');
    const audit = b.database.sqlite.prepare("SELECT actor, after FROM audit_log WHERE action = 'view_contact_phone'").all() as { actor: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('早班小王');
    expect(JSON.parse(audit[0].after)).toEqual({ resident: '张三', contact: '侄子 张小明' });
  });
});

describe('handover, grouped and on time (issue 13)', () => {
  it('groups by resident with counts, incidents first', async () => {
    await b.call('care.record', rec({ kind: 'note', text: '下午家属来探望' }), early());
    await b.call('incidents.report', { requestId: randomUUID(), residentId: day.li, type: 'fall', occurredAt: '2026-03-15T01:30:00.000Z', place: '102室', severity: 'minor', description: '滑倒', actionTaken: '扶起' }, early());
    travel('2026-03-15T06:30:00.000Z'); // 14:30
    const { summary } = await b.call('handover.draft', { shiftId: SHIFT.early, shiftDate: DAY }, early());
    expect(summary.residents.map((r) => r.name)).toEqual(['李四', '张三']);
    expect(summary.residents[0]).toMatchObject({ incidents: ['09:30 跌倒（轻微），102室：扶起'], unrecorded: ['协助进食 07:00', '协助进食 11:30'] });
    expect(summary.residents[1]).toMatchObject({ notes: ['10:00 下午家属来探望'], unrecorded: ['翻身 08:00', '翻身 10:00', '翻身 12:00', '翻身 14:00', '测量生命体征'] });
    expect(summary.counts).toEqual({ residents: 2, incidents: 1, notDone: 0, unrecorded: 7, tasksDone: 0, away: 0, notes: 1, rounds: 0 });
  });

  it('handing over more than the set minutes before the end asks for a reason, which is kept and audited', async () => {
    const draft = await b.call('handover.draft', { shiftId: SHIFT.early, shiftDate: DAY }, early());
    expect(draft).toMatchObject({ minutesLeft: 300, earlyLimitMinutes: 60, needsReason: true });
    const submit = (earlyReason: string) => b.raw('handover.submit', { shiftId: SHIFT.early, shiftDate: DAY, requestId: randomUUID(), notes: '', earlyReason }, early());
    const refused = await submit('');
    expect(refused.error).toMatchObject({ field: 'earlyReason', message: '离下班还有 300 分钟（超过 60 分钟），提前交班请写明原因' });
    expect(b.count('handovers')).toBe(0);
    expect((await submit('家中有急事，组长同意')).ok).toBe(true);
    const [row] = await b.call('handover.list', { from: DAY, to: DAY });
    expect(row.earlyReason).toBe('家中有急事，组长同意');
    // The printed record: a line per resident, the times of one task together, the reason beside the notes.
    const ledger = await b.call('care.ledger', { kind: 'handover', from: DAY, to: DAY });
    expect(ledger.rows[0][4].split('\n')).toEqual(['意外：无', '张三（一号楼 101室 1床）：没记录 翻身 08:00、10:00，测量生命体征', '李四（一号楼 102室 1床）：没记录 协助进食 07:00']);
    expect(ledger.rows[0][5]).toBe('提前交班：家中有急事，组长同意');
    const audit = b.database.sqlite.prepare("SELECT after FROM audit_log WHERE action = 'hand_over'").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ earlyHandoverReason: '家中有急事，组长同意', minutesLeft: 300 });
    expect(() => b.database.sqlite.prepare("UPDATE handovers SET early_reason = 'x'").run()).toThrow(/fixed once submitted/);
  });

  it('the limit is a setting', async () => {
    const settings = await b.call('settings.get', {});
    await b.call('settings.update', { ...settings, earlyHandoverMinutes: 360 });
    expect((await b.call('handover.draft', { shiftId: SHIFT.early, shiftDate: DAY }, early())).needsReason).toBe(false);
  });
});

describe('incident and record time against the server clock (issue 13)', () => {
  const report = (occurredAt: string) =>
    b.raw('incidents.report', { requestId: randomUUID(), residentId: day.zhang, type: 'fall', occurredAt, place: '101室', severity: 'minor', description: '滑倒', actionTaken: '扶起' }, early());
  it('a device clock a few minutes ahead is not an error; more than 10 minutes ahead is', async () => {
    expect((await report('2026-03-15T02:08:00.000Z')).ok).toBe(true); // server 10:00, the tablet says 10:08
    expect((await report('2026-03-15T02:11:00.000Z')).error).toMatchObject({ field: 'occurredAt', message: '发生时间不能晚于现在' });
  });

  it('a care record allows the same 10 minutes as an incident', async () => {
    const note = (occurredAt: string) => b.raw('care.record', rec({ kind: 'note', text: '精神好' }, { occurredAt }), early());
    expect((await note('2026-03-15T02:08:00.000Z')).ok).toBe(true);
    expect((await note('2026-03-15T02:11:00.000Z')).error).toMatchObject({ field: 'occurredAt', message: '记录时间不能晚于现在' });
  });
});
