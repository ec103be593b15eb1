import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
let residentId: string;
let bed: Awaited<ReturnType<typeof smallCentre>>['bed'];

beforeEach(async () => {
  b = await openTestBackend();
  ({ bed } = await smallCentre(b));
  ({ id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
  b.clock.set('2026-03-16T02:00:00.000Z'); // the next day: the idle screen locked overnight, so sign in again
  await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await b.call('residents.transfer', { residentId, date: '2026-03-16', toBedId: bed('102', '1'), note: '' });
});
afterEach(async () => b.close());

describe('audit viewer', () => {
  it('filters by action and shows the change in Chinese words, beds by their names', async () => {
    const { rows, total } = await b.call('audit.search', { action: 'transfer' });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ actor: '王院长', action: 'transfer', entity: 'residents', subject: '张三' });
    expect(rows[0].changes).toContainEqual({ field: 'bedId', label: '床位', before: '一号楼 101室 1床', after: '一号楼 102室 1床' });
  });

  it('filters by person, record type and China-time date range', async () => {
    const { session } = await b.signInAs('caregiver', '护理员小张');
    await b.call('residents.startLeave', { residentId, kind: 'leave', startDate: '2026-03-16', expectedReturn: '2026-03-18', note: '' }, session);
    expect((await b.call('audit.search', { actor: '小张', entity: 'residents' })).rows.map((r) => r.action)).toEqual(['leave']);
    const firstDay = await b.call('audit.search', { from: '2026-03-15', to: '2026-03-15', entity: 'residents' });
    expect(firstDay.rows.map((r) => r.action)).toEqual(['admit']);
    expect((await b.call('audit.search', { from: '2026-03-17' })).total).toBe(0);
  });

  it('exports to an .xlsx workbook with Chinese headings, and records the export', async () => {
    const file = await b.call('audit.export', { entity: 'residents' });
    expect(file.fileName).toMatch(/^操作记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = workbook.getWorksheet('操作记录')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '时间（北京时间）', '操作人', '操作', '对象', '涉及', '项目', '改前', '改后']);
    const cells = sheet.getColumn(7).values.concat(sheet.getColumn(8).values).map(String);
    expect(cells).toContain('一号楼 102室 1床');
    expect((await b.call('audit.search', { action: 'export' })).total).toBe(1);
  });

  it('is for administrators only', async () => {
    const { session } = await b.signInAs('care_lead');
    expect((await b.raw('audit.search', {}, session)).error?.code).toBe('FORBIDDEN');
  });
});

describe('personal data', () => {
  it('masks the ID number in the file; a full view is on request, audited, and not for caregivers', async () => {
    const file = await b.call('residents.get', { id: residentId });
    expect(file.idNumberMasked).toMatch(/^3201\*{10}/);
    expect(JSON.stringify(file)).not.toMatch(/"idNumber"/);
    const { session: caregiver } = await b.signInAs('caregiver');
    expect((await b.raw('residents.revealIdNumber', { id: residentId }, caregiver)).error?.code).toBe('FORBIDDEN');
    const { session: medical } = await b.signInAs('medical', '医生老赵');
    const full = await b.call('residents.revealIdNumber', { id: residentId }, medical);
    expect(full.idNumber).toHaveLength(18);
    const views = await b.call('audit.search', { action: 'view_id_number' });
    expect(views.rows.map((r) => [r.actor, r.subject])).toEqual([['医生老赵', '张三']]);
  });
});
