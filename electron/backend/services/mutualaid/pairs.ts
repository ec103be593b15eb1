// 结对帮扶: a helper paired with an elder on the register who lives at home, since a day; ended with a reason, never
// deleted. One open pair per helper and elder. Refused, nothing written: an elder not at home, a retired helper, a
// pair already open, a helper paired with themself, a day in the future.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { EndPairInput, PairInput, PairRow } from '@shared/api/mutualaid';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { elderForWrite } from '../visits/register';
import { activeHelper, notFuture } from './common';

const STATUS_WORDS = { in_centre: '已入住本院', moved_away: '已迁出', died: '已去世', at_home: '在家' } as const;

export function savePair(deps: BackendDeps, caller: Caller, input: z.output<typeof PairInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const helper = await activeHelper(ctx.trx, input.helperId, '结对帮扶');
    const elder = await elderForWrite(ctx.trx, input.elderId);
    if (elder.status !== 'at_home')
      throw invalid(`${elder.name}${STATUS_WORDS[elder.status]}${elder.statusOn ? `（${elder.statusOn}）` : ''}，不在家居住，不能结对帮扶`, 'elderId');
    if (helper.elderId === elder.id) throw invalid(`${helper.name}就是这位老人本人，不能和自己结对`, 'elderId');
    notFuture(ctx, input.since, '结对日期', 'since');
    const open = await ctx.trx.selectFrom('aidPairs').select(['id', 'since']).where('helperId', '=', helper.id).where('elderId', '=', elder.id).where('endedOn', 'is', null).executeTakeFirst();
    if (open) throw conflict(`${helper.name}和${elder.name}已经结对（自${open.since}起），不能重复结对`, 'elderId');
    const id = newId();
    const values = { helperId: helper.id, elderId: elder.id, since: input.since, note: input.note };
    await ctx.trx.insertInto('aidPairs').values({ id, ...values, endedOn: null, endReason: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'aidPairs', entityId: id, after: { helper: helper.name, elder: elder.name, since: input.since, note: input.note } });
    return { id };
  });
}

export function endPair(deps: BackendDeps, caller: Caller, input: z.output<typeof EndPairInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const pair = await ctx.trx.selectFrom('aidPairs').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!pair) throw new AppError('NOT_FOUND', '找不到这对结对帮扶，请刷新后重试', 'id');
    if (pair.endedOn !== null) throw conflict(`这对结对已于${pair.endedOn}结束`);
    if (input.endedOn < pair.since) throw invalid(`结束日期（${input.endedOn}）不能早于结对日期（${pair.since}）`, 'endedOn');
    notFuture(ctx, input.endedOn, '结束日期', 'endedOn');
    await ctx.trx.updateTable('aidPairs').set({ endedOn: input.endedOn, endReason: input.reason, ...ctx.stampUpdate() }).where('id', '=', pair.id).execute();
    await ctx.audit({ action: 'close', entity: 'aidPairs', entityId: pair.id, before: { endedOn: null }, after: { endedOn: input.endedOn, endReason: input.reason } });
    return { id: pair.id };
  });
}

/** Pairs with the names, the elder's village, and the minutes given in them. */
export async function pairRows(db: Executor, filter: { status: 'open' | 'all'; villageId?: string | null; elderId?: string; activeIn?: { from: string; to: string } }): Promise<PairRow[]> {
  const rows = await db
    .selectFrom('aidPairs')
    .innerJoin('visitHelpers', 'visitHelpers.id', 'aidPairs.helperId')
    .innerJoin('elders', 'elders.id', 'aidPairs.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select([
      'aidPairs.id',
      'aidPairs.helperId',
      'visitHelpers.name as helper',
      'visitHelpers.kind as helperKind',
      'visitHelpers.phone as helperPhone',
      'aidPairs.elderId',
      'elders.name as elder',
      'elders.villageId',
      'villages.name as village',
      'aidPairs.since',
      'aidPairs.note',
      'aidPairs.endedOn',
      'aidPairs.endReason',
      // A pair's activities are its elder's too: the seek goes through aid_activities_elder (there is no index on pair_id).
      sql<number>`(SELECT coalesce(sum(minutes), 0) FROM aid_activities a WHERE a.elder_id = aid_pairs.elder_id AND a.pair_id = aid_pairs.id AND a.voided_at IS NULL)`.as('minutes'),
      sql<string | null>`(SELECT max(done_on) FROM aid_activities a WHERE a.elder_id = aid_pairs.elder_id AND a.pair_id = aid_pairs.id AND a.voided_at IS NULL)`.as('lastActivityOn'),
    ])
    .$if(filter.status === 'open', (q) => q.where('aidPairs.endedOn', 'is', null))
    .$if(!!filter.villageId, (q) => q.where('elders.villageId', '=', filter.villageId ?? ''))
    .$if(filter.elderId !== undefined, (q) => q.where('aidPairs.elderId', '=', filter.elderId ?? ''))
    .$if(filter.activeIn !== undefined, (q) =>
      q.where('aidPairs.since', '<=', filter.activeIn?.to ?? '').where((eb) => eb.or([eb('aidPairs.endedOn', 'is', null), eb('aidPairs.endedOn', '>=', filter.activeIn?.from ?? '')])),
    )
    .orderBy('villages.name')
    .orderBy('elders.name')
    .orderBy('aidPairs.since', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }));
}
