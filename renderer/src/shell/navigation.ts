// The pages, who may open them (the same roles the backend enforces for their main method), and their menu labels.
import { contract } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/roles';

export interface Page {
  path: string;
  labelKey:
    | 'nav.dashboard'
    | 'nav.shift'
    | 'nav.handover'
    | 'nav.incidents'
    | 'nav.care'
    | 'nav.staff'
    | 'nav.roster'
    | 'nav.bedMap'
    | 'nav.residents'
    | 'nav.admit'
    | 'nav.facility'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.backup'
    | 'nav.settings'
    | 'nav.account'
    | 'nav.meals'
    | 'nav.mealAid'
    | 'nav.fire'
    | 'nav.sync'
    | 'nav.county'
    | 'nav.countyImport'
    | 'nav.countyIndicators'
    | 'nav.countyCentres'
    | 'nav.countyReports';
  /** The API method that decides who may open the page. */
  gate: keyof typeof contract;
  inMenu: boolean;
}

export const PAGES: Page[] = [
  { path: '/', labelKey: 'nav.dashboard', gate: 'dashboard.summary', inMenu: true },
  { path: '/shift', labelKey: 'nav.shift', gate: 'care.myShift', inMenu: true },
  { path: '/handover', labelKey: 'nav.handover', gate: 'handover.pending', inMenu: true },
  { path: '/incidents', labelKey: 'nav.incidents', gate: 'incidents.list', inMenu: true },
  { path: '/beds', labelKey: 'nav.bedMap', gate: 'facility.bedMap', inMenu: true },
  { path: '/residents', labelKey: 'nav.residents', gate: 'residents.search', inMenu: true },
  { path: '/admit', labelKey: 'nav.admit', gate: 'residents.admit', inMenu: true },
  { path: '/care', labelKey: 'nav.care', gate: 'care.coverage', inMenu: true },
  { path: '/staff', labelKey: 'nav.staff', gate: 'staff.list', inMenu: true },
  { path: '/roster', labelKey: 'nav.roster', gate: 'roster.week', inMenu: true },
  { path: '/meals', labelKey: 'nav.meals', gate: 'meals.headcount', inMenu: true },
  { path: '/meal-aid', labelKey: 'nav.mealAid', gate: 'meals.servingDay', inMenu: true },
  { path: '/fire', labelKey: 'nav.fire', gate: 'fire.rounds', inMenu: true },
  { path: '/sync', labelKey: 'nav.sync', gate: 'sync.status', inMenu: true },
  { path: '/county', labelKey: 'nav.county', gate: 'county.matrix', inMenu: true },
  { path: '/county/import', labelKey: 'nav.countyImport', gate: 'county.stage', inMenu: true },
  { path: '/county/indicators', labelKey: 'nav.countyIndicators', gate: 'county.indicators', inMenu: true },
  { path: '/county/centres', labelKey: 'nav.countyCentres', gate: 'county.centres', inMenu: true },
  { path: '/county/reports', labelKey: 'nav.countyReports', gate: 'county.reports', inMenu: true },
  { path: '/facility', labelKey: 'nav.facility', gate: 'facility.save', inMenu: true },
  { path: '/users', labelKey: 'nav.users', gate: 'users.list', inMenu: true },
  { path: '/audit', labelKey: 'nav.audit', gate: 'audit.search', inMenu: true },
  { path: '/backup', labelKey: 'nav.backup', gate: 'backup.list', inMenu: true },
  { path: '/settings', labelKey: 'nav.settings', gate: 'settings.update', inMenu: true },
  { path: '/account', labelKey: 'nav.account', gate: 'auth.changePassword', inMenu: true },
];

export function mayCall(role: Role, method: keyof typeof contract): boolean {
  const roles = contract[method].roles;
  return roles === 'public' || roles.includes(role);
}
