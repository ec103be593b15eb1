// A manager assesses a resident with the GB/T 42195 form: an incomplete form cannot be finalised; the level follows
// the scores and the rules, with the reasons shown; the due list and the risk badges follow.
import { chinaDate } from '../../shared/domain/dates';
import { computeCheckChar } from '../../shared/domain/id-number';
import { ITEMS } from '../../shared/domain/assessment/items';
import { SAFETY_RISKS } from '../../shared/domain/assessment/safety-risks';
import { PROFILE } from '../helpers/centre';
import { ADMIN, expect, expectAccessible, field, shot, signInWithPassword, test } from './fixtures';

test('assess a resident: scores, level, reasons, final and read-only; due list and risk badges', async ({ page, app }) => {
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  const { id } = await app.api<{ id: string }>('residents.admit', {
    person: { name: '张三', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated' },
    admission: { date: chinaDate(new Date()), bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });
  await app.api('risk.record', {
    residentId: id,
    assessedOn: chinaDate(new Date()),
    risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: r.code === 'fall' ? 'high' : 'low', measures: r.code === 'fall' ? '床栏、防滑鞋、夜间巡视' : '' })),
    assessor: '李评估',
    note: '',
  });

  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('due-assessments')).toContainText('入住后尚未做能力评估');
  await page.getByRole('link', { name: '房态图' }).click();
  await expect(page.getByTestId('risk-badge')).toHaveText('跌倒高风险');

  await page.getByRole('link', { name: '在院老人' }).click();
  await page.getByRole('button', { name: '张三' }).click();
  await page.getByRole('button', { name: '新建能力评估' }).click();
  await field(page, '评估员1').fill('李评估');
  await field(page, '评估员2').fill('赵评估');
  // Every item at its top score but the last one.
  for (const item of ITEMS.slice(0, -1)) {
    await page.getByRole('radiogroup', { name: `${item.code} ${item.name}` }).getByRole('radio', { name: new RegExp(`^${item.max}分`) }).click();
  }
  await expect(page.getByText('还有 1 项未评分')).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByRole('alert')).toContainText('还有 1 项未评分（B.4.5 社会交往能力），评完才能定稿');

  await page.getByRole('radiogroup', { name: 'B.4.5 社会交往能力' }).getByRole('radio', { name: /^3分/ }).click();
  await expect(page.getByTestId('total')).toHaveText('89');
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
  // Printed, the page is the Appendix C report only.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: '老年人能力评估报告' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '中度失能' })).toBeVisible();
  await expect(page.getByRole('button', { name: '返回档案' })).toBeHidden();
  await shot(page, 'assessment-report');
  await page.emulateMedia({ media: 'screen' });

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
