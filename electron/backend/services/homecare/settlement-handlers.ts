// The handlers of the homecare module's settlement part: 回访 checks, complaints, monthly settlements per provider.
import type { homecareSettlementApi } from '@shared/api/homecare-settlement';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { checkMonth, findVisits, recordCheck } from './checks';
import { answerComplaint, listComplaints, recordComplaint } from './complaints';
import { saveSettlementSettings, settlementSettings } from './homecare-settings';
import { settle, settlementPreview, settlementsOfMonth, statement, voidSettlement } from './settlement';
import { exportSettlement } from './settlement-excel';

export function homecareSettlementHandlers({ deps }: HandlerContext): ModuleHandlers<typeof homecareSettlementApi> {
  return {
    'homecare.settlementSettings': () => settlementSettings(deps),
    'homecare.saveSettlementSettings': (input, { caller }) => saveSettlementSettings(deps, caller, input),
    'homecare.checkMonth': (input) => checkMonth(deps, input.month, input.providerId),
    'homecare.findVisits': (input) => findVisits(deps, input.month, input.providerId, input.query),
    'homecare.recordCheck': (input, { caller }) => recordCheck(deps, caller, input),
    'homecare.complaints': (input) => listComplaints(deps, input.status, input.query),
    'homecare.recordComplaint': (input, { caller }) => recordComplaint(deps, caller, input),
    'homecare.answerComplaint': (input, { caller }) => answerComplaint(deps, caller, input),
    'homecare.settlementPreview': (input) => settlementPreview(deps, input.providerId, input.month),
    'homecare.statement': (input) => statement(deps, input.providerId, input.month, input.settlementId),
    'homecare.settle': (input, { caller }) => settle(deps, caller, input),
    'homecare.voidSettlement': (input, { caller }) => voidSettlement(deps, caller, input),
    'homecare.settlements': (input) => settlementsOfMonth(deps, input.month),
    'homecare.exportSettlement': (input, { caller }) => exportSettlement(deps, caller, input.month, input.providerId),
  };
}
