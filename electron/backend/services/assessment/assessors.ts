// The two assessors of an ability assessment: each a staff member of the centre (the name is taken from the register,
// never from what the screen sent) or an outside person with a name and an organisation; never the same person twice.
import type { z } from 'zod';
import type { AssessorInput, AssessorView } from '@shared/api/assessment';
import { invalid } from '@shared/api/errors';
import type { Executor } from '../../db/executor';

type Input = z.output<typeof AssessorInput>;
export type Slot = 'assessor1' | 'assessor2';
const SLOT_NAMES: Record<Slot, string> = { assessor1: '评估员1', assessor2: '评估员2' };

/** Null when nobody is chosen yet (allowed in a draft); otherwise the checked assessor as it will be stored. */
async function resolveOne(db: Executor, input: Input | null, slot: Slot, assessedOn: string): Promise<AssessorView | null> {
  if (!input || (!input.staffId && !input.name && !input.organisation)) return null;
  const label = SLOT_NAMES[slot];
  if (input.staffId) {
    const staff = await db.selectFrom('staff').select(['name', 'leftOn']).where('id', '=', input.staffId).executeTakeFirst();
    if (!staff) throw invalid(`${label}不在本院员工名册中，请从名单里选择`, slot);
    if (staff.leftOn !== null && staff.leftOn <= assessedOn) throw invalid(`${label}“${staff.name}”在评估日期（${assessedOn}）已离职，请另选一位`, slot);
    return { staffId: input.staffId, name: staff.name, organisation: '' };
  }
  if (!input.name) throw invalid(`${label}：请从本院员工中选择，或写明院外评估员的姓名`, slot);
  if (!input.organisation) throw invalid(`${label}“${input.name}”是院外评估员，请写明所在单位（如县老年人能力评估中心）`, slot);
  return { staffId: null, name: input.name, organisation: input.organisation };
}

function samePerson(a: AssessorView, b: AssessorView): boolean {
  if (a.staffId || b.staffId) return a.staffId === b.staffId;
  return a.name === b.name && a.organisation === b.organisation;
}

export async function resolveAssessors(db: Executor, one: Input | null, two: Input | null, assessedOn: string) {
  const assessor1 = await resolveOne(db, one, 'assessor1', assessedOn);
  const assessor2 = await resolveOne(db, two, 'assessor2', assessedOn);
  if (assessor1 && assessor2 && samePerson(assessor1, assessor2)) throw invalid('两位评估员不能是同一个人，请另选一位', 'assessor2');
  return { assessor1, assessor2 };
}

/** The assessor columns of the assessments table. */
export function assessorColumns(assessor1: AssessorView | null, assessor2: AssessorView | null) {
  return {
    assessor1: assessor1?.name ?? '',
    assessor1StaffId: assessor1?.staffId ?? null,
    assessor1Org: assessor1?.organisation ?? '',
    assessor2: assessor2?.name ?? '',
    assessor2StaffId: assessor2?.staffId ?? null,
    assessor2Org: assessor2?.organisation ?? '',
  };
}

/** Back from the columns; an empty name means nobody chosen yet. */
export function assessorFromColumns(name: string, staffId: string | null, organisation: string): AssessorView | null {
  return name ? { staffId, name, organisation } : null;
}
