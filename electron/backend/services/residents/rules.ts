// Date rules every stay event obeys: not in the future, not before birth, not before the resident's last event.
import { invalid } from '@shared/api/errors';
import type { Executor } from '../../db/executor';

export function assertNotFuture(date: string, today: string, label: string, field: string): void {
  if (date > today) throw invalid(`${label}（${date}）不能晚于今天（${today}）`, field);
}

export function assertNotBeforeBirth(date: string, birthDate: string, label: string, field: string): void {
  if (date < birthDate) throw invalid(`${label}（${date}）不能早于出生日期（${birthDate}）`, field);
}

/** The latest date already on the resident's history: a new event may not go back before it. */
export async function lastEventDate(db: Executor, residentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stayEvents')
    .select((eb) => [eb.fn.max('date').as('lastDate'), eb.fn.max('endDate').as('lastEnd')])
    .where('residentId', '=', residentId)
    .executeTakeFirst();
  const dates = [row?.lastDate, row?.lastEnd].filter((d): d is string => typeof d === 'string');
  return dates.length === 0 ? null : dates.sort().at(-1)!;
}

export async function assertAfterHistory(db: Executor, residentId: string, date: string, label: string, field: string) {
  const last = await lastEventDate(db, residentId);
  if (last && date < last) throw invalid(`${label}（${date}）不能早于该老人上一条记录的日期（${last}）`, field);
}
