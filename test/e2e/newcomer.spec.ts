// A newcomer sets up the centre, builds rooms and beds, admits a resident, transfers, records leave and return,
// discharges, and sees the census and bed map follow — plus the bad inputs a real user will make.
import dayjs from 'dayjs';
import { chinaDate } from '@shared/domain/dates';
import { computeCheckChar } from '@shared/domain/id-number';
import { choose, expect, expectAccessible, field, fillDate, shot, test } from './fixtures';

// The app's "today" is China's date, whatever the test machine's time zone.
const today = () => chinaDate(new Date());
const daysFromToday = (n: number) => dayjs(today()).add(n, 'day').format('YYYY-MM-DD');
const idFor = (first17: string) => first17 + computeCheckChar(first17);
const ZHANG_SAN = idFor('32010219450601123');

test('a newcomer runs the whole stay of one resident', async ({ page, app }) => {
  test.setTimeout(180_000); // the whole stay of one resident: about a minute, more on a busy CI machine
  await page.goto(app.url);

  // First run: the administrator's own account (no default password), then the centre's profile.
  await expect(page.getByRole('heading', { name: '第一次使用：创建管理员账号' })).toBeVisible();
  await expectAccessible(page, 'first run');
  await field(page, '姓名').fill('王院长');
  await field(page, '登录名').fill('admin');
  await field(page, '密码').fill('Anquan-2026');
  await field(page, '再输一次密码').fill('Anquan-2026');
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用乡镇敬老院运营系统' })).toBeVisible();
  await expectAccessible(page, 'setup');
  await field(page, '机构名称').fill('测试镇敬老院');
  await field(page, '统一社会信用代码（或民政机构代码）').fill('52320102MJ1234567X');
  await field(page, '行政区划代码（12位）').fill('3201');
  await field(page, '所属县（市、区）').fill('测试县');
  await field(page, '所属乡镇').fill('测试镇');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('行政区划代码应为12位数字')).toBeVisible();
  await field(page, '行政区划代码（12位）').fill('320102001000');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();

  // Rooms and beds.
  await page.getByRole('link', { name: '床位与机构设置' }).click();
  await expect(page.getByText('还没有楼栋')).toBeVisible();
  await field(page, '楼栋名称').fill('一号楼');
  await page.getByRole('button', { name: '添加楼栋' }).click();
  const building = page.getByTestId('building-一号楼');
  await expect(building).toBeVisible();
  await building.getByLabel('房间号', { exact: true }).fill('101');
  await building.getByRole('button', { name: '添加房间' }).click();
  await expect(page.getByTestId('layout-room-101')).toBeVisible();
  await building.getByLabel('房间号', { exact: true }).fill('102');
  await building.getByRole('button', { name: '添加房间' }).click();
  await expect(page.getByTestId('layout-room-102')).toBeVisible();
  await building.getByLabel('房间号', { exact: true }).fill('101');
  await building.getByRole('button', { name: '添加房间' }).click();
  await expect(page.getByText('该楼栋已有房间「101」')).toBeVisible();
  await expectAccessible(page, 'facility');
  await shot(page, 'facility');

  // Bed map: four free beds.
  await page.getByRole('link', { name: '房态图' }).click();
  await expect(page.getByTestId('count-free')).toHaveText('空闲 4');
  await expect(page.getByTestId('count-occupied')).toHaveText('占用 0');

  // Admission, with a mistyped ID number first.
  await page.getByRole('link', { name: '办理入住' }).click();
  await field(page, '姓名').fill('张三');
  await field(page, '身份证号').fill(ZHANG_SAN.slice(0, 17) + (ZHANG_SAN.endsWith('1') ? '2' : '1'));
  await field(page, '联系人姓名').fill('张小明');
  await field(page, '关系').fill('侄子');
  await field(page, '电话').fill('13800138000');
  await choose(page, '床位', /101室 1床/);
  await field(page, '服务协议编号').fill('XY-2026-001');
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByText('身份证号校验位不正确')).toBeVisible();
  await field(page, '身份证号').fill(ZHANG_SAN);
  await expect(page.getByText(/识别结果：男，出生于 1945-06-01/)).toBeVisible();
  await expectAccessible(page, 'admission');
  await shot(page, 'admit');
  await page.getByRole('button', { name: '确认入住' }).click();

  await expect(page.getByRole('heading', { name: '张三' })).toBeVisible();
  await expect(page.getByTestId('resident-status')).toHaveText('在院');
  await expect(page.getByTestId('resident-bed')).toContainText('一号楼 101室 1床');

  // Bed transfer.
  await page.getByRole('button', { name: '调床' }).click();
  await choose(page, '新床位', /102室 1床/);
  await page.getByRole('dialog').getByRole('button', { name: '调床' }).click();
  await expect(page.getByTestId('resident-bed')).toContainText('一号楼 102室 1床');

  // Leave, a return dated before the leave, then the real return.
  await page.getByRole('button', { name: '请假外出' }).click();
  await fillDate(page, '预计返回日期', daysFromToday(3));
  await field(page, '去向/原因').fill('回家过节');
  await page.getByRole('dialog').getByRole('button', { name: '请假外出' }).click();
  await expect(page.getByTestId('resident-status')).toHaveText('请假外出');
  await page.getByRole('button', { name: '销假返回' }).click();
  await fillDate(page, '返回日期', daysFromToday(-1));
  await page.getByRole('dialog').getByRole('button', { name: '销假返回' }).click();
  await expect(page.getByText(/不能早于外出或住院的开始日期/)).toBeVisible();
  await fillDate(page, '返回日期', today());
  await page.getByRole('dialog').getByRole('button', { name: '销假返回' }).click();
  await expect(page.getByTestId('resident-status')).toHaveText('在院');
  await expectAccessible(page, 'resident file');
  await shot(page, 'resident-file');

  // The census counts him, the bed map shows him.
  await page.getByRole('link', { name: '在院老人' }).click();
  await expect(page.getByRole('radio', { name: /在院 1/ })).toBeAttached();
  await page.getByRole('textbox', { name: '搜索' }).fill('zs');
  await expect(page.getByRole('button', { name: '张三' })).toBeVisible();
  await expectAccessible(page, 'residents');
  await page.getByRole('link', { name: '房态图' }).click();
  await expect(page.getByTestId('count-occupied')).toHaveText('占用 1');
  await expect(page.getByText('张三')).toBeVisible();
  await expectAccessible(page, 'bed map');

  // An occupied bed cannot be removed.
  await page.getByRole('link', { name: '床位与机构设置' }).click();
  await page.getByRole('button', { name: '移除床位 102室1床' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '移除床位' }).click();
  await expect(page.getByText(/住着张三，请先调床或办理离院/)).toBeVisible();

  // A second admission with the same ID number is refused.
  await page.getByRole('link', { name: '办理入住' }).click();
  await field(page, '姓名').fill('张三');
  await field(page, '身份证号').fill(ZHANG_SAN);
  await field(page, '联系人姓名').fill('张小明');
  await field(page, '关系').fill('侄子');
  await field(page, '电话').fill('13800138000');
  await choose(page, '床位', /101室 2床/);
  await field(page, '服务协议编号').fill('XY-2026-002');
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByText('该身份证号的老人（张三）已在院，不能重复入住')).toBeVisible();

  // Discharge.
  await page.getByRole('link', { name: '在院老人' }).click();
  await page.getByRole('button', { name: '张三' }).click();
  await page.getByRole('button', { name: '办理离院' }).click();
  await choose(page, '离院原因', '退住');
  await page.getByRole('dialog').getByRole('button', { name: '办理离院' }).click();
  await expect(page.getByTestId('resident-status')).toHaveText('已离院');
  await expect(page.getByRole('button', { name: '办理离院' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '再次入住' })).toBeVisible();

  await page.getByRole('link', { name: '房态图' }).click();
  await expect(page.getByTestId('count-occupied')).toHaveText('占用 0');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByText('本月入住 / 本月离院')).toBeVisible();
  await expectAccessible(page, 'dashboard');
});
