// The app shell: a header with the centre, today's date and who is signed in (lock / sign out), and a navigation
// that shows each person only the pages their role may open.
import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import type { SignedInUser } from '../../../shared/api/auth';
import type { SystemInfo } from '../../../shared/api/system';
import { call } from '../api/client';
import { useApi } from '../api/hooks';
import { PAGES, mayCall } from './navigation';

/** The longest menu path that starts the address wins: 县级指标 (/county/indicators), not 报送情况 (/county). */
function isActive(path: string, pathname: string): boolean {
  const matches = (p: string) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`));
  if (!matches(path)) return false;
  return !PAGES.some((other) => other.path.length > path.length && other.path.startsWith(path) && matches(other.path));
}

export function AppLayout({ info, user, children }: { info: SystemInfo; user: SignedInUser; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const client = useQueryClient();
  const facility = useApi('facility.get', {});
  const leave = (method: 'auth.lock' | 'auth.logout') => void call(method, {}).finally(() => client.invalidateQueries());
  // On a phone-sized screen (a patrol on the move) the menu folds away behind a button.
  const [menuOpen, menu] = useDisclosure(false);
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="sm" size="md" aria-label={t('app.menu')} />
          <Title order={1} size="h3" visibleFrom="sm">
            {facility.data?.name ?? t('app.name')}
          </Title>
          <Group gap="md" wrap="nowrap">
            <Text visibleFrom="sm">{t('app.today', { date: info.today })}</Text>
            <Text fw={700} data-testid="signed-in-user">
              {user.name}（{t(`enums.role.${user.role}`)}）
            </Text>
            <Button variant="outline" onClick={() => leave('auth.lock')}>
              {t('auth.lockNow')}
            </Button>
            <Button variant="subtle" visibleFrom="sm" onClick={() => leave('auth.logout')}>
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="主导航" style={{ overflowY: 'auto' }}>
        <Stack gap={4}>
          {PAGES.filter((p) => p.inMenu && mayCall(user.role, p.gate)).map((item) => (
            <NavLink
              key={item.path}
              component={RouterLink}
              to={item.path}
              label={t(item.labelKey)}
              variant="filled"
              color="#0b5e4f"
              active={isActive(item.path, location.pathname)}
              onClick={menu.close}
              styles={{ label: { fontSize: 18 }, root: { minHeight: 48, borderRadius: 8 } }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
