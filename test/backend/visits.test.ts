// The visits module through the real dispatcher on a real SQLite file: the week's plan by village (high, medium and
// low elders, the 特殊困难 cap, a voided visit not counting), recording phone and home visits with a problem and its
// follow-up in one action, the same form sent twice written once, every refusal writing nothing, follow-ups and special
// reports from open to closed, the overview's figures against a hand count, and who may do what.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { ElderCategory } from '@shared/domain/elders/vocab';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let carer: Session;
let keeper: Session;
let villages: { east: string; west: string };
let serial = 100;

const instant = (date: string, hhmm = '10:00') => chinaInstant(date, hhmm).toISOString();
/** Moves the clock to a China wall-clock time and keeps everyone signed in. */
function at(date: string, hhmm = '10:00') {
  b.clock.set(instant(date, hhmm));
  for (const s of [b.admin, carer, keeper]) s.signIn(s.user!, b.clock.now());
}

async function addElder(name: string, birthDate: string, categories: ElderCategory[], opts: { village?: string; registeredOn?: string; override?: 'high' | 'medium' | 'low' } = {}) {
  serial += 1;
  const { id } = await b.call('elders.save', {
    name,
    idNumber: validIdNumber(birthDate, String(serial)),
    villageId: opts.village ?? villages.east,
    address: `${name}家`,
    phone: '13900000000',
    categories,
    registeredOn: opts.registeredOn ?? '2026-01-05',
  });
  if (opts.override) await b.call('elders.setRisk', { elderId: id, level: opts.override, reason: '本人意愿，村委会评估' });
  return id;
}

const fine = { problem: false, note: '' };
const allFine = (): In<'visits.record'>['findings'] => ({ health: fine, mood: fine, safety: fine, house: fine, daily_care: fine, livelihood: fine, family: fine, needs: fine });
const visit = (elderId: string, kind: 'phone' | 'home' | 'video', visitedAt: string, over: Partial<In<'visits.record'>> = {}): In<'visits.record'> => ({
  requestId: randomUUID(),
  elderId,
  kind,
  visitedAt,
  findings: allFine(),
  ...over,
});
const tables = () => ({ visits: b.count('elder_visits'), followups: b.count('elder_followups'), specials: b.count('elder_special_reports'), helpers: b.count('visit_helpers'), audit: b.count('audit_log') });

beforeEach(async () => {
  b = await openTestBackend();
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  villages = {
    east: (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id,
    west: (await b.call('elders.saveVillage', { name: '西村', cadreName: '李主任', cadrePhone: '13800000002' })).id,
  };
  at('2026-03-18'); // a Wednesday
});
afterEach(async () => b.close());

/**
 * The week of Monday 2026-03-16 (today Wednesday 03-18), defaults 高 7 days at home, 中 30 at home, 低 90 by phone,
 * 特殊困难 at most 30:
 *   A 高 (85, 独居)        last 03-10           due 03-17  overdue
 *   B 高 (85, 空巢)        last 03-09; this week 03-16 home, 03-17 phone   due 03-16  done (the home visit)
 *   C 中 (特困)            last 02-20           due 03-22
 *   D 中 (特困)            last 02-25           due 03-27  not this week
 *   E 低 (70)              never, registered 2025-12-01       due 03-01  overdue, by phone
 *   F 低 by override (留守) last 02-18 phone, capped at 30 days due 03-20 (90 days would be 05-19)
 *   G 低 (低保, no cap)     last 02-18 home; 03-02 phone       not this week
 *   H died 03-01
 *   I 高 (88, 留守), 西村   03-05; 03-12 voided  due 03-12  overdue
 */
async function seedWeek() {
  const e = {
    A: await addElder('张大爷', '1940-05-01', ['living_alone']),
    B: await addElder('李奶奶', '1941-02-02', ['empty_nest']),
    C: await addElder('王大爷', '1950-06-01', ['tekun_dispersed']),
    D: await addElder('赵奶奶', '1952-01-01', ['tekun_dispersed']),
    E: await addElder('孙大爷', '1956-01-01', [], { registeredOn: '2025-12-01' }),
    F: await addElder('周奶奶', '1955-07-07', ['left_behind'], { override: 'low' }),
    G: await addElder('吴大爷', '1955-08-08', ['dibao']),
    H: await addElder('郑大爷', '1945-09-09', []),
    I: await addElder('冯奶奶', '1938-03-03', ['left_behind'], { village: villages.west }),
  };
  await b.call('elders.setStatus', { elderId: e.H, status: 'died', on: '2026-03-01' });
  const seed: [string, 'phone' | 'home', string][] = [
    [e.A, 'home', '2026-03-10'],
    [e.B, 'home', '2026-03-09'],
    [e.B, 'home', '2026-03-16'],
    [e.B, 'phone', '2026-03-17'],
    [e.C, 'home', '2026-02-20'],
    [e.D, 'home', '2026-02-25'],
    [e.F, 'phone', '2026-02-18'],
    [e.G, 'home', '2026-02-18'],
    [e.G, 'phone', '2026-03-02'],
    [e.I, 'home', '2026-03-05'],
  ];
  for (const [elderId, kind, day] of seed) await b.call('visits.record', visit(elderId, kind, instant(day)));
  const { id: wrong } = await b.call('visits.record', visit(e.I, 'home', instant('2026-03-12')));
  await b.call('visits.void', { id: wrong, reason: '记错了老人' }, keeper);
  return e;
}

describe('the week plan', () => {
  it('lists by village the elders due by Sunday: high weekly, medium monthly, low quarterly, 特殊困难 capped at 30 days', async () => {
    const e = await seedWeek();
    const plan = await b.call('visits.plan', { monday: '2026-03-16' }, carer);
    expect(plan.monday).toBe('2026-03-16');
    expect(plan.sunday).toBe('2026-03-22');
    expect(plan.villages.map((v) => [v.village, v.cadreName, v.cadrePhone])).toEqual([
      ['东村', '张书记', '13800000001'],
      ['西村', '李主任', '13800000002'],
    ]);
    const east = plan.villages[0].lines;
    // Overdue first, then by due day.
    expect(east.map((l) => [l.name, l.risk, l.plannedKind, l.dueOn, l.overdue])).toEqual([
      ['孙大爷', 'low', 'phone', '2026-03-01', true],
      ['张大爷', 'high', 'home', '2026-03-17', true],
      ['李奶奶', 'high', 'home', '2026-03-16', false],
      ['周奶奶', 'low', 'phone', '2026-03-20', false],
      ['王大爷', 'medium', 'home', '2026-03-22', false],
    ]);
    expect(east.find((l) => l.elderId === e.A)).toMatchObject({ age: 85, address: '张大爷家', phone: '13900000000', groups: ['living_alone', 'over_80'], lastVisit: { on: '2026-03-10', kind: 'home' }, doneThisWeek: null });
    // Visited twice this week: the home visit the plan asks for is the one shown; the last visit is the one before the week.
    expect(east.find((l) => l.elderId === e.B)).toMatchObject({ lastVisit: { on: '2026-03-09', kind: 'home' }, doneThisWeek: { on: '2026-03-16', kind: 'home' } });
    expect(east.find((l) => l.elderId === e.E)).toMatchObject({ lastVisit: null, age: 70, groups: [] });
    expect(east.find((l) => l.elderId === e.F)).toMatchObject({ groups: ['left_behind'], lastVisit: { on: '2026-02-18', kind: 'phone' } });
    // 赵奶奶 (due 03-27), 吴大爷 (low, no cap: due 05-31) and 郑大爷 (died) are not on it.
    expect(east.map((l) => l.elderId)).not.toContain(e.D);
    expect(east.map((l) => l.elderId)).not.toContain(e.G);
    expect(east.map((l) => l.elderId)).not.toContain(e.H);
    // The voided visit of 03-12 does not count: due a week after 03-05.
    expect(plan.villages[1].lines).toEqual([expect.objectContaining({ name: '冯奶奶', risk: 'high', dueOn: '2026-03-12', overdue: true, lastVisit: { on: '2026-03-05', kind: 'home' } })]);
    expect(plan.totals).toEqual({ planned: 6, done: 1, overdue: 3, home: 4, phone: 2, video: 0 });

    // One village only.
    const west = await b.call('visits.plan', { monday: '2026-03-16', villageId: villages.west }, carer);
    expect(west.villages.map((v) => v.village)).toEqual(['西村']);
    expect(west.totals).toMatchObject({ planned: 1, overdue: 1 });

    // Next week: 张大爷 visited today drops out until his next week is due; 王大爷 is then overdue.
    await b.call('visits.record', visit(e.A, 'home', instant('2026-03-18', '09:00')), carer);
    const next = await b.call('visits.plan', { monday: '2026-03-23' });
    expect(next.villages[0].lines.find((l) => l.elderId === e.A)).toMatchObject({ dueOn: '2026-03-25', lastVisit: { on: '2026-03-18', kind: 'home' }, overdue: false });
    expect(next.villages[0].lines.map((l) => l.elderId)).toContain(e.D);
  });

  it('takes the 特殊困难 cap from the settings, and refuses a week that does not start on Monday', async () => {
    const f = await addElder('周奶奶', '1955-07-07', ['left_behind'], { override: 'low', registeredOn: '2026-03-02' });
    const plain = await addElder('钱大爷', '1955-07-07', [], { override: 'low', registeredOn: '2026-03-02' });
    expect((await b.call('visits.plan', { monday: '2026-03-16' })).villages).toEqual([]); // 周奶奶 due 04-01 (30 days), 钱大爷 05-31
    expect((await b.call('visits.plan', { monday: '2026-03-30' })).villages[0].lines.map((l) => [l.elderId, l.dueOn])).toEqual([[f, '2026-04-01']]);
    const settings = await b.call('elders.settings', {});
    await b.call('elders.saveSettings', { ...settings, hardshipMaxDays: 14 });
    const plan = await b.call('visits.plan', { monday: '2026-03-16' });
    expect(plan.villages[0].lines.map((l) => [l.elderId, l.dueOn])).toEqual([[f, '2026-03-16']]);
    expect(plan.villages[0].lines.map((l) => l.elderId)).not.toContain(plain);

    expect((await b.raw('visits.plan', { monday: '2026-03-17' })).error).toMatchObject({ code: 'INVALID_INPUT', field: 'monday', message: '计划周应从星期一开始，请选择一个星期一' });
    expect((await b.raw('visits.plan', { monday: '2026-02-30' })).error?.message).toBe('计划周的星期一不是有效日期（格式：年-月-日，如 2026-01-31）');
  });
});

describe('recording a visit', () => {
  let elder: string;
  let cadre: string;
  beforeEach(async () => {
    elder = await addElder('张大爷', '1940-05-01', ['living_alone'], { registeredOn: '2026-02-01' });
    cadre = (await b.call('visits.saveHelper', { name: '张书记', kind: 'village_cadre', phone: '13800000001', villageId: villages.east }, keeper)).id;
  });

  it('records a phone call by the caregiver signed in, and a home visit with a 村干部, a problem and its follow-up in one action', async () => {
    const before = tables();
    const { id: call } = await b.call('visits.record', visit(elder, 'phone', instant('2026-03-18', '09:30'), { notes: '电话问候，身体还好' }), carer);
    expect(tables()).toEqual({ ...before, visits: before.visits + 1, audit: before.audit + 1 });

    const staff = (await b.call('staff.save', { name: '社工小陈', role: 'social_worker', hireDate: '2025-01-01' })).id;
    before.audit += 1;
    const findings = { ...allFine(), safety: { problem: true, note: '电线老化，插座发烫' }, daily_care: { problem: true, note: '做饭困难' } };
    const home = visit(elder, 'home', '2026-03-17T23:30:00+08:00', {
      visitorStaffId: staff,
      helperIds: [cadre, cadre],
      findings,
      notes: '入户查看',
      followups: [
        { kind: 'meal_aid', need: '申请助餐送餐', dueOn: '2026-03-25' },
        { kind: 'home_service', need: '请电工检修线路' },
      ],
    });
    const { id: homeId } = await b.call('visits.record', home, carer);
    expect(tables()).toEqual({ ...before, visits: before.visits + 2, followups: before.followups + 2, audit: before.audit + 4 });
    // The same form sent again (a double click, a retry) is written once.
    expect(await b.call('visits.record', home, carer)).toEqual({ id: homeId });
    expect(tables()).toEqual({ ...before, visits: before.visits + 2, followups: before.followups + 2, audit: before.audit + 4 });

    const history = await b.call('visits.ofElder', { elderId: elder }, carer);
    expect(history.map((v) => v.id)).toEqual([call, homeId]); // newest first
    expect(history[0]).toMatchObject({ kind: 'phone', visitedOn: '2026-03-18', visitor: '护理员小王', visitorStaffId: null, recordedBy: '护理员小王', helpers: [], problems: [], followups: [], voided: null });
    // 23:30 China time on the 17th is the 17th, though it is the 17th 15:30 in UTC.
    expect(history[1]).toMatchObject({
      kind: 'home',
      visitedOn: '2026-03-17',
      visitedAt: '2026-03-17T15:30:00.000Z',
      visitor: '社工小陈',
      visitorStaffId: staff,
      helpers: [{ id: cadre, name: '张书记', kind: 'village_cadre' }],
      problems: ['safety', 'daily_care'],
      notes: '入户查看',
    });
    expect(history[1].findings.safety).toEqual({ problem: true, note: '电线老化，插座发烫' });
    // An instant in another offset is dated in China time: 16:30 UTC on the 17th is 00:30 on the 18th.
    const photo = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';
    const { id: late } = await b.call('visits.record', visit(elder, 'video', '2026-03-17T16:30:00Z', { photo }), carer);
    expect((await b.call('visits.ofElder', { elderId: elder })).find((v) => v.id === late)).toMatchObject({ kind: 'video', visitedOn: '2026-03-18', photo });
    expect(history[1].followups.map((f) => [f.kind, f.need, f.openedOn, f.dueOn, f.visitOn, f.closedOn])).toEqual([
      ['meal_aid', '申请助餐送餐', '2026-03-17', '2026-03-25', '2026-03-17', null],
      ['home_service', '请电工检修线路', '2026-03-17', null, '2026-03-17', null],
    ]);
    const audit = b.database.sqlite.prepare("SELECT action, actor FROM audit_log WHERE entity = 'elderVisits' AND entity_id = ?").all(homeId);
    expect(audit).toEqual([{ action: 'record', actor: '护理员小王' }]);
  });

  it('refuses each bad visit with its own sentence and writes nothing', async () => {
    const retired = (await b.call('visits.saveHelper', { name: '老志愿者', kind: 'volunteer', retired: true }, keeper)).id;
    const gone = await addElder('郑大爷', '1945-09-09', [], { registeredOn: '2026-01-05' });
    await b.call('elders.setStatus', { elderId: gone, status: 'moved_away', on: '2026-03-10' });
    const died = await addElder('钱奶奶', '1936-09-09', [], { registeredOn: '2026-01-05' });
    await b.call('elders.setStatus', { elderId: died, status: 'died', on: '2026-03-14' });
    const now = instant('2026-03-18');
    const refused = async (input: In<'visits.record'>) => (await b.raw('visits.record', input, carer)).error;

    const before = tables();
    expect(await refused(visit(randomUUID(), 'phone', now))).toMatchObject({ code: 'NOT_FOUND', message: '农村老人名册中没有这位老人，请刷新后重试' });
    expect(await refused(visit(gone, 'home', instant('2026-03-12')))).toMatchObject({ field: 'elderId', message: '郑大爷已于2026-03-10迁出，不能登记2026-03-12的探访' });
    expect(await refused(visit(gone, 'home', instant('2026-03-10')))).toMatchObject({ message: '郑大爷已于2026-03-10迁出，不能登记2026-03-10的探访' });
    expect(await refused(visit(died, 'phone', instant('2026-03-15')))).toMatchObject({ message: '钱奶奶已于2026-03-14去世，不能登记2026-03-15的探访' });
    expect((await b.raw('visits.openFollowup', { elderId: died, kind: 'civil_affairs', need: '丧葬补助' }, carer)).error?.message).toBe('钱奶奶已于2026-03-14去世，不能登记2026-03-18的转介');
    expect(await refused(visit(elder, 'phone', instant('2026-03-18', '10:06')))).toMatchObject({ field: 'visitedAt', message: '探访时间（2026-03-18 10:06）在将来，不能预先登记' });
    expect(await refused(visit(elder, 'home', instant('2026-01-31', '16:00')))).toMatchObject({ field: 'visitedAt', message: '探访日期（2026-01-31）早于张大爷登记入册的日期（2026-02-01），请核对探访时间' });
    expect(await refused(visit(elder, 'home', now, { findings: { ...allFine(), mood: { problem: true, note: '  ' } } }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'findings.mood.note',
      message: '「精神状态」有问题：请写明是什么问题',
    });
    expect(await refused(visit(elder, 'home', now, { helperIds: [randomUUID()] }))).toMatchObject({ field: 'helperIds', message: '协助人员不在名单中，请刷新后重新选择' });
    expect(await refused(visit(elder, 'home', now, { helperIds: [cadre, retired] }))).toMatchObject({ field: 'helperIds', message: '协助人员“老志愿者”已停用，请另选' });
    expect(await refused(visit(elder, 'home', now, { visitorStaffId: randomUUID() }))).toMatchObject({ field: 'visitorStaffId', message: '探访人不在本院员工名册中，请从名单里选择' });
    expect(await refused(visit(elder, 'home', now, { followups: [{ kind: 'doctor', need: '血压高，去卫生院复查', dueOn: '2026-03-17' }] }))).toMatchObject({
      field: 'followups',
      message: '转介办理期限（2026-03-17）不能早于探访日期（2026-03-18）',
    });
    expect(await refused(visit(elder, 'home', now, { followups: [{ kind: 'doctor', need: '' }] }))).toMatchObject({ field: 'followups.0.need', message: '请填写转介需求' });
    expect(await refused({ ...visit(elder, 'home', now), kind: 'letter' as 'home' })).toMatchObject({ field: 'kind', message: '请选择探访方式' });
    expect(await refused({ ...visit(elder, 'home', now), visitedAt: '2026-03-18 10:00' })).toMatchObject({ field: 'visitedAt', message: '探访时间格式不正确' });
    const { needs: _needs, ...missing } = allFine();
    expect(await refused({ ...visit(elder, 'home', now), findings: missing as In<'visits.record'>['findings'] })).toMatchObject({ field: 'findings.needs', message: '请填写「服务需求」的探访情况' });
    expect(tables()).toEqual(before);

    // Just inside the five minutes a tablet's clock may run fast.
    await b.call('visits.record', visit(elder, 'phone', instant('2026-03-18', '10:04')), carer);
    expect(b.count('elder_visits')).toBe(before.visits + 1);
  });

  it('lets a keeper void a visit once, with a reason; the visit stays, marked, and no longer counts', async () => {
    const { id } = await b.call('visits.record', visit(elder, 'home', instant('2026-03-16')), carer);
    expect((await b.raw('visits.void', { id, reason: '录错' }, carer)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('visits.void', { id, reason: ' ' }, keeper)).error).toMatchObject({ field: 'reason', message: '请填写作废原因' });
    await b.call('visits.void', { id, reason: '录错了日期' }, keeper);
    expect((await b.raw('visits.void', { id, reason: '再作废' }, keeper)).error).toMatchObject({ code: 'CONFLICT', message: '这条探访记录已于2026-03-18 10:00由关爱专干小陈作废' });
    const [row] = await b.call('visits.ofElder', { elderId: elder });
    expect(row.voided).toEqual({ at: instant('2026-03-18'), by: '关爱专干小陈', reason: '录错了日期' });
    expect(b.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'elderVisits' AND entity_id = ? ORDER BY rowid").all(id)).toEqual([{ action: 'record' }, { action: 'void' }]);
    const plan = await b.call('visits.plan', { monday: '2026-03-16' });
    expect(plan.villages[0].lines[0]).toMatchObject({ elderId: elder, lastVisit: null, doneThisWeek: null, dueOn: '2026-02-08', overdue: true });
  });

  it('keeps the helpers list: added, changed, retired; readers see it, only keepers change it', async () => {
    await b.call('visits.saveHelper', { name: '刘会长', kind: 'elder_association' }, keeper);
    expect((await b.call('visits.helpers', {}, carer)).map((h) => [h.name, h.kind, h.village])).toEqual([
      ['刘会长', 'elder_association', null],
      ['张书记', 'village_cadre', '东村'],
    ]);
    await b.call('visits.saveHelper', { id: cadre, name: '张书记', kind: 'village_cadre', phone: '13800000001', villageId: villages.east, retired: true }, keeper);
    expect((await b.call('visits.helpers', {})).map((h) => h.name)).toEqual(['刘会长']);
    expect((await b.call('visits.helpers', { includeRetired: true })).find((h) => h.id === cadre)).toMatchObject({ retired: true, phone: '13800000001' });
    expect(b.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'visitHelpers' AND entity_id = ? ORDER BY rowid").all(cadre)).toEqual([{ action: 'create' }, { action: 'retire' }]);
    expect((await b.raw('visits.saveHelper', { name: '王志愿者', kind: 'volunteer' }, carer)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('visits.saveHelper', { name: '', kind: 'volunteer' }, keeper)).error).toMatchObject({ field: 'name', message: '请填写姓名' });
    expect((await b.raw('visits.saveHelper', { name: '王志愿者', kind: 'friend' as 'volunteer' }, keeper)).error).toMatchObject({ field: 'kind', message: '请选择协助人员类别' });
    expect((await b.raw('visits.saveHelper', { name: '王志愿者', kind: 'volunteer', phone: '123' }, keeper)).error).toMatchObject({ field: 'phone', message: '电话格式不正确（手机11位，或区号-座机号）' });
  });
});

describe('follow-ups and special reports', () => {
  it('tracks a follow-up until a keeper closes it with its result', async () => {
    const elder = await addElder('张大爷', '1940-05-01', ['living_alone'], { registeredOn: '2026-02-01' });
    const { id: visitId } = await b.call('visits.record', visit(elder, 'home', instant('2026-03-10'), { findings: { ...allFine(), needs: { problem: true, note: '想吃热饭' } }, followups: [{ kind: 'meal_aid', need: '助餐送餐', dueOn: '2026-03-15' }] }), carer);
    const { id: own } = await b.call('visits.openFollowup', { elderId: elder, kind: 'doctor', need: '去卫生院复查血压', dueOn: '2026-03-31' }, carer);
    const open = await b.call('visits.followups', { status: 'open' }, carer);
    expect(open.map((f) => [f.elder, f.village, f.kind, f.openedOn, f.dueOn, f.overdue, f.visitOn, f.openedBy])).toEqual([
      ['张大爷', '东村', 'meal_aid', '2026-03-10', '2026-03-15', true, '2026-03-10', '护理员小王'],
      ['张大爷', '东村', 'doctor', '2026-03-18', '2026-03-31', false, null, '护理员小王'],
    ]);
    const [mealAid] = open;
    expect(mealAid.visitId).toBe(visitId);

    const before = tables();
    expect((await b.raw('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-16', result: '' }, keeper)).error).toMatchObject({ field: 'result', message: '关闭转介必须填写处理结果' });
    expect((await b.raw('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-16', result: '   ' }, keeper)).error?.message).toBe('关闭转介必须填写处理结果');
    expect((await b.raw('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-09', result: '已纳入助餐' }, keeper)).error).toMatchObject({ field: 'closedOn', message: '结案日期（2026-03-09）不能早于转介日期（2026-03-10）' });
    expect((await b.raw('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-19', result: '已纳入助餐' }, keeper)).error).toMatchObject({ field: 'closedOn', message: '结案日期（2026-03-19）不能晚于今天' });
    expect((await b.raw('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-16', result: '已纳入助餐' }, carer)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('visits.openFollowup', { elderId: elder, kind: 'doctor', need: '复查', dueOn: '2026-03-17' }, carer)).error).toMatchObject({ field: 'dueOn', message: '转介办理期限（2026-03-17）不能早于今天' });
    expect((await b.raw('visits.openFollowup', { elderId: elder, visitId: randomUUID(), kind: 'doctor', need: '复查' }, carer)).error).toMatchObject({ field: 'visitId', message: '这条探访记录不是张大爷的，请刷新后重试' });
    expect(tables()).toEqual(before);

    await b.call('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-16', result: '已纳入助餐，每天送午餐' }, keeper);
    expect((await b.raw('visits.closeFollowup', { id: mealAid.id, closedOn: '2026-03-17', result: '再结一次' }, keeper)).error).toMatchObject({ code: 'CONFLICT', message: '这条转介已于2026-03-16由关爱专干小陈结案' });
    expect((await b.call('visits.followups', { status: 'open' })).map((f) => f.id)).toEqual([own]);
    const all = await b.call('visits.followups', { status: 'all', villageId: villages.east });
    expect(all.map((f) => f.id)).toEqual([own, mealAid.id]);
    expect(all[1]).toMatchObject({ closedOn: '2026-03-16', closedBy: '关爱专干小陈', result: '已纳入助餐，每天送午餐', overdue: false });
    expect(await b.call('visits.followups', { status: 'all', villageId: villages.west })).toEqual([]);
    const [withFollowup] = await b.call('visits.ofElder', { elderId: elder });
    expect(withFollowup.followups.map((f) => f.result)).toEqual(['已纳入助餐，每天送午餐']);
  });

  it('keeps a special-situation report open (on the overview) until a keeper closes it with the outcome', async () => {
    const elder = await addElder('冯奶奶', '1938-03-03', ['left_behind'], { village: villages.west });
    const report = { elderId: elder, foundAt: instant('2026-03-18', '08:10'), situation: '摔倒在家中，无法起身', actions: '拨打120送卫生院，联系其儿子', reportedTo: '乡镇民政办 李主任', reportedAt: instant('2026-03-18', '08:40') };
    const before = tables();
    expect((await b.raw('visits.reportSpecial', { ...report, foundAt: instant('2026-03-18', '10:30') }, carer)).error).toMatchObject({ field: 'foundAt', message: '发现时间（2026-03-18 10:30）在将来，不能预先登记' });
    expect((await b.raw('visits.reportSpecial', { ...report, reportedAt: instant('2026-03-18', '08:00') }, carer)).error).toMatchObject({ field: 'reportedAt', message: '报告时间（2026-03-18 08:00）不能早于发现时间（2026-03-18 08:10）' });
    expect((await b.raw('visits.reportSpecial', { ...report, actions: '' }, carer)).error).toMatchObject({ field: 'actions', message: '请填写采取的措施' });
    expect((await b.raw('visits.reportSpecial', { ...report, elderId: randomUUID() }, carer)).error?.code).toBe('NOT_FOUND');
    expect(tables()).toEqual(before);

    const { id } = await b.call('visits.reportSpecial', report, carer);
    expect(await b.call('visits.specialReports', {}, carer)).toEqual([
      { id, elder: '冯奶奶', villageId: villages.west, village: '西村', ...report, reportedBy: '护理员小王', closedAt: null, closedBy: null, outcome: null },
    ]);
    expect((await b.call('visits.overview', {})).openSpecialReports).toEqual([{ id, elderId: elder, elder: '冯奶奶', village: '西村', foundAt: report.foundAt, situation: '摔倒在家中，无法起身' }]);

    expect((await b.raw('visits.closeSpecial', { id, outcome: '' }, keeper)).error).toMatchObject({ field: 'outcome', message: '请填写处理结果' });
    expect((await b.raw('visits.closeSpecial', { id, outcome: '已出院' }, carer)).error?.code).toBe('FORBIDDEN');
    at('2026-03-20', '15:00');
    await b.call('visits.closeSpecial', { id, outcome: '住院三天后出院，儿子回家照顾一周' }, keeper);
    expect((await b.raw('visits.closeSpecial', { id, outcome: '再结' }, keeper)).error).toMatchObject({ code: 'CONFLICT', message: '这份报告已于2026-03-20 15:00由关爱专干小陈结案' });
    expect(await b.call('visits.specialReports', { status: 'open' })).toEqual([]);
    expect((await b.call('visits.specialReports', { status: 'all' }))[0]).toMatchObject({ closedAt: instant('2026-03-20', '15:00'), closedBy: '关爱专干小陈', outcome: '住院三天后出院，儿子回家照顾一周' });
    expect((await b.call('visits.overview', {})).openSpecialReports).toEqual([]);
    expect(b.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'elderSpecialReports' ORDER BY rowid").all()).toEqual([{ action: 'report' }, { action: 'close' }]);
  });
});

describe('overview', () => {
  it('counts overdue elders by village, open follow-ups and the month visit rate, with and without calls', async () => {
    const e = await seedWeek();
    await b.call('visits.record', visit(e.C, 'video', instant('2026-03-03')), carer); // a video call counts as visited, not at home
    await b.call('visits.openFollowup', { elderId: e.C, kind: 'doctor', need: '复查' }, carer);
    const { id: closed } = await b.call('visits.openFollowup', { elderId: e.D, kind: 'other', need: '修屋顶' }, carer);
    await b.call('visits.closeFollowup', { id: closed, closedOn: '2026-03-18', result: '村里已修好' }, keeper);

    // Today (03-18), at home: A–G in 东村, I in 西村 (H died 03-01). Overdue: A (due 03-17), E (03-01), I (03-12).
    // March to date: visited A, B, C (video), G (phone), I (its voided visit aside) = 5 of 8; at home: A, B, I = 3 of 8.
    expect(await b.call('visits.overview', {}, carer)).toEqual({
      overdue: 3,
      overdueByVillage: [
        { villageId: villages.east, village: '东村', overdue: 2, atHome: 7 },
        { villageId: villages.west, village: '西村', overdue: 1, atHome: 1 },
      ],
      openFollowups: 1,
      openSpecialReports: [],
      month: { month: '2026-03', eldersAtHome: 8, visited: 5, visitedHome: 3, rate: 0.625, rateHomeOnly: 0.375, callsCountForRate: false },
    });
    // February: H was still at home (9); visited C, D, F (phone), G = 4; at home C, D, G = 3.
    expect((await b.call('visits.overview', { month: '2026-02' })).month).toEqual({ month: '2026-02', eldersAtHome: 9, visited: 4, visitedHome: 3, rate: 4 / 9, rateHomeOnly: 3 / 9, callsCountForRate: false });
    // December: only E was registered, never visited.
    expect((await b.call('visits.overview', { month: '2025-12' })).month).toMatchObject({ eldersAtHome: 1, visited: 0, rate: 0 });
    expect((await b.call('visits.overview', { month: '2025-11' })).month).toMatchObject({ eldersAtHome: 0, rate: null, rateHomeOnly: null });
    expect((await b.raw('visits.overview', { month: '2026-04' })).error).toMatchObject({ field: 'month', message: '2026-04还没到，不能统计探访率' });
    expect((await b.raw('visits.overview', { month: '2026-4' })).error).toMatchObject({ field: 'month', message: '月份格式应为 年-月，如 2026-03' });

    // Visiting 张大爷 today takes him off the overdue list.
    await b.call('visits.record', visit(e.A, 'phone', instant('2026-03-18', '09:00')), carer);
    expect((await b.call('visits.overview', {})).overdueByVillage[0]).toMatchObject({ overdue: 1, atHome: 7 });
  });
});

describe('roles', () => {
  it('refuses the kitchen everything, and caregivers the keepers\' methods', async () => {
    const elder = await addElder('张大爷', '1940-05-01', ['living_alone']);
    const { session: kitchen } = await b.signInAs('kitchen', '厨房老李');
    const before = tables();
    for (const [method, input] of [
      ['visits.plan', { monday: '2026-03-16' }],
      ['visits.record', visit(elder, 'phone', instant('2026-03-18'))],
      ['visits.overview', {}],
      ['visits.followups', {}],
      ['visits.specialReports', {}],
      ['visits.ofElder', { elderId: elder }],
      ['visits.helpers', {}],
      ['visits.reportSpecial', { elderId: elder, foundAt: instant('2026-03-18'), situation: '摔倒', actions: '送医', reportedTo: '民政办' }],
    ] as const) {
      expect((await b.raw(method, input as never, kitchen)).error?.code, method).toBe('FORBIDDEN');
    }
    expect((await b.raw('visits.saveHelper', { name: '王志愿者', kind: 'volunteer' }, carer)).error?.code).toBe('FORBIDDEN');
    expect(tables()).toEqual(before);
    // The care lead and the 关爱专干 record visits too.
    const { session: lead } = await b.signInAs('care_lead', '护理组长');
    await b.call('visits.record', visit(elder, 'phone', instant('2026-03-18', '08:00')), lead);
    await b.call('visits.record', visit(elder, 'home', instant('2026-03-18', '09:00')), keeper);
    expect(b.count('elder_visits')).toBe(before.visits + 2);
  });
});
