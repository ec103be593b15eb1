// The demo township's home assessments (issue 17): about a third of its 特困, 低保 and 计生特殊家庭 elders were assessed
// at home by the county's assessment centre after they came onto the register, so the coverage figure and the elder's
// file have something to show. Chosen by id order, not by the shared random: the rest of the demo stays as it was.
import { AssessmentDraftInput } from '@shared/api/assessment';
import { ITEMS } from '@shared/domain/assessment/items';
import { addDays } from '@shared/domain/dates';
import { ASSESSMENT_COVERED } from '@shared/domain/elders/vocab';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { finalize, saveDraft } from '../services/assessment/ability';

const COUNTY_AGENCY = '县老年人能力评估中心';

export async function demoHomeAssessments(deps: BackendDeps, actor: Caller, today: string): Promise<number> {
  const elders = await deps.db.selectFrom('elders').select(['id', 'categories', 'registeredOn']).where('status', '=', 'at_home').orderBy('id').execute();
  const covered = elders.filter((e) => ASSESSMENT_COVERED.some((c) => e.categories.includes(`"${c}"`)));
  let events = 0;
  for (const [i, elder] of covered.entries()) {
    if (i % 3 !== 0) continue;
    const assessedOn = [addDays(elder.registeredOn, 14), today].sort()[0];
    // Abilities vary by elder: every few items a point below the item's best (consciousness, B.3.9, always clear).
    const answers = Object.fromEntries(ITEMS.map((item, k) => [item.code, item.code !== 'B.3.9' && (i + k) % 4 === 0 ? Math.max(0, item.max - 1) : item.max]));
    // Through the form's own schema, so every field has the value a blank form sends.
    const draft = AssessmentDraftInput.parse({
      elderId: elder.id,
      reason: 'first',
      assessedOn,
      answers,
      assessor1: { staffId: null, name: '李红梅', organisation: COUNTY_AGENCY },
      assessor2: { staffId: null, name: '赵建军', organisation: COUNTY_AGENCY },
    });
    const { id } = await saveDraft(deps, actor, draft);
    await finalize(deps, actor, id);
    events += 1;
  }
  return events;
}
