// The app shell: a header with the centre, today's date and who is signed in (lock / sign out), and a grouped menu
// that shows each person only the pages their role may open, with the current page lit and scrolled into view.
import { AppShell, Burger, Button, Collapse, Group, NavLink, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { SignedInUser } from '@shared/api/auth';
import type { SystemInfo } from '@shared/api/system';
import { settleSignOut } from '../features/auth/session-switch';
import { type MenuGroup, type Page, currentPage, menuFor } from './navigation';
import { lockSession, signOut } from '../features/auth/queries';
import { useFacilityGet } from '../features/facility/queries';
import { DiskNotice } from '../features/disk/DiskNotice';
import { inkVar } from '../theme';


function MenuEntry({ page, active, onPick, nested }: { page: Page; active: boolean; onPick: () => void; nested: boolean }) {
  const { t } = useTranslation();
  return (
    <NavLink
      component={Link}
      to={page.path}
      label={t(page.labelKey)}
      variant="filled"
      color="active"
      active={active}
      aria-current={active ? 'page' : undefined}
      data-menu-entry={page.path}
      onClick={onPick}
      styles={{ label: { fontSize: 18 }, root: { minHeight: 44, borderRadius: 8, paddingLeft: nested ? 22 : undefined } }}
    />
  );
}

/** A group's heading: a real button that says whether its entries are shown, and folds them away. */
function GroupHeading({ group, opened, onToggle, holdsCurrent }: { group: MenuGroup; opened: boolean; onToggle: () => void; holdsCurrent: boolean }) {
  const { t } = useTranslation();
  const name = t(`navGroup.${group}`);
  return (
    <UnstyledButton
      onClick={onToggle}
      aria-expanded={opened}
      aria-controls={`menu-group-${group}`}
      data-menu-group={group}
      px="sm"
      style={{
        minHeight: 40,
        width: '100%',
        borderRadius: 8,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        // A folded group that holds the current page keeps a green edge, so the way back is never a guess.
        borderLeft: `4px solid ${holdsCurrent && !opened ? inkVar('active') : 'transparent'}`,
      }}
    >
      <Text fw={700} c="dark.7" size="md">
        {name}
      </Text>
      <Text c="dark.7" size="md" aria-hidden>
        {opened ? '▾' : '▸'}
      </Text>
    </UnstyledButton>
  );
}

function Menu({ user, onPick }: { user: SignedInUser; onPick: () => void }) {
  const location = useLocation();
  const sections = menuFor(user.role);
  const current = currentPage(
    sections.flatMap((s) => s.pages),
    location.pathname,
  );
  // Every group starts open (nothing to guess); a person folds away the groups they do not use, and this PC remembers.
  const [folded, setFolded] = useLocalStorage<MenuGroup[]>({ key: 'menu-folded-groups', defaultValue: [], getInitialValueInEffect: false });
  const navRef = useRef<HTMLDivElement>(null);
  const scrollToCurrent = () => navRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
  // Going to a page (from the menu or a link in a page) unfolds its group and brings its entry into view.
  const currentGroup = current?.group;
  useEffect(() => {
    if (currentGroup) setFolded((f) => (f.includes(currentGroup) ? f.filter((g) => g !== currentGroup) : f));
    scrollToCurrent();
  }, [current?.path, currentGroup, setFolded]);
  const toggle = (group: MenuGroup) => setFolded((f) => (f.includes(group) ? f.filter((g) => g !== group) : [...f, group]));
  return (
    <Stack gap={4} ref={navRef}>
      {sections.map((section) => {
        if (!section.group) {
          const page = section.pages[0]!;
          return <MenuEntry key={page.path} page={page} active={page === current} onPick={onPick} nested={false} />;
        }
        const group = section.group;
        const isOpen = !folded.includes(group);
        return (
          <div key={group}>
            <GroupHeading group={group} opened={isOpen} onToggle={() => toggle(group)} holdsCurrent={current?.group === group} />
            <Collapse expanded={isOpen} id={`menu-group-${group}`} transitionDuration={150} onTransitionEnd={scrollToCurrent}>
              <Stack gap={2} pt={2}>
                {section.pages.map((page) => (
                  <MenuEntry key={page.path} page={page} active={page === current} onPick={onPick} nested />
                ))}
              </Stack>
            </Collapse>
          </div>
        );
      })}
    </Stack>
  );
}

export function AppLayout({ info, user, children }: { info: SystemInfo; user: SignedInUser; children: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const facility = useFacilityGet();
  const navigate = useNavigate();
  const lock = () => void lockSession().finally(() => client.invalidateQueries());
  // Signing out also leaves the current address: the next person starts on the home page, with nothing cached.
  const logout = () => void signOut().finally(() => settleSignOut(client).then(() => navigate('/', { replace: true })));
  // On a phone-sized screen (a patrol on the move) the menu folds away behind a button.
  const [menuOpen, menu] = useDisclosure(false);
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }} padding={{ base: 'xs', sm: 'md' }}>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="sm" size="md" aria-label={t('app.menu')} aria-expanded={menuOpen} />
          <Title order={1} size="h3" visibleFrom="sm" lineClamp={1}>
            {facility.data?.name ?? t('app.name')}
          </Title>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text visibleFrom="md">{t('app.today', { date: info.today })}</Text>
            <Text fw={700} data-testid="signed-in-user" truncate style={{ minWidth: 0 }}>
              {user.name}（{t(`enums.role.${user.role}`)}）
            </Text>
            <Button variant="outline" onClick={lock} px="xs" style={{ flexShrink: 0 }}>
              {t('auth.lockNow')}
            </Button>
            <Button variant="subtle" visibleFrom="sm" onClick={logout} px="xs" style={{ flexShrink: 0 }}>
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="主导航" style={{ overflowY: 'auto' }}>
        <Menu user={user} onPick={menu.close} />
        {/* The header has no room for it on a phone. */}
        <Button variant="subtle" hiddenFrom="sm" mt="md" onClick={logout}>
          {t('auth.logout')}
        </Button>
      </AppShell.Navbar>
      <AppShell.Main>
        <DiskNotice />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
