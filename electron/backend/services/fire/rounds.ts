// Patrol, inspection and equipment-check rounds: one action writes the round, every result and any hidden danger it
// raises, signed by the signed-in patroller. A problem is either fixed on the spot or raised as a danger. A supervisor
// other than the patroller countersigns once. Night patrols only in the night span; nothing in the future.
import type { z } from 'zod';
import type { RoundInput, RoundRow } from '@shared/api/fire';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { chinaInstant, chinaWallClock } from '@shared/domain/care/shifts';
import { addDays, chinaDate } from '@shared/domain/dates';
import { nightOf } from '@shared/domain/fire/schedule';
import type { RoundKind } from '@shared/domain/fire/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { insertDanger } from './dangers';
import { readFireSettings } from './settings';
import { DEVICE_CLOCK_SKEW_MS } from '../../clock';

/** How late a round may still be written up (a patroller who forgot to press save). */
const LATE_HOURS = 24;
const KIND_WORDS: Record<RoundKind, string> = { day_patrol: '日间巡查', night_patrol: '夜间巡查', inspection: '防火检查', equipment_check: '器材检查' };

export function recordRound(deps: BackendDeps, caller: Caller, input: z.output<typeof RoundInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('fireRounds').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const doneAt = new Date(input.doneAt);
    const now = new Date(ctx.at);
    if (doneAt.getTime() > now.getTime() + DEVICE_CLOCK_SKEW_MS) throw invalid(`${KIND_WORDS[input.kind]}时间（${chinaWallClock(doneAt)}）在将来，不能预先登记`, 'doneAt');
    if (now.getTime() - doneAt.getTime() > LATE_HOURS * 3_600_000) throw invalid(`${LATE_HOURS}小时以前的巡查不能再补记（${chinaWallClock(doneAt)}）`, 'doneAt');
    const plan = await readFireSettings(ctx.trx);
    if (input.kind === 'night_patrol' && nightOf(doneAt, plan, chinaDate(doneAt)) === null) {
      throw invalid(`${chinaWallClock(doneAt)} 不在夜间巡查时间（${plan.nightStart}–${plan.nightEnd}）内，请选“日间巡查”`, 'kind');
    }
    const list = input.kind === 'inspection' ? 'inspection' : 'patrol';
    const items = new Map((await ctx.trx.selectFrom('fireCheckItems').select(['id', 'list', 'text']).where('retiredAt', 'is', null).execute()).map((i) => [i.id, i]));
    const points = new Map((await ctx.trx.selectFrom('fireCheckpoints').select(['id', 'name']).where('retiredAt', 'is', null).execute()).map((p) => [p.id, p]));
    const equipment = new Map((await ctx.trx.selectFrom('fireEquipment').select(['id', 'code', 'location']).where('retiredAt', 'is', null).execute()).map((e) => [e.id, e]));
    const roundId = newId();
    await ctx.trx
      .insertInto('fireRounds')
      .values({ id: roundId, kind: input.kind, doneAt: doneAt.toISOString(), byId: caller.userId, byName: caller.name, note: input.note, requestId: input.requestId, createdAt: ctx.at })
      .execute();
    let problems = 0;
    for (const r of input.results) {
      const item = r.itemId ? items.get(r.itemId) : undefined;
      const point = r.checkpointId ? points.get(r.checkpointId) : undefined;
      const gear = r.equipmentId ? equipment.get(r.equipmentId) : undefined;
      if (r.itemId && (!item || item.list !== list)) throw invalid('检查项目不在这张清单上，请刷新后重试');
      if (r.checkpointId && !point) throw notFound('巡查点');
      if (r.equipmentId && !gear) throw notFound('器材');
      if (input.kind === 'equipment_check' ? !gear : !item) throw invalid(input.kind === 'equipment_check' ? '器材检查要逐件记录器材' : '每一条结果都要对应一个检查项目');
      const what = [point?.name, item?.text ?? (gear ? `${gear.code}（${gear.location}）` : '')].filter(Boolean).join(' ');
      let dangerId: string | null = null;
      if (r.result === 'problem') {
        problems += 1;
        if (!r.note) throw invalid(`「${what}」有问题：请写明是什么问题`, 'note');
        if (!r.fixedOnSpot && !r.danger) throw invalid(`「${what}」有问题：请选“当场整改”，或登记为隐患`, 'danger');
        if (!r.fixedOnSpot && r.danger) {
          dangerId = await insertDanger(ctx, {
            source: input.kind === 'inspection' ? 'inspection' : input.kind === 'equipment_check' ? 'equipment' : 'patrol',
            roundId,
            checkpointId: r.checkpointId,
            location: point?.name ?? gear?.location ?? '',
            photo: r.photo,
            requestId: `${input.requestId}:${input.results.indexOf(r)}`,
            ...r.danger,
          });
        }
      }
      await ctx.trx
        .insertInto('fireRoundResults')
        .values({ id: newId(), roundId, checkpointId: r.checkpointId, itemId: r.itemId, equipmentId: r.equipmentId, result: r.result, note: r.note, photo: r.photo, fixedOnSpot: r.fixedOnSpot ? 1 : 0, dangerId })
        .execute();
    }
    await ctx.audit({ action: 'record', entity: 'fireRounds', entityId: roundId, after: { kind: input.kind, doneAt: doneAt.toISOString(), checked: input.results.length, problems, note: input.note } });
    return { id: roundId, repeated: false };
  });
}

export function countersign(deps: BackendDeps, caller: Caller, roundId: string) {
  return writeAction(deps, caller, async (ctx) => {
    const round = await ctx.trx.selectFrom('fireRounds').selectAll().where('id', '=', roundId).executeTakeFirst();
    if (!round) throw notFound('巡查记录');
    if (round.byId === caller.userId) throw invalid('这是您自己的巡查记录，要由主管（另一个人）签字');
    if (round.countersignedAt) throw conflict(`这条记录已由${round.countersignedBy}签字`);
    await ctx.trx.updateTable('fireRounds').set({ countersignedAt: ctx.at, countersignedById: caller.userId, countersignedBy: caller.name }).where('id', '=', roundId).execute();
    await ctx.audit({ action: 'update', entity: 'fireRounds', entityId: roundId, before: { countersignedBy: null }, after: { countersignedBy: caller.name, countersignedAt: ctx.at } });
    return { id: roundId };
  });
}

export async function listRounds(deps: BackendDeps, from: string, to: string, kind: RoundKind | null): Promise<RoundRow[]> {
  if (to < from) throw invalid('结束日期不能早于开始日期', 'to');
  if (addDays(from, 92) < to) throw invalid('一次最多查92天', 'to');
  const rounds = await deps.db
    .selectFrom('fireRounds')
    .selectAll()
    .where('doneAt', '>=', chinaInstant(from, '00:00').toISOString())
    .where('doneAt', '<', chinaInstant(addDays(to, 1), '00:00').toISOString())
    .$if(kind !== null, (q) => q.where('kind', '=', kind!))
    .orderBy('doneAt', 'desc')
    .execute();
  if (rounds.length === 0) return [];
  const results = await deps.db
    .selectFrom('fireRoundResults')
    .leftJoin('fireCheckpoints', 'fireCheckpoints.id', 'fireRoundResults.checkpointId')
    .leftJoin('fireCheckItems', 'fireCheckItems.id', 'fireRoundResults.itemId')
    .leftJoin('fireEquipment', 'fireEquipment.id', 'fireRoundResults.equipmentId')
    .select([
      'fireRoundResults.roundId',
      'fireRoundResults.result',
      'fireRoundResults.note',
      'fireRoundResults.fixedOnSpot',
      'fireRoundResults.dangerId',
      'fireRoundResults.photo',
      'fireCheckpoints.name as checkpoint',
      'fireCheckItems.text as item',
      'fireEquipment.code as equipment',
    ])
    .where('fireRoundResults.roundId', 'in', rounds.map((r) => r.id))
    .execute();
  return rounds.map((r) => {
    const mine = results.filter((x) => x.roundId === r.id);
    return {
      id: r.id,
      kind: r.kind,
      doneAt: r.doneAt,
      by: r.byName,
      note: r.note,
      countersignedBy: r.countersignedBy,
      countersignedAt: r.countersignedAt,
      problems: mine.filter((x) => x.result === 'problem').length,
      checked: mine.length,
      results: mine.map((x) => ({ checkpoint: x.checkpoint, item: x.item, equipment: x.equipment, result: x.result, note: x.note, fixedOnSpot: x.fixedOnSpot === 1, dangerId: x.dangerId, hasPhoto: x.photo !== null })),
    };
  });
}
