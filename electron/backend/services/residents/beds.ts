// Checks that a bed can take a resident, and clears a reservation once it is used.
import { conflict } from '@shared/api/errors';
import type { WriteContext } from '../../audit';
import { type BedPlace, loadActiveBed } from '../facility/places';

export async function claimBed(ctx: WriteContext, bedId: string, field: string): Promise<BedPlace> {
  const bed = await loadActiveBed(ctx.trx, bedId);
  if (bed.occupantName) throw conflict(`${bed.fullLabel}已住着${bed.occupantName}，请选择空闲床位`, field);
  if (bed.setting === 'disabled') throw conflict(`${bed.fullLabel}已停用，不能安排入住`, field);
  if (bed.setting === 'reserved') {
    const before = await ctx.trx.selectFrom('beds').selectAll().where('id', '=', bedId).executeTakeFirstOrThrow();
    await ctx.trx.updateTable('beds').set({ setting: 'available', ...ctx.stampUpdate() }).where('id', '=', bedId).execute();
    await ctx.audit({ action: 'update', entity: 'beds', entityId: bedId, before, after: { setting: 'available' } });
  }
  return bed;
}
