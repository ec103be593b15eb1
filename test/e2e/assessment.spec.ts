// A manager assesses a resident with the GB/T 42195 form: an incomplete form cannot be finalised; the level follows
// the scores and the rules, with the reasons shown; the due list and the risk badges follow.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ageOn, chinaDate } from '@shared/domain/dates';
import { computeCheckChar } from '@shared/domain/id-number';
import fs from 'node:fs';
import path from 'node:path';
import { ITEMS } from '@shared/domain/assessment/items';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { PROFILE } from '../helpers/centre';
import type { Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, field, shot, signInWithPassword, test } from './fixtures';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

/** Opens a page of the app by its address inside the running page (the session stays; the menu's folding is not under test here). */
async function go(page: Page, hashPath: string) {
  await page.evaluate((h) => (window.location.hash = h), hashPath);
}

test('assess a resident: scores, level, reasons, final and read-only; due list and risk badges', async ({ page, app }) => {
  test.setTimeout(300_000); // a long form, axe on it three times, and a printed report
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000));
  const { id } = await app.api<{ id: string }>('residents.admit', {
    person: { name: '张三', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated', ethnicity: '回族' },
    admission: { date: daysAgo(20), bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });
  // Five days ago a fall (an A.2.14 care-risk event) and a sudden illness (not one: listed for the assessor to judge).
  const incident = (type: string, description: string) => ({ requestId: randomUUID(), residentId: id, type, occurredAt: `${daysAgo(5)}T10:00:00+08:00`, place: '房间', severity: 'minor', description, actionTaken: '处理' });
  await app.api('incidents.report', incident('fall', '起夜时滑倒'));
  await app.api('incidents.report', incident('sudden_illness', '胸闷，测血压后缓解'));
  await app.api('assessment.recordRisks', {
    residentId: id,
    assessedOn: chinaDate(new Date()),
    risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: r.code === 'fall' ? 'high' : 'low', measures: r.code === 'fall' ? '床栏、防滑鞋、夜间巡视' : '' })),
    assessor: '李评估',
    note: '',
  });
  // The assessors are chosen from the staff register (or are outside assessors with an organisation).
  await app.api('staff.save', { name: '李评估', role: 'care_lead', hireDate: '2025-01-01' });
  await app.api('staff.save', { name: '赵评估', role: 'nurse', hireDate: '2025-01-01' });

  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('due-assessments')).toContainText('入住后尚未做能力评估');
  await go(page, '#/beds');
  await expect(page.getByTestId('risk-badge')).toHaveText('跌倒高风险');

  await go(page, '#/residents');
  await page.getByRole('button', { name: '张三' }).click();
  await page.getByRole('button', { name: '新建能力评估' }).click();
  // A.2.14: the fall is in its box; the sudden illness is listed beside the boxes, not counted.
  await expect(page.getByText('跌倒（含坠床）、走失、噎食、自杀、自伤已按“意外事件登记”填好，请核对。')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '跌倒', exact: true })).toHaveValue('1');
  await expect(page.getByRole('textbox', { name: '其他', exact: true })).toHaveValue('0');
  await expect(page.getByTestId('other-incidents')).toContainText('突发疾病');
  await expect(page.getByTestId('other-incidents')).toContainText('胸闷，测血压后缓解');
  // A.2 basic information: 民族 from the file; the rest chosen from the standard's options; BMI from height and weight.
  await expect(field(page, '民族（取自老人档案）')).toHaveValue('回族');
  await page.getByRole('combobox', { name: '文化程度' }).click();
  await page.getByRole('option', { name: '小学', exact: true }).click();
  await page.getByRole('combobox', { name: '婚姻状况' }).click();
  await page.getByRole('option', { name: '丧偶', exact: true }).click();
  await field(page, '身高（厘米）').fill('160');
  await field(page, '体重（千克）').fill('45');
  await expect(page.getByTestId('bmi')).toContainText('BMI 17.6，低于 18.5：建议 A.5.9 营养不良选“有”');
  await page.getByRole('button', { name: '按 BMI 填写 A.5.9' }).click();
  await expect(page.getByRole('combobox', { name: 'A.5.9 营养不良：体质指数（BMI）低于正常值' })).toHaveValue('有');

  // No level is shown before all 26 items are scored.
  await expect(page.getByTestId('preliminary-level')).toHaveText('还有 26 项未评');
  await expect(page.getByTestId('final-level')).toHaveText('还有 26 项未评');

  // Two different people: the same staff member twice is refused at once, and by the backend on saving.
  const pickStaff = async (label: string, name: string) => {
    await page.getByRole('combobox', { name: label }).fill(name.slice(0, 1));
    await page.getByRole('option', { name: new RegExp(`^${name}（`) }).click();
  };
  await pickStaff('评估员1', '李评估');
  await pickStaff('评估员2', '李评估');
  await expect(page.getByText('两位评估员不能是同一个人，请另选一位')).toBeVisible();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '两位评估员不能是同一个人，请另选一位' })).toBeVisible(); // a fading notification may be an alert too
  // An outside assessor needs an organisation.
  await page.getByRole('radiogroup', { name: '评估员2是' }).getByText('院外评估员').click();
  await field(page, '评估员2姓名').fill('孙评估');
  await expect(page.getByText('院外评估员要写明所在单位')).toBeVisible();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '评估员2“孙评估”是院外评估员，请写明所在单位（如县老年人能力评估中心）' })).toBeVisible(); // a fading notification may be an alert too
  await field(page, '评估员2所在单位').fill('县老年人能力评估中心');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();

  // Every item at its top score but the last one.
  for (const item of ITEMS.slice(0, -1)) {
    await page.getByRole('radiogroup', { name: `${item.code} ${item.name}` }).getByRole('radio', { name: new RegExp(`^${item.max}分`) }).click();
  }
  await expect(page.getByText('还有 1 项未评分')).toBeVisible();
  await expect(page.getByTestId('preliminary-level')).toHaveText('还有 1 项未评');
  await expect(page.getByTestId('final-level')).toHaveText('还有 1 项未评');
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还有 1 项未评分（B.4.5 社会交往能力），评完才能定稿' })).toBeVisible(); // a fading notification may be an alert too
  // A.5 health items, with the standard's options.
  await page.getByRole('combobox', { name: 'A.5.1 压力性损伤' }).click();
  await page.getByRole('option', { name: '无', exact: true }).click();
  await page.getByRole('combobox', { name: 'A.5.7 义齿佩戴情况（可多选）' }).click();
  await page.getByRole('option', { name: '可摘局部义齿' }).click();
  await page.keyboard.press('Escape');

  await page.getByRole('radiogroup', { name: 'B.4.5 社会交往能力' }).getByRole('radio', { name: /^3分/ }).click();
  await expect(page.getByTestId('total')).toHaveText('89');

  // 昏迷 and B.3.9 agree: ticking 昏迷 scores B.3.9 = 0 (昏迷) and A.5.11 = 有; the level is the setting's, both sources shown.
  const b39 = page.getByRole('radiogroup', { name: 'B.3.9 意识水平' });
  await page.getByLabel('处于昏迷状态').check();
  await expect(b39.getByRole('radio', { name: /^0分/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radiogroup', { name: 'B.3.9 评为 0 分：老人是昏迷还是昏睡？' }).getByLabel(/^昏迷/)).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'A.5.11 昏迷' })).toHaveValue('有');
  await expect(page.getByTestId('final-level')).toHaveText('完全失能');
  await expect(page.getByText(/附录 B\.3\.9 意识水平的注写“直接评定为重度失能”/)).toBeVisible();
  // Unticking leaves B.3.9 = 0 unanswered: finalising asks 昏迷 or 昏睡.
  await page.getByLabel('处于昏迷状态').uncheck();
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'B.3.9 意识水平评为 0 分：请选择老人是“昏迷”还是“昏睡”' })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'B.3.9 评为 0 分：老人是昏迷还是昏睡？' }).getByLabel(/^昏睡/).check();
  await expect(page.getByLabel('处于昏迷状态')).not.toBeChecked();
  await expect(page.getByTestId('total')).toHaveText('87');
  // Back to 清醒: the question goes away.
  await b39.getByRole('radio', { name: /^2分/ }).click();
  await expect(page.getByText('B.3.9 评为 0 分：老人是昏迷还是昏睡？')).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText('89');
  await expect(page.getByTestId('preliminary-level')).toHaveText('轻度失能');
  await expect(page.getByTestId('final-level')).toHaveText('轻度失能');
  await page.getByLabel('确诊痴呆（F00–F03）').check();
  await expect(page.getByTestId('final-level')).toHaveText('中度失能');
  await expect(page.getByText(/等级变更依据：确诊痴呆/)).toBeVisible();
  await expectAccessible(page, 'assessment form');
  await shot(page, 'assessment');
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('已定稿');
  await expect(page.getByRole('button', { name: '保存草稿' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '打印评估报告' })).toBeVisible();
  // The finalised header is readable: the read-only fields keep full-contrast text (axe checks them).
  await expect(page.getByTestId('评估员2-value')).toHaveText('孙评估（县老年人能力评估中心）');
  await expectAccessible(page, 'finalised assessment');
  await shot(page, 'assessment-final');
  // Printed, the page is the Appendix C report only.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: '老年人能力评估报告' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '中度失能' })).toBeVisible();
  await expect(page.getByRole('button', { name: '返回档案' })).toBeHidden();
  await shot(page, 'assessment-report');
  const pdfPath = test.info().outputPath('assessment-report.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const printed = poppler('pdftotext', ['-layout', pdfPath, '-']);
  const flat = printed.replace(/\s+/g, '');
  for (const expected of [
    '张三',
    `男，${ageOn('1945-06-01', chinaDate(new Date()))}岁`,
    '3201**********',
    '101室1床',
    '评估员：李评估',
    '评估员：孙评估（县老年人能力评估中心）',
    '轻度失能',
    '中度失能',
    '确诊痴呆',
    '可摘局部义齿',
    '老年人（或家属、代理人）',
    // A.2 of that day, the A.2.14 boxes, each item's definition, and A.5.9 with the BMI.
    '民族回族',
    '文化程度小学',
    '婚姻状况丧偶',
    '160厘米/45千克',
    '跌倒1次',
    '自杀0次',
    '自伤0次',
    '定义：使用适当的器具将食物送入口中并咽下',
    '有（BMI17.6）',
  ]) {
    expect(flat, `"${expected}" on the printed report`).toContain(expected.replace(/\s+/g, ''));
  }
  for (const item of ITEMS) expect(printed, `${item.code} ${item.name} on the printed report`).toMatch(new RegExp(`${item.code.replace(/\./g, '\\.')}\\s+${item.name.replace('/', '\\/')}`));
  // The standard's wording of the chosen scores: 4 of B.1.1 and 3 of B.4.5.
  expect(flat).toContain(ITEMS[0].levels[4]);
  expect(flat).toContain(ITEMS[25].levels[3].replace(/\s+/g, ''));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdfPath]))?.[1]);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  poppler('pdftoppm', ['-png', '-r', '70', pdfPath, path.join(SCREENSHOTS, 'print-assessment-report')]);

  // 特困 tier: the suggestion from the assessment is offered, applied only on request.
  await page.getByRole('button', { name: '返回档案' }).click();
  await page.getByRole('button', { name: '评估自理能力' }).click();
  await page.getByLabel('自主洗澡').uncheck();
  await expect(page.getByTestId('tier-result')).toHaveText('结果：部分丧失生活自理能力');
  await expect(page.getByText(/建议为：具备生活自理能力/)).toBeVisible();
  await page.getByRole('button', { name: '按建议勾选' }).click();
  await expect(page.getByTestId('tier-result')).toHaveText('结果：具备生活自理能力');
  await page.getByRole('dialog').getByLabel('评估人').fill('李评估');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('tier-latest')).toHaveText('具备生活自理能力');

  // Safety risks: a high risk needs its measures.
  await page.getByRole('button', { name: '风险评估' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radiogroup', { name: '压疮风险等级' }).getByText('高').click();
  await dialog.getByLabel('评估人').fill('李评估');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('中、高风险需要写明防范措施：压疮');
  await dialog.getByLabel('压疮防范措施').fill('每2小时翻身，气垫床');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('file-risk-badge')).toHaveText('压疮 高');
  await expectAccessible(page, 'resident file with risks');

  // Care grade: the assessment suggests 半护理; choosing 全护理 needs a reason and an approver; consent is recorded.
  await page.getByRole('button', { name: '设定护理等级' }).click();
  const gradeDialog = page.getByRole('dialog');
  await expect(gradeDialog.getByText('最近一次能力评估为“中度失能”，建议护理等级：半护理')).toBeVisible();
  await gradeDialog.getByRole('combobox', { name: '护理等级' }).click();
  await page.getByRole('option', { name: /^全护理/ }).click();
  await gradeDialog.getByLabel(/^同意人/).fill('张小明');
  await gradeDialog.getByLabel(/^与老人关系/).fill('侄子');
  await gradeDialog.getByRole('button', { name: '保存' }).click();
  await expect(gradeDialog.getByText('评估建议为「半护理」，改为「全护理」需要写明原因')).toBeVisible();
  await gradeDialog.getByLabel(/^调整原因/).fill('夜间需频繁照护');
  await gradeDialog.getByLabel(/^批准人/).fill('王院长');
  await gradeDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('grade-current')).toHaveText('全护理');
  await expect(page.getByTestId('grade-history')).toContainText('夜间需频繁照护（批准：王院长）');
  // The care plan follows grade and risks: 全护理 tasks and 翻身 every 2 hours for the high pressure-sore risk.
  await page.getByRole('button', { name: '按等级和风险生成' }).click();
  await expect(page.getByTestId('care-plan')).toContainText('翻身并检查受压部位皮肤');
  await expect(page.getByTestId('care-plan')).toContainText('每 2 小时一次');
  await expect(page.getByTestId('care-plan')).toContainText('协助如厕或更换尿垫');
  await expectAccessible(page, 'resident file with plan');
  await shot(page, 'resident-file-assessed');

  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByText('近30天没有到期的评估。')).toBeVisible();
});

test('a wrong ID check digit is named while typing, as soon as 18 characters are in', async ({ page, app }) => {
  await app.api('facility.save', PROFILE);
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await go(page, '#/admit');
  await expect(page.getByRole('heading', { name: '办理入住' })).toBeVisible();
  const first17 = '32010219450601123';
  const right = computeCheckChar(first17);
  const wrong = right === '0' ? '1' : '0';
  const idField = field(page, '身份证号');
  await idField.pressSequentially(first17);
  await expect(page.getByText(/校验码不对/)).toHaveCount(0);
  await idField.press(wrong);
  await expect(page.getByText(`身份证号最后一位校验码不对，应为 ${right}，请核对`)).toBeVisible();
  await expectAccessible(page, 'admission with a wrong check digit');
  await shot(page, 'admission-id-check-digit');
  await idField.press('Backspace');
  await idField.press(right);
  await expect(page.getByText(/校验码不对/)).toHaveCount(0);
  await expect(page.getByText(/识别结果：男，出生于 1945-06-01/)).toBeVisible();
});
