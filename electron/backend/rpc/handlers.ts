// Every module's handlers merged into one table for the dispatcher. Each module binds its own methods in
// `services/<module>/handlers.ts`; the type `Handlers` makes a method of the contract without a handler a type error.
import { assessmentHandlers } from '../services/assessment/handlers';
import { auditHandlers } from '../services/audit/handlers';
import { authHandlers } from '../services/auth/handlers';
import { backupHandlers } from '../services/backup/handlers';
import { careHandlers } from '../services/care/handlers';
import { careplanHandlers } from '../services/careplan/handlers';
import { countyHandlers } from '../services/county/handlers';
import { dashboardHandlers } from '../services/dashboard/handlers';
import { diskHandlers } from '../services/disk/handlers';
import { eldersHandlers } from '../services/elders/handlers';
import { entrustedHandlers } from '../services/entrusted/handlers';
import { facilityHandlers } from '../services/facility/handlers';
import { fireHandlers } from '../services/fire/handlers';
import { gradesHandlers } from '../services/grades/handlers';
import { handoverHandlers } from '../services/handover/handlers';
import { homecareHandlers } from '../services/homecare/handlers';
import { incidentsHandlers } from '../services/incidents/handlers';
import { mealsHandlers } from '../services/meals/handlers';
import { mutualaidHandlers } from '../services/mutualaid/handlers';
import { medicationHandlers } from '../services/medication/handlers';
import { healthHandlers } from '../services/health/handlers';
import { residentsHandlers } from '../services/residents/handlers';
import { rosterHandlers } from '../services/roster/handlers';
import { settingsHandlers } from '../services/settings/handlers';
import { staffHandlers } from '../services/staff/handlers';
import { storeHandlers } from '../services/store/handlers';
import { syncHandlers } from '../services/sync/handlers';
import { systemHandlers } from '../services/system/handlers';
import { tierHandlers } from '../services/tier/handlers';
import { usersHandlers } from '../services/users/handlers';
import { visitsHandlers } from '../services/visits/handlers';
import type { HandlerContext, Handlers } from './types';

export function createHandlers(context: HandlerContext): Handlers {
  return {
    ...systemHandlers(context),
    ...authHandlers(context),
    ...usersHandlers(context),
    ...settingsHandlers(context),
    ...facilityHandlers(context),
    ...residentsHandlers(context),
    ...dashboardHandlers(context),
    ...auditHandlers(context),
    ...backupHandlers(context),
    ...diskHandlers(context),
    ...storeHandlers(context),
    ...assessmentHandlers(context),
    ...gradesHandlers(context),
    ...careplanHandlers(context),
    ...staffHandlers(context),
    ...rosterHandlers(context),
    ...careHandlers(context),
    ...incidentsHandlers(context),
    ...handoverHandlers(context),
    ...mealsHandlers(context),
    ...fireHandlers(context),
    ...syncHandlers(context),
    ...countyHandlers(context),
    ...tierHandlers(context),
    ...eldersHandlers(context),
    ...visitsHandlers(context),
    ...homecareHandlers(context),
    ...entrustedHandlers(context),
    ...mutualaidHandlers(context),
    ...medicationHandlers(context),
    ...healthHandlers(context),
  };
}
