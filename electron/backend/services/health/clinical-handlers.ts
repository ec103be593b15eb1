// The handlers of the health module's clinical part: doctors' visits, hospital referrals, the pressure-injury register.
import type { healthClinicalApi } from '@shared/api/health-clinical';
import { todayIn } from '../../clock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { doctorVisits, recordDoctorVisit, voidDoctorVisit } from './doctor-visits';
import { healPressureInjury, pressureInjuries, pressurePrevalence, pressureSheet, recordPressureInjury, reviewPressureInjury, voidPressureInjury } from './pressure';
import { closeReferral, referResident, referrals } from './referrals';

export function healthClinicalHandlers({ deps }: HandlerContext): ModuleHandlers<typeof healthClinicalApi> {
  return {
    'health.doctorVisits': (input) => doctorVisits(deps.db, input),
    'health.recordDoctorVisit': (input, { caller }) => recordDoctorVisit(deps, caller, input),
    'health.voidDoctorVisit': (input, { caller }) => voidDoctorVisit(deps, caller, input),
    'health.referrals': (input) => referrals(deps.db, input, todayIn(deps.clock)),
    'health.referResident': (input, { caller }) => referResident(deps, caller, input),
    'health.closeReferral': (input, { caller }) => closeReferral(deps, caller, input),
    'health.pressureInjuries': (input) => pressureInjuries(deps.db, input, todayIn(deps.clock)),
    'health.recordPressureInjury': (input, { caller }) => recordPressureInjury(deps, caller, input),
    'health.reviewPressureInjury': (input, { caller }) => reviewPressureInjury(deps, caller, input),
    'health.healPressureInjury': (input, { caller }) => healPressureInjury(deps, caller, input),
    'health.voidPressureInjury': (input, { caller }) => voidPressureInjury(deps, caller, input),
    'health.pressurePrevalence': (input) => pressurePrevalence(deps.db, input.onDate, input.month ?? undefined),
    'health.pressureSheet': (input) => pressureSheet(deps.db, input.month, todayIn(deps.clock)),
  };
}
