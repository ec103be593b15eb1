// The village elders' register through the UI (issue 17): a 关爱专干 adds the township's villages, registers an elder
// (a wrong ID number and one already on the register are refused on the field), finds her by pinyin initials, fills
// in her file — a son working in 广东东莞, a 赡养协议 with its photo, a 关爱等级 set by hand with its reason — and
// records another elder's death; the manager reads the settings with their sources. Screens at 1366×768 and 390×844.
import type { Page } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { validIdNumber } from '../helpers/ids';
import { ADMIN, choose, expect, expectAccessible, field, fillDate, shot, signInWithPassword, test } from './fixtures';

const DAY = '2026-03-16';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();
const ZHAO_ID = validIdNumber('1941-07-07', '456');
const QIAN_ID = validIdNumber('1950-02-02', '567');
/** A 1×1 PNG: the photo of the agreement's paper (the screen shrinks whatever it is given). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

const PC = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** The page does not scroll sideways (a phone). */
async function expectNoSidewaysScroll(page: Page) {
  // Right after the window shrinks the menu is still sliding away: judge the settled phone layout.
  await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
}

async function scene(app: { api<T = never>(method: string, input: unknown): Promise<T>; backend: { dispatch(s: Session, m: string, i: unknown): Promise<unknown> } }) {
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  await app.api('users.create', { username: 'zhou', displayName: '关爱专干小周', role: 'social_worker', password: 'Temp-password-1', pin: '246810' });
  const own = new Session();
  await app.backend.dispatch(own, 'auth.login', { username: 'zhou', password: 'Temp-password-1' });
  await app.backend.dispatch(own, 'auth.changePassword', { current: 'Temp-password-1', next: 'zhou-own-2026' });
}

test('a 关爱专干 keeps the register: villages, an elder and her file, a death', async ({ app, page }) => {
  test.setTimeout(180_000);
  app.setTime(at('09:00'));
  await page.clock.setFixedTime(new Date(at('09:00')));
  await page.setViewportSize(PC);
  await scene(app);

  await page.goto(app.url);
  await signInWithPassword(page, 'zhou', 'zhou-own-2026');
  await page.getByRole('link', { name: '农村老人' }).click();
  await expect(page.getByRole('heading', { name: '农村老人' })).toBeVisible();
  // No village yet: the register says to add the villages first.
  await expect(page.getByText('还没有登记本镇的村。请先在「村」里添加村，再登记老人。')).toBeVisible();
  await expect(page.getByRole('tab', { name: '设置' })).toHaveCount(0);
  await page.getByRole('button', { name: '去添加村' }).click();
  await expect(page.getByRole('tab', { name: '村', exact: true, selected: true })).toBeVisible();

  for (const [name, code, cadre, phone] of [
    ['东村', '411422100201', '李支书', '13700000001'],
    ['西村', '', '', ''],
  ] as const) {
    await page.getByRole('button', { name: '添加村' }).first().click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '村名').fill(name);
    await field(dialog, '区划代码').fill(code);
    await field(dialog, '村干部姓名').fill(cadre);
    await field(dialog, '村干部电话').fill(phone);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('villages-table')).toContainText(name);
  }
  await expect(page.getByTestId('villages-table')).toContainText('李支书');
  await expectAccessible(page, 'villages');
  await shot(page, 'elders-villages');

  // 钱德福 of 西村 is already on the register (moved over from meal aid, say).
  const villages = await app.api<{ id: string; name: string }[]>('elders.villages', {});
  const west = villages.find((v) => v.name === '西村')!.id;
  await app.api('elders.save', { name: '钱德福', idNumber: QIAN_ID, villageId: west, household: 'with_spouse', carer: 'spouse', registeredOn: '2026-01-05' });

  // Registering 赵桂英: a mistyped ID number, then 钱德福's number, are refused on the field; then hers.
  await page.getByRole('tab', { name: '名册' }).click();
  await expect(page.getByTestId('elders-count')).toHaveText('共 1 人');
  await page.getByRole('button', { name: '登记老人' }).first().click();
  const form = page.getByRole('dialog');
  await field(form, '姓名').fill('赵桂英');
  await field(form, '身份证号').fill(`${ZHAO_ID.slice(0, 17)}${ZHAO_ID.endsWith('1') ? '2' : '1'}`);
  await choose(page, '所在村', '东村');
  await field(form, '住址').fill('东村3组12号');
  await choose(page, '居住情况', '独自居住');
  await form.getByRole('checkbox', { name: '独居' }).check();
  await form.getByRole('checkbox', { name: '留守' }).check();
  await form.getByRole('checkbox', { name: '养老保险' }).check();
  await field(form, '慢性病').fill('高血压');
  await choose(page, '日常照料人', '邻里');
  await field(form, '联系人姓名').fill('王大妈');
  await field(form, '与老人关系').fill('邻居');
  await field(form, '联系人电话').fill('13900002222');
  await expect(field(form, '登记日期')).toHaveValue(DAY);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(field(form, '身份证号')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(form, '身份证号')).toHaveAccessibleDescription(/身份证号校验位不正确/);
  await field(form, '身份证号').fill(QIAN_ID);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(field(form, '身份证号')).toHaveAccessibleDescription(/这个身份证号已登记在名册上：西村 钱德福/);
  await expectAccessible(page, 'the register form with an error');
  await shot(page, 'elders-form-error');
  await field(form, '身份证号').fill(ZHAO_ID);
  await expect(form.getByText('女，1941-07-07 出生，84岁')).toBeVisible();
  await expect(form.getByText('84岁，自动列为高龄')).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('elders-count')).toHaveText('共 2 人');

  // Found by her pinyin initials; the row shows her groups (高龄 derived) and the level the rules give.
  await page.getByRole('textbox', { name: '搜索老人' }).fill('zgy');
  await expect(page.getByTestId('elders-count')).toHaveText('共 1 人');
  const row = page.getByTestId('elders-table').getByRole('row', { name: /赵桂英/ });
  await expect(row).toContainText('东村');
  await expect(row).toContainText('高龄');
  await expect(row).toContainText('独居');
  await expect(row.getByTestId('risk-level')).toHaveText('高');
  await expect(page.getByRole('link', { name: '打印信息台账' })).toBeVisible();
  await expect(page.getByRole('link', { name: '打印赡养协议登记表' })).toBeVisible();
  await expectAccessible(page, 'the register');
  await shot(page, 'elders-register');
  await page.getByRole('button', { name: '打开赵桂英的档案' }).click();

  // Her file.
  await expect(page.getByRole('heading', { name: '赵桂英' })).toBeVisible();
  await expect(page.getByTestId('elder-summary')).toHaveText('东村 · 女 · 84岁');
  await expect(page.getByTestId('elder-risk-line')).toHaveText('关爱等级：高 · 按规则');
  await expect(page.getByTestId('groups')).toContainText('高龄（80岁以上）');
  // Her visits and her home assessments sit under her file, each saying there are none yet.
  await expect(page.getByTestId('elder-visits')).toBeVisible();
  await expect(page.getByTestId('elder-assessments')).toBeVisible();

  // A son working in 广东东莞, away for more than half a year, her guardian.
  await page.getByRole('button', { name: '添加子女或监护人' }).click();
  const rel = page.getByRole('dialog');
  await field(rel, '姓名').fill('赵建国');
  await choose(page, '与老人关系', '儿子');
  await field(rel, '电话').fill('13800000002');
  await field(rel, '外出务工地').fill('广东东莞');
  await rel.getByRole('checkbox', { name: '外出半年以上' }).check();
  await rel.getByRole('checkbox', { name: '监护人' }).check();
  await rel.getByRole('button', { name: '保存' }).click();
  await expect(rel).toBeHidden();
  await expect(page.getByTestId('relatives').getByRole('row', { name: /赵建国/ })).toContainText('广东东莞');

  // The 赡养协议, with a photo of the paper; without the elder's consent it is refused on that box.
  await page.getByRole('button', { name: '登记赡养协议' }).click();
  const agreement = page.getByRole('dialog');
  await fillDate(page, '签订日期', '2025-12-01');
  await fillDate(page, '续签日期', '2026-03-01');
  await field(agreement, '签订人（赡养人）').fill('赵建国');
  await field(agreement, '主要内容').fill('每月给付生活费500元，每季度回家看望一次');
  await field(agreement, '监督人（村委会等）').fill('东村村委会');
  await agreement.locator('input[type="file"]').setInputFiles({ name: 'xieyi.png', mimeType: 'image/png', buffer: PNG });
  await expect(agreement.getByRole('img', { name: '协议照片' })).toBeVisible();
  await agreement.getByRole('button', { name: '保存' }).click();
  await expect(agreement.getByText('赡养协议须经老人同意（老年人权益保障法第二十条）')).toBeVisible();
  await agreement.getByRole('checkbox', { name: '老人本人同意签订这份协议' }).check();
  await agreement.getByRole('button', { name: '保存' }).click();
  await expect(agreement).toBeHidden();
  const card = page.getByTestId('agreement');
  await expect(card).toContainText('签订日期 2025-12-01 · 赵建国');
  await expect(card.getByTestId('renewal-due')).toHaveText('该续签了');
  await expect(card.getByRole('img', { name: '2025-12-01 赡养协议照片' })).toBeVisible();

  // The level by hand: refused without a reason, then kept with it.
  const risk = page.getByTestId('risk-card');
  await risk.locator('label.mantine-SegmentedControl-label', { hasText: /^中$/ }).click();
  await risk.getByRole('button', { name: '保存关爱等级' }).click();
  await expect(risk.getByText('手动调整关爱等级必须写明原因')).toBeVisible();
  await field(risk, '调整原因').fill('儿子每周回家，邻居每天照看');
  await risk.getByRole('button', { name: '保存关爱等级' }).click();
  await expect(page.getByTestId('elder-risk-line')).toContainText('关爱等级：中 · 手动调整（按规则为「高」） · 调整原因：儿子每周回家，邻居每天照看');
  await expect(page.getByTestId('elder-risk-line')).toContainText('调整原因：儿子每周回家，邻居每天照看');
  await expectAccessible(page, 'the elder’s file');
  await shot(page, 'elders-file');

  // The phone: the register as cards and the file, no sideways scrolling, no name broken per character.
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page);
  await shot(page, 'elders-file-phone');
  await page.getByRole('button', { name: '返回名册' }).click();
  await expect(page.getByTestId('elder-card').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'the register on a phone');
  await shot(page, 'elders-register-phone');
  await page.setViewportSize(PC);

  // 钱德福 died on the 10th: off the register's list, still there with 含已迁出、已去世.
  await page.getByRole('textbox', { name: '搜索老人' }).fill('钱');
  await page.getByRole('button', { name: '打开钱德福的档案' }).click();
  await page.getByRole('button', { name: '登记已去世' }).click();
  const died = page.getByRole('dialog');
  await fillDate(page, '日期', '2026-03-10');
  await field(died, '说明').fill('村干部电话告知');
  await died.getByRole('button', { name: '保存' }).click();
  await expect(died).toBeHidden();
  await expect(page.getByTestId('status-card')).toContainText('已去世');
  await expect(page.getByTestId('status-card')).toContainText('自 2026-03-10');
  await page.getByRole('button', { name: '返回名册' }).click();
  await expect(page.getByTestId('elders-count')).toHaveText('共 1 人');
  await page.getByRole('checkbox', { name: '含已迁出、已去世、已入住本院的老人' }).check();
  await expect(page.getByTestId('elders-count')).toHaveText('共 2 人（含已迁出、已去世、已入住本院）');
  await expect(page.getByTestId('elders-table').getByRole('row', { name: /钱德福/ })).toContainText('已去世');

  // A village's count of elders at home opens the register on that village.
  await page.getByRole('tab', { name: '村', exact: true }).click();
  await expect(page.getByRole('button', { name: '西村在家老人 0 人：打开名册' })).toBeVisible();
  await page.getByRole('button', { name: '东村在家老人 1 人：打开名册' }).click();
  await expect(page.getByRole('combobox', { name: '村', exact: true })).toHaveValue('东村');
  await expect(page.getByTestId('elders-count')).toHaveText('共 1 人');
});

test('the manager sees the rules and visit plan with their sources, and changes a rule', async ({ app, page }) => {
  await page.setViewportSize(PC);
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: east } = await app.api<{ id: string }>('elders.saveVillage', { name: '东村' });
  await app.api('elders.save', { name: '孙秀兰', idNumber: validIdNumber('1950-05-05', '678'), villageId: east, household: 'with_children', categories: ['dibao'], carer: 'relative', registeredOn: '2026-01-05' });
  await app.api('elders.save', { name: '周长生', idNumber: validIdNumber('1955-01-01', '789'), villageId: east, registeredOn: '2026-01-05' });
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '农村老人' }).click();
  await page.getByRole('tab', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '关爱等级规则' })).toBeVisible();
  await expect(page.getByTestId('setting-source')).toHaveCount(4);
  await expect(page.getByTestId('setting-source').first()).toContainText('北方新报');
  await expect(page.getByTestId('setting-source').first()).toContainText('待核实');
  await expect(field(page, '关爱等级「高」每隔几天探访一次')).toHaveValue('7');
  const rules = page.getByTestId('risk-rule');
  const before = await rules.count();
  await page.getByRole('button', { name: '添加规则' }).click();
  await expect(rules).toHaveCount(before + 1);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('每条规则至少要有一个条件')).toBeVisible();
  await choose(page, `规则 ${before + 1} 的等级`, '中');
  await rules.last().getByRole('checkbox', { name: '低保', exact: true }).check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expectAccessible(page, 'the register settings');
  await shot(page, 'elders-settings');
  await page.getByRole('tab', { name: '名册' }).click();
  await expect(page.getByTestId('elders-table').getByRole('row', { name: /孙秀兰/ }).getByTestId('risk-level')).toHaveText('中');
  // 周长生 came onto the register without household or carer: 待补充, and found with 只看待补充的.
  await expect(page.getByTestId('elders-table').getByRole('row', { name: /周长生/ }).getByTestId('incomplete')).toHaveText('待补充');
  await page.getByRole('checkbox', { name: '只看待补充的' }).check();
  await expect(page.getByTestId('elders-count')).toHaveText('共 1 人');
  await expect(page.getByTestId('elders-table')).toContainText('周长生');

  // Admission starts from the register: the form opens with her name and village; once she is in, the register says so.
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  await page.getByRole('checkbox', { name: '只看待补充的' }).uncheck();
  await page.getByRole('button', { name: '打开孙秀兰的档案' }).click();
  await page.getByRole('link', { name: '办理入住本院' }).click();
  await expect(page.getByTestId('admit-from-register')).toContainText('从农村老人名册办理入住：孙秀兰');
  await expect(field(page, '姓名')).toHaveValue('孙秀兰');
  await field(page, '身份证号').fill(validIdNumber('1950-05-05', '678'));
  await field(page, '联系人姓名').fill('孙小明');
  await field(page, '关系').fill('儿子');
  await field(page, '电话').fill('13800138000');
  await choose(page, '床位', /101室 1床/);
  await field(page, '服务协议编号').fill('XY-2026-009');
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByRole('heading', { name: '孙秀兰' })).toBeVisible();
  await page.getByRole('link', { name: '农村老人' }).click();
  await page.getByRole('checkbox', { name: '含已迁出、已去世、已入住本院的老人' }).check();
  await expect(page.getByTestId('elders-table').getByRole('row', { name: /孙秀兰/ })).toContainText('已入住本院');
});
