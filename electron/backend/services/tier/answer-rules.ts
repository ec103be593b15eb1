// Checks shared by every way a county answer is recorded (by hand at the centre, by the county clerk, from a file).
import type { z } from 'zod';
import type { DecisionInput } from '@shared/api/tier';
import { invalid } from '@shared/api/errors';

type Answer = Pick<z.output<typeof DecisionInput>, 'outcome' | 'decidedOn' | 'tier' | 'careTier' | 'documentNo'>;

/** A confirmation names a tier (and its 文号); a rejection names none. Nothing dated after today or before the proposal. */
export function assertAnswer(a: Answer, today: string, proposedOn: string | null): void {
  if (a.decidedOn > today) throw invalid(`认定日期（${a.decidedOn}）不能晚于今天（${today}）`, 'decidedOn');
  if (proposedOn && a.decidedOn < proposedOn) throw invalid(`认定日期（${a.decidedOn}）不能早于机构评估日期（${proposedOn}）`, 'decidedOn');
  if (a.outcome === 'confirmed') {
    if (!a.tier) throw invalid('认定时请选择县民政局认定的自理能力类别', 'tier');
    if (!a.documentNo.trim()) throw invalid('认定时请填写县民政局的文号', 'documentNo');
  } else if (a.tier !== null || a.careTier !== null) {
    throw invalid('不予认定时不填类别和照料护理档次', 'tier');
  }
}
