// Handlers of the monthly package: the centre's 月度报送 (sync.*) and the county's 县级汇总 (county.*).
import path from 'node:path';
import type { BackendDeps } from '../deps';
import type { DatabaseHolder } from '../services/backup/holder';
import type { Platform } from '../platform';
import { centreDetail, facilityTable, indicators, submissionMatrix, tekunQuarter } from '../services/county/figures';
import { revealIdNumber } from '../services/county/reveal';
import { confirmCentre, countyStatus, enrolCentre, listCentres, withdrawCentre } from '../services/county/centres';
import { countyWorkbook } from '../services/county/excel';
import { CountyImports } from '../services/county/import';
import { listReports, reportFile } from '../services/county/reports';
import { confirmCountyKey, importCountyKey, registrationFile, undoCountyKey } from '../services/sync/centre-keys';
import { ExportJobs, precheck, syncStatus } from '../services/sync/export';
import { monthReport } from '../services/sync/month-report';
import type { Handlers } from './handlers';

type SyncMethod = Extract<keyof Handlers, `sync.${string}` | `county.${string}`>;

/** Where a centre keeps a copy of every package it exported: `<data folder>/exports`. */
export const exportsFolder = (holder: DatabaseHolder) => path.join(path.dirname(holder.file), '..', 'exports');

export function syncHandlers(deps: BackendDeps, holder: DatabaseHolder, platform: Platform | undefined): Pick<Handlers, SyncMethod> {
  const exportsJobs = new ExportJobs(deps, exportsFolder(holder), platform);
  const imports = new CountyImports(deps, () => holder.current!.sqlite, platform);
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

    'county.status': () => countyStatus(deps, platform),
    'county.centres': () => listCentres(deps),
    'county.enrol': (input, { caller }) => enrolCentre(deps, caller, platform, input.text),
    'county.confirmCentre': (input, { caller }) => confirmCentre(deps, caller, platform, input.centreCode, input.fingerprint),
    'county.withdrawCentre': (input, { caller }) => withdrawCentre(deps, caller, platform, input.centreCode),
    'county.stage': (input) => imports.stage(input, input.batchId),
    'county.apply': async (input, { caller }) => imports.start(caller, input.batchId),
    'county.job': async (input) => imports.job(input.jobId),
    'county.reports': (input) => listReports(deps, input),
    'county.reportFile': (input) => reportFile(deps, input.id),
    'county.matrix': (input) => submissionMatrix(deps, input.year),
    'county.indicators': (input) => indicators(deps, input.period),
    'county.centre': (input) => centreDetail(deps, input.centreCode, input.period),
    'county.tekunQuarter': (input) => tekunQuarter(deps, input.year, input.quarter),
    'county.exportExcel': (input) => countyWorkbook(deps, input.period),
    'county.facilityTable': (input) => facilityTable(deps, input.period),
    'county.revealIdNumber': (input, { caller }) => revealIdNumber(deps, caller, input),
  };
}
