// The one typed API contract. Both shells (Electron IPC and the browser host) dispatch through it.
import type { z } from 'zod';
import { assessmentApi } from './assessment';
import { auditApi } from './audit';
import { authApi } from './auth';
import { backupApi } from './backup';
import { diskApi } from './disk';
import { storeApi } from './store';
import { careplanApi } from './careplan';
import { gradesApi } from './grades';
import { dashboardApi } from './dashboard';
import { facilityApi } from './facility';
import { residentsApi } from './residents';
import { settingsApi } from './settings';
import { systemApi } from './system';
import { usersApi } from './users';
import { staffApi } from './staff';
import { rosterApi } from './roster';
import { careApi } from './care';
import { incidentsApi } from './incidents';
import { handoverApi } from './handover';
import { mealsApi } from './meals';
import { fireApi } from './fire';
import { syncApi } from './sync';
import { countyApi } from './county';
import { tierApi } from './tier';
import { visitsApi } from './visits';
import { eldersApi } from './elders';
import { homecareApi } from './homecare';
import { entrustedApi } from './entrusted';
import { mutualaidApi } from './mutualaid';
import { medicationApi } from './medication';
import { healthApi } from './health';

export const contract = {
  ...systemApi,
  ...authApi,
  ...usersApi,
  ...settingsApi,
  ...facilityApi,
  ...residentsApi,
  ...dashboardApi,
  ...auditApi,
  ...backupApi,
  ...diskApi,
  ...storeApi,
  ...assessmentApi,
  ...gradesApi,
  ...careplanApi,
  ...staffApi,
  ...rosterApi,
  ...careApi,
  ...incidentsApi,
  ...handoverApi,
  ...mealsApi,
  ...fireApi,
  ...syncApi,
  ...countyApi,
  ...tierApi,
  ...eldersApi,
  ...visitsApi,
  ...homecareApi,
  ...entrustedApi,
  ...mutualaidApi,
  ...medicationApi,
  ...healthApi,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export type In<M extends Method> = z.input<Contract[M]['input']>;
export type Out<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
