// The demo township's 回访, complaints and settlements (issue 18), after the setup and delivery demos: last month's
// 回访 sample of each provider checked (by phone mostly, one at home), one visit disputed (the elder says the worker
// left early — not paid); two complaints about visits, the older one answered, the newer one still open and past the
// answer limit (red); and last month settled for each provider that served in it. All through the real services.
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/api/errors';
import { addDays, shiftMonth } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { checkMonth, recordCheck } from '../services/homecare/checks';
import { answerComplaint, recordComplaint } from '../services/homecare/complaints';
import { settle } from '../services/homecare/settlement';
import type { Random } from './random';

const CONFIRMED_NOTES = ['', '', '老人说服务员做得仔细', '家属说按时来了', '老人很满意，希望多来几次'];
const CHECKERS = ['关爱专干 王小红', '关爱专干 李明'];

/** Returns how many records it wrote. `today` is the demo's today (China date). */
export async function demoHomecareSettlement(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let written = 0;
  const lastMonth = shiftMonth(today.slice(0, 7), -1);
  const checkedOn = (serviceOn: string) => {
    const day = addDays(serviceOn, random.int(2, 6));
    return day > today ? today : day;
  };

  // 回访: every provider's sample of last month, the first visit of the first provider disputed.
  const sample = await checkMonth(deps, lastMonth, null);
  let disputed = false;
  for (const p of sample.providers) {
    for (const [i, v] of p.toCheck.entries()) {
      const dispute = !disputed;
      disputed = true;
      await recordCheck(deps, actor, {
        visitId: v.visitId,
        kind: i === 1 ? 'home' : 'phone',
        checkedOn: checkedOn(v.serviceOn),
        checker: random.pick(CHECKERS),
        outcome: dispute ? 'disputed' : 'confirmed',
        note: dispute ? `老人说服务员只待了半个多小时就走了，记录上写的是 ${v.startTime}–${v.endTime ?? ''}` : random.pick(CONFIRMED_NOTES),
      });
      written += 1;
    }
  }

  // Two complaints: one about a visit of last month (answered), one about a recent visit (open, past the limit).
  const visits = await deps.db
    .selectFrom('homeServiceVisits')
    .select(['id', 'serviceOn'])
    .where('outcome', '=', 'done')
    .where('voidedAt', 'is', null)
    .where('serviceOn', '>=', `${lastMonth}-01`)
    .where('serviceOn', '<=', addDays(today, -10))
    .orderBy('serviceOn')
    .orderBy('id')
    .execute();
  if (visits.length >= 2) {
    const early = visits[Math.floor(visits.length / 4)];
    const late = visits[visits.length - 1];
    const answered = await recordComplaint(deps, actor, { visitId: early.id, receivedOn: addDays(early.serviceOn, 1), fromWhom: '老人的女儿（电话）', complaint: '打扫时把老人的药盒放乱了，老人找不到降压药' });
    const answeredOn = addDays(early.serviceOn, 3);
    await answerComplaint(deps, actor, { id: answered.id, answeredOn: answeredOn > today ? today : answeredOn, answer: '已上门把药盒放回原处，向老人道歉；要求服务员今后不动老人的药品' });
    await recordComplaint(deps, actor, { visitId: late.id, receivedOn: addDays(late.serviceOn, 1), fromWhom: '老人本人（到院反映）', complaint: '服务员来晚了一个多小时，也没有提前打电话' });
    written += 2;
  }

  // Last month settled for each provider that served in it (a month whose prices are missing stays unsettled).
  const providers = await deps.db
    .selectFrom('homeServiceVisits')
    .select('providerId')
    .distinct()
    .where('outcome', '=', 'done')
    .where('voidedAt', 'is', null)
    .where('serviceOn', '>=', `${lastMonth}-01`)
    .where('serviceOn', '<', `${today.slice(0, 7)}-01`)
    .execute();
  for (const p of providers) {
    try {
      await settle(deps, actor, { providerId: p.providerId, month: lastMonth, requestId: randomUUID() });
      written += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  return written;
}
