// Two people at two PCs: the bed chosen on the form is taken (or disabled) before "确认入住" is pressed.
// The second admission is refused with a plain message, and nothing of it is written.
import { chinaDate } from '@shared/domain/dates';
import { computeCheckChar } from '@shared/domain/id-number';
import { PROFILE } from '../helpers/centre';
import { ADMIN, type RunningApp, choose, expect, field, signInWithPassword, test } from './fixtures';

const idFor = (first17: string) => first17 + computeCheckChar(first17);

const api = (app: RunningApp, method: string, input: unknown) => app.api(method, input);

async function centreWithOneRoom(app: RunningApp) {
  await api(app, 'facility.save', PROFILE);
  const { id: buildingId } = await api(app, 'facility.addBuilding', { name: '一号楼', floors: 1 });
  await api(app, 'facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map: { rooms: { beds: { id: string; label: string }[] }[] } = await api(app, 'facility.bedMap', {});
  return map.rooms[0].beds;
}

async function fillAdmission(page: import('@playwright/test').Page) {
  await field(page, '姓名').fill('王五');
  await field(page, '身份证号').fill(idFor('32010219480304567'));
  await field(page, '联系人姓名').fill('王小二');
  await field(page, '关系').fill('儿子');
  await field(page, '电话').fill('13900001111');
  await choose(page, '床位', /101室 1床/);
  await field(page, '服务协议编号').fill('XY-1');
}

test('a bed taken at another PC meanwhile is refused by name', async ({ page, app }) => {
  const [bed1] = await centreWithOneRoom(app);
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '办理入住' }).click();
  await fillAdmission(page);

  await api(app, 'residents.admit', {
    person: { name: '赵六', idNumber: idFor('32010219400101123'), primaryCategory: 'dibao' },
    admission: { date: chinaDate(new Date()), bedId: bed1.id, agreementNo: 'XY-0', agreementEnd: '2099-01-01' },
  });
  const auditBefore = app.backend.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get();
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByText('一号楼 101室 1床已住着赵六，请选择空闲床位')).toBeVisible();
  expect(app.backend.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  expect(app.backend.database.sqlite.prepare("SELECT count(*) AS n FROM residents WHERE name = '王五'").get()).toEqual({ n: 0 });
});

test('a bed disabled meanwhile is refused by name', async ({ page, app }) => {
  const [bed1] = await centreWithOneRoom(app);
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '办理入住' }).click();
  await fillAdmission(page);
  await api(app, 'facility.updateBed', { id: bed1.id, label: bed1.label, bedType: 'nursing', setting: 'disabled' });
  await page.getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByText('一号楼 101室 1床已停用，不能安排入住')).toBeVisible();
  expect(app.backend.database.sqlite.prepare("SELECT count(*) AS n FROM residents WHERE name = '王五'").get()).toEqual({ n: 0 });
});
