// The manager's first day through the real dispatcher on a real SQLite file: the moment the centre started using the
// system is kept, no patrol, meal sample or monthly-package fire gap is "missed" before it, the 第一步 checklist ticks
// itself, and a week's roster is made in a few actions (one person over several days; a whole week from a pattern) —
// one transaction each, audited, and refused with a Chinese message that writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chinaInstant } from '@shared/domain/care/shifts';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { PROFILE } from '../helpers/centre';
import { SHIFT } from '../helpers/care-day';

let b: TestBackend;
// The test clock starts at 2026-03-15 10:00 China time; the centre is set up then.
const STARTED = chinaInstant('2026-03-15', '10:00').toISOString();

function at(date: string, hhmm: string) {
  b.clock.set(chinaInstant(date, hhmm).toISOString());
  b.admin.signIn(b.admin.user!, b.clock.now());
}

beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

describe('the moment the centre was set up', () => {
  it('is kept when the profile is first saved and not moved by later edits', async () => {
    expect(await b.call('facility.get', {})).toBeNull();
    const saved = await b.call('facility.save', PROFILE);
    expect(saved.startedAt).toBe(STARTED);
    at('2026-03-20', '09:00');
    const edited = await b.call('facility.save', { ...PROFILE, phone: '0370-1234567' });
    expect(edited.startedAt).toBe(STARTED);
    const audit = b.database.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'facility' AND action = 'create'").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ startedAt: STARTED });
  });

  it('raises no missed fire patrol for any slot before it', async () => {
    await b.call('facility.save', PROFILE);
    // Nobody patrolled last night or this morning: that was before the centre used the system.
    const now = await b.call('fire.compliance', { month: null });
    expect(now.overdueNow).toBe(false);
    expect(now.lastNight.night).toEqual([]);
    expect(now.today.dayRequired).toBe(0); // today's day span began at 06:00, before 10:00
    // The next morning: only the night after the set-up counts (22:00–06:00, two patrols, none walked).
    at('2026-03-16', '08:00');
    const morning = await b.call('fire.compliance', { month: '2026-03' });
    expect(morning.overdueNow).toBe(true);
    expect(morning.lastNight.nightMissed).toBe(2);
    expect(morning.month).toMatchObject({ dayPatrolsMissed: 0, nightWindowsMissed: 2 });
    expect(morning.month.days.find((d) => d.date === '2026-03-14')).toMatchObject({ dayRequired: 0, dayMissed: false, night: [], nightMissed: 0 });
  });

  it('raises no missing food sample for a meal before it, unless that meal was recorded as served', async () => {
    await b.call('facility.save', PROFILE);
    const kitchen = (await b.signInAs('kitchen', '厨师老刘')).session;
    for (const date of ['2026-03-14', '2026-03-15']) await b.call('meals.saveMenu', { date, meal: 'breakfast', dietType: 'regular', dishes: ['稀饭'] }, kitchen);
    await b.call('meals.saveMenu', { date: '2026-03-15', meal: 'lunch', dietType: 'regular', dishes: ['米饭'] }, kitchen);
    at('2026-03-15', '13:00');
    kitchen.signIn(kitchen.user!, b.clock.now());
    const warnings = await b.call('meals.sampleWarnings', { from: '2026-03-14', to: '2026-03-15' }, kitchen);
    // Breakfasts (07:00) on the 14th and 15th were before 10:00; lunch (after the set-up) had no sample.
    expect(warnings.map((w) => w.text)).toEqual(['2026-03-15 午餐没有留样：米饭']);
  });

  it('is not there before the profile is saved, so no patrol or food sample is due yet', async () => {
    // Beds, a caregiver with a PIN on the roster and the kitchen's menus — but no 机构信息 saved.
    const { id: buildingId } = await b.call('facility.addBuilding', { name: '一号楼', floors: 2 });
    await b.call('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'normal' });
    const carer = await b.signInAs('caregiver', '护理员小李', '246810');
    const { id: staffId } = await b.call('staff.save', { name: '护理员小李', role: 'caregiver', hireDate: '2026-03-01', userId: carer.id });
    await b.call('roster.assignDays', { staffId, dates: ['2026-03-14', '2026-03-15', '2026-03-16'], shiftId: SHIFT.early, area: [] });
    const kitchen = (await b.signInAs('kitchen', '厨师老刘')).session;
    for (const date of ['2026-03-14', '2026-03-15']) await b.call('meals.saveMenu', { date, meal: 'lunch', dietType: 'regular', dishes: ['米饭'] }, kitchen);
    expect(await b.call('facility.get', {})).toBeNull();
    at('2026-03-16', '08:00');
    const fire = await b.call('fire.compliance', { month: '2026-03' });
    expect(fire.overdueNow).toBe(false);
    expect(fire.lastNight).toMatchObject({ night: [], nightMissed: 0, dayRequired: 0, dayMissed: false });
    expect(fire.month).toMatchObject({ dayPatrolsMissed: 0, nightWindowsMissed: 0 });
    kitchen.signIn(kitchen.user!, b.clock.now());
    expect(await b.call('meals.sampleWarnings', { from: '2026-03-01', to: '2026-03-16' }, kitchen)).toEqual([]);
  });

  it('sends no fire gap to the county for days before it', async () => {
    const centre = await openTestBackend(tempDir());
    try {
      await centre.call('facility.save', PROFILE);
      centre.clock.set(chinaInstant('2026-04-02', '09:00').toISOString());
      centre.admin.signIn(centre.admin.user!, centre.clock.now());
      const march = await centre.call('sync.precheck', { period: '2026-03' });
      // Only the days and nights from 15 March 10:00 on are required: 16 days from the 16th, and 17 nights of two
      // patrols, less the last night's two, which can still be walked after midnight (judged at the month's end).
      expect(march.warnings).toContain('防火巡查有缺口：16 天日间巡查不足，32 次夜间巡查漏查');
      const february = await centre.call('sync.precheck', { period: '2026-02' });
      expect(february.warnings.some((w) => w.startsWith('防火巡查有缺口'))).toBe(false);
    } finally {
      await centre.close();
    }
  });
});

describe('第一步', () => {
  it('ticks each item as its work is done', async () => {
    await b.call('facility.save', PROFILE);
    expect((await b.call('dashboard.summary', {})).firstSteps).toEqual({ beds: false, staffPins: false, roster: false, county: false, allDone: false, running: false });
    const { id: buildingId } = await b.call('facility.addBuilding', { name: '一号楼', floors: 2 });
    await b.call('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'normal' });
    expect((await b.call('dashboard.summary', {})).firstSteps).toMatchObject({ beds: true, staffPins: false });
    // A staff member without a PIN is not enough; one who signs in with a PIN is.
    const { id: staffId } = await b.call('staff.save', { name: '护理员小王', role: 'caregiver', hireDate: '2026-03-15' });
    expect((await b.call('dashboard.summary', {})).firstSteps.staffPins).toBe(false);
    const carer = await b.signInAs('caregiver', '护理员小李', '246810');
    await b.call('staff.save', { name: '护理员小李', role: 'caregiver', hireDate: '2026-03-15', userId: carer.id });
    expect((await b.call('dashboard.summary', {})).firstSteps.staffPins).toBe(true);
    await b.call('roster.assignDays', { staffId, dates: ['2026-03-16', '2026-03-17'], shiftId: SHIFT.early, area: [] });
    expect((await b.call('dashboard.summary', {})).firstSteps).toMatchObject({ roster: true, county: false, allDone: false, running: true });
    const county = await openTestBackend(tempDir(), { county: { code: '320102', name: '测试县' } });
    try {
      const key = await county.call('county.status', {});
      await b.call('sync.importCountyKey', { text: key.keyFile.text });
    } finally {
      await county.close();
    }
    expect((await b.call('dashboard.summary', {})).firstSteps).toMatchObject({ county: true, allDone: true });
  });
});

describe('rostering in a few actions', () => {
  let staff: string[];
  beforeEach(async () => {
    await b.call('facility.save', PROFILE);
    staff = [];
    for (let i = 1; i <= 10; i++) staff.push((await b.call('staff.save', { name: `护理员${i}号`, role: 'caregiver', hireDate: '2026-01-01' })).id);
  });
  const written = () => ({ roster: b.count('roster_entries'), audit: b.count('audit_log') });
  const week = (monday = '2026-03-16') => b.call('roster.week', { monday });
  const cellOf = (w: Awaited<ReturnType<typeof week>>, staffId: string, date: string) => (w.staff.find((p) => p.id === staffId)?.cells[date] ?? []).map((c) => c.shiftId);

  it('puts one person on several days with one shift, and 休 takes the days off again', async () => {
    const days = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'];
    await b.call('roster.assign', { staffId: staff[0], date: '2026-03-16', shifts: [{ shiftId: SHIFT.night, area: [] }] });
    const audited = b.count('audit_log');
    expect(await b.call('roster.assignDays', { staffId: staff[0], dates: days, shiftId: SHIFT.early, area: [] })).toEqual({ changed: 6 });
    // Five entries added and Monday's night shift taken off: one audit row each, all in one action.
    expect(b.count('audit_log') - audited).toBe(6);
    let w = await week();
    for (const d of days) expect(cellOf(w, staff[0], d)).toEqual([SHIFT.early]);
    expect(await b.call('roster.assignDays', { staffId: staff[0], dates: ['2026-03-19', '2026-03-20'], shiftId: null, area: [] })).toEqual({ changed: 2 });
    w = await week();
    expect(cellOf(w, staff[0], '2026-03-19')).toEqual([]);
    expect(cellOf(w, staff[0], '2026-03-18')).toEqual([SHIFT.early]);
    // Taken off, never deleted.
    expect(b.database.sqlite.prepare('SELECT count(*) AS n FROM roster_entries WHERE cancelled_at IS NOT NULL').get()).toEqual({ n: 3 });
  });

  it('refuses bad days, shifts and people without writing anything', async () => {
    await b.call('staff.save', { id: staff[1], name: '护理员2号', role: 'caregiver', hireDate: '2026-01-01', leftOn: '2026-03-18' });
    const before = written();
    const refused = async (input: object) => (await b.raw('roster.assignDays', input as never)).error?.message;
    expect(await refused({ staffId: staff[0], dates: [], shiftId: SHIFT.early })).toBe('请至少选择一天');
    expect(await refused({ staffId: staff[0], dates: ['2026-03-16', '2026-03-16'], shiftId: SHIFT.early })).toBe('同一天选了两次');
    expect(await refused({ staffId: staff[0], dates: ['2026-02-30'], shiftId: SHIFT.early })).toMatch(/日期不是有效日期/);
    expect(await refused({ staffId: staff[0], dates: ['2026-03-16'], shiftId: '01900000-0000-7000-8000-00000000ffff' })).toBe('找不到该班次，可能已被删除或停用');
    // Left on the 18th: the 16th and 17th would be fine, the 18th is not, so none of the three is written.
    expect(await refused({ staffId: staff[1], dates: ['2026-03-16', '2026-03-17', '2026-03-18'], shiftId: SHIFT.early })).toBe('护理员2号已于 2026-03-18 离职，不能排班');
    expect(written()).toEqual(before);
  });

  it('fills a week for ten people from one pattern, rotated one day per person, in one action', async () => {
    const audited = b.count('audit_log');
    expect(await b.call('roster.fillWeek', { monday: '2026-03-16', staffIds: staff, pattern: '早早中中夜夜休', stagger: true })).toEqual({ changed: 60 });
    expect(b.count('audit_log') - audited).toBe(60);
    const w = await week();
    const code = new Map([[SHIFT.early, '早'], [SHIFT.middle, '中'], [SHIFT.night, '夜']]);
    const line = (i: number) => w.days.map((d) => cellOf(w, staff[i], d).map((s) => code.get(s)).join('') || '休').join('');
    expect(line(0)).toBe('早早中中夜夜休');
    expect(line(1)).toBe('休早早中中夜夜');
    expect(line(9)).toBe('夜休早早中中夜');
    // Every hour of the week has a caregiver on it, except Monday before 07:00 (last Sunday's night is not rostered).
    expect(w.gaps).toEqual([{ date: '2026-03-16', hours: [0, 1, 2, 3, 4, 5, 6] }]);
    // The same pattern again changes nothing; a different one replaces the day's shift.
    expect(await b.call('roster.fillWeek', { monday: '2026-03-16', staffIds: staff, pattern: '早早中中夜夜休', stagger: true })).toEqual({ changed: 0 });
    await b.call('roster.fillWeek', { monday: '2026-03-16', staffIds: [staff[0]], pattern: '休休休休休休早', stagger: false });
    const after = await week();
    expect(after.days.map((d) => cellOf(after, staff[0], d).length)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('keeps the floors of a shift already rostered when a week is refilled or days are assigned without an area', async () => {
    const { id: buildingId } = await b.call('facility.addBuilding', { name: '一号楼', floors: 2 });
    const floor2 = `floor:${buildingId}:2`;
    const areaOf = (w: Awaited<ReturnType<typeof week>>, date: string) => w.staff.find((p) => p.id === staff[0])?.cells[date]?.map((c) => c.area);
    await b.call('roster.assignDays', { staffId: staff[0], dates: ['2026-03-16', '2026-03-17'], shiftId: SHIFT.early, area: [floor2] });
    // The same early shift refilled from a pattern: still 2楼, nothing changed; a new day covers the whole centre.
    expect(await b.call('roster.fillWeek', { monday: '2026-03-16', staffIds: [staff[0]], pattern: '早早早休休休休', stagger: false })).toEqual({ changed: 1 });
    let w = await week();
    expect(areaOf(w, '2026-03-16')).toEqual([[floor2]]);
    expect(areaOf(w, '2026-03-17')).toEqual([[floor2]]);
    expect(areaOf(w, '2026-03-18')).toEqual([[]]);
    // Several days again without an area: the floors stay; with one picked, the days are re-scoped to it.
    expect(await b.call('roster.assignDays', { staffId: staff[0], dates: ['2026-03-16', '2026-03-17'], shiftId: SHIFT.early, area: [] })).toEqual({ changed: 0 });
    expect(areaOf(await week(), '2026-03-16')).toEqual([[floor2]]);
    const floor1 = `floor:${buildingId}:1`;
    expect(await b.call('roster.assignDays', { staffId: staff[0], dates: ['2026-03-16'], shiftId: SHIFT.early, area: [floor1] })).toEqual({ changed: 1 });
    w = await week();
    expect(areaOf(w, '2026-03-16')).toEqual([[floor1]]);
    expect(areaOf(w, '2026-03-17')).toEqual([[floor2]]);
  });

  it('refuses a pattern it cannot read, naming the problem, and writes nothing', async () => {
    await b.call('staff.save', { id: staff[2], name: '护理员3号', role: 'caregiver', hireDate: '2026-01-01', leftOn: '2026-03-18' });
    const before = written();
    const refused = async (input: object) => (await b.raw('roster.fillWeek', { monday: '2026-03-16', staffIds: staff, stagger: false, ...input } as never)).error?.message;
    expect(await refused({ pattern: '早早中中夜休' })).toBe('排班规律要写满7天，每天一个字，如“早早中中夜休休”');
    expect(await refused({ pattern: '白白中中夜休休' })).toBe('排班规律里的「白」不是班次，只能用：早、中、夜、休');
    expect(await refused({ monday: '2026-03-17', pattern: '早早中中夜休休' })).toBe('请从星期一开始选择一周');
    expect(await refused({ staffIds: [], pattern: '早早中中夜休休' })).toBe('请至少选择一个人');
    expect(await refused({ pattern: '早早中中夜夜早' })).toBe('护理员3号已于 2026-03-18 离职，不能排班');
    expect(written()).toEqual(before);
    await b.call('roster.saveShift', { name: '早二班', start: '08:00', end: '16:00' });
    const withSecondEarly = written();
    expect(await refused({ pattern: '早早中中夜休休' })).toBe('「早」可以指早班或早二班，请改一个班次的名称，让每个班次的第一个字不同');
    expect(written()).toEqual(withSecondEarly);
  });

  it('lets only the manager and the care lead roster', async () => {
    const carer = (await b.signInAs('caregiver', '护理员')).session;
    expect((await b.raw('roster.assignDays', { staffId: staff[0], dates: ['2026-03-16'], shiftId: SHIFT.early }, carer)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('roster.fillWeek', { monday: '2026-03-16', staffIds: staff, pattern: '早早中中夜休休' }, carer)).error?.code).toBe('FORBIDDEN');
  });
});
