// What the mutualaid services share: a helper for a write (known, not retired), a day not in the future, and points
// written as people read them (tenths → 1.5).
import { AppError, invalid } from '@shared/api/errors';
import type { WriteContext } from '../../audit';
import type { Executor } from '../../db/executor';

export async function helperOf(db: Executor, helperId: string) {
  const helper = await db.selectFrom('visitHelpers').select(['id', 'name', 'kind', 'villageId', 'elderId', 'retiredAt']).where('id', '=', helperId).executeTakeFirst();
  if (!helper) throw new AppError('NOT_FOUND', '协助人员名单中没有这个人，请刷新后重试', 'helperId');
  return helper;
}

/** A helper who may still give help: on the list and not retired. */
export async function activeHelper(db: Executor, helperId: string, what: string) {
  const helper = await helperOf(db, helperId);
  if (helper.retiredAt !== null) throw invalid(`${helper.name}已停用，不能登记${what}；如需继续，请先在协助人员名单中恢复`, 'helperId');
  return helper;
}

/** Refuses a day after today: what happened is recorded, not what is planned. */
export function notFuture(ctx: WriteContext, day: string, what: string, field: string) {
  if (day > ctx.today) throw invalid(`${what}（${day}）在将来，不能预先登记`, field);
}

export { pointsText as points } from '@shared/api/mutualaid';
