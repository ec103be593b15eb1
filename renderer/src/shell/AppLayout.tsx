// The app shell: a header with the centre and today's date, and a navigation that grows as modules land.
import { AppShell, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import type { SystemInfo } from '../../../shared/api/system';
import { useApi } from '../api/hooks';

const NAV = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/beds', key: 'nav.bedMap' },
  { to: '/residents', key: 'nav.residents' },
  { to: '/admit', key: 'nav.admit' },
  { to: '/facility', key: 'nav.facility' },
] as const;

export function AppLayout({ info, children }: { info: SystemInfo; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const facility = useApi('facility.get', {});
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h3">
            {facility.data?.name ?? t('app.name')}
          </Title>
          <Group gap="lg">
            <Text>{t('app.today', { date: info.today })}</Text>
            <Text>{t('app.user', { name: info.user.name })}</Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="主导航">
        <Stack gap={4}>
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={t(item.key)}
              variant="filled"
              color="#0b5e4f"
              active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
              styles={{ label: { fontSize: 18 }, root: { minHeight: 48, borderRadius: 8 } }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
