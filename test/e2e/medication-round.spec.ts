// A morning medication round through the UI (issue 19): the early caregiver signs in with her PIN; 本班任务 shows
// 本班服药 0 / 3 with the next time; on the round 张三's aspirin is one tap, his insulin asks a colleague — she taps her
// name, types a wrong PIN (refused, nothing written), then the right one; 李四 refuses his amlodipine (a usual reason is
// one tap); 李四 has a headache: a 按需 paracetamol with its reason, and later its effect. The monthly 服药记录单 is
// printed and read back from its PDF (A4 landscape, names whole). Screens at 1024×768 and 390×844 are kept under
// test-results/screenshots/medication-round-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { validIdNumber } from '../helpers/ids';
import { type RunningApp, closeNotifications, expect, expectAccessible, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-16'; // a Monday
const EARLY = '01900000-0000-7000-8000-000000000201';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function moveTo(app: RunningApp, page: Page, hhmm: string) {
  app.setTime(at(hhmm));
  await page.clock.setFixedTime(new Date(at(hhmm)));
}

async function pdfText(page: Page, file: string): Promise<{ text: string; pages: number; landscape: boolean }> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, `medication-round-${path.basename(file, '.pdf')}`)]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), landscape: Number(size?.[1]) > Number(size?.[2]) };
}

/** A caregiver account with a PIN that has already chosen its own password. */
async function caregiver(app: RunningApp, username: string, name: string, pin: string): Promise<string> {
  const { id } = await app.api<{ id: string }>('users.create', { username, displayName: name, role: 'caregiver', password: 'Temp-password-1', pin });
  const own = new Session();
  await app.backend.dispatch(own, 'auth.login', { username, password: 'Temp-password-1' });
  await app.backend.dispatch(own, 'auth.changePassword', { current: 'Temp-password-1', next: `${username}-own-2026` });
  return id;
}

test('a morning round: one tap for a dose, a high-alert dose checked by a second PIN, a refusal, a 按需 dose and its effect, the printed record', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await moveTo(app, page, '07:50');
  await page.setViewportSize(PC);

  // The scene: two residents, the early caregiver 王小花 on the roster, her colleague 李霞, the doctor's orders.
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const [bed1, bed2] = map.rooms[0].beds.map((b) => b.id);
  const contacts = [{ name: '张小明', relation: '侄子', phone: '13800138000', isGuardian: true, isEmergency: true }];
  const admit = async (name: string, birth: string, seq: string, bedId: string, no: string) =>
    (
      await app.api<{ id: string }>('residents.admit', {
        person: { name, idNumber: validIdNumber(birth, seq), primaryCategory: 'tekun_concentrated', contacts },
        admission: { date: '2026-03-01', bedId, agreementNo: no, agreementEnd: '2027-02-28' },
      })
    ).id;
  const zhang = await admit('张三', '1945-06-01', '123', bed1, 'XY-1');
  const li = await admit('李四', '1940-02-02', '234', bed2, 'XY-2');
  const wang = await caregiver(app, 'wang', '王小花', '111111');
  const { id: wangStaff } = await app.api<{ id: string }>('staff.save', { name: '王小花', role: 'caregiver', hireDate: '2024-05-01', userId: wang });
  await app.api('roster.assign', { staffId: wangStaff, date: DAY, shifts: [{ shiftId: EARLY, area: [] }] });
  const lixia = await caregiver(app, 'lixia', '李霞', '222222');
  const { id: liStaff } = await app.api<{ id: string }>('staff.save', { name: '李霞', role: 'caregiver', hireDate: '2023-05-01', userId: lixia });
  await app.api('roster.assign', { staffId: liStaff, date: DAY, shifts: [{ shiftId: EARLY, area: [] }] });
  const drug = async (name: string, form: string, strength: string, unit: string, highAlert = 'none') => (await app.api<{ id: string }>('medication.saveDrug', { name, form, strength, unit, highAlert })).id;
  const order = (residentId: string, drugId: string, o: Record<string, unknown>) =>
    app.api('medication.startOrder', {
      requestId: crypto.randomUUID(),
      residentId,
      drugId,
      prescriber: '刘医生',
      prescriberKind: 'township_hospital',
      institution: '测试镇卫生院',
      prescribedOn: '2026-03-01',
      route: 'oral',
      mealRelation: 'after',
      supply: 'self',
      startsOn: '2026-03-10',
      ...o,
    });
  await order(zhang, await drug('阿司匹林肠溶片', 'tablet', '100 mg', 'tablet'), { dose: 1, frequency: 'times', times: ['08:00'] });
  await order(zhang, await drug('门冬胰岛素注射液', 'injection', '300单位/3ml', 'unit', 'insulin'), { dose: 8, frequency: 'times', times: ['07:45'], route: 'subcutaneous', mealRelation: 'before' });
  await order(li, await drug('苯磺酸氨氯地平片', 'tablet', '5 mg', 'tablet'), { dose: 1, frequency: 'qd' });
  await order(li, await drug('对乙酰氨基酚片', 'tablet', '0.5 g', 'tablet'), { dose: 1, frequency: 'prn', prnMaxPerDay: 2, prnIndication: '头痛或发热', mealRelation: 'any' });

  // 本班任务: the round's card says how far it is and when the next dose is.
  await page.goto(app.url);
  await pinIn(page, '王小花', '111111');
  const card = page.getByTestId('shift-medication');
  await expect(card).toContainText('已发 0 / 3，下一次 07:45');
  await expectAccessible(page, 'my shift with the round card');
  await card.getByRole('link', { name: '去发药' }).click();

  // The round: residents in time order, 张三 first (07:45 insulin).
  const residents = page.getByTestId('round-resident');
  await expect(residents).toHaveCount(2);
  await expect(residents.nth(0)).toContainText('张三');
  await expect(page.getByTestId('round-progress')).toHaveText('已发 0 / 3');
  await expectAccessible(page, 'the round');
  await shot(page, 'medication-round-start');

  // One tap: 张三's aspirin.
  const aspirin = page.locator('[data-testid="dose"][data-drug="阿司匹林肠溶片"]');
  await aspirin.getByRole('button', { name: '已服' }).click();
  await expect(aspirin).toHaveAttribute('data-state', 'given');
  await expect(aspirin).toContainText('王小花 07:50');

  // The insulin: a second person's PIN. A wrong one is refused and nothing is written; then the right one.
  const insulin = page.locator('[data-testid="dose"][data-drug="门冬胰岛素注射液"]');
  await expect(insulin).toContainText('高警示·要双人核对');
  await insulin.getByRole('button', { name: '已服' }).click();
  const check = page.getByRole('dialog');
  await expect(check).toContainText('第二人核对');
  await check.getByRole('button', { name: '李霞' }).click();
  await expect(check).toContainText('请 李霞 输入PIN码');
  await expectAccessible(page, 'the second check');
  await page.keyboard.type('999999');
  await expect(check.getByRole('alert')).toContainText('李霞的PIN码不正确');
  await expect(insulin).toHaveAttribute('data-state', 'pending');
  for (const d of '222222') await check.getByRole('button', { name: d, exact: true }).click();
  await expect(check).toBeHidden();
  await expect(insulin).toHaveAttribute('data-state', 'given');
  await expect(insulin).toContainText('核对：李霞');
  await closeNotifications(page);

  // 李四 refuses his amlodipine: a usual reason is one tap.
  const amlodipine = page.locator('[data-testid="dose"][data-drug="苯磺酸氨氯地平片"]');
  await amlodipine.getByRole('button', { name: '拒服' }).click();
  const reason = page.getByRole('dialog');
  await reason.getByText('不肯吃', { exact: true }).click();
  await reason.getByRole('button', { name: '登记' }).click();
  await expect(reason).toBeHidden();
  await expect(amlodipine).toHaveAttribute('data-state', 'refused');
  await expect(amlodipine).toContainText('不肯吃');
  await expect(page.getByTestId('round-progress')).toHaveText('已发 3 / 3');

  // 李四's headache: 按需 paracetamol, with why now; later its effect.
  const prn = page.locator('[data-testid="prn"][data-drug="对乙酰氨基酚片"]');
  await expect(prn).toContainText('每天最多 2 次，今天已服 0 次');
  await prn.getByRole('button', { name: '按需服药' }).click();
  const why = page.getByRole('dialog');
  await why.getByRole('button', { name: '已服' }).click();
  await expect(why.getByText('如：头痛、血压 170/100、睡不着')).toBeVisible();
  await why.getByLabel('为什么现在服').fill('头痛');
  await why.getByRole('button', { name: '已服' }).click();
  await expect(why).toBeHidden();
  await expect(prn).toContainText('今天已服 1 次');
  await closeNotifications(page);
  await page.setViewportSize(PHONE);
  await shot(page, 'medication-round-phone');
  await page.setViewportSize(PC);
  await prn.getByRole('button', { name: '写效果' }).click();
  const effect = page.getByRole('dialog');
  await effect.getByLabel('服药后效果如何').fill('半小时后头痛缓解');
  await effect.getByRole('button', { name: '登记' }).click();
  await expect(effect).toBeHidden();
  await expect(prn).toContainText('效果：半小时后头痛缓解');
  // A 按需 record can be corrected or reported as an error, as a scheduled dose can.
  await expect(prn.getByRole('button', { name: '更正' })).toBeVisible();
  await expect(prn.getByRole('button', { name: '报告用药差错' })).toBeVisible();
  await shot(page, 'medication-round-done');

  // 本班任务: the card says the round is done; 张三's page of the shift shows his doses as recorded.
  await page.getByRole('link', { name: '本班任务' }).click();
  await expect(page.getByTestId('shift-medication')).toContainText('已发 3 / 3，本班的药都已发完');
  await page.getByRole('button', { name: /^张三/ }).click();
  const mine = page.getByTestId('resident-doses');
  await expect(mine.locator('[data-testid="dose"][data-state="given"]')).toHaveCount(2);
  await expect(mine).toContainText('核对：李霞');

  // The month's 服药记录单 of 张三, printed.
  await page.goto(`${app.origin}/#/medication?tab=record&resident=${zhang}&month=2026-03`);
  const sheet = page.getByTestId('mar-sheet');
  await expect(sheet).toContainText('张三');
  await expect(sheet.locator('[data-testid="mar-cell"][data-state="given"]')).toHaveCount(2);
  await expectAccessible(page, 'the monthly record');
  await page.getByRole('link', { name: '打印服药记录单' }).click();
  await expect(page.getByTestId('mar-sheet')).toContainText('门冬胰岛素注射液');
  const pdf = await pdfText(page, testInfo.outputPath('mar.pdf'));
  expect(pdf.landscape).toBe(true);
  expect(pdf.text).toContain('服药记录单');
  expect(pdf.text).toContain('阿司匹林肠溶片');
  expect(pdf.text).toContain('王小花核'); // the insulin on the 16th: given by 王小花, checked
  expect(pdf.text).toContain('护理组长（签名）');
  // The giver's name is never broken one character per line.
  expect(pdf.text).not.toMatch(/王\s*\n\s*小\s*\n/);
  // Under the half: the checked insulin with who gave it and who checked it.
  expect(pdf.text).toContain('情况说明');
  expect(pdf.text).toMatch(/门冬胰岛素注射液.*核.*王小花\s+李霞/);
  expect(pdf.text).not.toMatch(/李\s*\n\s*霞\s*\n/);

  // 李四's: the refusal with its reason under the half, the 按需 dose under a header row.
  await page.goto(`${app.origin}/#/medication/mar?resident=${li}&month=2026-03`);
  await expect(page.getByTestId('mar-sheet')).toContainText('苯磺酸氨氯地平片');
  const liPdf = await pdfText(page, testInfo.outputPath('mar-li.pdf'));
  expect(liPdf.landscape).toBe(true);
  expect(liPdf.text).toMatch(/苯磺酸氨氯地平片.*拒\s+不肯吃\s+王小花/);
  expect(liPdf.text).toMatch(/日期 时间\s+药品、剂量\s+原因\s+效果\s+服药人\s+核对人\s+更正原因/);
  expect(liPdf.text).toMatch(/头痛\s+半小时后头痛缓解\s+王小花/);
});
