// The handlers of fire safety (fire.*): each method of the module's contract, bound to its service.
import { listCheckpoints, listItems, saveCheckpoint, saveItem } from './checklists';
import { compliance } from './compliance';
import { dangerAction, listDangers, reportDanger } from './dangers';
import { listDrills, listTrainings, saveDrill, saveTraining } from './drills';
import { addDuty, dutyLog } from './duty';
import { listEquipment, saveEquipment } from './equipment';
import { exportFireLedger, fireLedger } from './ledger';
import { countersign, listRounds, recordRound } from './rounds';
import { readFireSettings, readFireSettingsChecked, saveFireSettings } from './settings';
import type { fireApi } from '@shared/api/fire';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function fireHandlers({ deps }: HandlerContext): ModuleHandlers<typeof fireApi> {
  return {
    'fire.settings': () => readFireSettings(deps.db),
    'fire.settingsClamped': async () => (await readFireSettingsChecked(deps.db)).clamped,
    'fire.saveSettings': (input, { caller }) => saveFireSettings(deps, caller, input),
    'fire.checkpoints': (input) => listCheckpoints(deps, input.includeRetired),
    'fire.saveCheckpoint': (input, { caller }) => saveCheckpoint(deps, caller, input),
    'fire.items': (input) => listItems(deps, input.includeRetired),
    'fire.saveItem': (input, { caller }) => saveItem(deps, caller, input),
    'fire.recordRound': (input, { caller }) => recordRound(deps, caller, input),
    'fire.countersign': (input, { caller }) => countersign(deps, caller, input.roundId),
    'fire.rounds': (input) => listRounds(deps, input.from, input.to, input.kind),
    'fire.dangers': (input) => listDangers(deps, input.status),
    'fire.reportDanger': (input, { caller }) => reportDanger(deps, caller, input),
    'fire.dangerAction': (input, { caller }) => dangerAction(deps, caller, input),
    'fire.equipment': (input) => listEquipment(deps, input.includeRetired),
    'fire.saveEquipment': (input, { caller }) => saveEquipment(deps, caller, input),
    'fire.drills': () => listDrills(deps),
    'fire.saveDrill': (input, { caller }) => saveDrill(deps, caller, input),
    'fire.trainings': () => listTrainings(deps),
    'fire.saveTraining': (input, { caller }) => saveTraining(deps, caller, input),
    'fire.dutyLog': (input) => dutyLog(deps, input.from, input.to),
    'fire.addDuty': (input, { caller }) => addDuty(deps, caller, input),
    'fire.compliance': (input) => compliance(deps, input.month),
    'fire.ledger': (input) => fireLedger(deps, input),
    'fire.exportLedger': (input, { caller }) => exportFireLedger(deps, caller, input),
  };
}
