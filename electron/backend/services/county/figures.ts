// The county's tables, read from the figures computed at import: indicators for a month with a twelve-month trend,
// one centre's months and residents (the drill-down), the 特困 quarterly table, the facility table, and the
// submission matrix. Figures stored by an older version of computeFigures are recomputed from the stored records.
import { sql } from 'kysely';
import type { CentreDetail, FacilityTable, Indicators, Matrix, TekunQuarter } from '@shared/api/county';
import { chinaDate, lastDayOfMonth, shiftMonth } from '@shared/domain/dates';
import { maskIdNumber } from '@shared/domain/id-number';
import { type Figures, addFigures, computeFigures, figuresAreCurrent } from '@shared/domain/sync/figures';
import { SECTIONS } from '@shared/domain/sync/sections';
import { notFound } from '@shared/api/errors';
import type { BackendDeps } from '../../deps';
import { readMonth } from './records';
import { todayIn } from '../../clock';
import { centreNames, countyOf, listCentres } from './centres';
import { parseCountsColumn, parseJsonColumn } from '../../db/json';
import { type CountySum, figureSumsFor } from './figure-sums';

/** The one field of a centre record read here (setUpOn is optional within format 1). */
const CentreSetUp = SECTIONS.centre.schema.pick({ setUpOn: true }).loose();

/** A month's package is due by this day of the next month. [R] the county sets its own deadline in practice. */
export const DUE_DAY = 10;

const monthsBack = (period: string, n: number) => Array.from({ length: n }, (_, i) => shiftMonth(period, -(n - 1 - i)));

/** The area this store gathers: a county's 6-digit code, or a prefecture's 4 or a province's 2 (issue 20). */
export async function areaCode(deps: BackendDeps): Promise<string> {
  return (await deps.db.selectFrom('syncIdentity').select('countyCode').executeTakeFirst())?.countyCode ?? '';
}

export async function figuresFor(deps: BackendDeps, periods: string[], countyCode: string | null = null) {
  if (periods.length === 0) return [];
  let query = deps.db.selectFrom('countyFigures').select(['centreCode', 'period', 'figures']).where('period', 'in', periods);
  if (countyCode) query = query.where('centreCode', 'like', `${countyCode}%`);
  const rows = await query.execute();
  const out = [];
  for (const r of rows) {
    const stored = parseCountsColumn(r.figures, 'county_figures.figures');
    // Imported before the county counted today's figures: counted again from the records it kept (not written back).
    const figures = figuresAreCurrent(stored) ? stored : computeFigures(r.period, await readMonth(deps, r.centreCode, r.period));
    out.push({ ...r, figures });
  }
  return out;
}

/** The counties of an area store's centres, in code order, each named as its centres' registration files say. */
export function countiesOf(centres: { centreCode: string; countyName: string }[]) {
  const names = new Map<string, string>();
  for (const c of centres) {
    const code = countyOf(c.centreCode);
    if (!names.get(code)) names.set(code, c.countyName);
  }
  return [...names.keys()].sort().map((code) => ({ countyCode: code, name: names.get(code) || code }));
}

/** Counties' sums for these months: the kept ones, and any kept at an older figures version added up again. */
async function countySums(deps: BackendDeps, periods: string[], countyCode: string | null): Promise<CountySum[]> {
  const { fresh, stale } = await figureSumsFor(deps, periods, countyCode);
  for (const s of stale) {
    const rows = await figuresFor(deps, [s.period], s.countyCode);
    fresh.push({ ...s, centres: rows.length, figures: addFigures(rows.map((r) => r.figures)) });
  }
  return fresh;
}

/**
 * A month's indicators with the twelve-month trend. A county store's (or one county's, countyCode) columns are its
 * centres; a prefecture's or province's whole area has one column per county, each the sum of its centres' figures.
 * Totals and the trend come from the counties' kept sums (figure-sums.ts), so a province reads about a hundred rows a
 * month, not thousands.
 */
export async function indicators(deps: BackendDeps, period: string, countyCode: string | null = null): Promise<Indicators> {
  const centres = await centreNames(deps, true, countyCode);
  const months = monthsBack(period, 12);
  const sums = await countySums(deps, months, countyCode);
  const of = (p: string) => sums.filter((s) => s.period === p);
  const now = of(period);
  const byCounty = countyCode === null && (await areaCode(deps)).length < 6;
  const columns = byCounty
    ? countiesOf(centres).map((c) => {
        const mine = now.find((s) => s.countyCode === c.countyCode);
        return { centreCode: c.countyCode, name: c.name, figures: mine ? addFigures([mine.figures]) : null };
      })
    : await centreColumns(deps, centres, period, countyCode);
  const reported = (list: CountySum[]) => list.reduce((n, s) => n + s.centres, 0);
  return {
    period,
    columns: byCounty ? 'counties' : 'centres',
    centres: columns,
    total: addFigures(now.map((s) => s.figures)),
    reported: reported(now),
    centreCount: centres.length,
    trend: months.map((p) => ({ period: p, reported: reported(of(p)), total: addFigures(of(p).map((s) => s.figures)) })),
  };
}

/** One column per centre: its own figures for the month, or null when it has not reported. */
async function centreColumns(deps: BackendDeps, centres: { centreCode: string; name: string }[], period: string, countyCode: string | null) {
  const now = await figuresFor(deps, [period], countyCode);
  return centres.map((c) => ({ centreCode: c.centreCode, name: c.name, figures: now.find((r) => r.centreCode === c.centreCode)?.figures ?? null }));
}

export async function centreDetail(deps: BackendDeps, centreCode: string, period: string): Promise<CentreDetail> {
  const centre = (await listCentres(deps)).find((c) => c.centreCode === centreCode);
  if (!centre) throw notFound('机构');
  const months = (await figuresFor(deps, monthsBack(period, 12))).filter((r) => r.centreCode === centreCode).sort((a, b) => a.period.localeCompare(b.period));
  const { residents } = await readMonth(deps, centreCode, period, ['residents']);
  return {
    centre,
    period,
    months: months.map((m) => ({ period: m.period, figures: m.figures })),
    residents: residents
      .map((r) => ({
        id: r.id,
        name: r.name,
        // The county keeps the full number to match its roll, and shows it masked (full view: county.revealIdNumber, audited).
        idMasked: r.idNumber ? maskIdNumber(r.idNumber) : null,
        sex: r.sex,
        age: r.ageAtMonthEnd,
        category: r.category,
        level: r.abilityLevel,
        tier: r.tekunTier,
        tierProposed: r.tekunTierProposed,
        hukou: r.hukou,
        severeDisability: r.severeDisability,
        mentalIllness: r.mentalIllness,
        status: r.statusAtMonthEnd,
        overdue: r.assessmentOverdue,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
  };
}

/** 机构基本情况表: each confirmed centre's month, and the county's sum. */
export async function facilityTable(deps: BackendDeps, period: string, countyCode: string | null = null): Promise<FacilityTable> {
  const centres = await centreNames(deps, true, countyCode);
  const now = await figuresFor(deps, [period], countyCode);
  const rows = centres.map((c) => ({ centreCode: c.centreCode, name: c.name, figures: now.find((r) => r.centreCode === c.centreCode)?.figures ?? null }));
  return { period, rows, total: addFigures(now.map((r) => r.figures)), reported: now.length };
}

/** 特困人员季度表: people at the quarter's end (its last reported month), tiers and age bands; new and exited over the quarter. */
export async function tekunQuarter(deps: BackendDeps, year: number, quarter: number, countyCode: string | null = null): Promise<TekunQuarter> {
  const months = [1, 2, 3].map((i) => `${year}-${String((quarter - 1) * 3 + i).padStart(2, '0')}`);
  const centres = await centreNames(deps, true, countyCode);
  const all = await figuresFor(deps, months, countyCode);
  const rows = centres.map((c) => {
    const mine = all.filter((r) => r.centreCode === c.centreCode).sort((a, b) => a.period.localeCompare(b.period));
    const latest = mine[mine.length - 1]?.figures ?? {};
    const figures: Figures = {};
    for (const [k, v] of Object.entries(latest)) if (k.startsWith('tekun.') && k !== 'tekun.new' && k !== 'tekun.exited') figures[k] = v;
    figures['tekun.new'] = mine.reduce((n, m) => n + (m.figures['tekun.new'] ?? 0), 0);
    figures['tekun.exited'] = mine.reduce((n, m) => n + (m.figures['tekun.exited'] ?? 0), 0);
    figures.monthsReported = mine.length;
    return { centreCode: c.centreCode, name: c.name, reported: mine.length > 0, figures };
  });
  return { year, quarter, months, rows, total: addFigures(rows.map((r) => r.figures)) };
}

/**
 * The day each centre was set up, as its latest package says (packages made before the field existed do not say): only
 * each centre's latest centre line is read, through the index of centre lines (a literal, so both stores use it).
 */
async function setUpDays(deps: BackendDeps, countyCode: string | null): Promise<Map<string, string>> {
  let latest = deps.db
    .selectFrom('countyRecords')
    .select(['centreCode', (eb) => eb.fn.max('period').as('period')])
    .where('section', '=', sql.lit('centre'))
    .groupBy('centreCode');
  if (countyCode) latest = latest.where('centreCode', 'like', `${countyCode}%`);
  const rows = await deps.db
    .selectFrom('countyRecords as r')
    .innerJoin(latest.as('l'), (join) => join.onRef('l.centreCode', '=', 'r.centreCode').onRef('l.period', '=', 'r.period'))
    .select(['r.centreCode', 'r.data'])
    .where('r.section', '=', sql.lit('centre'))
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const setUpOn = parseJsonColumn(CentreSetUp, r.data, 'county_records.data').setUpOn;
    if (setUpOn) out.set(r.centreCode, setUpOn);
  }
  return out;
}

export async function submissionMatrix(deps: BackendDeps, year: number, countyCode: string | null = null): Promise<Matrix> {
  const centres = await centreNames(deps, false, countyCode);
  let query = deps.db
    .selectFrom('countyPackages')
    .select(['centreCode', 'period', 'correction', 'supersededBy', 'packageCreatedAt', 'importedAt'])
    .where('period', 'like', `${year}-%`);
  if (countyCode) query = query.where('centreCode', 'like', `${countyCode}%`);
  // By centre and month, once: a province's year is tens of thousands of packages.
  const packagesOf = new Map<string, Awaited<ReturnType<typeof query.execute>>>();
  for (const p of await query.execute()) {
    const key = `${p.centreCode} ${p.period}`;
    const list = packagesOf.get(key);
    if (list) list.push(p);
    else packagesOf.set(key, [p]);
  }
  const setUp = await setUpDays(deps, countyCode);
  const today = todayIn(deps.clock);
  // Each month's due day and last day, worked out once (not once per centre).
  const months = Array.from({ length: 12 }, (_, i) => {
    const period = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { period, due: `${shiftMonth(period, 1)}-${String(DUE_DAY).padStart(2, '0')}`, monthEnd: lastDayOfMonth(period) };
  });
  return {
    year,
    dueDay: DUE_DAY,
    centres: centres.map((c) => {
      const enrolledOn = c.state === 'confirmed' && c.confirmedAt ? chinaDate(new Date(c.confirmedAt)) : null;
      const setUpOn = setUp.get(c.centreCode) ?? null;
      return {
        centreCode: c.centreCode,
        name: c.name,
        state: c.state,
        cells: months.map(({ period, due, monthEnd }) => {
          const mine = packagesOf.get(`${c.centreCode} ${period}`) ?? [];
          const current = mine.find((p) => p.supersededBy === null);
          const original = mine.find((p) => p.correction === 0) ?? mine.sort((a, b) => a.correction - b.correction)[0];
          if (!current || !original) {
            // Nothing was expected: not yet enrolled (confirmed) when the month fell due, or the centre did not exist yet.
            const expected = enrolledOn !== null && due >= enrolledOn && (setUpOn === null || monthEnd >= setUpOn);
            const status = !expected ? ('unregistered' as const) : today > due ? ('missing' as const) : ('not_due' as const);
            return { period, status, correction: 0, exportedAt: null, importedAt: null };
          }
          // On time or late by when the centre made the package (signed into it), not by when the stick reached us.
          const exportedOn = chinaDate(new Date(original.packageCreatedAt));
          const status = current.correction > 0 ? ('corrected' as const) : exportedOn <= due ? ('on_time' as const) : ('late' as const);
          return { period, status, correction: current.correction, exportedAt: original.packageCreatedAt, importedAt: current.importedAt };
        }),
      };
    }),
  };
}
