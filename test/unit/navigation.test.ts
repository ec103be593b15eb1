// The grouped menu: which entry an address lights (exactly one, the most specific), and how each role's menu is grouped.
import { describe, expect, it } from 'vitest';
import { ROLES } from '@shared/api/roles';
import { MENU_GROUPS, PAGES, currentPage, menuFor } from '../../renderer/src/shell/navigation';

const lit = (pathname: string) => currentPage(PAGES, pathname)?.path;

describe('the lit menu entry', () => {
  it('is the most specific page the address is at or under', () => {
    expect(lit('/')).toBe('/');
    expect(lit('/county')).toBe('/county');
    expect(lit('/county/import')).toBe('/county/import');
    expect(lit('/county/indicators')).toBe('/county/indicators');
    expect(lit('/county/centres')).toBe('/county/centres');
    expect(lit('/residents/0190-abc')).toBe('/residents');
    expect(lit('/shift/s1/2026-12-06/r1')).toBe('/shift');
  });

  it('follows pages that live under another address', () => {
    // A resident's assessment belongs to 在院老人; a centre's drill-down to 县级指标 (not 报送情况 or 机构登记).
    expect(lit('/assessments/0190-abc')).toBe('/residents');
    expect(lit('/county/centre/411422001001/2026-11')).toBe('/county/indicators');
  });

  it('lights nothing for an address outside the menu, and never a prefix of a word', () => {
    expect(lit('/nowhere')).toBeUndefined();
    expect(lit('/residentsX')).toBeUndefined();
  });
});

describe('each role’s menu', () => {
  it('holds every page the role may open exactly once, the home page first', () => {
    for (const role of ROLES) {
      const paths = menuFor(role).flatMap((s) => s.pages.map((p) => p.path));
      expect(new Set(paths).size, role).toBe(paths.length);
      if (paths.includes('/')) expect(paths[0], role).toBe('/');
    }
  });

  it('shows a group with one entry for this person as that entry alone', () => {
    for (const role of ROLES) {
      for (const section of menuFor(role)) expect(section.group === undefined || section.pages.length > 1, `${role} ${section.group}`).toBe(true);
    }
  });

  it('groups the administrator’s twenty-odd pages so a 768-pixel-high screen shows every group', () => {
    const admin = menuFor('admin');
    expect(admin.flatMap((s) => s.pages).length).toBeGreaterThanOrEqual(18);
    // Folded, the menu is one line per section: well within the 700 pixels under the header.
    expect(admin.length).toBeLessThanOrEqual(9);
    expect(admin.map((s) => s.group ?? s.pages[0]!.path)).toEqual(['/', 'care', 'residents', 'villages', 'staff', 'meals', '/fire', '/sync', 'system']);
  });

  it('gives the county its own groups', () => {
    const county = menuFor('county_admin');
    expect(county.map((s) => s.group ?? s.pages[0]!.path)).toEqual(['countyReporting', 'countyCentres', 'system']);
  });

  it('puts every page in a known group (the home page stands alone)', () => {
    for (const page of PAGES) {
      if (page.path === '/') expect(page.group).toBeUndefined();
      else expect(MENU_GROUPS, page.path).toContain(page.group);
    }
  });
});
