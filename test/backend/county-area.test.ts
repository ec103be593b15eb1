// A prefecture's store above counties (issue 20): 商丘市 (4114) gathers 睢县 (411422) and 民权县 (411421). Each centre
// imports its own county's key file (county.keyFileFor: the same public key, the county's code and name), and their
// packages are accepted unchanged; a centre of another prefecture is refused with its message. The counties list, the
// indicators by county and for one county, the matrix for one county and the 各县汇总 sheet are checked. A county's
// own store keeps its key file and refuses keyFileFor.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { centreInArea, exportAndImport } from '../helpers/county-link';
import { buildPackage } from '../../electron/backend/package/package';
import { generateSigningKeys } from '../../electron/backend/package/keys';

const PERIOD = '2026-02';
const SUI = { code: '411422', name: '睢县', centre: '411422103000' };
const MINQUAN = { code: '411421', name: '民权县', centre: '411421101000' };
let city: TestBackend;
const centres: TestBackend[] = [];

/** A small centre (one building, four beds) in the given county, linked to the prefecture through its county's key file. */
async function centreIn(county: typeof SUI, name: string) {
  const { centre, keyFile } = await centreInArea(city, county, { code: county.centre, name, beds: 4 });
  centres.push(centre);
  expect(JSON.parse(keyFile.text)).toMatchObject({ countyCode: county.code, countyName: county.name });
  return centre;
}

beforeAll(async () => {
  city = await openTestBackend(tempDir(), { county: { code: '4114', name: '商丘市' } });
  const sui = await centreIn(SUI, '睢县城关敬老院');
  const minquan = await centreIn(MINQUAN, '民权县人和敬老院');
  // 睢县's centre exports February on 5 March (on time), 民权县's on the 15th (late; the due day is the 10th).
  sui.clock.set('2026-03-05T02:00:00.000Z');
  await exportAndImport(sui, city, PERIOD, tempDir('tc-usb-'));
  await exportAndImport(minquan, city, PERIOD, tempDir('tc-usb-'));
}, 180_000);
afterAll(async () => {
  for (const c of centres) await c.close();
  await city.close();
});

describe('a prefecture store', () => {
  it('says what it gathers, and hands out key files only for its own counties', async () => {
    const status = await city.call('county.status', {});
    expect(status).toMatchObject({ countyCode: '4114', countyName: '商丘市', area: 'prefecture' });
    const other = await city.raw('county.keyFileFor', { countyCode: '411521', countyName: '罗山县' });
    expect(other).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '县级代码 411521 不在本汇总范围（商丘市 4114）内' } });
    const bad = await city.raw('county.keyFileFor', { countyCode: '4114', countyName: '商丘市' });
    expect(bad).toMatchObject({ ok: false, error: { message: '县级行政区划代码应为6位数字' } });
  });

  it('keeps each centre’s county, from its code and its registration file', async () => {
    const list = await city.call('county.centres', {});
    expect(list.map((c) => [c.centreCode, c.countyCode, c.countyName])).toEqual([
      [MINQUAN.centre, MINQUAN.code, MINQUAN.name],
      [SUI.centre, SUI.code, SUI.name],
    ]);
  });

  it('refuses a centre and a package of another prefecture, and a package whose centre is not in its county', async () => {
    const { publicKey } = JSON.parse((await city.call('county.status', {})).keyFile.text) as { publicKey: string };
    const keys = { signingPrivateKey: generateSigningKeys().privateKey, countyPublicKey: publicKey };
    const base = { schemaVersion: 27, sectionVersions: {}, period: PERIOD, sequence: 1, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-03-02T00:00:00.000Z', appVersion: 'x', files: {} };
    const stage = async (centreCode: string, countyCode: string) => {
      const bytes = buildPackage({ ...base, centreCode, countyCode }, keys).bytes;
      const staged = await city.call('county.stage', { batchId: null, files: [{ name: 'x.tcpkg', base64: Buffer.from(bytes).toString('base64') }] });
      return staged.items[0];
    };
    expect(await stage('411521101000', '411521')).toMatchObject({ outcome: 'rejected', message: '这个数据包是报给县级代码 411521 的，不是本汇总范围（4114）' });
    expect(await stage('411421101000', '411422')).toMatchObject({ outcome: 'rejected', message: '数据包的机构代码 411421101000 不属于它所报的县（411422）' });
    const registration = JSON.stringify({ type: 'township-care-centre-registration', version: 1, centreCode: '411521101000', name: '罗山县敬老院', county: '罗山县', township: '某镇', publicKey: generateSigningKeys().publicKey });
    const refused = await city.raw('county.enrol', { text: registration });
    expect(refused).toMatchObject({ ok: false, error: { message: '罗山县敬老院 的行政区划代码 411521101000 不属于本汇总范围（4114），不能登记' } });
  });

  it('lists the counties with their reporting and summed figures', async () => {
    const list = await city.call('county.counties', { period: PERIOD });
    expect(list.area).toBe('prefecture');
    expect(list.counties.map((c) => ({ ...c, figures: undefined }))).toEqual([
      { countyCode: MINQUAN.code, name: MINQUAN.name, enrolled: 1, confirmed: 1, reported: 1, onTime: 0, late: 1, corrected: 0, missing: 0, figures: undefined },
      { countyCode: SUI.code, name: SUI.name, enrolled: 1, confirmed: 1, reported: 1, onTime: 1, late: 0, corrected: 0, missing: 0, figures: undefined },
    ]);
    for (const c of list.counties) expect(c.figures.beds).toBe(4);
  });

  it('shows the indicators by county for the whole area, and by centre for one county', async () => {
    const whole = await city.call('county.indicators', { period: PERIOD });
    expect(whole.columns).toBe('counties');
    expect(whole.centres.map((c) => [c.centreCode, c.name, c.figures?.beds])).toEqual([
      [MINQUAN.code, MINQUAN.name, 4],
      [SUI.code, SUI.name, 4],
    ]);
    expect(whole.reported).toBe(2);
    expect(whole.centreCount).toBe(2);
    expect(whole.total.beds).toBe(8);
    const sui = await city.call('county.indicators', { period: PERIOD, countyCode: SUI.code });
    expect(sui.columns).toBe('centres');
    expect(sui.centres.map((c) => c.centreCode)).toEqual([SUI.centre]);
    expect(sui.reported).toBe(1);
    expect(sui.centreCount).toBe(1);
    expect(sui.total.beds).toBe(4);
    expect(sui.trend.at(-1)).toMatchObject({ period: PERIOD, reported: 1 });
    const facility = await city.call('county.facilityTable', { period: PERIOD, countyCode: MINQUAN.code });
    expect(facility.rows.map((r) => r.centreCode)).toEqual([MINQUAN.centre]);
    const tekun = await city.call('county.tekunQuarter', { year: 2026, quarter: 1, countyCode: MINQUAN.code });
    expect(tekun.rows.map((r) => r.centreCode)).toEqual([MINQUAN.centre]);
    expect((await city.call('county.villages', { period: PERIOD })).reported).toBe(2);
    expect((await city.call('county.villages', { period: PERIOD, countyCode: SUI.code })).reported).toBe(1);
    expect((await city.call('county.careAtHome', { period: PERIOD, countyCode: MINQUAN.code })).withoutCare.map((c) => c.centreCode)).toEqual([MINQUAN.centre]);
  });

  it('shows the submission matrix of one county or of the whole area', async () => {
    const whole = await city.call('county.matrix', { year: 2026 });
    expect(whole.centres.map((c) => c.centreCode)).toEqual([MINQUAN.centre, SUI.centre]);
    const minquan = await city.call('county.matrix', { year: 2026, countyCode: MINQUAN.code });
    expect(minquan.centres.map((c) => [c.centreCode, c.cells[1].status])).toEqual([[MINQUAN.centre, 'late']]);
  });

  it('answers each centre as its own county, so the centre takes the 特困 answer file', async () => {
    const file = await city.call('tier.answerFile', { centreCode: MINQUAN.centre });
    expect(JSON.parse((JSON.parse(file.text) as { body: string }).body)).toMatchObject({ countyCode: MINQUAN.code, countyName: MINQUAN.name });
    const minquan = centres[1];
    expect(await minquan.call('tier.importAnswers', { fileName: file.fileName, text: file.text })).toMatchObject({ countyName: MINQUAN.name, applied: 0 });
  });

  it('puts a 各县汇总 sheet in the workbook', async () => {
    const file = await city.call('county.exportExcel', { period: PERIOD });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('各县汇总')!;
    expect(sheet).toBeDefined();
    expect((sheet.getRow(2).values as string[]).slice(1, 10)).toEqual(['县级代码', '县（市、区）', '登记机构', '已确认', '已报送', '按时', '迟报', '已更正', '未报']);
    expect((sheet.getRow(3).values as string[]).slice(1, 10)).toEqual([MINQUAN.code, MINQUAN.name, '1', '1', '1', '0', '1', '0', '0']);
    expect((sheet.getRow(4).values as string[]).slice(1, 3)).toEqual([SUI.code, SUI.name]);
    expect((book.getWorksheet('指标汇总')!.getRow(2).values as string[]).slice(1)).toEqual(['类别', '指标', '合计', MINQUAN.name, SUI.name]);
    // 报送情况: each centre's county first, the centres grouped by county (民权县 411421 before 睢县 411422).
    const matrix = book.getWorksheet('报送情况')!;
    expect((matrix.getRow(2).values as string[]).slice(1, 5)).toEqual(['县（市、区）', '机构', '机构代码', '1月']);
    expect((matrix.getRow(3).values as string[]).slice(1, 6)).toEqual([MINQUAN.name, '民权县人和敬老院', MINQUAN.centre, '未登记', '迟报']);
    expect((matrix.getRow(4).values as string[]).slice(1, 6)).toEqual([SUI.name, '睢县城关敬老院', SUI.centre, '未登记', '按时']);
    // One county's workbook: its own centres, no 各县汇总.
    const one = await city.call('county.exportExcel', { period: PERIOD, countyCode: SUI.code });
    expect(one.fileName).toBe(`睢县月报汇总-${PERIOD}.xlsx`);
    const oneBook = new ExcelJS.Workbook();
    await oneBook.xlsx.load(Buffer.from(one.base64, 'base64') as unknown as ArrayBuffer);
    expect(oneBook.getWorksheet('各县汇总')).toBeUndefined();
    expect((oneBook.getWorksheet('指标汇总')!.getRow(2).values as string[]).slice(1)).toEqual(['类别', '指标', '全县', '睢县城关敬老院']);
    // One county's own 报送情况 is as a county store's: no county column.
    expect((oneBook.getWorksheet('报送情况')!.getRow(2).values as string[]).slice(1, 4)).toEqual(['机构', '机构代码', '1月']);
    expect(oneBook.getWorksheet('导入记录')!.rowCount).toBe(3);
  });
});

describe('a county store', () => {
  it('keeps its own key file and has no key files per county', async () => {
    const county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
    try {
      const status = await county.call('county.status', {});
      expect(status).toMatchObject({ countyCode: '411422', area: 'county' });
      expect(JSON.parse(status.keyFile.text)).toMatchObject({ countyCode: '411422', countyName: '睢县' });
      expect(await county.raw('county.keyFileFor', { countyCode: '411422', countyName: '睢县' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect((await county.call('county.indicators', { period: PERIOD })).columns).toBe('centres');
    } finally {
      await county.close();
    }
  });

  it('is chosen at first run with a 6-, 4- or 2-digit code, nothing else', async () => {
    const b = await openTestBackend(tempDir(), { withAdmin: false });
    try {
      const bad = await b.raw('auth.setupAdmin', { username: 'admin', displayName: '王', password: 'Anquan-2026', pin: null, mode: 'county', countyCode: '41142', countyName: '某地' });
      expect(bad).toMatchObject({ ok: false, error: { message: '行政区划代码应为6位（县级）、4位（地市级）或2位（省级）数字' } });
    } finally {
      await b.close();
    }
  });
});
