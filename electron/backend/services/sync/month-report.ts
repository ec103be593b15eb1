// The centre's printed monthly report (月度报告): the month's figures computed from the same records the package
// carries, by the same function the county uses, so the paper the manager signs says what the county will see.
import { conflict } from '@shared/api/errors';
import type { MonthReport } from '@shared/api/sync';
import { computeFigures } from '@shared/domain/sync/figures';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { monthRange } from '@shared/domain/sync/period';
import { collectMonth } from './collect';
import { extraChecks, previousExport, warningsOf } from './export';

export async function monthReport(deps: BackendDeps, period: string): Promise<MonthReport> {
  const facility = await deps.db.selectFrom('facility').select(['areaCode', 'name', 'county', 'township']).executeTakeFirst();
  if (!facility) throw conflict('请先在「机构信息」里填好本院的名称和行政区划代码');
  if (period > todayIn(deps.clock).slice(0, 7)) throw conflict(`${period} 还没有到，不能打印月报`);
  // A month still running is reported up to now; an ended month as at its end.
  const end = new Date(monthRange(period).toInstant);
  const now = deps.clock.now();
  const until = end > now ? now : end;
  const data = await collectMonth(deps, period, until);
  return {
    period,
    centre: { code: facility.areaCode, name: facility.name, county: facility.county, township: facility.township },
    figures: computeFigures(period, data),
    warnings: warningsOf(data, await extraChecks(deps, period)),
    exported: await previousExport(deps, period),
  };
}
