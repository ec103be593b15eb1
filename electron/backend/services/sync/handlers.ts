// The handlers of the centre's monthly report to the county (sync.*): each method of the module's contract, bound to its service.
import path from 'node:path';
import { confirmCountyKey, importCountyKey, registrationFile, undoCountyKey } from './centre-keys';
import { ExportJobs, precheck, syncStatus } from './export';
import { monthReport } from './month-report';
import type { syncApi } from '@shared/api/sync';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import type { DatabaseHolder } from '../backup/holder';

/** Where a centre keeps a copy of every package it exported: `<data folder>/exports`. */
export const exportsFolder = (holder: DatabaseHolder) => path.join(path.dirname(holder.file), '..', 'exports');

export function syncHandlers({ deps, holder, platform, disk }: HandlerContext): ModuleHandlers<typeof syncApi> {
  const exportsJobs = new ExportJobs(deps, exportsFolder(holder), platform, disk);
  return {
    'sync.status': (_input, { caller }) => syncStatus(deps, caller, platform),
    'sync.importCountyKey': async (input, { caller }) => (await importCountyKey(deps, caller, input.text), syncStatus(deps, caller, platform)),
    'sync.confirmCountyKey': async (input, { caller }) => (await confirmCountyKey(deps, caller, input.fingerprint), syncStatus(deps, caller, platform)),
    'sync.undoCountyKey': async (_input, { caller }) => (await undoCountyKey(deps, caller), syncStatus(deps, caller, platform)),
    'sync.monthReport': (input) => monthReport(deps, input.period),
    'sync.registrationFile': (_input, { caller }) => registrationFile(deps, caller, platform),
    'sync.precheck': (input) => precheck(deps, input.period),
    'sync.export': async (input, { caller }) => exportsJobs.start(caller, input),
    'sync.job': async (input) => exportsJobs.job(input.jobId),
    'sync.download': (input) => exportsJobs.download(input.id),
  };
}
