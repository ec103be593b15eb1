// The pages, who may open them (the same roles the backend enforces for their main method), their menu labels and
// the menu group each belongs to (twenty entries do not fit a 768-pixel-high screen in one list).
import { contract } from '@shared/api/contract';
import type { Role } from '@shared/api/roles';

export interface Page {
  path: string;
  labelKey:
    | 'nav.dashboard'
    | 'nav.shift'
    | 'nav.handover'
    | 'nav.medication'
    | 'nav.health'
    | 'nav.incidents'
    | 'nav.care'
    | 'nav.staff'
    | 'nav.roster'
    | 'nav.bedMap'
    | 'nav.residents'
    | 'nav.admit'
    | 'nav.visits'
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
    | 'nav.countyReports'
    | 'nav.countyTier'
    | 'nav.elders'
    | 'nav.homecare'
    | 'nav.entrusted'
    | 'nav.mutualaid';
  /** The API method that decides who may open the page. */
  gate: keyof typeof contract;
  inMenu: boolean;
  /** The menu group; none for the home page, which stays at the top on its own. */
  group?: MenuGroup;
  /** Addresses outside `path` that belong to this page (a resident's assessment is part of 在院老人). */
  also?: string[];
}

/** Menu groups in menu order: the centre's, then the county's (an installation shows one kind). */
export const MENU_GROUPS = ['care', 'residents', 'villages', 'staff', 'meals', 'fire', 'reporting', 'countyReporting', 'countyCentres', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export const PAGES: Page[] = [
  { path: '/', labelKey: 'nav.dashboard', gate: 'dashboard.summary', inMenu: true },
  { path: '/shift', labelKey: 'nav.shift', gate: 'care.myShift', inMenu: true, group: 'care' },
  { path: '/handover', labelKey: 'nav.handover', gate: 'handover.pending', inMenu: true, group: 'care' },
  { path: '/medication', labelKey: 'nav.medication', gate: 'medication.orders', inMenu: true, group: 'care' },
  { path: '/incidents', labelKey: 'nav.incidents', gate: 'incidents.list', inMenu: true, group: 'care' },
  { path: '/beds', labelKey: 'nav.bedMap', gate: 'facility.bedMap', inMenu: true, group: 'residents' },
  { path: '/residents', labelKey: 'nav.residents', gate: 'residents.search', inMenu: true, group: 'residents', also: ['/assessments'] },
  { path: '/admit', labelKey: 'nav.admit', gate: 'residents.admit', inMenu: true, group: 'residents' },
  { path: '/health', labelKey: 'nav.health', gate: 'health.checkups', inMenu: true, group: 'residents' },
  { path: '/care', labelKey: 'nav.care', gate: 'care.coverage', inMenu: true, group: 'care' },
  { path: '/elders', labelKey: 'nav.elders', gate: 'elders.list', inMenu: true, group: 'villages' },
  { path: '/visits', labelKey: 'nav.visits', gate: 'visits.plan', inMenu: true, group: 'villages' },
  { path: '/homecare', labelKey: 'nav.homecare', gate: 'homecare.planned', inMenu: true, group: 'villages' },
  { path: '/entrusted', labelKey: 'nav.entrusted', gate: 'entrusted.month', inMenu: true, group: 'villages' },
  { path: '/mutualaid', labelKey: 'nav.mutualaid', gate: 'mutualaid.pairs', inMenu: true, group: 'villages' },
  { path: '/staff', labelKey: 'nav.staff', gate: 'staff.list', inMenu: true, group: 'staff' },
  { path: '/roster', labelKey: 'nav.roster', gate: 'roster.week', inMenu: true, group: 'staff' },
  { path: '/meals', labelKey: 'nav.meals', gate: 'meals.headcount', inMenu: true, group: 'meals' },
  { path: '/meal-aid', labelKey: 'nav.mealAid', gate: 'meals.servingDay', inMenu: true, group: 'meals' },
  { path: '/fire', labelKey: 'nav.fire', gate: 'fire.rounds', inMenu: true, group: 'fire' },
  { path: '/sync', labelKey: 'nav.sync', gate: 'sync.status', inMenu: true, group: 'reporting' },
  { path: '/county', labelKey: 'nav.county', gate: 'county.matrix', inMenu: true, group: 'countyReporting' },
  { path: '/county/import', labelKey: 'nav.countyImport', gate: 'county.stage', inMenu: true, group: 'countyReporting' },
  { path: '/county/indicators', labelKey: 'nav.countyIndicators', gate: 'county.indicators', inMenu: true, group: 'countyCentres', also: ['/county/centre'] },
  { path: '/county/centres', labelKey: 'nav.countyCentres', gate: 'county.centres', inMenu: true, group: 'countyCentres' },
  { path: '/county/reports', labelKey: 'nav.countyReports', gate: 'county.reports', inMenu: true, group: 'countyReporting' },
  { path: '/county/tier', labelKey: 'nav.countyTier', gate: 'tier.countyProposals', inMenu: true, group: 'countyReporting' },
  { path: '/facility', labelKey: 'nav.facility', gate: 'facility.save', inMenu: true, group: 'system' },
  { path: '/users', labelKey: 'nav.users', gate: 'users.list', inMenu: true, group: 'system' },
  { path: '/audit', labelKey: 'nav.audit', gate: 'audit.search', inMenu: true, group: 'system' },
  { path: '/backup', labelKey: 'nav.backup', gate: 'backup.list', inMenu: true, group: 'system' },
  { path: '/settings', labelKey: 'nav.settings', gate: 'settings.update', inMenu: true, group: 'system' },
  { path: '/account', labelKey: 'nav.account', gate: 'auth.changePassword', inMenu: true, group: 'system' },
];

export function mayCall(role: Role, method: keyof typeof contract): boolean {
  const roles = contract[method].roles;
  return roles === 'public' || roles.includes(role);
}

/** How long the page's address is that the pathname is at or under (its path or an `also` prefix); -1 when none. */
function matchLength(page: Page, pathname: string): number {
  const under = (p: string) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`));
  return Math.max(-1, ...[page.path, ...(page.also ?? [])].filter(under).map((p) => p.length));
}

/**
 * The one menu entry the address belongs to: the most specific match, so /county/import lights 导入数据包 and not
 * 报送情况 (/county), and a resident's file (/residents/…) lights 在院老人.
 */
export function currentPage(pages: readonly Page[], pathname: string): Page | undefined {
  let best: Page | undefined;
  let bestLength = -1;
  for (const page of pages) {
    const length = matchLength(page, pathname);
    if (length > bestLength) [best, bestLength] = [page, length];
  }
  return best;
}

export interface MenuSection {
  /** Undefined for entries that stand alone (the home page, or a group with a single entry for this person). */
  group?: MenuGroup;
  pages: Page[];
}

/** The menu one role sees, in sections: a group with only one entry for this person is shown as that entry alone. */
export function menuFor(role: Role): MenuSection[] {
  const visible = PAGES.filter((p) => p.inMenu && mayCall(role, p.gate));
  const sections: MenuSection[] = visible.filter((p) => !p.group).map((p) => ({ pages: [p] }));
  for (const group of MENU_GROUPS) {
    const pages = visible.filter((p) => p.group === group);
    if (pages.length === 1) sections.push({ pages });
    else if (pages.length > 1) sections.push({ group, pages });
  }
  return sections;
}
