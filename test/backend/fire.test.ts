// The fire module through the real dispatcher on a real SQLite file: a night patrol that finds a blocked exit, the
// hidden danger through rectification to verification by someone else, countersigning, compliance with missed night
// windows, equipment, drills, training, the duty log and the ledgers — and every refusal writes nothing.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { PROFILE } from '../helpers/centre';

let b: TestBackend;
let guard: Session;
let carer: Session;
let points: { exit: string; kitchen: string };
let items: { id: string; list: string; text: string }[];
/** 保安老周 on the staff register: the person responsible for dangers is chosen from it. */
let zhou: string;

/** Moves the clock to a China wall-clock time and keeps everyone signed in. */
function at(date: string, hhmm: string) {
  b.clock.set(chinaInstant(date, hhmm).toISOString());
  for (const s of [b.admin, guard, carer]) s.signIn(s.user!, b.clock.now());
}
const instant = (date: string, hhmm: string) => chinaInstant(date, hhmm).toISOString();

/** A patrol of both checkpoints with every patrol item fine, except the overrides given. */
function patrol(kind: 'day_patrol' | 'night_patrol', doneAt: string, problems: Partial<In<'fire.recordRound'>['results'][number]>[] = []): In<'fire.recordRound'> {
  const patrolItems = items.filter((i) => i.list === 'patrol');
  const results = [points.exit, points.kitchen].flatMap((checkpointId) => patrolItems.map((i) => ({ checkpointId, itemId: i.id, result: 'ok' as const })));
  problems.forEach((p, n) => (results[n] = { ...results[n], ...p } as (typeof results)[number]));
  return { kind, doneAt, results, requestId: randomUUID() };
}

beforeEach(async () => {
  b = await openTestBackend(); // 2026-03-15 10:00 China time
  await b.call('facility.save', PROFILE);
  guard = (await b.signInAs('safety', '保安老周')).session;
  carer = (await b.signInAs('caregiver', '夜班小李')).session;
  points = {
    exit: (await b.call('fire.saveCheckpoint', { name: '一楼东侧安全出口', kind: 'exit' }, guard)).id,
    kitchen: (await b.call('fire.saveCheckpoint', { name: '厨房', kind: 'kitchen' }, guard)).id,
  };
  items = await b.call('fire.items', {}, guard);
});
const hireZhou = async () => (zhou = (await b.call('staff.save', { name: '保安老周', role: 'security', hireDate: '2025-01-01' })).id);
afterEach(async () => b.close());

describe('settings and checklists', () => {
  it('starts from the rules (patrol daily, 2 night patrols 2 h apart from 22:00 to 06:00, drills every 6 months) and saves changes', async () => {
    const s = await b.call('fire.settings', {});
    expect(s).toMatchObject({ keyUnit: true, dayPatrolsPerDay: 1, nightStart: '22:00', nightEnd: '06:00', nightPatrols: 2, nightGapMinutes: 120, nightWindows: [], inspectionEveryMonths: 1, drillEveryMonths: 6, trainingEveryMonths: 12 });
    expect(items.filter((i) => i.list === 'patrol').map((i) => i.text)[1]).toBe('安全出口、疏散通道是否畅通');
    expect(items.filter((i) => i.list === 'inspection')).toHaveLength(12);
    expect((await b.raw('fire.saveSettings', { ...s, nightEnd: '22:00' })).error?.message).toBe('夜间巡查的开始和结束时间不能相同');
    expect((await b.raw('fire.saveSettings', { ...s, nightPatrols: 1 })).error).toMatchObject({ field: 'nightPatrols', message: '夜间防火巡查每晚不少于两次' });
    expect((await b.raw('fire.saveSettings', { ...s, nightPatrols: 3, nightGapMinutes: 240 })).error?.message).toBe('夜间（22:00–06:00）排不下3次间隔240分钟的巡查，请减少次数或缩短间隔');
    expect((await b.raw('fire.saveSettings', { ...s, drillEveryMonths: 12 })).error?.message).toBe('消防安全重点单位至少每半年演练一次（61号令第40条），演练间隔不能超过6个月');
    expect((await b.raw('fire.saveSettings', { ...s, nightWindows: [{ from: '23:00', to: '01:00' }] })).error?.field).toBe('nightPatrols');
    const audit = b.count('audit_log');
    // Not a key unit: a yearly drill is allowed.
    await b.call('fire.saveSettings', { ...s, responsiblePerson: '王院长', keyUnit: false, drillEveryMonths: 12, nightPatrols: 3 });
    expect(await b.call('fire.settings', {}, carer)).toMatchObject({ responsiblePerson: '王院长', keyUnit: false, drillEveryMonths: 12, nightPatrols: 3 });
    expect(b.count('audit_log')).toBe(audit + 1);
    expect((await b.raw('fire.saveSettings', s, guard)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('fire.saveCheckpoint', { name: '厨房', kind: 'kitchen' }, guard)).error?.message).toBe('已经有叫「厨房」的巡查点');
  });

  it('applies a key unit\'s stored 12-month drill interval as 6 months, says so, and saves again', async () => {
    // Stored before the rule existed (or by hand): a key unit with a yearly drill, which the save now refuses.
    const stored = { ...(await b.call('fire.settings', {})), keyUnit: true, drillEveryMonths: 12, responsiblePerson: '王院长' };
    b.database.sqlite.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES ('fire', ?, '2026-01-01T00:00:00.000Z', '王院长')").run(JSON.stringify(stored));
    const read = await b.call('fire.settings', {}, carer);
    expect(read).toEqual({ ...stored, drillEveryMonths: 6 });
    expect(await b.call('fire.settingsClamped', {}, carer)).toEqual([
      { field: 'drillEveryMonths', stored: 12, applied: 6, rule: '消防安全重点单位至少每半年演练一次（61号令第40条），演练间隔不能超过6个月' },
    ]);
    // Saving what the tab shows works (the refused field is no longer in the way) and the note goes away.
    await b.call('fire.saveSettings', { ...read, managerPerson: '李主任' });
    expect(await b.call('fire.settingsClamped', {})).toEqual([]);
    expect(JSON.parse((b.database.sqlite.prepare("SELECT value FROM settings WHERE key = 'fire'").get() as { value: string }).value)).toMatchObject({ drillEveryMonths: 6, managerPerson: '李主任' });
    // The audit shows the change from what was stored.
    const entry = b.database.sqlite.prepare("SELECT before, after FROM audit_log WHERE entity = 'settings' AND entity_id = 'fire' ORDER BY rowid DESC LIMIT 1").get() as { before: string; after: string };
    expect(JSON.parse(entry.before)).toMatchObject({ drillEveryMonths: 12 });
    expect(JSON.parse(entry.after)).toMatchObject({ drillEveryMonths: 6 });
    // Not a key unit: a yearly drill stays as stored.
    await b.call('fire.saveSettings', { ...read, keyUnit: false, drillEveryMonths: 12 });
    expect(await b.call('fire.settingsClamped', {})).toEqual([]);
    expect(await b.call('fire.settings', {})).toMatchObject({ keyUnit: false, drillEveryMonths: 12 });
  });
});

describe('a night patrol finds a blocked exit', () => {
  it('raises a hidden danger that is rectified, then verified by someone else; the round is countersigned by a supervisor', async () => {
    at('2026-03-15', '23:20');
    await hireZhou();
    const exitItem = items.find((i) => i.text.startsWith('安全出口'))!;
    const blocked = { checkpointId: points.exit, itemId: exitItem.id, result: 'problem' as const, note: '东侧安全出口堆放了纸箱' };
    const before = { rounds: b.count('fire_rounds'), results: b.count('fire_round_results'), dangers: b.count('fire_dangers') };
    // Refused: no note; neither fixed nor raised; in the future; a night patrol by day; nothing is written.
    expect((await b.raw('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '23:10'), [{ ...blocked, note: '' }]), carer)).error?.message).toBe(
      '「一楼东侧安全出口 安全出口、疏散通道是否畅通」有问题：请写明是什么问题',
    );
    expect((await b.raw('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '23:10'), [blocked]), carer)).error?.message).toBe(
      '「一楼东侧安全出口 安全出口、疏散通道是否畅通」有问题：请选“当场整改”，或登记为隐患',
    );
    expect((await b.raw('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '23:50')), carer)).error?.message).toBe('夜间巡查时间（2026-03-15 23:50）在将来，不能预先登记');
    expect((await b.raw('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '20:00')), carer)).error?.message).toBe('2026-03-15 20:00 不在夜间巡查时间（22:00–06:00）内，请选“日间巡查”');
    const pastDeadline = { ...blocked, danger: { level: 'general' as const, description: '安全出口堵塞', responsibleStaffId: zhou, deadline: '2026-03-14' } };
    expect((await b.raw('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '23:10'), [pastDeadline]), carer)).error?.message).toBe('整改期限（2026-03-14）不能早于今天');
    expect({ rounds: b.count('fire_rounds'), results: b.count('fire_round_results'), dangers: b.count('fire_dangers') }).toEqual(before);

    const round = patrol('night_patrol', instant('2026-03-15', '23:10'), [{ ...pastDeadline, danger: { ...pastDeadline.danger, deadline: '2026-03-16' } }]);
    const { id: roundId } = await b.call('fire.recordRound', round, carer);
    expect(await b.call('fire.recordRound', round, carer)).toEqual({ id: roundId, repeated: true });
    const [danger] = await b.call('fire.dangers', { status: 'open' }, carer);
    expect(danger).toMatchObject({ source: 'patrol', location: '一楼东侧安全出口', description: '安全出口堵塞', responsible: '保安老周', responsibleStaffId: zhou, status: 'open', foundBy: '夜班小李', overdue: false });

    // A supervisor other than the patroller countersigns, once.
    expect((await b.raw('fire.countersign', { roundId }, b.admin)).ok).toBe(true);
    expect((await b.raw('fire.countersign', { roundId }, guard)).error?.message).toBe('这条记录已由王院长签字');

    // Verification before rectification is refused; the rectifier cannot verify their own work.
    expect((await b.raw('fire.dangerAction', { action: 'verify', dangerId: danger.id }, guard)).error?.message).toBe('还没有登记整改情况，不能验收（先“登记整改”，再由另一个人验收）');
    await b.call('fire.dangerAction', { action: 'start', dangerId: danger.id }, guard);
    await b.call('fire.dangerAction', { action: 'rectify', dangerId: danger.id, note: '纸箱已清走，通道畅通' }, guard);
    expect((await b.raw('fire.dangerAction', { action: 'verify', dangerId: danger.id }, guard)).error?.message).toBe('整改是您登记的，验收要由另一个人来做（不能自己验收自己）');
    await b.call('fire.dangerAction', { action: 'verify', dangerId: danger.id, note: '已验收' });
    expect(await b.call('fire.dangers', { status: 'open' })).toEqual([]);
    const [closed] = await b.call('fire.dangers', { status: 'all' });
    expect(closed).toMatchObject({ status: 'verified', rectifiedBy: '保安老周', verifiedBy: '王院长' });
    expect(() => b.database.sqlite.prepare('DELETE FROM fire_dangers').run()).toThrow(/never deleted/);
    expect(() => b.database.sqlite.prepare("UPDATE fire_round_results SET note = 'x'").run()).toThrow(/never changed/);

    const ledger = await b.call('fire.ledger', { kind: 'dangers', from: '2026-03-01', to: '2026-03-31' });
    expect(ledger.rows[0]).toEqual(['2026-03-15 23:20', '巡查发现（夜班小李）', '一楼东侧安全出口', '安全出口堵塞', '一般隐患', '保安老周', '2026-03-16', '纸箱已清走，通道畅通', '保安老周 2026-03-15 23:20', '王院长 2026-03-15 23:20', '已验收']);
    const patrolLedger = await b.call('fire.ledger', { kind: 'patrol', from: '2026-03-15', to: '2026-03-15' });
    expect(patrolLedger.rows[0]).toEqual(['2026-03-15 23:10', '夜间巡查', '一楼东侧安全出口、厨房', '一楼东侧安全出口 安全出口、疏散通道是否畅通：东侧安全出口堆放了纸箱（已登记隐患）', '夜班小李', '王院长 2026-03-15 23:20']);
  });

  it('does not let the patroller countersign their own round', async () => {
    const { id: roundId } = await b.call('fire.recordRound', patrol('day_patrol', instant('2026-03-15', '09:00')), guard);
    expect((await b.raw('fire.countersign', { roundId }, guard)).error?.message).toBe('这是您自己的巡查记录，要由主管（另一个人）签字');
    expect((await b.raw('fire.countersign', { roundId }, carer)).error?.code).toBe('FORBIDDEN');
  });
});

describe('the person responsible for a danger', () => {
  const report = (over: Partial<In<'fire.reportDanger'>>): In<'fire.reportDanger'> => ({ checkpointId: points.exit, description: '灭火器压力不足', level: 'general', responsibleStaffId: zhou, deadline: '2026-03-22', requestId: randomUUID(), ...over });
  beforeEach(hireZhou);

  it('is chosen from the staff register (the stored name is the register’s), by anyone on the staff', async () => {
    const { id } = await b.call('fire.reportDanger', report({ responsibleStaffId: zhou }), carer);
    const [row] = await b.call('fire.dangers', { status: 'open' }, carer);
    expect(row).toMatchObject({ id, responsible: '保安老周', responsibleStaffId: zhou });
    expect((await b.call('staff.names', {}, carer)).map((p) => p.name)).toEqual(['保安老周']);
  });

  it('refuses nobody chosen, someone not on the register, and someone who has left — writing nothing', async () => {
    const left = (await b.call('staff.save', { name: '老刘', role: 'security', hireDate: '2020-01-01', leftOn: '2026-03-01' })).id;
    const before = { dangers: b.count('fire_dangers'), audit: b.count('audit_log') };
    expect((await b.raw('fire.reportDanger', report({ responsibleStaffId: '' }), carer)).error).toMatchObject({ field: 'responsibleStaffId', message: '请从本院员工中选择整改责任人' });
    expect((await b.raw('fire.reportDanger', report({ responsibleStaffId: randomUUID() }), carer)).error).toMatchObject({ field: 'responsibleStaffId', message: '整改责任人不在本院员工名册中，请从名单里选择' });
    expect((await b.raw('fire.reportDanger', report({ responsibleStaffId: left }), carer)).error?.message).toBe('整改责任人“老刘”已离职，请另选一位');
    expect({ dangers: b.count('fire_dangers'), audit: b.count('audit_log') }).toEqual(before);
    expect((await b.call('staff.names', {}, guard)).map((p) => p.name)).toEqual(['保安老周']);
  });
});

describe('compliance', () => {
  it('counts night patrols at least 2 hours apart, turns overdue when the second can no longer fit, and counts the month', async () => {
    at('2026-03-15', '23:40');
    await b.call('fire.recordRound', patrol('day_patrol', instant('2026-03-15', '09:00')), guard);
    await b.call('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '22:30')), carer);
    await b.call('fire.recordRound', patrol('night_patrol', instant('2026-03-15', '23:30')), carer); // too soon: does not count
    at('2026-03-16', '05:00');
    const c = await b.call('fire.compliance', { month: null });
    expect(c.overdueNow).toBe(false); // the second may still come before 06:00
    expect(c.lastNight.night.map((w) => [w.done, w.at, w.missed])).toEqual([
      [true, instant('2026-03-15', '22:30'), false],
      [false, null, false],
    ]);
    at('2026-03-16', '08:00');
    const morning = await b.call('fire.compliance', { month: '2026-03' });
    expect(morning.overdueNow).toBe(true);
    expect(morning.lastNight.nightMissed).toBe(1);
    expect(morning.month.days.find((d) => d.date === '2026-03-15')).toMatchObject({ dayDone: 1, dayMissed: false, nightMissed: 1 });
    // Days 1–14 had no patrols, but the centre was set up on the 15th at 10:00: only the night of the 15th counts.
    expect(morning.month).toMatchObject({ dayPatrolsMissed: 0, nightWindowsMissed: 1, inspections: 0, inspectionsRequired: 1 });
    expect(morning).toMatchObject({ lastDrill: null, drillDue: '2026-03-16', openDangers: 0 });
  });
});

describe('equipment, drills, training and the duty log', () => {
  it('refuses an extinguisher that expires before it was made, and lists those running out', async () => {
    const ext = { type: 'extinguisher' as const, code: 'MH-01', spec: 'MFZ/ABC4 干粉', location: '一楼走廊', productionDate: '2026-01-01', expiryDate: '2025-12-31' };
    expect((await b.raw('fire.saveEquipment', ext, guard)).error).toMatchObject({ field: 'expiryDate', message: '有效期（2025-12-31）不能早于生产日期（2026-01-01）' });
    expect(b.count('fire_equipment')).toBe(0);
    const { id } = await b.call('fire.saveEquipment', { ...ext, expiryDate: '2026-04-01' }, guard);
    expect((await b.raw('fire.saveEquipment', { ...ext, expiryDate: '2031-01-01' }, guard)).error?.message).toBe('编号「MH-01」已经用过了');
    await b.call('fire.recordRound', { kind: 'equipment_check', doneAt: instant('2026-03-15', '09:30'), results: [{ equipmentId: id, result: 'ok' }], requestId: randomUUID() }, guard);
    const [row] = await b.call('fire.equipment', {}, guard);
    expect(row).toMatchObject({ code: 'MH-01', expiry: 'soon', lastChecked: instant('2026-03-15', '09:30') });
    expect((await b.call('fire.compliance', { month: null })).equipmentExpiring).toBe(1);
  });

  it('records a night drill with bedridden evacuation, sets the next one six months on, and lists untrained staff', async () => {
    const drill = { date: '2026-03-20', scenario: '夜间二楼起火，疏散卧床老人', atNight: true, bedridden: true, participants: 12, evacuationSeconds: 310, evaluation: '疏散有序' };
    expect((await b.raw('fire.saveDrill', drill, guard)).error?.message).toBe('演练日期（2026-03-20）在将来：演练做完再登记');
    await b.call('fire.saveDrill', { ...drill, date: '2026-03-14' }, guard);
    expect((await b.call('fire.compliance', { month: null })).drillDue).toBe('2026-09-14');
    const drillLedger = await b.call('fire.ledger', { kind: 'drills', from: '2026-03-01', to: '2026-03-31' });
    expect(drillLedger.rows[0].slice(2, 5)).toEqual(['夜间、卧床老人疏散', '12人', '5分10秒']);

    const { id: a } = await b.call('staff.save', { name: '护理员甲', role: 'caregiver', hireDate: '2024-01-01' });
    await b.call('staff.save', { name: '厨师乙', role: 'cook', hireDate: '2024-01-01' });
    expect((await b.raw('fire.saveTraining', { date: '2026-03-10', topic: '灭火器使用', hours: 2, trainer: '消防大队', staffIds: [] }, guard)).error?.message).toBe('请选择参加培训的员工');
    await b.call('fire.saveTraining', { date: '2026-03-10', topic: '灭火器使用', hours: 2, trainer: '消防大队', staffIds: [a] }, guard);
    const t = await b.call('fire.trainings', {}, guard);
    expect(t.sessions[0].attendees).toEqual(['护理员甲']);
    expect(t.untrained.map((u) => u.name)).toEqual(['厨师乙']);
  });

  it('keeps the duty log signed by the person on duty; a handover names who takes over', async () => {
    expect((await b.raw('fire.addDuty', { kind: 'handover', text: '一切正常', requestId: randomUUID() }, guard)).error?.message).toBe('交班请写明交给谁（接班人）');
    await b.call('fire.addDuty', { kind: 'entry', text: '22:00 巡查配电室正常', requestId: randomUUID() }, guard);
    await b.call('fire.addDuty', { kind: 'handover', text: '夜间无异常', handedTo: '保安老钱', requestId: randomUUID() }, guard);
    const log = await b.call('fire.dutyLog', { from: '2026-03-15', to: '2026-03-15' }, carer);
    expect(log.map((l) => [l.kind, l.by, l.handedTo])).toEqual([
      ['handover', '保安老周', '保安老钱'],
      ['entry', '保安老周', null],
    ]);
  });

  it('exports a ledger to Excel and audits the export', async () => {
    await b.call('fire.recordRound', patrol('day_patrol', instant('2026-03-15', '09:00')), guard);
    const file = await b.call('fire.exportLedger', { kind: 'patrol', from: '2026-03-01', to: '2026-03-31' }, guard);
    expect(file).toMatchObject({ fileName: '防火巡查记录-2026-03-01至2026-03-31.xlsx', rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(3).getCell(2).value).toBe('日间巡查');
    expect(b.database.sqlite.prepare("SELECT actor FROM audit_log WHERE action = 'export'").all()).toEqual([{ actor: '保安老周' }]);
  });
});
