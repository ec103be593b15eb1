// Each county's figures for a month, added up over its centres and kept (county_figure_sums, migration 0028), so a
// prefecture's or province's indicators read a hundred sums a month instead of thousands of centres' figures. An
// import refreshes its county's month inside its own transaction; reads fall back to adding up the centres' figures
// for any sum whose figures version is not today's (a newer program counts something new).
import { addFiguresWithVersion, figuresAreCurrent, type Figures } from '@shared/domain/sync/figures';
import type { Executor } from '../../db/executor';
import { takeTurns } from '../../db/dialect';
import { parseCountsColumn } from '../../db/json';
import type { BackendDeps } from '../../deps';
import { countyOf } from './centres';

/** Adds up the county's centres for the month again, after one of them changed (the caller's transaction). */
export async function refreshFigureSum(trx: Executor, centreCode: string, period: string): Promise<void> {
  const countyCode = countyOf(centreCode);
  // Centres of one county imported on two PCs at once: the second adds up after the first has committed.
  await takeTurns(trx, `figure sums ${countyCode} ${period}`);
  // The county's codes as a range (centre codes are digits, ':' sorts after '9'): unlike LIKE, SQLite uses the key for it.
  const rows = await trx
    .selectFrom('countyFigures')
    .select('figures')
    .where('centreCode', '>=', countyCode)
    .where('centreCode', '<', `${countyCode}:`)
    .where('period', '=', period)
    .execute();
  const figures = JSON.stringify(addFiguresWithVersion(rows.map((r) => parseCountsColumn(r.figures, 'county_figures.figures'))));
  await trx
    .insertInto('countyFigureSums')
    .values({ countyCode, period, figures, centres: rows.length })
    .onConflict((oc) => oc.columns(['countyCode', 'period']).doUpdateSet({ figures, centres: rows.length }))
    .execute();
}

export interface CountySum {
  countyCode: string;
  period: string;
  /** The centres whose figures are added up (those that reported the month). */
  centres: number;
  figures: Figures;
}

/**
 * The kept sums for these months (of one county when countyCode is given); a sum not at today's figures version is
 * left out and listed in `stale`, for the caller to add up from the centres' figures.
 */
export async function figureSumsFor(deps: BackendDeps, periods: string[], countyCode: string | null = null) {
  const fresh: CountySum[] = [];
  const stale: { countyCode: string; period: string }[] = [];
  if (periods.length === 0) return { fresh, stale };
  let query = deps.db.selectFrom('countyFigureSums').select(['countyCode', 'period', 'centres', 'figures']).where('period', 'in', periods);
  if (countyCode) query = query.where('countyCode', '=', countyCode);
  for (const r of await query.execute()) {
    const figures = parseCountsColumn(r.figures, 'county_figure_sums.figures');
    if (figuresAreCurrent(figures)) fresh.push({ countyCode: r.countyCode, period: r.period, centres: Number(r.centres), figures });
    else stale.push({ countyCode: r.countyCode, period: r.period });
  }
  return { fresh, stale };
}
