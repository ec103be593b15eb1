// The county's tables, read from the figures computed at import: indicators for a month with a twelve-month trend,
// one centre's months and residents (the drill-down), the 特困 quarterly table, the facility table, and the
// submission matrix. Figures stored by an older version of computeFigures are recomputed from the stored records.
import type { CentreDetail, FacilityTable, Indicators, Matrix, TekunQuarter } from '@shared/api/county';
import { chinaDate, lastDayOfMonth, shiftMonth } from '@shared/domain/dates';
import { maskIdNumber } from '@shared/domain/id-number';
import { type Figures, addFigures, computeFigures, figuresAreCurrent } from '@shared/domain/sync/figures';
import { SECTIONS } from '@shared/domain/sync/sections';
import { notFound } from '@shared/api/errors';
import type { BackendDeps } from '../../deps';
import { readMonth } from './records';
import { todayIn } from '../../clock';
import { listCentres } from './centres';
import { Counts, parseJsonColumn } from '../../db/json';

/** The one field of a centre record read here (setUpOn is optional within format 1). */
const CentreSetUp = SECTIONS.centre.schema.pick({ setUpOn: true }).loose();

/** A month's package is due by this day of the next month. [R] the county sets its own deadline in practice. */
export const DUE_DAY = 10;

const monthsBack = (period: string, n: number) => Array.from({ length: n }, (_, i) => shiftMonth(period, -(n - 1 - i)));

async function figuresFor(deps: BackendDeps, periods: string[]) {
  if (periods.length === 0) return [];
  const rows = await deps.db.selectFrom('countyFigures').select(['centreCode', 'period', 'figures']).where('period', 'in', periods).execute();
  const out = [];
  for (const r of rows) {
    const stored = parseJsonColumn(Counts, r.figures, 'county_figures.figures');
    // Imported before the county counted today's figures: counted again from the records it kept (not written back).
    const figures = figuresAreCurrent(stored) ? stored : computeFigures(r.period, await readMonth(deps, r.centreCode, r.period));
    out.push({ ...r, figures });
  }
  return out;
}

export async function indicators(deps: BackendDeps, period: string): Promise<Indicators> {
  const centres = await listCentres(deps, true);
  const months = monthsBack(period, 12);
  const all = await figuresFor(deps, months);
  const of = (p: string) => all.filter((r) => r.period === p);
  const now = of(period);
  return {
    period,
    centres: centres.map((c) => ({ centreCode: c.centreCode, name: c.name, figures: now.find((r) => r.centreCode === c.centreCode)?.figures ?? null })),
    total: addFigures(now.map((r) => r.figures)),
    reported: now.length,
    trend: months.map((p) => ({ period: p, reported: of(p).length, total: addFigures(of(p).map((r) => r.figures)) })),
  };
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
export async function facilityTable(deps: BackendDeps, period: string): Promise<FacilityTable> {
  const centres = await listCentres(deps, true);
  const now = await figuresFor(deps, [period]);
  const rows = centres.map((c) => ({ centreCode: c.centreCode, name: c.name, figures: now.find((r) => r.centreCode === c.centreCode)?.figures ?? null }));
  return { period, rows, total: addFigures(now.map((r) => r.figures)), reported: now.length };
}

/** 特困人员季度表: people at the quarter's end (its last reported month), tiers and age bands; new and exited over the quarter. */
export async function tekunQuarter(deps: BackendDeps, year: number, quarter: number): Promise<TekunQuarter> {
  const months = [1, 2, 3].map((i) => `${year}-${String((quarter - 1) * 3 + i).padStart(2, '0')}`);
  const centres = await listCentres(deps, true);
  const all = await figuresFor(deps, months);
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

/** The day each centre was set up, as its latest package says (packages made before the field existed do not say). */
async function setUpDays(deps: BackendDeps): Promise<Map<string, string>> {
  const rows = await deps.db.selectFrom('countyRecords').select(['centreCode', 'period', 'data']).where('section', '=', 'centre').orderBy('period').execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const setUpOn = parseJsonColumn(CentreSetUp, r.data, 'county_records.data').setUpOn;
    if (setUpOn) out.set(r.centreCode, setUpOn);
  }
  return out;
}

export async function submissionMatrix(deps: BackendDeps, year: number): Promise<Matrix> {
  const centres = await listCentres(deps);
  const packages = await deps.db.selectFrom('countyPackages').selectAll().where('period', 'like', `${year}-%`).execute();
  const setUp = await setUpDays(deps);
  const today = todayIn(deps.clock);
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
        cells: Array.from({ length: 12 }, (_, i) => {
          const period = `${year}-${String(i + 1).padStart(2, '0')}`;
          const due = `${shiftMonth(period, 1)}-${String(DUE_DAY).padStart(2, '0')}`;
          const mine = packages.filter((p) => p.centreCode === c.centreCode && p.period === period);
          const current = mine.find((p) => p.supersededBy === null);
          const original = mine.find((p) => p.correction === 0) ?? mine.sort((a, b) => a.correction - b.correction)[0];
          if (!current || !original) {
            // Nothing was expected: not yet enrolled (confirmed) when the month fell due, or the centre did not exist yet.
            const monthEnd = lastDayOfMonth(period);
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
