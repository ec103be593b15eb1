// How often a care task is done, and how to say it: 每班, 每天, 每周, 每N小时, 每天 08:00、20:00.
import { z } from 'zod';

export const Frequency = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('each_shift') }),
  z.object({ kind: z.literal('daily') }),
  z.object({ kind: z.literal('weekly') }),
  z.object({ kind: z.literal('every_hours'), hours: z.number({ error: '请填写间隔小时数' }).int().min(1, { error: '间隔至少1小时' }).max(12, { error: '间隔最多12小时' }) }),
  z.object({
    kind: z.literal('at_times'),
    times: z
      .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 时:分，如 08:00' }))
      .min(1, { error: '请至少填写一个时间' })
      .max(12),
  }),
]);
export type Frequency = z.output<typeof Frequency>;

export function describeFrequency(f: Frequency): string {
  switch (f.kind) {
    case 'each_shift':
      return '每班一次';
    case 'daily':
      return '每天一次';
    case 'weekly':
      return '每周一次';
    case 'every_hours':
      return `每 ${f.hours} 小时一次`;
    case 'at_times':
      return `每天 ${f.times.join('、')}`;
  }
}
