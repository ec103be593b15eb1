// The village register across the county (issue 17): for a month, every village of every township (centre) that
// reported it, with the figures of shared/domain/sync/village-figures.ts read from the records the county kept. A
// township whose package came from a program older than format 3 has no register: it is named, never counted as zero.
import type { VillageTable } from '@shared/api/county';
import { share, villageFigures } from '@shared/domain/sync/village-figures';
import type { BackendDeps } from '../../deps';
import { listCentres } from './centres';
import { readMonth } from './records';

/** The whole store's villages, or one county's (countyCode, in a prefecture's or province's store). */
export async function villageTable(deps: BackendDeps, period: string, countyCode: string | null = null): Promise<VillageTable> {
  let query = deps.db.selectFrom('countyFigures').select('centreCode').where('period', '=', period);
  if (countyCode) query = query.where('centreCode', 'like', `${countyCode}%`);
  const reported = await query.execute();
  const centres = new Map((await listCentres(deps, true)).map((c) => [c.centreCode, c]));
  const rows: VillageTable['rows'] = [];
  const withoutRegister: VillageTable['withoutRegister'] = [];
  for (const { centreCode } of reported) {
    const data = await readMonth(deps, centreCode, period, ['centre', 'villages', 'elders', 'visits', 'followups', 'special_reports']);
    const township = data.centre[0]?.township || centres.get(centreCode)?.township || centreCode;
    if (data.villages.length === 0 && data.elders.length === 0) {
      withoutRegister.push({ centreCode, name: centres.get(centreCode)?.name ?? data.centre[0]?.name ?? centreCode });
      continue;
    }
    for (const v of villageFigures(period, data)) {
      rows.push({
        centreCode,
        township,
        ...v,
        coverage: share(v.dueVisited, v.due),
        rate: share(v.hardshipVisited, v.hardship),
        rateHomeOnly: share(v.hardshipVisitedHome, v.hardship),
        assessmentCoverage: share(v.assessmentCurrent, v.assessmentCounted),
      });
    }
  }
  rows.sort((a, b) => a.township.localeCompare(b.township, 'zh-CN') || a.village.localeCompare(b.village, 'zh-CN'));
  return { period, rows, reported: reported.length, withoutRegister };
}
