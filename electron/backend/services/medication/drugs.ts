// The centre's drug list (药品目录): each drug by its 通用名, form and strength, the unit its doses and kept stock are
// counted in, and its 高警示 class. Drugs are retired, never deleted (orders and doses keep naming them). A drug's unit
// and identity cannot change once an order uses it: its quantities are counted in that unit.
import type { z } from 'zod';
import type { DrugInput, DrugQuery, DrugRow } from '@shared/api/medication-orders';
import { conflict, notFound } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { runningOn } from './orders';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** "阿司匹林肠溶片 100 mg" — a drug as people say it. */
export function drugLabel(d: { name: string; strength: string }): string {
  return d.strength ? `${d.name} ${d.strength}` : d.name;
}

export async function listDrugs(db: Executor, q: z.output<typeof DrugQuery>, today: string): Promise<DrugRow[]> {
  const rows = await db
    .selectFrom('drugs')
    .selectAll()
    .$if(!q.includeRetired, (qb) => qb.where('retiredAt', 'is', null))
    .execute();
  const used = await db
    .selectFrom('medicationOrders as o')
    .select(['o.drugId', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => runningOn(eb, today))
    .groupBy('o.drugId')
    .execute();
  const byDrug = new Map(used.map((u) => [u.drugId, Number(u.n)]));
  const text = q.query;
  return rows
    .filter((r) => text === '' || r.name.includes(text) || r.strength.includes(text) || enumLabel('drugForm', r.form).includes(text) || r.note.includes(text))
    .sort((a, b) => (a.retiredAt ? 1 : 0) - (b.retiredAt ? 1 : 0) || collator.compare(a.name, b.name) || a.strength.localeCompare(b.strength))
    .map((r) => ({
      id: r.id,
      name: r.name,
      form: r.form,
      strength: r.strength,
      unit: r.unit,
      highAlert: r.highAlert,
      note: r.note,
      retired: r.retiredAt !== null,
      activeOrders: byDrug.get(r.id) ?? 0,
    }));
}

export function saveDrug(deps: BackendDeps, caller: Caller, input: z.output<typeof DrugInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('drugs').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('药品');
    const same = await ctx.trx
      .selectFrom('drugs')
      .select(['id', 'retiredAt'])
      .where('name', '=', input.name)
      .where('form', '=', input.form)
      .where('strength', '=', input.strength)
      .executeTakeFirst();
    if (same && same.id !== before?.id) {
      const what = `${drugLabel(input)}（${enumLabel('drugForm', input.form)}）`;
      throw conflict(`药品目录里已有「${what}」${same.retiredAt ? '（已停用，可重新启用）' : ''}，不能重复添加`, 'name');
    }
    if (before) {
      const orders = Number(
        (await ctx.trx.selectFrom('medicationOrders').select((eb) => eb.fn.countAll<number>().as('n')).where('drugId', '=', before.id).executeTakeFirstOrThrow()).n,
      );
      const changed = before.unit !== input.unit || before.name !== input.name || before.form !== input.form || before.strength !== input.strength;
      if (orders > 0 && changed) {
        throw conflict(`「${drugLabel(before)}」已有 ${orders} 条医嘱，不能再改名称、剂型、规格或剂量单位；如需不同的药，请另建一个`, before.unit !== input.unit ? 'unit' : 'name');
      }
      // Kept stock is counted in the drug's unit: a batch received without an order would be read in a new unit.
      const batches = Number(
        (await ctx.trx.selectFrom('medicineBatches').select((eb) => eb.fn.countAll<number>().as('n')).where('drugId', '=', before.id).executeTakeFirstOrThrow()).n,
      );
      if (batches > 0 && changed) {
        throw conflict(`「${drugLabel(before)}」已有 ${batches} 批代管药品按原来的单位记账，不能再改名称、剂型、规格或剂量单位；如需不同的药，请另建一个`, before.unit !== input.unit ? 'unit' : 'name');
      }
      if (input.retired && before.retiredAt === null) {
        const running = Number(
          (
            await ctx.trx
              .selectFrom('medicationOrders as o')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('o.drugId', '=', before.id)
              .where((eb) => eb.or([eb('o.endsOn', 'is', null), eb('o.endsOn', '>=', ctx.today)]))
              .where((eb) => eb.or([eb('o.stoppedOn', 'is', null), eb('o.stoppedOn', '>', ctx.today)]))
              .executeTakeFirstOrThrow()
          ).n,
        );
        if (running > 0) throw conflict(`还有 ${running} 条在用或将开始的医嘱使用「${drugLabel(before)}」，请先停止这些医嘱再停用`, 'retired');
      }
    }
    const values = {
      name: input.name,
      form: input.form,
      strength: input.strength,
      unit: input.unit,
      highAlert: input.highAlert,
      note: input.note,
      retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null,
    };
    if (before) {
      await ctx.trx.updateTable('drugs').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      const { name, form, strength, unit, highAlert, note, retiredAt } = before;
      await ctx.audit({
        action: input.retired && !before.retiredAt ? 'retire' : 'update',
        entity: 'drugs',
        entityId: before.id,
        before: { name, form, strength, unit, highAlert, note, retiredAt },
        after: values,
      });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('drugs').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'drugs', entityId: id, after: values });
    return { id };
  });
}
