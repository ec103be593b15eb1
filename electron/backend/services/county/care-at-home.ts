// Care at home across the county (issue 18): for a month, every township (centre) that reported it, with the figures
// of shared/domain/sync/care-at-home-figures.ts read from the records the county kept. A month is settled after it
// ends, so a provider's settlement comes with the next month's package too: both are read, the newer record of a
// settlement winning. A township with nothing of care at home is named, never counted as zero.
import type { CareAtHomeTable } from '@shared/api/county';
import { addMonths } from '@shared/domain/dates';
import { careAtHomeFigures } from '@shared/domain/sync/care-at-home-figures';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';
import { listCentres } from './centres';
import { readMonth } from './records';

const SECTIONS = [
  'centre',
  'villages',
  'elders',
  'home_service_items',
  'home_service_providers',
  'home_service_entitlements',
  'home_service_visits',
  'home_service_settlements',
  'entrusted_agreements',
  'entrusted_checks',
  'aid_helpers',
  'aid_pairs',
  'aid_activities',
  'association_activities',
] as const;

/** The whole store's townships, or one county's (countyCode, in a prefecture's or province's store). */
export async function careAtHomeTable(deps: BackendDeps, period: string, countyCode: string | null = null): Promise<CareAtHomeTable> {
  const next = addMonths(`${period}-01`, 1).slice(0, 7);
  let query = deps.db.selectFrom('countyFigures').select('centreCode').where('period', '=', period);
  if (countyCode) query = query.where('centreCode', 'like', `${countyCode}%`);
  const reported = await query.execute();
  const centres = new Map((await listCentres(deps, true)).map((c) => [c.centreCode, c]));
  const out: CareAtHomeTable = { period, reported: reported.length, villages: [], items: [], providers: [], tiers: [], withoutCare: [] };
  for (const { centreCode } of reported) {
    const data = await readMonth(deps, centreCode, period, SECTIONS);
    const later = await readMonth(deps, centreCode, next, ['home_service_settlements']);
    const settlements = new Map<string, SectionRecord<'home_service_settlements'>>();
    for (const s of [...data.home_service_settlements, ...later.home_service_settlements]) settlements.set(s.id, s);
    const figures = careAtHomeFigures(period, data, [...settlements.values()]);
    const name = centres.get(centreCode)?.name ?? data.centre[0]?.name ?? centreCode;
    if (figures.empty) {
      out.withoutCare.push({ centreCode, name });
      continue;
    }
    const township = { centreCode, township: data.centre[0]?.township || centres.get(centreCode)?.township || centreCode };
    out.villages.push(...figures.villages.map((v) => ({ ...township, ...v })));
    out.items.push(...figures.items.map((i) => ({ ...township, ...i })));
    out.providers.push(...figures.providers.map((p) => ({ ...township, ...p })));
    out.tiers.push(...figures.tiers.map((t) => ({ ...township, ...t })));
  }
  const byTownship = (a: { township: string }, b: { township: string }) => a.township.localeCompare(b.township, 'zh-CN');
  out.villages.sort(byTownship);
  out.items.sort((a, b) => byTownship(a, b) || a.item.localeCompare(b.item, 'zh-CN'));
  out.providers.sort((a, b) => byTownship(a, b) || a.provider.localeCompare(b.provider, 'zh-CN'));
  out.tiers.sort(byTownship);
  return out;
}
