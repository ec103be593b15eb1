// API of the care-plan module: each resident's tasks, generated from their care grade and safety risks, then adjusted.
import { z } from 'zod';
import { Frequency } from '../domain/care-frequency';
import { ByResident, Done, entityId, optionalText, requiredText } from './fields';
import { method } from './method';
import { RESIDENT_READERS } from './roles';

export const CarePlanTask = z.object({
  id: z.string(),
  task: z.string(),
  frequency: Frequency,
  frequencyText: z.string(),
  source: z.string(),
  active: z.boolean(),
  note: z.string(),
  /** 查房时完成: a round (查房) records it for everyone the round covers. */
  completesOnRound: z.boolean(),
  updatedBy: z.string(),
});
export type CarePlanTask = z.output<typeof CarePlanTask>;

export const SaveTaskInput = z.object({
  id: entityId('护理任务').optional(),
  residentId: entityId('老人'),
  task: requiredText('护理内容', 60),
  frequency: Frequency,
  active: z.boolean().default(true),
  note: optionalText('说明', 200),
  completesOnRound: z.boolean().default(false),
});


export const careplanApi = {
  'careplan.get': method({ input: ByResident, output: z.array(CarePlanTask), roles: RESIDENT_READERS, writes: false }),
  'careplan.generate': method({ input: ByResident, output: z.object({ added: z.number() }), roles: ['admin', 'care_lead'], writes: true }),
  'careplan.saveTask': method({ input: SaveTaskInput, output: Done, roles: ['admin', 'care_lead'], writes: true }),
};
