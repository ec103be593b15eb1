// The county's answer period in working days: settings.tierAnswerWorkingDays (认定办法: 10 working days [R]).
import type { Executor } from '../../db/executor';
import { readSettings } from '../settings/settings';

export async function answerWorkingDays(db: Executor): Promise<number> {
  return (await readSettings(db)).tierAnswerWorkingDays;
}
