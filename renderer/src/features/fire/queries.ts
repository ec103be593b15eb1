// The fire data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useFireAddDuty = (options?: MutationOptions<'fire.addDuty'>) => useApiMutation('fire.addDuty', options);
export const useFireCheckpoints = (enabled = true) => useApi('fire.checkpoints', {}, enabled);
export const useFireCompliance = (input: In<'fire.compliance'>, enabled = true) => useApi('fire.compliance', input, enabled);
export const useFireCountersign = (options?: MutationOptions<'fire.countersign'>) => useApiMutation('fire.countersign', options);
export const useFireDangerAction = (options?: MutationOptions<'fire.dangerAction'>) => useApiMutation('fire.dangerAction', options);
export const useFireDangers = (input: In<'fire.dangers'>, enabled = true) => useApi('fire.dangers', input, enabled);
export const useFireDrills = (enabled = true) => useApi('fire.drills', {}, enabled);
export const useFireDutyLog = (input: In<'fire.dutyLog'>, enabled = true) => useApi('fire.dutyLog', input, enabled);
export const useFireEquipment = (enabled = true) => useApi('fire.equipment', {}, enabled);
export const useFireExportLedger = (options?: MutationOptions<'fire.exportLedger'>) => useApiMutation('fire.exportLedger', options);
export const useFireItems = (enabled = true) => useApi('fire.items', {}, enabled);
export const useFireLedger = (input: In<'fire.ledger'>, enabled = true) => useApi('fire.ledger', input, enabled);
export const useFireRecordRound = (options?: MutationOptions<'fire.recordRound'>) => useApiMutation('fire.recordRound', options);
export const useFireReportDanger = (options?: MutationOptions<'fire.reportDanger'>) => useApiMutation('fire.reportDanger', options);
export const useFireRounds = (input: In<'fire.rounds'>, enabled = true) => useApi('fire.rounds', input, enabled);
export const useFireSaveCheckpoint = (options?: MutationOptions<'fire.saveCheckpoint'>) => useApiMutation('fire.saveCheckpoint', options);
export const useFireSaveDrill = (options?: MutationOptions<'fire.saveDrill'>) => useApiMutation('fire.saveDrill', options);
export const useFireSaveEquipment = (options?: MutationOptions<'fire.saveEquipment'>) => useApiMutation('fire.saveEquipment', options);
export const useFireSaveItem = (options?: MutationOptions<'fire.saveItem'>) => useApiMutation('fire.saveItem', options);
export const useFireSaveSettings = (options?: MutationOptions<'fire.saveSettings'>) => useApiMutation('fire.saveSettings', options);
export const useFireSaveTraining = (options?: MutationOptions<'fire.saveTraining'>) => useApiMutation('fire.saveTraining', options);
export const useFireSettings = (enabled = true) => useApi('fire.settings', {}, enabled);
export const useFireSettingsClamped = (enabled = true) => useApi('fire.settingsClamped', {}, enabled);
export const useFireTrainings = (enabled = true) => useApi('fire.trainings', {}, enabled);
