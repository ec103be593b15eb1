// The entrusted module (分散供养特困 委托照料) through the real dispatcher on a real SQLite file: an agreement made with
// the elder's consent, replacing a carer in one action, checks that are also visits on the register (voided together),
// the month's list with its per-tier totals and the subsidy by days, the Excel export, the settings, who may do what,
// and every refusal writing nothing.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { DEFAULT_ENTRUSTED_SETTINGS } from '@shared/api/entrusted';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { ElderCategory } from '@shared/domain/elders/vocab';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let carer: Session;
let keeper: Session;
let village: string;
let serial = 300;

const instant = (date: string, hhmm = '10:00') => chinaInstant(date, hhmm).toISOString();
function at(date: string, hhmm = '10:00') {
  b.clock.set(instant(date, hhmm));
  for (const s of [b.admin, carer, keeper]) s.signIn(s.user!, b.clock.now());
}

async function addElder(name: string, categories: ElderCategory[]) {
  serial += 1;
  const { id } = await b.call('elders.save', {
    name,
    idNumber: validIdNumber('1948-05-01', String(serial)),
    villageId: village,
    address: `${name}家`,
    phone: '13900000000',
    categories,
    registeredOn: '2026-01-05',
  });
  return id;
}

const agreement = (elderId: string, over: Partial<In<'entrusted.createAgreement'>> = {}): In<'entrusted.createAgreement'> => ({
  elderId,
  carerKind: 'relative',
  carerName: '张大军',
  carerPhone: '13911112222',
  parties: DEFAULT_ENTRUSTED_SETTINGS.parties,
  duties: '每日看护、日常照料、住院陪护',
  tier: 'partly_lost',
  careTier: 2,
  tierDocumentNo: '民救〔2026〕3号',
  tierDecidedOn: '2026-01-10',
  monthlySubsidyFen: 62000,
  signedOn: '2026-02-01',
  elderConsent: true,
  fromOn: '2026-02-01',
  toOn: null,
  ...over,
});
const check = (agreementId: string, date: string, over: Partial<In<'entrusted.recordCheck'>> = {}): In<'entrusted.recordCheck'> => ({
  requestId: randomUUID(),
  agreementId,
  kind: 'home',
  checkedAt: instant(date),
  delivered: 'yes',
  carerRating: 'good',
  ...over,
});
const tables = () => ({ agreements: b.count('entrusted_care_agreements'), checks: b.count('entrusted_care_checks'), visits: b.count('elder_visits'), audit: b.count('audit_log') });

async function expectRefused(method: 'entrusted.createAgreement' | 'entrusted.recordCheck' | 'entrusted.endAgreement', input: never, code: string, text: RegExp, session?: Session) {
  const before = tables();
  const result = await b.raw(method, input, session);
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.error?.message).toMatch(text);
  expect(tables()).toEqual(before);
}

beforeEach(async () => {
  b = await openTestBackend();
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  village = (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  at('2026-03-20');
});
afterEach(async () => b.close());

function addProvider(name: string, retired = false) {
  const id = randomUUID();
  b.database.sqlite
    .prepare(`INSERT INTO home_service_providers (id, name, kind, retired_at, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'organisation', ?, 'x', 'x', 'x', 'x')`)
    .run(id, name, retired ? '2026-01-01T00:00:00.000Z' : null);
  return id;
}

describe('agreements', () => {
  it('makes one with the consent, lists it open, shows it on the elder and as a candidate with one', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed', 'living_alone']);
    const other = await addElder('王二', ['dibao']);
    const photo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const { id } = await b.call('entrusted.createAgreement', agreement(elder, { photo }), keeper);
    expect(await b.call('entrusted.agreementPhoto', { id }, carer)).toEqual({ photo });
    const rows = await b.call('entrusted.agreements', { elderId: null, includeEnded: false }, carer);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, elder: '李桂英', village: '东村', carerKind: 'relative', tier: 'partly_lost', careTier: 2, monthlySubsidyFen: 62000, open: true, lastCheck: null, hasPhoto: true });
    const mine = await b.call('entrusted.ofElder', { elderId: elder });
    expect(mine.eligible).toBe(true);
    expect(mine.open?.id).toBe(id);
    expect((await b.call('entrusted.ofElder', { elderId: other })).eligible).toBe(false);
    expect(await b.call('entrusted.candidates', {})).toEqual([{ id: elder, name: '李桂英', village: '东村', hasOpen: true }]);
    const audit = b.database.sqlite.prepare(`SELECT action, after FROM audit_log WHERE entity = 'entrustedCareAgreements'`).all() as { action: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toContain('李桂英');
  });

  it('a provider as carer: stored with the provider; missing or retired provider refused', async () => {
    const elder = await addElder('赵秀兰', ['tekun_dispersed']);
    await expectRefused('entrusted.createAgreement', agreement(elder, { carerKind: 'provider', providerId: null }) as never, 'INVALID_INPUT', /请选择是哪家服务机构/);
    const retired = addProvider('旧机构', true);
    await expectRefused('entrusted.createAgreement', agreement(elder, { carerKind: 'provider', providerId: retired }) as never, 'INVALID_INPUT', /已停用/);
    const provider = addProvider('安康居家服务中心');
    await b.call('entrusted.createAgreement', agreement(elder, { carerKind: 'provider', providerId: provider, carerName: '护理员刘芳' }));
    const [row] = await b.call('entrusted.agreements', { elderId: elder, includeEnded: true });
    expect(row).toMatchObject({ carerKind: 'provider', provider: '安康居家服务中心', providerId: provider });
    expect((await b.call('entrusted.providers', {})).map((p) => p.name)).toEqual(['安康居家服务中心']);
  });

  it('refuses, writing nothing: no consent, not 分散供养特困, not at home, to before from, an overlap', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    const dibao = await addElder('王二', ['dibao']);
    const died = await addElder('孙老汉', ['tekun_dispersed']);
    await b.call('elders.setStatus', { elderId: died, status: 'died', on: '2026-03-01', note: '' });
    const moved = await addElder('钱老太', ['tekun_dispersed']);
    await b.call('elders.setStatus', { elderId: moved, status: 'moved_away', on: '2026-03-02', note: '' });
    const inCentre = await addElder('周老汉', ['tekun_dispersed']);
    b.database.sqlite.prepare(`UPDATE elders SET status = 'in_centre', status_on = '2026-03-03' WHERE id = ?`).run(inCentre);

    await expectRefused('entrusted.createAgreement', agreement(elder, { elderConsent: false }) as never, 'INVALID_INPUT', /须经老人本人同意/);
    await expectRefused('entrusted.createAgreement', agreement(dibao) as never, 'INVALID_INPUT', /不是分散供养特困人员/);
    await expectRefused('entrusted.createAgreement', agreement(died) as never, 'INVALID_INPUT', /2026-03-01去世/);
    await expectRefused('entrusted.createAgreement', agreement(moved) as never, 'INVALID_INPUT', /迁出/);
    await expectRefused('entrusted.createAgreement', agreement(inCentre) as never, 'INVALID_INPUT', /入住本院/);
    await expectRefused('entrusted.createAgreement', agreement(elder, { fromOn: '2026-03-01', toOn: '2026-02-01' }) as never, 'INVALID_INPUT', /结束日期（2026-02-01）不能早于开始日期/);

    await b.call('entrusted.createAgreement', agreement(elder, { fromOn: '2026-02-01', toOn: '2026-12-31' }));
    await expectRefused('entrusted.createAgreement', agreement(elder, { fromOn: '2026-03-01', carerName: '邻居老周' }) as never, 'CONFLICT', /已有委托照料协议.*重叠/);
    // Before it, also overlapping when open-ended forward.
    await expectRefused('entrusted.createAgreement', agreement(elder, { fromOn: '2026-01-01', toOn: null }) as never, 'CONFLICT', /重叠/);
    // After its to date: allowed.
    await b.call('entrusted.createAgreement', agreement(elder, { fromOn: '2027-01-01', signedOn: '2026-03-20' }));
  });

  it('ends with a reason (not before a check under it), and replaces a carer in one action', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    const { id: first } = await b.call('entrusted.createAgreement', agreement(elder));
    await b.call('entrusted.recordCheck', check(first, '2026-03-05', { delivered: 'no', carerRating: 'poor', findings: '照料人外出务工，老人无人照看' }), carer);
    await expectRefused('entrusted.endAgreement', { id: first, endedOn: '2026-03-01', reason: '照料人考核不合格' } as never, 'INVALID_INPUT', /2026-03-05还有照料检查记录/);
    await expectRefused('entrusted.createAgreement', agreement(elder, { fromOn: '2026-03-03', replaces: { id: first, reason: '照料人考核不合格' } }) as never, 'INVALID_INPUT', /还有照料检查记录/);

    const before = tables();
    const { id: second } = await b.call('entrusted.createAgreement', agreement(elder, { fromOn: '2026-03-11', signedOn: '2026-03-10', carerKind: 'neighbour', carerName: '邻居周大姐', replaces: { id: first, reason: '照料人考核不合格，更换照料人' } }), keeper);
    expect(tables().agreements).toBe(before.agreements + 1);
    const rows = await b.call('entrusted.agreements', { elderId: elder, includeEnded: true });
    expect(rows.find((r) => r.id === first)).toMatchObject({ endedOn: '2026-03-10', endReason: '照料人考核不合格，更换照料人', open: false, lastCheck: { on: '2026-03-05', rating: 'poor', delivered: 'no' } });
    expect(rows.find((r) => r.id === second)).toMatchObject({ open: true, carerName: '邻居周大姐' });
    expect((await b.call('entrusted.agreements', { elderId: null, includeEnded: false })).map((r) => r.id)).toEqual([second]);
    const end = await b.raw('entrusted.endAgreement', { id: first, endedOn: '2026-03-12', reason: '再次' });
    expect(end.error?.code).toBe('CONFLICT');
    await b.call('entrusted.endAgreement', { id: second, endedOn: '2026-03-20', reason: '老人入住本院' });
    expect((await b.call('entrusted.ofElder', { elderId: elder })).open).toBeNull();
  });
});

describe('checks', () => {
  it('records a check as a visit on the register in the same action; voiding voids the visit', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    const { id: a } = await b.call('entrusted.createAgreement', agreement(elder));
    const before = tables();
    const { id } = await b.call('entrusted.recordCheck', check(a, '2026-03-18', { delivered: 'partly', carerRating: 'fair', findings: '被褥未及时换洗' }), carer);
    expect(tables()).toMatchObject({ checks: before.checks + 1, visits: before.visits + 1 });
    const row = b.database.sqlite.prepare(`SELECT * FROM entrusted_care_checks WHERE id = ?`).get(id) as { visit_id: string; checker: string; month: string };
    expect(row).toMatchObject({ checker: '护理员小王', month: '2026-03' });
    const visits = await b.call('visits.ofElder', { elderId: elder });
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ id: row.visit_id, kind: 'home', visitedOn: '2026-03-18', visitor: '护理员小王', problems: ['daily_care'] });
    expect(visits[0].notes).toContain('委托照料检查');

    const refused = await b.raw('entrusted.voidCheck', { id, reason: '记错老人' }, carer);
    expect(refused.error?.code).toBe('FORBIDDEN');
    await b.call('entrusted.voidCheck', { id, reason: '记错老人' }, keeper);
    const after = (await b.call('visits.ofElder', { elderId: elder }))[0];
    expect(after.voided).toMatchObject({ reason: '委托照料检查作废：记错老人' });
    expect((await b.call('entrusted.month', { month: '2026-03', villageId: null })).lines[0].checks).toEqual([]);
    expect((await b.raw('entrusted.voidCheck', { id, reason: '再次' })).error?.code).toBe('CONFLICT');
  });

  it('a check whose visit was voided from the visits page no longer counts', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    const { id: a } = await b.call('entrusted.createAgreement', agreement(elder));
    const { id } = await b.call('entrusted.recordCheck', check(a, '2026-03-18'));
    const visitId = (b.database.sqlite.prepare(`SELECT visit_id FROM entrusted_care_checks WHERE id = ?`).get(id) as { visit_id: string }).visit_id;
    await b.call('visits.void', { id: visitId, reason: '记错了日子' });
    const month = await b.call('entrusted.month', { month: '2026-03', villageId: null });
    expect(month.lines[0].checks).toEqual([]);
    expect(month.totals.unchecked).toBe(1);
    expect((await b.call('entrusted.ofElder', { elderId: elder })).checks[0].voided?.reason).toBe('探访记录已作废：记错了日子');
    expect((await b.call('entrusted.agreements', { elderId: elder, includeEnded: false }))[0].lastCheck).toBeNull();
    await b.call('entrusted.voidCheck', { id, reason: '同上' }); // its visit already voided: the check alone
    expect(b.database.sqlite.prepare(`SELECT void_reason FROM elder_visits WHERE id = ?`).get(visitId)).toEqual({ void_reason: '记错了日子' });
  });

  it('the same form sent twice is written once', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    const { id: a } = await b.call('entrusted.createAgreement', agreement(elder));
    const input = check(a, '2026-03-18');
    const one = await b.call('entrusted.recordCheck', input);
    const two = await b.call('entrusted.recordCheck', input);
    expect(two.id).toBe(one.id);
    expect(b.count('entrusted_care_checks')).toBe(1);
    expect(b.count('elder_visits')).toBe(1);
  });

  it('refuses, writing nothing: outside the period, in the future, findings missing, the elder gone', async () => {
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    const { id: a } = await b.call('entrusted.createAgreement', agreement(elder, { fromOn: '2026-02-10', toOn: '2026-12-31' }));
    await expectRefused('entrusted.recordCheck', check(a, '2026-02-05') as never, 'INVALID_INPUT', /不在这份协议的期限内（2026-02-10 至 2026-12-31）/);
    await expectRefused('entrusted.recordCheck', check(a, '2026-03-25') as never, 'INVALID_INPUT', /在将来/);
    await expectRefused('entrusted.recordCheck', check(a, '2026-03-18', { delivered: 'no', carerRating: 'poor', findings: '' }) as never, 'INVALID_INPUT', /请写明检查发现的问题/);
    await expectRefused('entrusted.recordCheck', check(a, '2026-03-18', { delivered: 'partly', findings: '   ' }) as never, 'INVALID_INPUT', /请写明检查发现的问题/);
    await b.call('entrusted.endAgreement', { id: a, endedOn: '2026-03-10', reason: '照料人搬走' });
    await expectRefused('entrusted.recordCheck', check(a, '2026-03-12') as never, 'INVALID_INPUT', /不在这份协议的期限内（2026-02-10 至 2026-03-10）/);
    const { id: c } = await b.call('entrusted.createAgreement', agreement(elder, { fromOn: '2026-03-11' }));
    await b.call('elders.setStatus', { elderId: elder, status: 'died', on: '2026-03-15', note: '' });
    await expectRefused('entrusted.recordCheck', check(c, '2026-03-16') as never, 'INVALID_INPUT', /去世/);
  });
});

describe('the month', () => {
  it('lists every agreement in force, the checks, 未检查, the subsidy by days and totals per tier; exports the same', async () => {
    const a1 = await addElder('李桂英', ['tekun_dispersed']);
    const a2 = await addElder('赵秀兰', ['tekun_dispersed']);
    const a3 = await addElder('孙老汉', ['tekun_dispersed']);
    const { id: first } = await b.call('entrusted.createAgreement', agreement(a1, { monthlySubsidyFen: 62000 }));
    await b.call('entrusted.createAgreement', agreement(a1, { fromOn: '2026-03-11', signedOn: '2026-03-10', carerName: '邻居周大姐', carerKind: 'neighbour', replaces: { id: first, reason: '考核不合格' } }));
    await b.call('entrusted.createAgreement', agreement(a2, { tier: 'fully_lost', careTier: 3, monthlySubsidyFen: 124000 }));
    await b.call('entrusted.createAgreement', agreement(a3, { tier: 'self_sufficient', careTier: 1, monthlySubsidyFen: 31000, fromOn: '2026-04-01', signedOn: '2026-03-20' }));
    await b.call('entrusted.recordCheck', check(first, '2026-03-05', { delivered: 'no', carerRating: 'poor', findings: '无人照看' }));
    const list = await b.call('entrusted.month', { month: '2026-03', villageId: null }, carer);
    expect(list.lines.map((l) => [l.elder, l.carerName, l.days, l.subsidyFen, l.checks.length, l.elderChecked])).toEqual([
      ['李桂英', '张大军', 10, 20000, 1, true],
      ['李桂英', '邻居周大姐', 21, 42000, 0, true], // checked this month under the agreement it replaced
      ['赵秀兰', '张大军', 31, 124000, 0, false],
    ]);
    expect(list.totals).toEqual({
      byTier: [
        { tier: 'self_sufficient', people: 0, subsidyFen: 0 },
        { tier: 'partly_lost', people: 1, subsidyFen: 62000 },
        { tier: 'fully_lost', people: 1, subsidyFen: 124000 },
      ],
      people: 2,
      checked: 1,
      unchecked: 1,
      subsidyFen: 186000,
    });
    expect((await b.call('entrusted.month', { month: '2026-04', villageId: null })).lines.map((l) => l.elder)).toEqual(['李桂英', '孙老汉', '赵秀兰']);
    // An elder who died: counted to that day, off the list after (even before the agreement is ended).
    await b.call('elders.setStatus', { elderId: a2, status: 'died', on: '2026-03-20', note: '' });
    const died = (await b.call('entrusted.month', { month: '2026-03', villageId: null })).lines.find((l) => l.elder === '赵秀兰')!;
    expect(died).toMatchObject({ days: 20, subsidyFen: 80000, open: false });
    expect((await b.call('entrusted.month', { month: '2026-04', villageId: null })).lines.map((l) => l.elder)).toEqual(['李桂英', '孙老汉']);
    await b.call('elders.setStatus', { elderId: a2, status: 'at_home', on: null, note: '登记有误' });
    // An elder who died before the agreement began: it never took effect — not on the month, no (negative) subsidy.
    const a4 = await addElder('周大娘', ['tekun_dispersed']);
    await b.call('entrusted.createAgreement', agreement(a4, { fromOn: '2026-04-10', signedOn: '2026-03-20' }));
    at('2026-04-20');
    await b.call('elders.setStatus', { elderId: a4, status: 'died', on: '2026-04-05', note: '' });
    const april = await b.call('entrusted.month', { month: '2026-04', villageId: null });
    expect(april.lines.map((l) => [l.elder, l.subsidyFen >= 0])).toEqual([['李桂英', true], ['孙老汉', true], ['赵秀兰', true]]);
    expect(april.totals.people).toBe(3);
    at('2026-03-20');

    const file = await b.call('entrusted.exportMonth', { month: '2026-03', villageId: null }, carer);
    expect(file.rows).toBe(3);
    expect(file.fileName).toBe('分散供养特困人员照料护理情况表-2026-03.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const texts = sheet.getSheetValues().flat().map(String).join('|');
    expect(texts).toContain('未检查');
    expect(texts).toContain('本月已在另一份协议下检查');
    expect(texts).toContain('200.00（10天）');
    expect(texts).toContain('1860.00');
    expect(b.database.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`).get()).toEqual({ n: 1 });
  });
});

describe('settings and roles', () => {
  it('reads the defaults, keeps what a keeper saves; a caregiver may check but not make agreements', async () => {
    expect(await b.call('entrusted.settings', {}, carer)).toEqual(DEFAULT_ENTRUSTED_SETTINGS);
    const next = { ...DEFAULT_ENTRUSTED_SETTINGS, partyPreset: 'anhui' as const, parties: '乡镇人民政府、照料服务人、特困老人', tiers: { ...DEFAULT_ENTRUSTED_SETTINGS.tiers, fully_lost: { careTier: 3 as const, subsidyFen: 124000 } } };
    expect((await b.raw('entrusted.saveSettings', next, carer)).error?.code).toBe('FORBIDDEN');
    await b.call('entrusted.saveSettings', next, keeper);
    expect(await b.call('entrusted.settings', {})).toEqual(next);
    const elder = await addElder('李桂英', ['tekun_dispersed']);
    await expectRefused('entrusted.createAgreement', agreement(elder) as never, 'FORBIDDEN', /./, carer);
  });
});
