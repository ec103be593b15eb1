// 老年协会 activities: a village's (or the township's) activity on a day, with who came — elders on the register and
// helpers, ticked one by one from a searchable list. Cancelled with a reason, never deleted; attendance is marked
// removed, never deleted. Refused: a day in the future, a cancelled activity changed, a retired helper, an elder not
// at home that day.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, conflict } from '@shared/api/errors';
import type { AssociationInput, AssociationRow, Attendance, AttendInput, CancelAssociationInput, Person } from '@shared/api/mutualaid';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { lastDayOfMonth } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { assertAtHome, elderForWrite } from '../visits/register';
import { activeHelper, notFuture } from './common';

async function associationRows(db: Executor, f: { id?: string; month?: string | null; villageId?: string | null }): Promise<AssociationRow[]> {
  const rows = await db
    .selectFrom('associationActivities')
    .leftJoin('villages', 'villages.id', 'associationActivities.villageId')
    .select([
      'associationActivities.id',
      'associationActivities.villageId',
      'villages.name as village',
      'associationActivities.heldOn',
      'associationActivities.title',
      'associationActivities.place',
      'associationActivities.note',
      'associationActivities.cancelledAt',
      'associationActivities.cancelReason',
      sql<number>`(SELECT count(*) FROM association_attendance t WHERE t.activity_id = association_activities.id AND t.removed_at IS NULL AND t.elder_id IS NOT NULL)`.as('elders'),
      sql<number>`(SELECT count(*) FROM association_attendance t WHERE t.activity_id = association_activities.id AND t.removed_at IS NULL AND t.helper_id IS NOT NULL)`.as('helpers'),
    ])
    .$if(f.id !== undefined, (q) => q.where('associationActivities.id', '=', f.id ?? ''))
    .$if(!!f.month, (q) => q.where('associationActivities.heldOn', '>=', `${f.month}-01`).where('associationActivities.heldOn', '<=', lastDayOfMonth(f.month ?? '')))
    .$if(!!f.villageId, (q) => q.where('associationActivities.villageId', '=', f.villageId ?? ''))
    .orderBy('associationActivities.heldOn', 'desc')
    .orderBy('associationActivities.createdAt', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    villageId: r.villageId,
    village: r.village,
    heldOn: r.heldOn,
    title: r.title,
    place: r.place,
    note: r.note,
    cancelled: r.cancelledAt !== null ? { at: r.cancelledAt, reason: r.cancelReason ?? '' } : null,
    elders: Number(r.elders),
    helpers: Number(r.helpers),
  }));
}

export const listAssociations = (db: Executor, q: { month: string | null; villageId: string | null }) => associationRows(db, q);

export function saveAssociation(deps: BackendDeps, caller: Caller, input: z.output<typeof AssociationInput>) {
  return writeAction(deps, caller, async (ctx) => {
    notFuture(ctx, input.heldOn, '活动日期', 'heldOn');
    if (input.villageId) {
      const village = await ctx.trx.selectFrom('villages').select('id').where('id', '=', input.villageId).executeTakeFirst();
      if (!village) throw new AppError('NOT_FOUND', '找不到这个村，请刷新后重试', 'villageId');
    }
    const values = { villageId: input.villageId, heldOn: input.heldOn, title: input.title, place: input.place, note: input.note };
    if (input.id) {
      const before = await ctx.trx.selectFrom('associationActivities').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', '找不到这次老年协会活动，请刷新后重试', 'id');
      if (before.cancelledAt !== null) throw conflict('这次活动已取消，不能再修改');
      await ctx.trx.updateTable('associationActivities').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'associationActivities', entityId: before.id, before, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('associationActivities').values({ id, ...values, cancelledAt: null, cancelReason: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'associationActivities', entityId: id, after: values });
    return { id };
  });
}

export function cancelAssociation(deps: BackendDeps, caller: Caller, input: z.output<typeof CancelAssociationInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const a = await ctx.trx.selectFrom('associationActivities').select(['id', 'title', 'cancelledAt']).where('id', '=', input.id).executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', '找不到这次老年协会活动，请刷新后重试', 'id');
    if (a.cancelledAt !== null) throw conflict('这次活动已经取消了');
    await ctx.trx.updateTable('associationActivities').set({ cancelledAt: ctx.at, cancelReason: input.reason, ...ctx.stampUpdate() }).where('id', '=', a.id).execute();
    await ctx.audit({ action: 'void', entity: 'associationActivities', entityId: a.id, before: { cancelledAt: null }, after: { cancelledAt: ctx.at, cancelReason: input.reason } });
    return { id: a.id };
  });
}

const helperNote = (kind: keyof typeof ENUM_LABELS_ZH.helperKind) => ENUM_LABELS_ZH.helperKind[kind];

/** Who came (elders first, then helpers) and up to 40 more who might have: the village's elders at home and the helpers, found by name or initials. */
export async function attendance(db: Executor, activityId: string, search: string): Promise<Attendance> {
  const [activity] = await associationRows(db, { id: activityId });
  if (!activity) throw new AppError('NOT_FOUND', '找不到这次老年协会活动，请刷新后重试', 'activityId');
  const presentRows = await db
    .selectFrom('associationAttendance')
    .leftJoin('elders', 'elders.id', 'associationAttendance.elderId')
    .leftJoin('visitHelpers', 'visitHelpers.id', 'associationAttendance.helperId')
    .leftJoin('villages', (j) => j.on(sql`villages.id`, '=', sql`coalesce(elders.village_id, visit_helpers.village_id)`))
    .select(['associationAttendance.elderId', 'associationAttendance.helperId', 'elders.name as elder', 'visitHelpers.name as helper', 'visitHelpers.kind as helperKind', 'villages.name as village'])
    .where('associationAttendance.activityId', '=', activityId)
    .where('associationAttendance.removedAt', 'is', null)
    .orderBy('associationAttendance.createdAt')
    .execute();
  const present: Person[] = presentRows.map((r) =>
    r.elderId !== null
      ? { kind: 'elder', id: r.elderId, name: r.elder ?? '', village: r.village, note: '在册老人' }
      : { kind: 'helper', id: r.helperId ?? '', name: r.helper ?? '', village: r.village, note: r.helperKind ? helperNote(r.helperKind) : '' },
  );
  const taken = new Set(present.map((p) => p.id));
  const like = `%${search}%`;
  const elders = await db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select(['elders.id', 'elders.name', 'villages.name as village'])
    .where('elders.status', '=', 'at_home')
    .$if(!!activity.villageId, (q) => q.where('elders.villageId', '=', activity.villageId ?? ''))
    .$if(search !== '', (q) => q.where((eb) => eb.or([eb('elders.name', 'like', like), eb('elders.nameInitials', 'like', `${search.toLowerCase()}%`)])))
    .orderBy('elders.name')
    .limit(40 + taken.size)
    .execute();
  const helpers = await db
    .selectFrom('visitHelpers')
    .leftJoin('villages', 'villages.id', 'visitHelpers.villageId')
    .select(['visitHelpers.id', 'visitHelpers.name', 'visitHelpers.kind', 'villages.name as village'])
    .where('visitHelpers.retiredAt', 'is', null)
    .$if(!!activity.villageId, (q) => q.where((eb) => eb.or([eb('visitHelpers.villageId', '=', activity.villageId ?? ''), eb('visitHelpers.villageId', 'is', null)])))
    .$if(search !== '', (q) => q.where('visitHelpers.name', 'like', like))
    .orderBy('visitHelpers.name')
    .limit(20 + taken.size)
    .execute();
  const candidates: Person[] = [
    ...helpers.filter((h) => !taken.has(h.id)).slice(0, 20).map((h): Person => ({ kind: 'helper', id: h.id, name: h.name, village: h.village, note: helperNote(h.kind) })),
    ...elders.filter((e) => !taken.has(e.id)).slice(0, 40).map((e): Person => ({ kind: 'elder', id: e.id, name: e.name, village: e.village, note: '在册老人' })),
  ];
  return { activity, present, candidates };
}

/** Ticks one person in (or out). Ticking someone already in, or out who is not in, changes nothing. */
export function attend(deps: BackendDeps, caller: Caller, input: z.output<typeof AttendInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const a = await ctx.trx.selectFrom('associationActivities').select(['id', 'heldOn', 'title', 'cancelledAt']).where('id', '=', input.activityId).executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', '找不到这次老年协会活动，请刷新后重试', 'activityId');
    if (a.cancelledAt !== null) throw conflict('这次活动已取消，不能再登记参加人员');
    const column = input.kind === 'elder' ? 'elderId' : 'helperId';
    const existing = await ctx.trx.selectFrom('associationAttendance').select('id').where('activityId', '=', a.id).where(column, '=', input.id).where('removedAt', 'is', null).executeTakeFirst();
    if (!input.present) {
      if (!existing) return { id: a.id };
      await ctx.trx.updateTable('associationAttendance').set({ removedAt: ctx.at, removedBy: caller.name }).where('id', '=', existing.id).execute();
      await ctx.audit({ action: 'update', entity: 'associationAttendance', entityId: existing.id, before: { removedAt: null }, after: { removedAt: ctx.at, activity: a.title } });
      return { id: existing.id };
    }
    if (existing) return { id: existing.id };
    let name: string;
    if (input.kind === 'elder') {
      const elder = await elderForWrite(ctx.trx, input.id);
      assertAtHome(elder, a.heldOn, '老年协会活动');
      name = elder.name;
    } else {
      name = (await activeHelper(ctx.trx, input.id, '老年协会活动')).name;
    }
    const id = newId();
    await ctx.trx
      .insertInto('associationAttendance')
      .values({ id, activityId: a.id, elderId: input.kind === 'elder' ? input.id : null, helperId: input.kind === 'helper' ? input.id : null, removedAt: null, removedBy: null, createdAt: ctx.at, createdBy: caller.name })
      .execute();
    await ctx.audit({ action: 'create', entity: 'associationAttendance', entityId: id, after: { activity: a.title, heldOn: a.heldOn, who: name } });
    return { id };
  });
}
