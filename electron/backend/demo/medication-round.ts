// The demo centre's last month of medication rounds (issue 19), from the orders of medication-orders.ts: every
// scheduled dose from 30 days back to yesterday recorded by the caregiver of that round (early / middle / night), at its
// time give or take a few minutes — most given, a few refused or held with their reason, a few late, now and then one
// not recorded (漏); 高警示 doses checked by a second colleague; a kept medicine that ran out recorded as 缺药. 按需 doses
// on some days with their reason and, an hour later, their effect. One dose recorded as given and corrected to refused;
// one 用药差错 incident linked to a dose. Each record is written as of its own time, through the same insert the round
// uses (the stock ledger follows). Today's doses are left for the round.
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { chinaClock, dosesOnDays } from '@shared/domain/medication/schedule';
import { writeAction } from '../audit';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { reportIncident } from '../services/incidents/incidents';
import { needsSecondCheck } from '../services/medication/due';
import { type OrderRow, orderRows } from '../services/medication/order-rows';
import { drugText, insertDose } from '../services/medication/record-dose';
import { readMedicationSettings } from '../services/medication/settings';
import type { Random } from './random';

const REFUSED = ['不肯吃，说吃了胃不舒服', '吐出来了', '说已经吃过了'];
const HELD = ['老人在睡觉，稍后再服', '血压偏低（90/60），暂停一次', '血糖偏低，先进食', '正在输液，医生交代暂停'];
const EFFECTS = ['半小时后缓解', '一小时后好转，已入睡', '效果不明显，已告知医生', '疼痛减轻，能下床活动'];

type Outcome = 'given' | 'refused' | 'held' | 'not_available';

/** The deps as of an instant: every record of the demo is written at its own time. */
const asOf = (deps: BackendDeps, iso: string): BackendDeps => ({ db: deps.db, clock: { now: () => new Date(iso) } });

export async function demoMedicationRound(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const from = addDays(today, -30);
  const to = addDays(today, -1);
  const staff = await deps.db.selectFrom('staff').select(['id', 'name', 'role']).where('role', 'in', ['caregiver', 'care_lead']).where('leftOn', 'is', null).orderBy('name').execute();
  if (staff.length < 2) return 0;
  const givers: Caller[] = staff.map((s) => ({ userId: s.id, name: s.name, role: s.role === 'care_lead' ? 'care_lead' : 'caregiver' }));
  const present = new Set((await deps.db.selectFrom('residents').select('id').where('status', '=', 'in_residence').execute()).map((r) => r.id));
  const orders = (await orderRows(deps.db, { activeFrom: from, activeTo: to })).filter((o) => present.has(o.residentId));
  const settings = await readMedicationSettings(deps.db);
  // A kept order with nothing ever received (no 服药管理协议 yet, say) is given from the family's own supply in the demo,
  // rather than a month of 缺药.
  const received = new Set((await deps.db.selectFrom('medicineBatches').select(['residentId', 'drugId']).execute()).map((b) => `${b.residentId}|${b.drugId}`));
  // The caregiver of a round: one per day and part of the day, turning through the team.
  const giverOf = (date: string, slot: string) => {
    const part = slot < '07:00' ? 2 : slot < '15:00' ? 0 : slot < '22:00' ? 1 : 2;
    const day = Math.round((Date.parse(date) - Date.parse(from)) / 86_400_000);
    return givers[(day * 3 + part) % givers.length];
  };
  // The colleague who checks a high-alert dose: the next one of the team (never someone of the same name).
  const checkerOf = (giver: Caller) => givers.find((g, i) => i > givers.indexOf(giver) && g.name !== giver.name) ?? givers.find((g) => g.name !== giver.name) ?? null;
  let events = 0;
  let corrected = false;
  let reported = false;

  const write = async (o: OrderRow, giver: Caller, at: string, d: { dueAt: string | null; slot: string | null; date: string; outcome: Outcome; reason: string; lateMinutes: number | null }) => {
    const checker = needsSecondCheck(settings, o.highAlert) ? checkerOf(giver) : null;
    const one = (outcome: Outcome, reason: string) =>
      writeAction(asOf(deps, at), giver, async (ctx) => {
        const id = await insertDose(ctx, {
          order: o,
          dueAt: d.dueAt,
          slot: d.slot,
          doseDate: d.date,
          outcome,
          reason,
          givenAt: at,
          lateMinutes: outcome === 'given' ? d.lateMinutes : null,
          checker: outcome === 'given' && checker ? { id: checker.userId, name: checker.name } : null,
          shiftId: null,
          shiftDate: null,
          amendsId: null,
          amendReason: null,
          requestId: randomUUID(),
        });
        await ctx.audit({ action: 'record', entity: 'medicationDoses', entityId: id, after: { drug: drugText(o), time: d.slot ?? '按需', date: d.date, outcome, ...(reason ? { reason } : {}) } });
        return id;
      });
    try {
      return { id: await one(d.outcome, d.reason), outcome: d.outcome };
    } catch (error) {
      // A kept medicine that ran out (or expired) is recorded as it would be on the round: 缺药.
      if (!(error instanceof AppError)) throw error;
      return { id: await one('not_available', '代管药已用完，已通知家属送药'), outcome: 'not_available' as const };
    }
  };

  for (const kept of orders) {
    const o: OrderRow = kept.supply === 'kept' && !received.has(`${kept.residentId}|${kept.drugId}`) ? { ...kept, supply: 'self' } : kept;
    if (o.frequency === 'prn') {
      for (let date = from; date <= to; date = addDays(date, 1)) {
        if (o.startsOn > date || !random.chance(0.2)) continue;
        const at = new Date(`${date}T${String(random.int(9, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+08:00`).toISOString();
        const giver = giverOf(date, chinaClock(new Date(at)));
        const { id, outcome } = await write(o, giver, at, { dueAt: null, slot: null, date, outcome: 'given', reason: o.prnIndication, lateMinutes: null });
        events += 1;
        if (outcome === 'given') {
          const later = new Date(new Date(at).getTime() + 60 * 60_000).toISOString();
          await writeAction(asOf(deps, later), giver, async (ctx) => {
            await ctx.trx.updateTable('medicationDoses').set({ prnEffect: random.pick(EFFECTS), prnEffectAt: ctx.at, prnEffectBy: giver.name }).where('id', '=', id).execute();
          });
        }
      }
      continue;
    }
    for (const due of dosesOnDays(o, from, to)) {
      const roll = random.next();
      if (roll < 0.01) continue; // 漏: not recorded
      const outcome: Outcome = roll < 0.04 ? 'refused' : roll < 0.06 ? 'held' : 'given';
      const late = outcome === 'given' && random.chance(0.05) ? random.int(settings.lateMinutes + 5, settings.lateMinutes + 90) : null;
      const offset = late ?? random.int(-10, 20);
      const at = new Date(new Date(due.dueAt).getTime() + offset * 60_000).toISOString();
      const giver = giverOf(due.date, due.slot);
      const reason = outcome === 'refused' ? random.pick(REFUSED) : outcome === 'held' ? random.pick(HELD) : '';
      const written = await write(o, giver, at, { dueAt: due.dueAt, slot: due.slot, date: due.date, outcome, reason, lateMinutes: late });
      events += 1;
      // One tap on the wrong button, corrected by the same caregiver ten minutes later.
      if (!corrected && written.outcome === 'given' && o.supply === 'self' && due.date === addDays(to, -3)) {
        corrected = true;
        const fixAt = new Date(new Date(at).getTime() + 10 * 60_000).toISOString();
        await writeAction(asOf(deps, fixAt), giver, async (ctx) => {
          const id = await insertDose(ctx, {
            order: o,
            dueAt: due.dueAt,
            slot: due.slot,
            doseDate: due.date,
            outcome: 'refused',
            reason: '不肯吃',
            givenAt: at,
            lateMinutes: null,
            checker: null,
            shiftId: null,
            shiftDate: null,
            amendsId: written.id,
            amendReason: '点错了，老人其实拒服了',
            requestId: randomUUID(),
          });
          await ctx.audit({ action: 'amend', entity: 'medicationDoses', entityId: id, before: { outcome: '已服' }, after: { outcome: '拒服', amendReason: '点错了，老人其实拒服了' } });
        });
        events += 1;
      }
      // One 用药差错: a morning dose given two hours late, reported with the dose.
      if (!reported && late !== null && written.outcome === 'given' && due.date >= addDays(to, -14)) {
        reported = true;
        await reportIncident(asOf(deps, new Date(new Date(at).getTime() + 30 * 60_000).toISOString()), giver, {
          requestId: randomUUID(),
          residentId: o.residentId,
          type: 'medication_error',
          medicationError: 'wrong_time',
          doseId: written.id,
          occurredAt: at,
          place: '居室',
          severity: 'minor',
          description: `${due.slot}的${drugText(o)}晚了 ${late} 分钟才服（交接班时漏看）`,
          actionTaken: '已补服，测血压，告知护理组长；交接班时逐项核对服药单',
          familyNotified: false,
          notifiedWho: '',
          notifiedAt: null,
          hospitalTransfer: false,
          hospital: '',
        });
        events += 1;
      }
    }
  }
  void actor;
  return events;
}
