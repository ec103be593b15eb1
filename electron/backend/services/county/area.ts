// A prefecture's or province's store (issue 20): the counties it gathers, each with its centres, how they reported the
// month (from the submission matrix) and the month's main figures summed over its centres.
import { type CountyList, areaLevelOf } from '@shared/api/county';
import { type Figures, addFigures } from '@shared/domain/sync/figures';
import type { BackendDeps } from '../../deps';
import { countyOf, listCentres } from './centres';
import { areaCode, countiesOf, figuresFor, submissionMatrix } from './figures';

export async function countyList(deps: BackendDeps, period: string): Promise<CountyList> {
  const area = await areaCode(deps);
  const centres = await listCentres(deps);
  const month = Number(period.slice(5, 7)) - 1;
  const matrix = await submissionMatrix(deps, Number(period.slice(0, 4)));
  // The month's figures per centre, as the indicators read them (recomputed where stored by an older program).
  const perCentre = new Map<string, Figures>((await figuresFor(deps, [period])).map((r) => [r.centreCode, r.figures]));
  const counties = countiesOf(centres).map(({ countyCode, name }) => {
    const mine = centres.filter((c) => countyOf(c.centreCode) === countyCode);
    const cells = matrix.centres.filter((c) => countyOf(c.centreCode) === countyCode).map((c) => c.cells[month].status);
    const count = (status: string) => cells.filter((s) => s === status).length;
    const figures = mine.flatMap((c) => { const f = perCentre.get(c.centreCode); return f ? [f] : []; });
    return {
      countyCode,
      name,
      enrolled: mine.length,
      confirmed: mine.filter((c) => c.state === 'confirmed').length,
      reported: figures.length,
      onTime: count('on_time'),
      late: count('late'),
      corrected: count('corrected'),
      missing: count('missing'),
      figures: addFigures(figures),
    };
  });
  return { period, area: areaLevelOf(area), counties };
}
