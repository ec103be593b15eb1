// Each county's month kept added up (issue 20, migration 0028): a prefecture store (商丘市 4114) with two centres in
// 睢县 and one in 民权县. The kept sums equal the centres' figures added up, the indicators read them (a sum kept at an
// older figures version is added up again from the centres), and the migration adds up the months imported before it.
// Runs on SQLite and, in the postgres project, on the throwaway PostgreSQL server.
import Database from 'better-sqlite3';
import pg from 'pg';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addFigures, FIGURES_VERSION } from '@shared/domain/sync/figures';
import { type TestBackend, COUNTY_STORE, openTestBackend, tempDir } from '../helpers/backend';
import { centreInArea, exportAndImport } from '../helpers/county-link';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { migratePostgres } from '../../electron/backend/db/postgres/migrate';
import { createTestDatabase } from '../helpers/postgres-server';

const PERIOD = '2026-02';
const SUI = { code: '411422', name: '睢县' };
const MINQUAN = { code: '411421', name: '民权县' };
let city: TestBackend;
const centres: TestBackend[] = [];

async function centreIn(county: typeof SUI, code: string, name: string, beds: number) {
  const { centre } = await centreInArea(city, county, { code, name, beds });
  centres.push(centre);
  return centre;
}

type Row = { county_code: string; period: string; figures: string; centres: number };
const sumsOf = async (b: TestBackend) => (await b.query<Row>('SELECT county_code, period, figures, centres FROM county_figure_sums ORDER BY county_code, period')).map((r) => ({ ...r, centres: Number(r.centres), figures: JSON.parse(r.figures) as Record<string, number> }));
const figuresOf = async (b: TestBackend, prefix: string) =>
  (await b.query<{ figures: string }>('SELECT figures FROM county_figures WHERE centre_code LIKE ? AND period = ?', `${prefix}%`, PERIOD)).map((r) => JSON.parse(r.figures) as Record<string, number>);

beforeAll(async () => {
  city = await openTestBackend(tempDir(), { county: { code: '4114', name: '商丘市' } });
  const a = await centreIn(SUI, '411422103000', '睢县城关敬老院', 4);
  const b = await centreIn(SUI, '411422104000', '睢县河堤敬老院', 6);
  const c = await centreIn(MINQUAN, '411421101000', '民权县人和敬老院', 3);
  for (const centre of [a, b, c]) await exportAndImport(centre, city, PERIOD, tempDir('tc-usb-'));
}, 240_000);
afterAll(async () => {
  for (const c of centres) await c.close();
  await city.close();
});

describe('the counties’ kept sums', () => {
  it('are each county’s centres added up, refreshed by every import', async () => {
    const sums = await sumsOf(city);
    expect(sums.map((s) => [s.county_code, s.period, s.centres])).toEqual([
      [MINQUAN.code, PERIOD, 1],
      [SUI.code, PERIOD, 2],
    ]);
    const sui = sums.find((s) => s.county_code === SUI.code)!;
    expect(sui.figures._version).toBe(FIGURES_VERSION);
    expect(addFigures([sui.figures])).toEqual(addFigures(await figuresOf(city, SUI.code)));
    expect(sui.figures.beds).toBe(10);
  });

  it('are what the indicators show, by county and for the whole area', async () => {
    const shown = await city.call('county.indicators', { period: PERIOD });
    expect(shown.columns).toBe('counties');
    expect(shown.reported).toBe(3);
    expect(shown.centres.map((c) => [c.centreCode, c.figures?.beds])).toEqual([
      [MINQUAN.code, 3],
      [SUI.code, 10],
    ]);
    expect(shown.total).toEqual(addFigures(await figuresOf(city, '')));
    expect(shown.trend.at(-1)).toEqual({ period: PERIOD, reported: 3, total: shown.total });
    const one = await city.call('county.indicators', { period: PERIOD, countyCode: SUI.code });
    expect(one.columns).toBe('centres');
    expect(one.centres.map((c) => c.figures?.beds)).toEqual([4, 6]);
    expect(one.total.beds).toBe(10);
    expect(one.trend.at(-1)?.reported).toBe(2);
  });

  it('are added up again from the centres when kept by an older figures version', async () => {
    const before = await city.call('county.indicators', { period: PERIOD });
    // As an older program would have left it: another version, and counts that are not today's.
    await city.query('UPDATE county_figure_sums SET figures = ? WHERE county_code = ?', JSON.stringify({ _version: FIGURES_VERSION - 1, beds: 999 }), SUI.code);
    const after = await city.call('county.indicators', { period: PERIOD });
    expect(after.centres.find((c) => c.centreCode === SUI.code)?.figures?.beds).toBe(10);
    expect(after.total).toEqual(before.total);
    expect(after.trend).toEqual(before.trend);
  });
});

describe('migration 0028', () => {
  const figures = (version: number | null, beds: number, residents: number) => JSON.stringify({ ...(version === null ? {} : { _version: version }), beds, residents });
  const rows: [string, string, string][] = [
    ['411422103000', '2026-01', figures(FIGURES_VERSION, 4, 3)],
    ['411422104000', '2026-01', figures(FIGURES_VERSION, 6, 5)],
    ['411422103000', '2026-02', figures(FIGURES_VERSION, 4, 2)],
    ['411422104000', '2026-02', figures(FIGURES_VERSION - 1, 6, 6)],
    ['411421101000', '2026-02', figures(null, 3, 1)],
  ];
  const expected = [
    { county_code: '411421', period: '2026-02', centres: 1, figures: { _version: 0, beds: 3, residents: 1 } },
    { county_code: '411422', period: '2026-01', centres: 2, figures: { _version: FIGURES_VERSION, beds: 10, residents: 8 } },
    { county_code: '411422', period: '2026-02', centres: 2, figures: { _version: 0, beds: 10, residents: 8 } },
  ];
  const upTo27 = migrations.filter((m) => m.version <= 27);

  /** County figures as a store at version 27 kept them, then every later migration; the sums it ends with. */
  async function migratedFrom27(): Promise<unknown[]> {
    if (COUNTY_STORE === 'sqlite') {
      const db = new Database(path.join(tempDir(), 'v27.sqlite'));
      await migrate(db, { migrations: upTo27 });
      const insert = db.prepare("INSERT INTO county_figures (centre_code, period, figures, package_id) VALUES (?, ?, ?, 'p')");
      for (const r of rows) insert.run(...r);
      await migrate(db);
      const sums = db.prepare('SELECT county_code, period, figures, centres FROM county_figure_sums ORDER BY 1, 2').all() as Row[];
      db.close();
      return sums.map((r) => ({ ...r, figures: JSON.parse(r.figures) }));
    }
    const test = await createTestDatabase(inject('postgres'));
    const pool = new pg.Pool({ host: test.host, port: test.port, database: test.database, user: test.user, password: test.password, max: 1 });
    await migratePostgres(pool, upTo27);
    for (const r of rows) await pool.query("INSERT INTO county_figures (centre_code, period, figures, package_id) VALUES ($1, $2, $3, 'p')", r);
    await migratePostgres(pool);
    const sums = (await pool.query<Row>('SELECT county_code, period, figures, centres FROM county_figure_sums ORDER BY 1, 2')).rows;
    await pool.end();
    return sums.map((r) => ({ ...r, figures: JSON.parse(r.figures) }));
  }

  it(`adds up the months a ${COUNTY_STORE} store kept before it`, async () => {
    expect(await migratedFrom27()).toEqual(expected);
  });
});
