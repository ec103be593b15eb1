// The handlers of the homecare module's delivery part: the day's planned visits, recording done and missed visits,
// voiding, the month's visits and an elder's month against the entitlement.
import type { homecareDeliveryApi } from '@shared/api/homecare-delivery';
import { todayIn } from '../../clock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { elderMonth } from './elder-month';
import { plannedOf } from './planned';
import { recordChoices } from './record-choices';
import { recordMissed, recordVisit, voidVisit } from './record';
import { visitList, visitPhoto } from './visit-list';

export function homecareDeliveryHandlers({ deps }: HandlerContext): ModuleHandlers<typeof homecareDeliveryApi> {
  return {
    'homecare.planned': (input) => plannedOf(deps.db, input),
    'homecare.recordChoices': (_input, { caller }) => recordChoices(deps.db, caller.userId),
    'homecare.recordVisit': (input, { caller }) => recordVisit(deps, caller, input),
    'homecare.recordMissed': (input, { caller }) => recordMissed(deps, caller, input),
    'homecare.voidVisit': (input, { caller }) => voidVisit(deps, caller, input),
    'homecare.visits': (input) => visitList(deps.db, input),
    'homecare.visitPhoto': (input) => visitPhoto(deps.db, input.id),
    'homecare.elderMonth': (input) => elderMonth(deps.db, input.elderId, input.month, todayIn(deps.clock)),
  };
}
