// Paper an inspector accepts: every printable page is printed to PDF as Chromium prints it (print media, A4, the
// page's own @page size and orientation) and read back with poppler — the scene's names and figures are all in the
// text, no name is cut, the page count stays within a bound, wide tables are landscape. The first page of each is
// kept as a PNG under test-results/screenshots/print-*.png for looking at.
// Adding a printable page is one entry in PRINTABLES.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { ADMIN, type RunningApp, choose, expect, signInWithPassword, test } from './fixtures';

const DAY = '2026-03-16'; // a Monday
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const EARLY = '01900000-0000-7000-8000-000000000201';
const CENTRE = '测试镇敬老院';
const RESIDENTS = ['张三', '李四', '欧阳秀英'];
const GUARD = '保安老周';
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

interface Printable {
  /** Names the files: print-<name>.pdf / .png. */
  name: string;
  /** Opens the page (signed in as the administrator, the scene in place) and waits until its data is shown. */
  open(page: Page, app: RunningApp): Promise<void>;
  /** Texts that must be in the printed PDF, each whole on one line (a name or a date cut in two fails). */
  expectTexts: string[];
  maxPages: number;
  /** At least this many pages (default 1). */
  minPages?: number;
  /** Every page landscape (a table of more than seven columns). */
  landscape: boolean;
  /** Texts on every page (a table's header row repeats). */
  onEveryPage?: string[];
}

/** Opens a page of the app by its address inside the running page (the session stays). */
async function go(page: Page, hashPath: string) {
  await page.evaluate((h) => (window.location.hash = h), hashPath);
}

const PRINTABLES: Printable[] = [
  {
    name: 'care-ledger',
    async open(page) {
      await go(page, '#/care?tab=ledgers&kind=care');
      await expect(page.getByTestId('ledger')).toContainText('夜间咳嗽两次');
    },
    expectTexts: [`${CENTRE} 护理记录台账`, ...RESIDENTS, '2026-03-16', '08:15', '14:45', '王院长', '记录人签字'],
    // 3 + 3 × 14 records run onto a second page; the header row comes with them.
    minPages: 2,
    maxPages: 3,
    landscape: true,
    onEveryPage: ['日期', '时间', '班次', '老人', '床位', '内容', '记录人'],
  },
  {
    name: 'incident-ledger',
    async open(page) {
      await go(page, '#/care?tab=ledgers&kind=incidents');
      await expect(page.getByTestId('ledger')).toContainText('卫生间门口');
    },
    expectTexts: [`${CENTRE} 意外事件登记`, '李四', '欧阳秀英', '卫生间门口', '王院长'],
    maxPages: 2,
    landscape: true,
  },
  {
    name: 'fire-patrol-ledger',
    async open(page) {
      await go(page, '#/fire?tab=ledgers');
      await expect(page.getByTestId('fire-ledger')).toContainText('东侧安全出口');
    },
    expectTexts: [`${CENTRE} 防火巡查记录`, '东侧安全出口', '厨房', '王院长', '2026-03-16'],
    maxPages: 2,
    landscape: false,
  },
  {
    name: 'fire-danger-ledger',
    async open(page) {
      await go(page, '#/fire?tab=ledgers');
      await choose(page, '台账', '火灾隐患整改台账');
      await expect(page.getByTestId('fire-ledger')).toContainText('纸箱');
    },
    expectTexts: [`${CENTRE} 火灾隐患整改台账`, GUARD, '2026-03-23', '待整改'],
    maxPages: 2,
    landscape: true,
  },
  {
    name: 'fire-drill-ledger',
    async open(page) {
      await go(page, '#/fire?tab=ledgers');
      await choose(page, '台账', '消防演练记录');
      await expect(page.getByTestId('fire-ledger')).toContainText('夜间火灾疏散');
    },
    expectTexts: [`${CENTRE} 消防演练记录`, '夜间火灾疏散', '2026-03-10', '王院长'],
    maxPages: 1,
    landscape: true,
  },
  {
    name: 'kitchen-sheet',
    async open(page) {
      await go(page, '#/meals?tab=today');
      await expect(page.getByTestId('kitchen-sheet')).toContainText('欧阳秀英');
    },
    expectTexts: [`${CENTRE} ${DAY}`, '张三', '欧阳秀英', '软食', '花生', '一号楼'],
    maxPages: 1,
    landscape: false,
  },
  {
    // The cook's weekly menu, printed with the browser: its cells are buttons, and their dishes must stay on paper.
    name: 'menu-week',
    async open(page) {
      await go(page, '#/meals?tab=menu');
      await expect(page.getByTestId('menu-grid')).toContainText('红烧肉');
    },
    expectTexts: ['2026-03-16 至 2026-03-22', '3月16日 周一', '3月22日 周日', '早餐', '晚餐', '小米粥', '红烧肉', '鸡蛋面'],
    maxPages: 1,
    landscape: true,
  },
  {
    name: 'menu-board',
    async open(page) {
      await go(page, '#/meals?tab=menu');
      await page.getByRole('button', { name: '菜单牌（打印）' }).click();
      await expect(page.getByTestId('menu-board')).toContainText('【软食】');
    },
    expectTexts: [`${CENTRE} 本周菜谱`, '3月16日', '3月22日', '早餐', '午餐', '晚餐', '红烧肉', '【软食】', '【糖尿病餐】'],
    minPages: 1,
    maxPages: 1, // the wall board is ONE page
    landscape: true,
  },
  {
    name: 'food-samples',
    async open(page) {
      await go(page, '#/meals?tab=samples');
      await expect(page.getByTestId('samples-table')).toContainText('红烧肉');
    },
    expectTexts: [`${CENTRE} ${DAY}`, '食品留样记录', '午餐', '红烧肉', '炒青菜', '150', '留样冰箱1', '王院长', '未处理'],
    maxPages: 1,
    landscape: true,
  },
  {
    name: 'delivery-list',
    async open(page) {
      await go(page, '#/meal-aid?tab=delivery');
      await expect(page.getByTestId('delivery-list')).toContainText('钱爷爷');
    },
    expectTexts: [`${CENTRE} 送餐单 ${DAY} 午餐`, '序号', '西线（1 人）', '钱爷爷', '西村2组5号', '送餐人签字'],
    maxPages: 1,
    landscape: false,
  },
  {
    name: 'meal-report',
    async open(page) {
      await go(page, '#/meals?tab=report');
      await expect(page.getByTestId('subsidy-claim')).toContainText('元');
    },
    expectTexts: [`${CENTRE} 2026-03 膳食月报`, '普食', '软食', '低保', '合计', '本月申请助餐补贴合计', '院长签字'],
    maxPages: 1,
    landscape: true,
  },
];

/** The scene every printable page is printed from: three residents, care records, an incident, fire patrols, a
 * hidden danger, a drill, a week's menu for three diets, lunch served, and village elders' meals. */
async function buildScene(app: RunningApp) {
  await app.api('facility.save', { name: CENTRE, creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 3, bedType: 'nursing' });
  const beds = (await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {})).rooms[0].beds.map((b) => b.id);
  const contacts = [{ name: '张小明', relation: '侄子', phone: '13800138000', isGuardian: true, isEmergency: true }];
  const residents: string[] = [];
  for (const [i, name] of RESIDENTS.entries()) {
    const { id } = await app.api<{ id: string }>('residents.admit', {
      person: { name, idNumber: validIdNumber(`194${i}-0${i + 2}-0${i + 1}`, `${i + 1}23`), primaryCategory: 'tekun_concentrated', contacts, dietType: i === 0 ? 'soft' : 'regular' },
      admission: { date: '2026-01-10', bedId: beds[i], agreementNo: `XY-${i + 1}`, agreementEnd: '2027-01-09' },
    });
    residents.push(id);
  }
  await app.api('meals.setResidentDiet', { residentId: residents[2], dietType: 'diabetic', avoidances: '不吃羊肉', allergies: '花生' });
  const { id: guard } = await app.api<{ id: string }>('staff.save', { name: GUARD, role: 'security', hireDate: '2024-05-01' });
  // The manager writes the records herself: her account is linked to her entry in the staff register.
  const admin = (await app.api<{ id: string; username: string | null }[]>('users.list', {})).find((u) => u.username === ADMIN.username);
  const { id: manager } = await app.api<{ id: string }>('staff.save', { name: ADMIN.displayName, role: 'manager', hireDate: '2020-01-01', userId: admin?.id ?? null });
  await app.api('roster.assign', { staffId: manager, date: DAY, shifts: [{ shiftId: EARLY, area: [] }] });

  // Care: a record for each resident on the early shift, and 李四's fall.
  for (const [i, residentId] of residents.entries()) {
    const text = ['夜间咳嗽两次，已告知医生', '午饭吃了大半碗', '情绪稳定，下午在院子里散步'][i];
    await app.api('care.record', { shiftId: EARLY, shiftDate: DAY, residentId, requestId: randomUUID(), occurredAt: at(DAY, `${String(8 + i).padStart(2, '0')}:15`), data: { kind: 'note', text } });
    // A shift's worth of turning every half hour: enough rows for the ledger to need a second page.
    for (let n = 0; n < 14; n++) {
      const time = `${String(8 + Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '45' : '30'}`;
      await app.api('care.record', { shiftId: EARLY, shiftDate: DAY, residentId, requestId: randomUUID(), occurredAt: at(DAY, time), data: { kind: 'note', text: `${time} 翻身，皮肤完好，无受压发红` } });
    }
  }
  await app.api('incidents.report', {
    requestId: randomUUID(),
    residentId: residents[1],
    type: 'fall',
    occurredAt: at(DAY, '10:40'),
    place: '卫生间门口',
    severity: 'minor',
    description: '李四起身时滑倒，左膝擦伤',
    actionTaken: '扶起、消毒包扎，观察两小时无异常',
  });
  await app.api('incidents.report', {
    requestId: randomUUID(),
    residentId: residents[2],
    type: 'choking',
    occurredAt: at(DAY, '12:05'),
    place: '餐厅',
    severity: 'moderate',
    description: '欧阳秀英吃饭时呛咳',
    actionTaken: '拍背，改为软食',
  });

  // Fire: two checkpoints walked on the day patrol, the exit blocked and raised as a danger; a night drill.
  await app.api('fire.saveCheckpoint', { name: '东侧安全出口', kind: 'exit' });
  await app.api('fire.saveCheckpoint', { name: '厨房', kind: 'kitchen' });
  const checkpoints = await app.api<{ id: string; name: string }[]>('fire.checkpoints', {});
  const items = (await app.api<{ id: string; list: string; text: string }[]>('fire.items', {})).filter((i) => i.list === 'patrol');
  const walk = () => checkpoints.flatMap((c) => items.map((i) => ({ checkpointId: c.id, itemId: i.id, result: 'ok', note: '', danger: null as unknown })));
  const results = walk();
  const blocked = results.find((r) => r.checkpointId === checkpoints.find((c) => c.name === '东侧安全出口')?.id && items.find((i) => i.id === r.itemId)?.text.startsWith('安全出口'));
  Object.assign(blocked ?? {}, { result: 'problem', note: '东侧安全出口堆放纸箱', danger: { level: 'general', description: '东侧安全出口堆放纸箱，门推不开', responsibleStaffId: guard, deadline: '2026-03-23' } });
  await app.api('fire.recordRound', { kind: 'day_patrol', doneAt: at(DAY, '09:30'), results, requestId: randomUUID() });
  await app.api('fire.recordRound', { kind: 'day_patrol', doneAt: at(DAY, '14:00'), results: walk(), requestId: randomUUID() });
  await app.api('fire.saveDrill', { date: '2026-03-10', scenario: '夜间火灾疏散', atNight: true, bedridden: true, participants: 12, evacuationSeconds: 240, evaluation: '卧床老人转移较慢', improvements: '每层备两副疏散担架' });

  // Meals: the week's menu for the ordinary, soft and diabetic diets; lunch served today; 助餐 for a village elder.
  const days = Array.from({ length: 7 }, (_, i) => `2026-03-${16 + i}`);
  const menu: Record<string, Record<string, string[]>> = {
    regular: { breakfast: ['小米粥', '肉包', '咸鸭蛋'], lunch: ['红烧肉', '炒青菜', '番茄蛋汤'], dinner: ['鸡蛋面', '凉拌黄瓜'] },
    soft: { breakfast: ['小米粥', '蒸蛋羹'], lunch: ['肉末豆腐', '南瓜泥'], dinner: ['烂面条', '冬瓜汤'] },
    diabetic: { breakfast: ['燕麦粥', '水煮蛋'], lunch: ['清蒸鱼', '炒西兰花', '杂粮饭'], dinner: ['荞麦面', '青菜豆腐汤'] },
  };
  for (const date of days)
    for (const [dietType, meals] of Object.entries(menu))
      for (const [meal, dishes] of Object.entries(meals)) await app.api('meals.saveMenu', { date, meal, dietType, dishes });
  await app.api('meals.serve', { date: DAY, meal: 'lunch', requestId: randomUUID() });
  for (const dish of ['红烧肉', '炒青菜'])
    await app.api('meals.recordSample', { date: DAY, meal: 'lunch', dish, amountGrams: 150, sampledAt: at(DAY, '15:00'), fridge: '留样冰箱1', requestId: randomUUID() });
  await app.api('meals.savePrice', { category: 'dibao', meal: 'lunch', effectiveFrom: '2026-03-01', priceFen: 800, subsidyFen: 500 });
  // A diner is an elder of the township's register (issue 17), put on it while enrolling.
  const { id: west } = await app.api<{ id: string }>('elders.saveVillage', { name: '西村' });
  await app.api('meals.saveDiner', { person: { name: '钱爷爷', idNumber: validIdNumber('1942-03-03', '457'), villageId: west, address: '西村2组5号' }, category: 'dibao', route: '西线', defaultMode: 'delivery' });
  const diners = await app.api<{ id: string; name: string }[]>('meals.diners', {});
  await app.api('meals.serveDiner', { dinerId: diners[0].id, date: DAY, meal: 'lunch', mode: 'delivery', requestId: randomUUID() });
}

/** Runs a poppler tool and returns what it printed. */
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

for (const printable of PRINTABLES) {
  test(`prints ${printable.name}: the data is on paper, within ${printable.maxPages} page(s)`, async ({ app, page }, testInfo) => {
    test.setTimeout(120_000);
    app.setTime(at(DAY, '15:00'));
    await page.clock.setFixedTime(new Date(at(DAY, '15:00')));
    await buildScene(app);
    await page.goto(app.url);
    await signInWithPassword(page, ADMIN.username, ADMIN.password);
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    await printable.open(page, app);

    await page.emulateMedia({ media: 'print' });
    // Nothing of the app shell is on the paper, and no table cell loses its content to the print stylesheet (the
    // roster's cells are buttons, once hidden with every button).
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    const emptiedCells = await page
      .locator('main td, main th')
      .evaluateAll((cells) => cells.filter((c) => (c.textContent ?? '').trim() !== '' && (c as HTMLElement).innerText.trim() === '').map((c) => c.textContent));
    expect(emptiedCells, 'table cells whose content is hidden in print').toEqual([]);
    const pdfPath = testInfo.outputPath(`print-${printable.name}.pdf`);
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    const info = poppler('pdfinfo', ['-f', '1', '-l', '100', pdfPath]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const text = poppler('pdftotext', ['-layout', pdfPath, '-']);
    for (const expected of printable.expectTexts) expect(text, `"${expected}" on the printed ${printable.name}`).toContain(expected);
    for (const [n, pageText] of text.split('\f').filter((p) => p.trim()).entries())
      for (const expected of [...(printable.onEveryPage ?? []), `第 ${n + 1} 页，共 ${pages} 页`]) expect(pageText, `"${expected}" on page ${n + 1} of ${printable.name}`).toContain(expected);
    expect(pages, `pages of ${printable.name}`).toBeGreaterThanOrEqual(printable.minPages ?? 1);
    expect(pages, `pages of ${printable.name}`).toBeLessThanOrEqual(printable.maxPages);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
    expect(sizes).toHaveLength(pages);
    for (const size of sizes) expect(size.w > size.h ? 'landscape' : 'portrait', `orientation of ${printable.name}`).toBe(printable.landscape ? 'landscape' : 'portrait');

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(SCREENSHOTS, `print-${printable.name}`)]);
  });
}
