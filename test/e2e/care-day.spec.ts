// A day of a real centre through the UI: the manager registers a caregiver and rosters her; the early caregiver signs
// in with her PIN, does her tasks, records vitals and an incident and hands over; the middle shift accepts; the manager
// sees the missed task in coverage and prints the handover record.
import type { Page } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { ADMIN, type RunningApp, choose, expect, expectAccessible, field, pinIn, shot, signInWithPassword, test } from './fixtures';
import { validIdNumber } from '../helpers/ids';

const DAY = '2026-03-16'; // a Monday
const MIDDLE = '01900000-0000-7000-8000-000000000202';
const NIGHT = '01900000-0000-7000-8000-000000000203';
/** China wall-clock time on DAY as an ISO instant. */
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();

async function moveTo(app: RunningApp, page: Page, hhmm: string) {
  app.setTime(at(hhmm));
  await page.clock.setFixedTime(new Date(at(hhmm)));
}

/** A caregiver account with a PIN that has already chosen its own password. */
async function caregiverAccount(app: RunningApp, username: string, name: string, pin: string): Promise<string> {
  const { id } = await app.api<{ id: string }>('users.create', { username, displayName: name, role: 'caregiver', password: 'Temp-password-1', pin });
  const own = new Session();
  await app.backend.dispatch(own, 'auth.login', { username, password: 'Temp-password-1' });
  await app.backend.dispatch(own, 'auth.changePassword', { current: 'Temp-password-1', next: `${username}-own-2026` });
  return id;
}


test('a day of care: tasks, vitals, an incident, handover, acceptance, coverage and the printed record', async ({ page, app }) => {
  test.setTimeout(180_000);
  await moveTo(app, page, '10:00');
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const [bed1, bed2] = map.rooms[0].beds.map((b) => b.id);
  const contacts = [{ name: '张小明', relation: '侄子', phone: '13800138000', isGuardian: true, isEmergency: true }];
  const admit = (name: string, birth: string, seq: string, bedId: string, no: string) =>
    app.api<{ id: string }>('residents.admit', {
      person: { name, idNumber: validIdNumber(birth, seq), primaryCategory: 'tekun_concentrated', contacts },
      admission: { date: '2026-03-01', bedId, agreementNo: no, agreementEnd: '2027-02-28' },
    });
  const zhang = await admit('张三', '1945-06-01', '123', bed1, 'XY-1');
  const li = await admit('李四', '1940-02-02', '234', bed2, 'XY-2');
  await app.api('careplan.saveTask', { residentId: zhang.id, task: '翻身', frequency: { kind: 'every_hours', hours: 2 }, active: true, note: '' });
  await app.api('careplan.saveTask', { residentId: li.id, task: '协助进食', frequency: { kind: 'at_times', times: ['07:00', '11:30', '17:30'] }, active: true, note: '' });
  await caregiverAccount(app, 'wang', '王小花', '111111');
  const liAccount = await caregiverAccount(app, 'lixia', '李霞', '222222');
  const { id: liStaff } = await app.api<{ id: string }>('staff.save', { name: '李霞', role: 'caregiver', hireDate: '2024-05-01', userId: liAccount, certLevel: 'level4', certExpiry: '2026-04-10' });
  await app.api('roster.assign', { staffId: liStaff, date: DAY, shifts: [{ shiftId: MIDDLE, area: [] }] });
  const zhaoAccount = await caregiverAccount(app, 'zhao', '赵大姐', '333333');
  const { id: zhaoStaff } = await app.api<{ id: string }>('staff.save', { name: '赵大姐', role: 'caregiver', hireDate: '2023-05-01', userId: zhaoAccount });
  await app.api('roster.assign', { staffId: zhaoStaff, date: DAY, shifts: [{ shiftId: NIGHT, area: [] }] });

  // The manager registers 王小花 and puts her on the early shift.
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '员工档案' }).click();
  await page.getByRole('button', { name: '添加员工' }).first().click();
  const dialog = page.getByRole('dialog');
  await field(dialog, '姓名').fill('王小花');
  await field(dialog, '入职日期').fill('2025-01-01');
  await field(dialog, '入职日期').press('Tab');
  await dialog.getByText('已有账号').click(); // her account exists already (the one form's other choice is a new PIN)
  await choose(page, '登录账号', /王小花/);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '修改 王小花' })).toBeVisible();
  await expect(page.getByTestId('expiring-certificates')).toContainText('李霞');
  await expectAccessible(page, 'staff register');
  await shot(page, 'staff');

  await page.getByRole('link', { name: '排班表' }).click();
  await page.getByRole('button', { name: /王小花 3月16日$/ }).click(); // the cell is named by what it shows, then whose and which day
  await page.getByRole('dialog').getByLabel(/早班/).check();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('roster-grid')).toContainText('早班');
  await expect(page.getByTestId('roster-gaps')).toContainText(`${DAY}：0:00–7:00`); // nobody on the night of the 15th
  await expectAccessible(page, 'roster');
  await shot(page, 'roster');

  // The early caregiver: PIN, her residents, tasks, vitals.
  await pinIn(page, '王小花', '111111');
  await expect(page.getByRole('heading', { name: `早班 07:00–15:00（${DAY}）` })).toBeVisible();
  await expect(page.getByTestId('shift-resident')).toHaveCount(2);
  await expectAccessible(page, 'my shift');
  await shot(page, 'my-shift');
  await page.getByRole('button', { name: /^张三/ }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(4); // 翻身 08, 10, 12, 14
  await page.getByTestId('task-row').filter({ hasText: '08:00' }).getByRole('button', { name: '做了' }).click();
  await expect(page.getByTestId('task-row').filter({ hasText: '08:00' })).toContainText('✓ 做了');
  await page.getByTestId('task-row').filter({ hasText: '10:00' }).getByRole('button', { name: '做了' }).click();
  await expect(page.getByTestId('task-row').filter({ hasText: '10:00' })).toContainText('王小花 记录');
  await page.getByLabel('体温（℃）').fill('45');
  await expect(page.getByText('体温 45 ℃ 超出常见范围（35–40.5）')).toBeVisible();
  await page.getByRole('button', { name: '保存体征' }).click();
  await expect(page.getByText('请再量一次核对')).toBeVisible();
  await page.getByLabel('体温（℃）').fill('36.8');
  await page.getByLabel('收缩压（高压）（mmHg）').fill('132');
  await page.getByLabel('舒张压（低压）（mmHg）').fill('84');
  await page.getByRole('button', { name: '保存体征' }).click();
  await expect(page.getByTestId('entry-line').filter({ hasText: '体温 36.8 ℃，血压 132/84 mmHg' })).toBeVisible();
  await page.getByRole('button', { name: '吃饭喝水' }).click();
  await page.getByRole('group', { name: '哪一餐' }).getByRole('button', { name: '早餐' }).click();
  await page.getByRole('group', { name: '吃了多少' }).getByRole('button', { name: '大部分' }).click();
  await page.getByRole('button', { name: '200', exact: true }).click();
  await page.getByRole('button', { name: '保存吃饭喝水' }).click();
  await expect(page.getByTestId('entry-line')).toHaveCount(4);
  await expectAccessible(page, 'resident shift');
  await shot(page, 'resident-shift');
  await page.getByRole('link', { name: /返回本班任务/ }).click();

  await page.getByRole('button', { name: /^李四/ }).click();
  await page.getByTestId('task-row').filter({ hasText: '07:00' }).getByRole('button', { name: '做了' }).click();
  await page.getByTestId('task-row').filter({ hasText: '11:30' }).getByRole('button', { name: '没做' }).click();
  await page.getByRole('button', { name: '老人拒绝' }).click();
  await expect(page.getByTestId('task-row').filter({ hasText: '11:30' })).toContainText('没做（老人拒绝）');
  await page.getByRole('link', { name: /返回本班任务/ }).click();
  await expect(page.getByRole('button', { name: /^李四/ })).toHaveAttribute('data-done', 'yes');

  // A round (巡查): everyone asleep or in place except 李四, who is awake.
  await page.getByRole('button', { name: '开始查房' }).click();
  await page.getByRole('group', { name: /^李四/ }).getByRole('button', { name: '醒着' }).click();
  await expectAccessible(page, 'round');
  await shot(page, 'round');
  await page.getByRole('button', { name: '保存查房（2 人）' }).click();
  await expect(page.getByTestId('round-status')).toContainText('上次查房 10:00，共 1 次');

  // An incident: a fall, moderate; the family does not have to be told for that, but she does.
  await page.getByRole('button', { name: '登记意外事件' }).click();
  const form = page.getByRole('dialog');
  await choose(page, '老人', /张三/);
  await form.getByRole('button', { name: '跌倒', exact: true }).click();
  await field(form, '发生地点').fill('101室床边');
  await form.getByRole('button', { name: '严重', exact: true }).click();
  await field(form, '经过（发生了什么）').fill('起身上厕所时滑倒，左膝擦伤');
  await field(form, '采取的措施').fill('扶起，消毒包扎，通知医生查看');
  await form.getByRole('button', { name: '保存登记' }).click();
  await expect(form.getByText(/必须通知家属/).first()).toBeVisible();
  await form.getByLabel('已通知家属').check();
  await field(form, '通知了谁').fill('侄子张小明');
  await form.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByText('意外事件已登记')).toBeVisible();

  // 14:55: hand over. The 12:00 and 14:00 turns were never recorded: they show in the summary.
  await moveTo(app, page, '14:55');
  await pinIn(page, '王小花', '111111');
  await page.getByRole('link', { name: '交接班' }).click();
  // Grouped by resident, the incident first; each resident's list opens on a tap.
  await expect(page.getByTestId('handover-incidents')).toContainText('张三 跌倒（严重）');
  await expect(page.getByTestId('handover-resident').first()).toContainText('张三');
  await page.getByRole('button', { name: /^张三/ }).click();
  await expect(page.getByText('没记录：翻身 12:00、14:00')).toBeVisible();
  await page.getByRole('button', { name: /^李四/ }).click();
  await expect(page.getByText('没做：协助进食 11:30（老人拒绝）')).toBeVisible();
  await expect(page.getByText('备注：10:00 查房：醒着')).toBeVisible();
  await field(page, '补充交代（选填）').fill('张三左膝擦伤，晚上注意看');
  await expectAccessible(page, 'handover');
  await shot(page, 'handover');
  await page.getByRole('button', { name: '确认交班' }).click();
  await expect(page.getByText('您已经交过班了。')).toBeVisible();

  // 15:10: the middle shift signs in with her own PIN and accepts.
  await moveTo(app, page, '15:10');
  await pinIn(page, '李霞', '222222');
  await expect(page.getByRole('heading', { name: `中班 15:00–23:00（${DAY}）` })).toBeVisible();
  await page.getByRole('link', { name: '交接班' }).first().click();
  await expect(page.getByTestId('handover-card')).toContainText('张三左膝擦伤，晚上注意看');
  await page.getByRole('button', { name: '接班' }).click();
  await expect(page.getByText('没有等待接班的交班记录。')).toBeVisible();

  // 15:30: the manager checks coverage and prints the handover record.
  await moveTo(app, page, '15:30');
  await page.getByRole('button', { name: '锁屏/切换用户' }).click();
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '护理记录查询' }).click();
  await expect(page.getByTestId('coverage-line')).toContainText('漏做任务 3 项'); // 翻身 12:00, 14:00; 进食 11:30 refused
  await expect(page.getByTestId('coverage-table')).toContainText('翻身 12:00（未记录）');
  await expect(page.getByTestId('coverage-table')).toContainText('协助进食 11:30（老人拒绝）');
  await expectAccessible(page, 'coverage');
  await shot(page, 'coverage');
  await page.getByRole('tab', { name: '台账打印与导出' }).click();
  await choose(page, '台账', '交接班记录');
  await expect(page.getByTestId('ledger')).toContainText('李霞');
  await expect(page.getByTestId('ledger')).toContainText('张三左膝擦伤，晚上注意看');
  await page.evaluate(() => (window.print = () => document.body.setAttribute('data-printed', 'yes')));
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: '测试镇敬老院 交接班记录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeHidden();
  await shot(page, 'handover-ledger-print');
  await page.emulateMedia({ media: 'screen' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toBe(`交接班记录-2026-03-10至${DAY}.xlsx`);

  // The incident prompts an immediate assessment; the timeline charts the vitals.
  await page.getByRole('tab', { name: '老人记录与体征' }).click();
  await page.getByRole('combobox', { name: /选择老人/ }).fill('张三');
  await page.getByRole('option', { name: /张三/ }).click();
  await expect(page.getByText('体温 36.8 ℃，血压 132/84 mmHg')).toBeVisible();
  await shot(page, 'timeline');

  // 22:55: the second handover, middle to night; the night caregiver accepts and starts her rounds.
  await moveTo(app, page, '22:55');
  await pinIn(page, '李霞', '222222');
  await page.getByRole('button', { name: /^李四/ }).click();
  await page.getByRole('button', { name: '其他情况（备注）' }).click();
  await page.getByRole('textbox', { name: '其他情况（备注）' }).fill('晚饭吃了半碗粥');
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(page.getByTestId('entry-line').filter({ hasText: '晚饭吃了半碗粥' })).toBeVisible();
  await page.getByRole('link', { name: '交接班' }).click();
  await page.getByRole('button', { name: /^李四/ }).click();
  await expect(page.getByText('备注：22:55 晚饭吃了半碗粥')).toBeVisible();
  await expect(page.getByText('没记录：协助进食 17:30')).toBeVisible();
  await page.getByRole('button', { name: '确认交班' }).click();
  await expect(page.getByText('您已经交过班了。')).toBeVisible();
  await moveTo(app, page, '23:05');
  await pinIn(page, '赵大姐', '333333');
  await expect(page.getByRole('heading', { name: `夜班 23:00–次日07:00（${DAY}）` })).toBeVisible();
  await expect(page.getByTestId('round-status')).toContainText('本班还没有查房；下次查房 01:00');
  await page.getByRole('link', { name: '交接班' }).first().click();
  await page.getByRole('button', { name: '接班' }).click();
  await expect(page.getByText('没有等待接班的交班记录。')).toBeVisible();
  const handovers = await app.api<{ fromName: string; acceptedBy: string | null }[]>('handover.list', { from: DAY, to: DAY });
  expect(handovers.map((h) => [h.fromName, h.acceptedBy])).toEqual([
    ['王小花', '李霞'],
    ['李霞', '赵大姐'],
  ]);
});
