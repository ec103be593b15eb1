// The handlers of the county's side — enrolment, imports, tables (county.*): each method of the module's contract, bound to its service.
import { confirmCentre, countyStatus, enrolCentre, keyFileFor, listCentres, withdrawCentre } from './centres';
import { countyList } from './area';
import { countyWorkbook } from './excel';
import { centreDetail, facilityTable, indicators, submissionMatrix, tekunQuarter } from './figures';
import { listReports, reportFile } from './reports';
import { revealIdNumber } from './reveal';
import { villageTable } from './villages';
import { careAtHomeTable } from './care-at-home';
import { CountyImports } from './import';
import type { countyApi } from '@shared/api/county';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function countyHandlers({ deps, holder, platform, onClose, disk }: HandlerContext): ModuleHandlers<typeof countyApi> {
  const imports = new CountyImports(deps, () => holder.current?.sqlite ?? null, platform, disk);
  onClose?.(() => imports.close()); // the check workers stop with the backend
  return {
    'county.status': () => countyStatus(deps, platform),
    'county.keyFileFor': (input) => keyFileFor(deps, platform, input.countyCode, input.countyName),
    'county.counties': (input) => countyList(deps, input.period),
    'county.centres': () => listCentres(deps),
    'county.enrol': (input, { caller }) => enrolCentre(deps, caller, platform, input.text),
    'county.confirmCentre': (input, { caller }) => confirmCentre(deps, caller, platform, input.centreCode, input.fingerprint),
    'county.withdrawCentre': (input, { caller }) => withdrawCentre(deps, caller, platform, input.centreCode),
    'county.stage': (input) => imports.stage(input, input.batchId),
    'county.apply': async (input, { caller }) => imports.start(caller, input.batchId),
    'county.job': async (input) => imports.job(input.jobId),
    'county.reports': (input) => listReports(deps, input),
    'county.reportFile': (input) => reportFile(deps, input.id),
    'county.matrix': (input) => submissionMatrix(deps, input.year, input.countyCode),
    'county.indicators': (input) => indicators(deps, input.period, input.countyCode),
    'county.centre': (input) => centreDetail(deps, input.centreCode, input.period),
    'county.tekunQuarter': (input) => tekunQuarter(deps, input.year, input.quarter, input.countyCode),
    'county.villages': (input) => villageTable(deps, input.period, input.countyCode),
    'county.careAtHome': (input) => careAtHomeTable(deps, input.period, input.countyCode),
    'county.exportExcel': (input) => countyWorkbook(deps, input.period, input.countyCode),
    'county.facilityTable': (input) => facilityTable(deps, input.period, input.countyCode),
    'county.revealIdNumber': (input, { caller }) => revealIdNumber(deps, caller, input),
  };
}
