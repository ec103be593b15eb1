// A night of fire safety through the UI: the guard's night patrol finds a blocked exit and raises it as a hidden
// danger; nobody walks the second of the night's two patrols, and at 06:00 the manager's home page turns red; the guard
// rectifies the danger and cannot verify it himself; the manager verifies it, countersigns the patrol and prints the
// rectification ledger; in 消防设置 the 重点单位 flag shows what it implies and the night plan refuses fewer than two.
import { ADMIN, choose, expect, expectAccessible, field, pinIn, shot, test } from './fixtures';

/** The night shift seeded with every new centre. */
const NIGHT = '01900000-0000-7000-8000-000000000203';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();


test('a night patrol finds a blocked exit; the danger is rectified and verified by another person; a missed patrol shows red', async ({ app, page }) => {
  test.setTimeout(150_000);
  const moveTo = async (date: string, hhmm: string) => {
    app.setTime(at(date, hhmm));
    await page.clock.setFixedTime(new Date(at(date, hhmm)));
  };
  // The centre is set up in the morning (nothing is due before set-up); the night's story starts at 22:30.
  await moveTo('2026-03-15', '08:00');
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 60 });
  await app.api('fire.saveCheckpoint', { name: '东侧安全出口', kind: 'exit' });
  await app.api('fire.saveCheckpoint', { name: '厨房', kind: 'kitchen' });
  // The person responsible for a danger is chosen from the staff register.
  await app.api('staff.save', { name: '陈师傅', role: 'cleaner', hireDate: '2025-01-01' });
  // The basics of a running centre (a bed, a guard with a PIN on the roster), so the home page raises alarms.
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  const { id: zhou } = await app.api<{ id: string }>('staff.hire', { name: '保安老周', role: 'security', hireDate: '2025-01-01', accountRole: 'safety', pin: '112233' });
  await app.api('roster.assign', { staffId: zhou, date: '2026-03-15', shifts: [{ shiftId: NIGHT, area: [] }] });
  await moveTo('2026-03-15', '22:30');

  // 22:30: the guard walks the night patrol; the east exit is blocked by boxes.
  await page.goto(app.url);
  await pinIn(page, '保安老周', '112233', '安全员');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '消防安全' }).click();
  await expect(page.getByTestId('night-plan')).toHaveText('22:00–06:00：每晚至少巡查 2 次，两次之间至少隔 120 分钟');
  await expect(page.getByTestId('night-windows').first()).toContainText('第1次 未到/进行中');
  await page.getByRole('button', { name: '开始夜间巡查' }).click();
  const exit = page.getByRole('group', { name: '东侧安全出口 安全出口、疏散通道是否畅通' });
  await exit.locator('label', { hasText: '有问题' }).click();
  await field(exit, '什么问题').fill('东侧安全出口堆放纸箱，门推不开');
  await page.getByRole('button', { name: '保存并签名（保安老周）' }).click();
  await expect(page.getByText('「东侧安全出口 安全出口、疏散通道是否畅通」有问题：请选“当场整改”，或登记为隐患')).toBeVisible();
  await exit.getByRole('radio', { name: '登记为隐患' }).check();
  // 整改期限 starts a week after the server's today.
  await expect(field(exit, '整改期限')).toHaveValue('2026-03-22');
  await exit.getByRole('combobox', { name: /^整改责任人/ }).fill('老周');
  await page.getByRole('option', { name: '保安老周（保安）' }).click();
  await expectAccessible(page, 'night patrol');
  await shot(page, 'fire-patrol');
  await page.getByRole('button', { name: '保存并签名（保安老周）' }).click();
  await expect(page.getByText('已保存，签名人：保安老周')).toBeVisible();
  await expect(page.getByTestId('recent-rounds')).toContainText('夜间巡查（保安老周）：查 14 项，问题 1 项');
  await expect(page.getByTestId('night-windows').first()).toContainText('第1次 已巡查 22:30');
  await expect(page.getByTestId('night-windows').first()).toContainText('第2次 未到/进行中');

  // Nobody walks the second patrol. At 04:10 one still fits before 06:00: no alarm yet; at 06:10 the home page is red.
  await moveTo('2026-03-16', '04:10');
  await pinIn(page, ADMIN.displayName, ADMIN.pin, '管理员');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('fire-alerts')).toContainText('下次消防演练'); // never drilled: due
  await expect(page.getByTestId('fire-alerts')).not.toContainText('漏查');
  await moveTo('2026-03-16', '06:10');
  await pinIn(page, ADMIN.displayName, ADMIN.pin, '管理员');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('fire-alerts')).toContainText('夜间巡查次数不够（漏查）');
  await expect(page.getByTestId('fire-alerts')).toContainText('2026-03-15 晚的夜间巡查漏查 1 次');
  await expectAccessible(page, 'dashboard with a missed patrol');
  await shot(page, 'fire-dashboard-red');

  // Morning: the guard clears the exit and records it; he may not verify his own work.
  await moveTo('2026-03-16', '08:10');
  await pinIn(page, '保安老周', '112233', '安全员');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '消防安全' }).click();
  await page.getByRole('tab', { name: '隐患整改' }).click();
  const card = page.getByTestId('danger-card').filter({ hasText: '东侧安全出口' });
  await expect(card.getByTestId('danger-status')).toHaveText('待整改');
  await card.getByRole('button', { name: '登记整改' }).click();
  await field(page.getByRole('dialog'), '整改情况').fill('纸箱已搬走，出口畅通');
  await page.getByRole('dialog').getByRole('button', { name: '登记整改' }).click();
  await expect(card.getByTestId('danger-status')).toHaveText('已整改');
  await card.getByRole('button', { name: '验收' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '验收' }).click();
  await expect(page.getByText('整改是您登记的，验收要由另一个人来做（不能自己验收自己）')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // The manager verifies it, countersigns the patrol and prints the ledger.
  await pinIn(page, ADMIN.displayName, ADMIN.pin, '管理员');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '消防安全' }).click();
  await page.getByRole('tab', { name: '隐患整改' }).click();
  await card.getByRole('button', { name: '验收' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '验收' }).click();
  await expect(page.getByTestId('danger-card')).toHaveCount(0);
  await expect(page.getByText('没有未验收的隐患。')).toBeVisible();
  await page.getByRole('tab', { name: '今日巡查' }).click();
  await page.getByRole('button', { name: /主管签字 保安老周/ }).click();
  await expect(page.getByTestId('recent-rounds')).toContainText('王院长 已签字');
  await page.getByRole('tab', { name: '台账' }).click();
  await choose(page, '台账', '火灾隐患整改台账');
  await expect(page.getByTestId('fire-ledger')).toContainText('纸箱已搬走，出口畅通');
  await expect(page.getByTestId('fire-ledger')).toContainText('已验收');
  await expectAccessible(page, 'fire ledger');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'fire-ledger-print');
  await page.emulateMedia({ media: 'screen' });

  // A danger reported by hand: the person responsible is picked from the staff (nobody picked is refused), and the
  // deadline starts a week from the server's today.
  await page.getByRole('tab', { name: '隐患整改' }).click();
  await page.getByRole('button', { name: '报告隐患' }).click();
  const report = page.getByRole('dialog');
  await choose(page, '巡查点', '厨房');
  await field(report, '隐患描述').fill('灶台旁堆放纸箱');
  await expect(field(report, '整改期限')).toHaveValue('2026-03-23');
  await report.getByRole('button', { name: '保存' }).click();
  await expect(report.getByText('请从本院员工中选择整改责任人')).toBeVisible();
  await report.getByRole('combobox', { name: /^整改责任人/ }).fill('陈');
  await page.getByRole('option', { name: '陈师傅（保洁）' }).click();
  await expect(report.getByText('请从本院员工中选择整改责任人')).toHaveCount(0);
  await expectAccessible(page, 'report a danger with the staff picker');
  await shot(page, 'fire-report-danger');
  await report.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('danger-card').filter({ hasText: '灶台旁堆放纸箱' })).toContainText('整改责任人：陈师傅；整改期限：2026-03-23');

  // 消防设置: a 60-bed home is a 重点单位; the flag lists what it implies and sets the drill interval; fewer than two
  // night patrols are refused.
  await page.getByRole('tab', { name: '消防设置' }).click();
  const keyUnit = page.getByTestId('key-unit');
  await expect(keyUnit).toContainText('灭火和应急疏散演练至少每半年一次（61号令第40条）');
  await expect(page.getByTestId('key-unit-beds')).toHaveCount(0); // 60 beds and a key unit agree
  await expect(page.getByLabel(/^消防演练每几个月一次/)).toHaveValue('6');
  await keyUnit.getByRole('checkbox', { name: /本院是消防安全重点单位/ }).uncheck();
  await expect(keyUnit).toContainText('灭火和应急疏散演练至少每年一次（61号令第40条）');
  await expect(page.getByLabel(/^消防演练每几个月一次/)).toHaveValue('12');
  await expect(page.getByTestId('key-unit-beds')).toContainText('本院核定床位 60 张');
  await page.getByLabel(/^每晚夜间防火巡查次数/).fill('1');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('夜间防火巡查每晚不少于两次')).toBeVisible();
  await page.getByLabel(/^每晚夜间防火巡查次数/).fill('3');
  await expectAccessible(page, 'fire settings');
  await shot(page, 'fire-settings');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('设置已保存')).toBeVisible();
});
