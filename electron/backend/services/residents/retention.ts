// Record retention (养老机构管理办法 第32条): a discharged resident's file is kept at least N years (default 5,
// configurable) after the service agreement ends. Before that nothing may remove it; after it, an administrator may
// archive it (hidden from everyday lists, still stored, audited). Nothing is ever deleted.
import { conflict, notFound } from '@shared/api/errors';
import { addYears } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { readSettings } from '../settings/settings';
import { withoutPhotoBytes } from './admission';

/** The agreement ends at discharge, or later if its term ran longer: the later date counts (the safe side). */
async function agreementEnd(db: Executor, residentId: string, dischargedOn: string | null): Promise<string | null> {
  const row = await db
    .selectFrom('stayEvents')
    .select((eb) => eb.fn.max('agreementEnd').as('end'))
    .where('residentId', '=', residentId)
    .executeTakeFirst();
  const dates = [dischargedOn, row?.end ?? null].filter((d): d is string => typeof d === 'string');
  return dates.length === 0 ? null : dates.sort().at(-1)!;
}

export async function keepUntil(deps: BackendDeps, residentId: string, dischargedOn: string | null): Promise<string | null> {
  const end = await agreementEnd(deps.db, residentId, dischargedOn);
  if (!end) return null;
  return addYears(end, (await readSettings(deps.db)).retentionYears);
}

export function archiveResident(deps: BackendDeps, caller: Caller, id: string) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('老人档案');
    if (before.status !== 'discharged') throw conflict(`${before.name}还在院，不能归档`);
    if (before.archivedAt) throw conflict(`${before.name}的档案已于 ${before.archivedAt.slice(0, 10)} 归档`);
    const end = await agreementEnd(ctx.trx, id, before.dischargedOn);
    const { retentionYears } = await readSettings(ctx.trx);
    const until = end ? addYears(end, retentionYears) : null;
    if (until && ctx.today < until) {
      throw conflict(`档案须保存到 ${until}（服务协议终止后${retentionYears}年，养老机构管理办法第32条），在此之前不能归档`);
    }
    await ctx.trx.updateTable('residents').set({ archivedAt: ctx.at, ...ctx.stampUpdate() }).where('id', '=', id).execute();
    await ctx.audit({ action: 'archive', entity: 'residents', entityId: id, before: withoutPhotoBytes(before), after: { archivedAt: ctx.at } });
    return { id };
  });
}
