// A caregiver's night on a phone (issue 13, section 3): 20 residents on one list, one round that completes their
// round tasks, "有异常" refused without a note, an incident whose time is the server's and whose place is the room,
// the resident page with photo, allergies, risks and the family number on tap, and an early handover that asks why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { type RunningApp, ADMIN, choose, expect, expectAccessible, field, pinIn, shot, signInWithPassword, test } from './fixtures';
import { validIdNumber } from '../helpers/ids';

const DAY = '2026-03-16';
const NIGHT = '01900000-0000-7000-8000-000000000203';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
/** A small face, as the resident form would save it. */
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAvklEQVR42u3ZuRGAMAxEUZVDEa6JcoiJqYRyKIGYBHzIWJI/o5BgnwMPaCWth+sRAAAAAAAAAEAcwHXuOWMRkBldnSFDoisyZGz6doOMjd7OECPpqw1iJ32dYT5A1/QVBrGWvtQwE+C39EUGHcDyfFTeVAa8n1YPQKYBAAATgIEXEQAAAAAAAMDntBPAp2FLKX8s/lI6ALjfSrDYsgFwvxuNsJ2O0A8EaWgidGRBWkqKbgAAAAAAAAAAAADFcwPOEK2AxmF+XwAAAABJRU5ErkJggg==';

async function moveTo(app: RunningApp, page: Page, iso: string, browserAheadMinutes = 0) {
  app.setTime(iso);
  await page.clock.setFixedTime(new Date(new Date(iso).getTime() + browserAheadMinutes * 60_000));
}

async function noSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(390);
}

const NAMES = ['张三', '李四', '王秀英', '赵桂兰', '刘德明', '陈玉珍', '杨文华', '黄淑芬', '周国强', '吴秀兰', '徐建国', '孙玉梅', '马志刚', '朱丽华', '胡德胜', '郭美兰', '何志明', '高秀珍', '林国华', '王秀英'];

async function night20(app: RunningApp) {
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 20 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  for (let i = 1; i <= 10; i += 1) await app.api('facility.addRoom', { buildingId, floor: 1, name: `1${String(i).padStart(2, '0')}`, bedCount: 2, bedType: 'normal' });
  const beds = (await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {})).rooms.flatMap((r) => r.beds.map((b) => b.id));
  const ids: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const { id } = await app.api<{ id: string }>('residents.admit', {
      person: {
        name,
        idNumber: validIdNumber('1940-01-01', String(100 + i)),
        primaryCategory: 'tekun_concentrated',
        contacts: [{ name: `${name.slice(0, 1)}小明`, relation: '侄子', phone: `1380013${String(8000 + i)}`, isGuardian: true, isEmergency: true }],
        allergies: name === '李四' ? '青霉素' : '',
        photo: name === '李四' ? PHOTO : null,
      },
      admission: { date: '2026-03-01', bedId: beds[i], agreementNo: `XY-${i}`, agreementEnd: '2027-02-28' },
    });
    ids.push(id);
    // Round-type tasks: a round completes them for everyone.
    for (const task of ['夜间巡视，提醒起夜开灯', '检查床栏是否拉起']) {
      await app.api('careplan.saveTask', { residentId: id, task, frequency: { kind: 'each_shift' }, active: true, note: '', completesOnRound: true });
    }
  }
  // 张三 is turned every two hours (not a round task): at 01:30 his 00:00 turn is late.
  await app.api('careplan.saveTask', { residentId: ids[0], task: '翻身', frequency: { kind: 'every_hours', hours: 2 }, active: true, note: '' });
  await app.api('assessment.recordRisks', {
    residentId: ids[1],
    assessedOn: '2026-03-02',
    risks: ['choking', 'wrong_intake', 'pressure_sore', 'scald', 'fall_from_bed', 'fall', 'harm', 'wandering', 'activity_accident'].map((code) => ({ code, grade: code === 'fall' ? 'high' : 'low', measures: code === 'fall' ? '床边防滑垫' : '' })),
    assessor: '李评估',
    note: '',
  });
  const { id: staffId } = await app.api<{ id: string }>('staff.hire', { name: '夜班老赵', role: 'caregiver', hireDate: '2024-01-01', accountRole: 'caregiver', pin: '333333' });
  await app.api('roster.assign', { staffId, date: DAY, shifts: [{ shiftId: NIGHT, area: [] }] });
  return ids;
}

test('a night of 20 residents on a phone: one round completes their round tasks; the early handover asks why', async ({ page, app }) => {
  test.setTimeout(300_000);
  await moveTo(app, page, at(DAY, '20:00'));
  await night20(app);
  await moveTo(app, page, at('2026-03-17', '01:30'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(app.url);
  await pinIn(page, '夜班老赵', '333333');

  // 本班任务: 20 cards with faces or initials, 张三 red (a late turn), two 王秀英 told apart by their beds.
  await expect(page.getByRole('heading', { name: `夜班 23:00–次日07:00（${DAY}）` })).toBeVisible();
  const cards = page.getByTestId('shift-resident');
  await expect(cards).toHaveCount(20);
  await expect(cards.filter({ hasText: '张三' })).toHaveAttribute('data-state', 'overdue');
  await expect(cards.filter({ hasText: '张三' })).toContainText('1 项超时');
  const twins = cards.filter({ hasText: '王秀英' });
  await expect(twins).toHaveCount(2);
  await expect(twins.nth(0)).toContainText('一号楼 102室 1床');
  await expect(twins.nth(1)).toContainText('一号楼 110室 2床');
  await expect(cards.filter({ hasText: '李四' }).getByTestId('resident-photo')).toBeVisible();
  await expect(twins.nth(0).getByTestId('resident-initial')).toBeVisible();
  await expect(cards.filter({ hasText: '李四' })).toContainText('跌倒高风险');
  await noSidewaysScroll(page, '本班任务');
  await expectAccessible(page, 'my shift on a phone');
  await shot(page, 'night-my-shift-phone');

  // The round: 开始查房, 李四 有异常 (refused without a note), the note, 保存查房 — a handful of taps for 20 people.
  await page.getByRole('button', { name: '开始查房' }).click();
  await expect(page.getByTestId('round-resident')).toHaveCount(20);
  await page.getByRole('group', { name: /^李四/ }).getByRole('button', { name: '有异常' }).click();
  await page.getByRole('button', { name: '保存查房（20 人）' }).click();
  await expect(page.getByText('“有异常”请写一句情况说明')).toBeVisible();
  await noSidewaysScroll(page, '查房');
  await expectAccessible(page, 'round on a phone');
  await shot(page, 'night-round-phone');
  await field(page.getByTestId('round-resident').filter({ hasText: '李四' }), '情况说明（有异常时必填）').fill('咳嗽，体温 37.9℃');
  await page.getByRole('button', { name: '保存查房（20 人）' }).click();
  await expect(page.getByText('查房已记录：20 人，同时完成 38 项查房任务')).toBeVisible();
  // The round tasks of everyone found in bed are recorded (李四, unwell, is left to the caregiver): 18 cards green;
  // 张三 stays red for his turn.
  await expect(cards.and(page.locator('[data-state="done"]'))).toHaveCount(18);
  await expect(cards.filter({ hasText: '张三' })).toHaveAttribute('data-state', 'overdue');
  await expect(page.getByTestId('round-status')).toContainText('上次查房 01:30，共 1 次');

  // The resident page: photo, allergies, risks, the family's number on tap (audited).
  await cards.filter({ hasText: '李四' }).click();
  await expect(page.getByTestId('resident-photo')).toBeVisible();
  await expect(page.getByTestId('allergies')).toHaveText('过敏：青霉素');
  await expect(page.getByTestId('risk-badges')).toContainText('跌倒高风险');
  await expect(page.getByTestId('family-contact')).toContainText('138****8001');
  // Found unwell on the round, so her bed-rail check was not ticked for her.
  await expect(page.getByTestId('task-row').filter({ hasText: '检查床栏是否拉起' })).not.toContainText('查房时完成');
  await noSidewaysScroll(page, '老人本班');
  await expectAccessible(page, 'resident shift on a phone');
  await shot(page, 'night-resident-phone');
  await page.getByRole('button', { name: /显示电话/ }).click();
  await expect(page.getByTestId('family-phone')).toHaveText('13800138001');
  await expect(page.getByTestId('family-phone')).toHaveAttribute('href', 'tel:13800138001');
  const reveals = await app.api<{ total: number }>('audit.search', { action: 'view_contact_phone' });
  expect(reveals.total).toBe(1);
  await page.getByRole('link', { name: /返回本班任务/ }).click();

  // An incident: the tablet's clock runs 5 minutes ahead; the form starts at the server's 01:40, the place at the room.
  await moveTo(app, page, at('2026-03-17', '01:40'), 5);
  await page.getByRole('button', { name: '登记意外事件' }).click();
  const form = page.getByRole('dialog');
  await choose(page, '老人', /^李四/);
  await expect(field(form, '发生地点')).toHaveValue('一号楼 101室');
  await expect(form.getByTestId('incident-time')).toContainText('2026-03-17 01:40');
  await form.getByRole('button', { name: '跌倒', exact: true }).click();
  await form.getByRole('button', { name: '轻微', exact: true }).click();
  await field(form, '经过（发生了什么）').fill('起夜时滑倒，坐在地上');
  await field(form, '采取的措施').fill('扶回床上，检查无外伤');
  await noSidewaysScroll(page, '登记意外事件');
  await shot(page, 'night-incident-phone');
  await form.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByText('意外事件已登记')).toBeVisible();

  // 03:50, more than three hours before the end: the handover is grouped, the incident first, and asks why so early.
  await moveTo(app, page, at('2026-03-17', '03:50'));
  await pinIn(page, '夜班老赵', '333333');
  await page.evaluate(() => (location.hash = '#/handover')); // the menu is folded away on a phone
  await expect(page.getByTestId('handover-counts')).toContainText('共 20 位老人：意外 1 起');
  await expect(page.getByTestId('handover-incidents')).toContainText('李四 跌倒（轻微）');
  await expect(page.getByTestId('handover-resident').first()).toContainText('李四');
  await expect(page.getByTestId('handover-resident').filter({ hasText: '张三' })).toContainText('没记录 2');
  await page.getByRole('button', { name: /^张三/ }).click();
  await expect(page.getByText('没记录：翻身 00:00、02:00')).toBeVisible();
  await page.getByRole('button', { name: '确认交班' }).click();
  await expect(page.getByText('离下班还有 190 分钟（超过 60 分钟），提前交班请写明原因').first()).toBeVisible();
  await noSidewaysScroll(page, '交接班');
  await expectAccessible(page, 'handover on a phone');
  await shot(page, 'night-handover-phone');
  await field(page, '提前交班原因').fill('胃疼去卫生院，组长同意，由中班李霞顶班');
  await page.getByRole('button', { name: '确认交班' }).click();
  await expect(page.getByText('您已经交过班了。')).toBeVisible();

  // The manager's printed handover record of that night: grouped, short.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '锁屏/切换用户' }).click();
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  await page.evaluate(() => (location.hash = '#/handover'));
  await expect(page.getByTestId('early-reason')).toContainText('提前交班：胃疼去卫生院');
  await expect(page.getByTestId('handover-card')).toContainText('李四');
  await shot(page, 'night-handover-manager');
  await page.emulateMedia({ media: 'print' });
  const pdf = '/tmp/night-handover.pdf';
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('提前交班：胃疼去卫生院');
  expect(text).toMatch(/翻身 00:00、\s*02:00/);
  expect(text).toContain('其余 18 位老人');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
  expect(pages).toBeLessThanOrEqual(2);
  fs.copyFileSync(pdf, 'test-results/screenshots/night-handover.pdf');
});
