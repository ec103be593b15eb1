// Chronic-disease follow-up: a resident's blood pressure and glucose from the care log's vitals over the last N months,
// with the counts of high readings (≥ 140/90 mmHg, glucose ≥ 7.0 mmol/L) and the averages.
import type { z } from 'zod';
import type { Trends, TrendsQuery } from '@shared/api/health-file';
import { AppError, invalid } from '@shared/api/errors';
import { addDays, addMonths } from '@shared/domain/dates';
import type { Executor } from '../../db/executor';
import { vitalReadings } from './vitals';

export const BP_HIGH = { systolic: 140, diastolic: 90 } as const;
export const GLUCOSE_HIGH = 7.0;

const average = (values: number[], decimals: number) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10 ** decimals) / 10 ** decimals;

export async function trends(db: Executor, q: z.output<typeof TrendsQuery>, today: string): Promise<z.output<typeof Trends>> {
  const to = q.to ?? today;
  if (to > today) throw invalid('截止日期不能晚于今天', 'to');
  const from = addDays(addMonths(to, -q.months), 1);
  const resident = await db.selectFrom('residents').select(['id', 'name', 'chronicConditions']).where('id', '=', q.residentId).executeTakeFirst();
  if (!resident) throw new AppError('NOT_FOUND', '找不到这位老人的档案，请刷新后重试', 'residentId');
  const readings = (await vitalReadings(db, [resident.id], from, to)).filter((r) => r.systolic !== null || r.glucose !== null);
  const bp = readings.filter((r) => r.systolic !== null && r.diastolic !== null);
  const glucose = readings.flatMap((r) => (r.glucose === null ? [] : [r.glucose]));
  return {
    resident,
    from,
    to,
    points: readings.map((r) => ({ at: r.at, systolic: r.systolic, diastolic: r.diastolic, glucose: r.glucose })),
    summary: {
      bpReadings: bp.length,
      bpHigh: bp.filter((r) => r.systolic! >= BP_HIGH.systolic || r.diastolic! >= BP_HIGH.diastolic).length,
      systolicAvg: average(
        bp.map((r) => r.systolic!),
        0,
      ),
      diastolicAvg: average(
        bp.map((r) => r.diastolic!),
        0,
      ),
      glucoseReadings: glucose.length,
      glucoseHigh: glucose.filter((g) => g >= GLUCOSE_HIGH).length,
      glucoseAvg: average(glucose, 1),
    },
  };
}
