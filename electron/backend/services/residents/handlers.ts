// The handlers of residents' files and stays (residents.*): each method of the module's contract, bound to its service.
import { revealIdNumber } from './read';
import { admit, readmit } from './admission';
import { census, getResidentFile, searchResidents } from './read';
import { archiveResident } from './retention';
import { discharge, endLeave, startLeave, transfer } from './stays';
import { updatePerson } from './update';
import type { residentsApi } from '@shared/api/residents';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function residentsHandlers({ deps }: HandlerContext): ModuleHandlers<typeof residentsApi> {
  return {
    'residents.search': (input) => searchResidents(deps, input),
    'residents.get': (input, { caller }) => getResidentFile(deps, caller, input.id),
    'residents.census': () => census(deps),
    'residents.revealIdNumber': (input, { caller }) => revealIdNumber(deps, caller, input.id),
    'residents.admit': (input, { caller }) => admit(deps, caller, input),
    'residents.readmit': (input, { caller }) => readmit(deps, caller, input),
    'residents.update': (input, { caller }) => updatePerson(deps, caller, input),
    'residents.transfer': (input, { caller }) => transfer(deps, caller, input),
    'residents.startLeave': (input, { caller }) => startLeave(deps, caller, input),
    'residents.endLeave': (input, { caller }) => endLeave(deps, caller, input),
    'residents.discharge': (input, { caller }) => discharge(deps, caller, input),
    'residents.archive': (input, { caller }) => archiveResident(deps, caller, input.id),
  };
}
