// The settlement part of care at home through the real dispatcher on a real SQLite file (issue 18): the month's
// settlement priced at the price in force on each visit's day (hourly items by the minute, rounded to the fen),
// disputed visits listed apart and not paid; the 回访 sample reproducible and at least one per provider; checks,
// complaints and settlements with every refusal writing nothing; a check after settlement leaves the frozen statement
// as it was; voiding and settling again; the Excel export. Rows the other parts write (items, prices, providers,
// visits) are inserted directly, so these tests stand on their own.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSettledMonth, settledMonthFor } from '../../electron/backend/services/homecare/settlement';
import { sampleRank, sampleSize } from '../../electron/backend/services/homecare/checks';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let keeper: Session;
let carer: Session;
let serial = 0;
const STAMP = { created_at: '2026-01-01T00:00:00.000Z', created_by: '测试', updated_at: '2026-01-01T00:00:00.000Z', updated_by: '测试' };

function insert(table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  b.database.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
}

const ids = { village: randomUUID(), a: randomUUID(), b: randomUUID(), cleaning: randomUUID(), haircut: randomUUID(), bath: randomUUID(), worker: randomUUID() };
const elders: Record<string, string> = {};

function elder(name: string) {
  serial += 1;
  const id = randomUUID();
  insert('elders', { id, name, name_initials: 'x', id_number: validIdNumber('1940-01-01', String(100 + serial)), sex: 'female', birth_date: '1940-01-01', village_id: ids.village, registered_on: '2025-12-01', ...STAMP });
  elders[name] = id;
  return id;
}

function price(itemId: string, priceClass: string, from: string, priceFen: number, subsidyFen: number) {
  insert('home_service_prices', { id: randomUUID(), item_id: itemId, price_class: priceClass, effective_from: from, price_fen: priceFen, subsidy_fen: subsidyFen, ...STAMP });
}

function visit(o: { elder: string; provider?: string; on: string; start?: string; end?: string; cls?: string; items: [string, number][]; outcome?: 'done' | 'missed'; voided?: boolean }) {
  const id = randomUUID();
  const missed = o.outcome === 'missed';
  insert('home_service_visits', {
    id,
    elder_id: elders[o.elder],
    provider_id: o.provider ?? ids.a,
    worker_id: (o.provider ?? ids.a) === ids.a ? ids.worker : null,
    outcome: missed ? 'missed' : 'done',
    service_on: o.on,
    start_time: o.start ?? '09:00',
    end_time: missed ? null : (o.end ?? '10:30'),
    price_class: o.cls ?? 'tekun_dispersed',
    missed_reason: missed ? '老人去女儿家了' : null,
    confirmation: missed ? null : 'paper_slip',
    slip_no: missed ? null : `QR-${id.slice(0, 6)}`,
    request_id: randomUUID(),
    created_at: `${o.on}T04:00:00.000Z`,
    created_by_id: 'u1',
    created_by: '护理员',
    voided_at: o.voided ? `${o.on}T06:00:00.000Z` : null,
    voided_by: o.voided ? '社工' : null,
    void_reason: o.voided ? '录重复了' : null,
  });
  for (const [item, quantity] of o.items) insert('home_service_visit_items', { visit_id: id, item_id: item, quantity });
  return id;
}

const tables = () => ({ checks: b.count('home_service_checks'), complaints: b.count('home_service_complaints'), settlements: b.count('home_service_settlements'), audit: b.count('audit_log') });

beforeEach(async () => {
  b = await openTestBackend(); // today 2026-03-15
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  insert('villages', { id: ids.village, name: '东村', ...STAMP });
  insert('home_service_providers', { id: ids.a, name: '安康家政', kind: 'organisation', contract_no: 'HT-2026-01', ...STAMP });
  insert('home_service_providers', { id: ids.b, name: '本院上门组', kind: 'centre', ...STAMP });
  insert('home_service_workers', { id: ids.worker, provider_id: ids.a, name: '刘阿姨', ...STAMP });
  insert('home_service_items', { id: ids.cleaning, name: '助洁', category: 'life_care', unit: 'hour', ...STAMP });
  insert('home_service_items', { id: ids.haircut, name: '理发', category: 'life_care', unit: 'visit', ...STAMP });
  insert('home_service_items', { id: ids.bath, name: '助浴', category: 'basic_care', unit: 'visit', ...STAMP });
  // 助洁 30 元/小时 (特困 补 25), from 02-15 33.33 元/小时 (补 25); 理发 10 元 (全补); 高龄 助洁 30 元 (补 10)
  price(ids.cleaning, 'tekun_dispersed', '2026-01-01', 3000, 2500);
  price(ids.cleaning, 'tekun_dispersed', '2026-02-15', 3333, 2500);
  price(ids.haircut, 'tekun_dispersed', '2026-01-01', 1000, 1000);
  price(ids.cleaning, 'over_80', '2026-01-01', 3000, 1000);
  for (const name of ['赵奶奶', '钱爷爷', '孙奶奶']) elder(name);
});
afterEach(async () => b.close());

describe('the settlement preview', () => {
  it('prices each done visit at the price of its day and class, hourly by the minute rounded to the fen, and sets disputed visits apart', async () => {
    const v1 = visit({ elder: '赵奶奶', on: '2026-02-10', items: [[ids.cleaning, 90], [ids.haircut, 1]] }); // 45.00 + 10.00, subsidy 37.50 + 10.00
    const v2 = visit({ elder: '赵奶奶', on: '2026-02-20', items: [[ids.cleaning, 50]] }); // 3333 × 50 / 60 = 2777.5 → 27.78, subsidy 2083.3 → 20.83
    const v3 = visit({ elder: '钱爷爷', on: '2026-02-21', cls: 'over_80', items: [[ids.cleaning, 60]] }); // 30.00, subsidy 10.00
    visit({ elder: '钱爷爷', on: '2026-02-22', items: [[ids.cleaning, 60]], voided: true });
    visit({ elder: '钱爷爷', on: '2026-02-23', items: [[ids.cleaning, 60]], outcome: 'missed' });
    visit({ elder: '孙奶奶', provider: ids.b, on: '2026-02-23', items: [[ids.cleaning, 60]] });
    visit({ elder: '孙奶奶', on: '2026-03-02', items: [[ids.cleaning, 60]] });
    await b.call('homecare.recordCheck', { visitId: v3, kind: 'phone', checkedOn: '2026-03-01', checker: '小陈', outcome: 'disputed', note: '老人说那天没人来' }, keeper);

    const s = await b.call('homecare.settlementPreview', { providerId: ids.a, month: '2026-02' });
    expect(s.status).toBe('preview');
    expect(s.monthEnded).toBe(true);
    expect(s.lines.map((l) => [l.visitId, l.amountFen, l.subsidyFen, l.personalFen])).toEqual([
      [v1, 5500, 4750, 750],
      [v2, 2778, 2083, 695],
    ]);
    expect(s.lines[0].items.map((i) => [i.name, i.quantity, i.priceFen, i.amountFen])).toEqual([
      ['理发', 1, 1000, 1000],
      ['助洁', 90, 3000, 4500],
    ]);
    expect(s.disputed.map((l) => [l.visitId, l.amountFen, l.disputeNote])).toEqual([[v3, 3000, '老人说那天没人来']]);
    expect(s.totals).toEqual({ visits: 2, disputed: 1, amountFen: 8278, disputedFen: 3000, subsidyFen: 6833, personalFen: 1445 });
    expect(s.unpriced).toEqual([]);
  });

  it('names an item without a price on the visit day', async () => {
    visit({ elder: '赵奶奶', on: '2026-02-10', items: [[ids.bath, 1]] });
    const s = await b.call('homecare.settlementPreview', { providerId: ids.a, month: '2026-02' });
    expect(s.unpriced).toEqual([{ item: '助浴', priceClass: 'tekun_dispersed', serviceOn: '2026-02-10' }]);
    const before = tables();
    const r = await b.raw('homecare.settle', { providerId: ids.a, month: '2026-02', requestId: randomUUID() }, keeper);
    expect(r.error?.message).toMatch(/助浴（分散供养特困）在 2026-02-10 没有价格/);
    expect(tables()).toEqual(before);
  });
});

describe('回访 checks', () => {
  it('samples the setting’s share of each provider’s visits, at least one, the same every time, and checking one keeps the others', async () => {
    const aVisits = Array.from({ length: 25 }, (_, i) => visit({ elder: ['赵奶奶', '钱爷爷', '孙奶奶'][i % 3], on: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`, start: `${String(8 + (i % 10)).padStart(2, '0')}:00`, end: `${String(9 + (i % 10)).padStart(2, '0')}:00`, items: [[ids.cleaning, 60]] }));
    visit({ elder: '孙奶奶', provider: ids.b, on: '2026-02-03', items: [[ids.cleaning, 60]] });
    visit({ elder: '孙奶奶', provider: ids.b, on: '2026-02-04', items: [[ids.cleaning, 60]], voided: true });
    const first = await b.call('homecare.checkMonth', { month: '2026-02', providerId: null });
    expect(first.percent).toBe(10);
    expect(first.source).toMatch(/GB\/T 43153.*\[R\]/);
    expect(first.providers.map((p) => [p.provider, p.done, p.target, p.toCheck.length])).toEqual([
      ['安康家政', 25, 3, 3],
      ['本院上门组', 1, 1, 1],
    ]);
    const expected = [...aVisits].sort((x, y) => sampleRank('2026-02', x) - sampleRank('2026-02', y)).slice(0, 3).sort();
    expect(first.providers[0].toCheck.map((v) => v.visitId).sort()).toEqual(expected);
    expect(await b.call('homecare.checkMonth', { month: '2026-02', providerId: null })).toEqual(first);

    const picked = first.providers[0].toCheck[1].visitId;
    await b.call('homecare.recordCheck', { visitId: picked, kind: 'home', checkedOn: '2026-03-02', checker: '小陈', outcome: 'confirmed', note: '' }, keeper);
    const after = await b.call('homecare.checkMonth', { month: '2026-02', providerId: ids.a });
    expect(after.providers).toHaveLength(1);
    expect(after.providers[0].checked).toBe(1);
    expect(after.providers[0].toCheck.map((v) => v.visitId).sort()).toEqual(expected.filter((id) => id !== picked));
    expect(after.checks.map((c) => [c.visit.visitId, c.outcome, c.afterSettlement])).toEqual([[picked, 'confirmed', false]]);
    expect(sampleSize(0, 10)).toBe(0);
    expect(sampleSize(11, 10)).toBe(2);

    await b.call('homecare.saveSettlementSettings', { checkPercent: 20, complaintDays: 7 }, keeper);
    expect((await b.call('homecare.checkMonth', { month: '2026-02', providerId: ids.a })).providers[0].target).toBe(5);
  });

  it('refuses a check of a voided, missed or already checked visit, a dispute without a note, a date before the visit or ahead — writing nothing', async () => {
    const done = visit({ elder: '赵奶奶', on: '2026-03-02', items: [[ids.cleaning, 60]] });
    const voided = visit({ elder: '赵奶奶', on: '2026-03-03', items: [[ids.cleaning, 60]], voided: true });
    const missed = visit({ elder: '赵奶奶', on: '2026-03-04', items: [], outcome: 'missed' });
    const check = (visitId: string, over: Record<string, unknown> = {}) => ({ visitId, kind: 'phone' as const, checkedOn: '2026-03-10', checker: '小陈', outcome: 'confirmed' as const, note: '', ...over });
    await b.call('homecare.recordCheck', check(done), keeper);
    const before = tables();
    const refusals: [Record<string, unknown>, RegExp][] = [
      [check(voided), /已作废（录重复了），不能回访/],
      [check(missed), /未上门的服务（老人去女儿家了），回访只针对已完成的服务/],
      [check(done), /已于 2026-03-10 由小陈回访过（属实），每次服务只回访一次/],
      [check(voided, { outcome: 'disputed', note: '  ' }), /有异议的回访必须写明异议内容/],
      [check(voided, { checkedOn: '2026-03-01' }), /已作废/],
    ];
    for (const [input, message] of refusals) {
      const r = await b.raw('homecare.recordCheck', input as never, keeper);
      expect(r.ok).toBe(false);
      expect(r.error?.message).toMatch(message);
    }
    const fresh = visit({ elder: '钱爷爷', on: '2026-03-05', items: [[ids.cleaning, 60]] });
    expect((await b.raw('homecare.recordCheck', check(fresh, { checkedOn: '2026-03-04' }), keeper)).error?.message).toMatch(/回访日期（2026-03-04）早于服务日期（2026-03-05）/);
    expect((await b.raw('homecare.recordCheck', check(fresh, { checkedOn: '2026-03-16' }), keeper)).error?.message).toMatch(/在将来/);
    expect((await b.raw('homecare.recordCheck', check(fresh), carer)).error?.code).toBe('FORBIDDEN');
    expect(tables()).toEqual(before);
  });
});

describe('complaints', () => {
  it('lists open complaints with the days open, red past the limit, until answered; refuses an answer without text or a second answer', async () => {
    const v = visit({ elder: '赵奶奶', on: '2026-03-02', items: [[ids.cleaning, 60]] });
    const old = await b.call('homecare.recordComplaint', { visitId: v, receivedOn: '2026-03-03', fromWhom: '赵奶奶的女儿', complaint: '打扫不干净，只来了半小时' }, carer);
    await b.call('homecare.recordComplaint', { visitId: v, receivedOn: '2026-03-12', fromWhom: '赵奶奶', complaint: '服务员态度不好' }, carer);
    const open = await b.call('homecare.complaints', { status: 'open', query: '' });
    expect(open.limitDays).toBe(7);
    expect(open.rows.map((c) => [c.fromWhom, c.daysOpen, c.overdue, c.visit.elder, c.visit.items])).toEqual([
      ['赵奶奶的女儿', 12, true, '赵奶奶', '助洁 60分钟'],
      ['赵奶奶', 3, false, '赵奶奶', '助洁 60分钟'],
    ]);
    expect((await b.call('homecare.complaints', { status: 'open', query: '态度' })).rows).toHaveLength(1);

    const before = tables();
    expect((await b.raw('homecare.answerComplaint', { id: old.id, answeredOn: '2026-03-14', answer: '  ' }, keeper)).error?.message).toBe('答复投诉必须写明答复内容');
    expect((await b.raw('homecare.answerComplaint', { id: old.id, answeredOn: '2026-03-02', answer: '已重新打扫' }, keeper)).error?.message).toMatch(/早于收到投诉的日期/);
    expect((await b.raw('homecare.answerComplaint', { id: old.id, answeredOn: '2026-03-14', answer: '已重新打扫' }, carer)).error?.code).toBe('FORBIDDEN');
    const voided = visit({ elder: '钱爷爷', on: '2026-03-03', items: [[ids.cleaning, 60]], voided: true });
    expect((await b.raw('homecare.recordComplaint', { visitId: voided, receivedOn: '2026-03-04', fromWhom: '钱爷爷', complaint: '没来' }, carer)).error?.message).toMatch(/已作废/);
    expect((await b.raw('homecare.recordComplaint', { visitId: v, receivedOn: '2026-03-01', fromWhom: '钱爷爷', complaint: '没来' }, carer)).error?.message).toMatch(/早于服务日期/);
    expect(tables()).toEqual(before);

    await b.call('homecare.answerComplaint', { id: old.id, answeredOn: '2026-03-14', answer: '已安排重新打扫，并约谈服务人员' }, keeper);
    expect((await b.raw('homecare.answerComplaint', { id: old.id, answeredOn: '2026-03-14', answer: '再答一次' }, keeper)).error?.message).toMatch(/已于 2026-03-14 由关爱专干小陈答复过/);
    expect((await b.call('homecare.complaints', { status: 'open', query: '' })).rows).toHaveLength(1);
    const all = await b.call('homecare.complaints', { status: 'all', query: '' });
    expect(all.rows.find((c) => c.id === old.id)).toMatchObject({ answeredOn: '2026-03-14', answeredBy: '关爱专干小陈', daysOpen: 11, overdue: false });
  });
});

describe('settling a month', () => {
  it('refuses a month not yet ended and a second settlement, freezes the lines, keeps them after a late check, and settles again after a void', async () => {
    const v1 = visit({ elder: '赵奶奶', on: '2026-02-10', items: [[ids.cleaning, 90]] });
    const v2 = visit({ elder: '钱爷爷', on: '2026-02-11', items: [[ids.haircut, 1]] });
    visit({ elder: '孙奶奶', on: '2026-03-02', items: [[ids.cleaning, 60]] });
    const before = tables();
    const notEnded = await b.raw('homecare.settle', { providerId: ids.a, month: '2026-03', requestId: randomUUID() }, keeper);
    expect(notEnded.error?.message).toBe('2026-03 还没有过完（到 2026-03-31 为止），月结算要从 2026-04-01 起才能办理；现在可以先看预览');
    expect((await b.raw('homecare.settle', { providerId: ids.b, month: '2026-02', requestId: randomUUID() }, keeper)).error?.message).toMatch(/没有已完成的服务记录/);
    expect((await b.raw('homecare.settle', { providerId: ids.a, month: '2026-02', requestId: randomUUID() }, carer)).error?.code).toBe('FORBIDDEN');
    expect(tables()).toEqual(before);

    const requestId = randomUUID();
    const { id } = await b.call('homecare.settle', { providerId: ids.a, month: '2026-02', requestId }, keeper);
    expect((await b.call('homecare.settle', { providerId: ids.a, month: '2026-02', requestId }, keeper)).id).toBe(id);
    expect(b.count('home_service_settlements')).toBe(1);
    const settledBefore = tables();
    const twice = await b.raw('homecare.settle', { providerId: ids.a, month: '2026-02', requestId: randomUUID() }, keeper);
    expect(twice.error?.message).toMatch(/安康家政 2026-02 已于 .* 由关爱专干小陈结算过；如需重新结算，请先作废原结算单/);
    expect(tables()).toEqual(settledBefore);
    expect(await settledMonthFor(b.holder.deps.db, ids.a, '2026-02')).toMatchObject({ id, month: '2026-02' });
    expect(await settledMonthFor(b.holder.deps.db, ids.b, '2026-02')).toBeNull();
    expect(await latestSettledMonth(b.holder.deps.db)).toBe('2026-02');

    // A dispute after settlement is recorded; the statement stays frozen and says one check came after.
    const late = await b.call('homecare.recordCheck', { visitId: v2, kind: 'phone', checkedOn: '2026-03-12', checker: '小陈', outcome: 'disputed', note: '没有理发' }, keeper);
    expect(late.afterSettlement).toBe(true);
    const frozen = await b.call('homecare.statement', { providerId: ids.a, month: '2026-02', settlementId: null });
    expect(frozen.status).toBe('settled');
    expect(frozen.lines.map((l) => l.visitId)).toEqual([v1, v2]);
    expect(frozen.totals).toMatchObject({ visits: 2, disputed: 0, amountFen: 5500 });
    expect(frozen.disputesAfter).toBe(1);
    const live = await b.call('homecare.settlementPreview', { providerId: ids.a, month: '2026-02' });
    expect(live.totals).toMatchObject({ visits: 1, disputed: 1, amountFen: 4500 });
    expect(live.settlement?.id).toBe(id);

    expect((await b.raw('homecare.voidSettlement', { id, reason: ' ' }, keeper)).error?.message).toBe('请填写作废原因');
    await b.call('homecare.voidSettlement', { id, reason: '回访发现钱爷爷的理发没有做' }, keeper);
    expect((await b.raw('homecare.voidSettlement', { id, reason: '再作废' }, keeper)).error?.message).toMatch(/已于 .* 由关爱专干小陈作废/);
    expect(await settledMonthFor(b.holder.deps.db, ids.a, '2026-02')).toBeNull();
    const again = await b.call('homecare.settle', { providerId: ids.a, month: '2026-02', requestId: randomUUID() }, keeper);
    const month = await b.call('homecare.settlements', { month: '2026-02' });
    expect(month.settlements.map((s) => [s.id, s.voided?.reason ?? null, s.totals.amountFen])).toEqual([
      [id, '回访发现钱爷爷的理发没有做', 5500],
      [again.id, null, 4500],
    ]);
    expect(month.providers.map((p) => [p.provider, p.done, p.settlement?.id ?? null])).toEqual([
      ['本院上门组', 0, null],
      ['安康家政', 2, again.id],
    ]);
    const old = await b.call('homecare.statement', { providerId: ids.a, month: '2026-02', settlementId: id });
    expect(old.settlement?.voided?.reason).toBe('回访发现钱爷爷的理发没有做');
    expect(old.lines).toHaveLength(2);
    expect(b.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get('homeServiceSettlements')).toEqual({ n: 3 });
  });

  it('exports the month to Excel: a summary and a sheet per provider with the disputed visits apart', async () => {
    visit({ elder: '赵奶奶', on: '2026-02-10', items: [[ids.cleaning, 90]] });
    const d = visit({ elder: '钱爷爷', on: '2026-02-11', items: [[ids.haircut, 1]] });
    await b.call('homecare.recordCheck', { visitId: d, kind: 'home', checkedOn: '2026-03-01', checker: '小陈', outcome: 'disputed', note: '没有理发' }, keeper);
    const file = await b.call('homecare.exportSettlement', { month: '2026-02', providerId: null }, keeper);
    expect(file.fileName).toBe('居家上门服务结算-2026-02.xlsx');
    expect(file.rows).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '安康家政']);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getRow(3).values).toEqual([undefined, '安康家政', '服务机构', 1, 45, 37.5, 7.5, 1, 10, '未结算（预览）']);
    const sheet = book.getWorksheet('安康家政')!;
    const texts = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.join('|') : ''));
    expect(texts.some((t) => t.includes('回访有异议、不予结算的服务（1 次，10.00 元）'))).toBe(true);
    expect(texts.some((t) => t.includes('没有理发'))).toBe(true);
  });
});
