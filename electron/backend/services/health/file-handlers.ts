// The handlers of the health module's file part: check-ups and their coverage, family-doctor contracts, the monthly
// health entry, trends from the vitals, and a resident's health file and card.
import type { healthFileApi } from '@shared/api/health-file';
import { todayIn } from '../../clock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { checkupAttachment, checkupCoverage, checkupRows, checkupSummary, recordCheckup, voidCheckup } from './checkups';
import { endFamilyDoctor, familyDoctors, saveFamilyDoctor } from './family-doctors';
import { healthFile, residentHealth } from './health-file';
import { monthlyList, saveMonthly } from './monthly';
import { trends } from './trends';

export function healthFileHandlers({ deps }: HandlerContext): ModuleHandlers<typeof healthFileApi> {
  const today = () => todayIn(deps.clock);
  return {
    'health.checkups': async (input) => ({ checkups: await checkupRows(deps.db, input) }),
    'health.recordCheckup': (input, { caller }) => recordCheckup(deps, caller, input),
    'health.voidCheckup': (input, { caller }) => voidCheckup(deps, caller, input),
    'health.checkupAttachment': (input) => checkupAttachment(deps.db, input.id),
    'health.checkupCoverage': (input) => checkupCoverage(deps.db, input.on ?? today()),
    'health.checkupSummary': (input) => checkupSummary(deps.db, input.year, today()),
    'health.familyDoctors': (input) => familyDoctors(deps.db, input.on ?? today()),
    'health.saveFamilyDoctor': (input, { caller }) => saveFamilyDoctor(deps, caller, input),
    'health.endFamilyDoctor': (input, { caller }) => endFamilyDoctor(deps, caller, input),
    'health.monthly': (input) => monthlyList(deps.db, input.month, today()),
    'health.saveMonthly': (input, { caller }) => saveMonthly(deps, caller, input),
    'health.trends': (input) => trends(deps.db, input, today()),
    'health.file': (input) => healthFile(deps.db, input.residentId, today()),
    'health.residentCard': (input) => residentHealth(deps.db, input.residentId, today()),
  };
}
