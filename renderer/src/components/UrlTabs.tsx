// A page of tabs whose choice lives in the address (?tab=…), so a reload or a link keeps the tab. Only the open tab
// is mounted (its data loads when it is opened).
import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlTab {
  key: string;
  label: string;
  panel: ReactNode;
}

export function UrlTabs({ title, tabs }: { title: string; tabs: UrlTab[] }) {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? tabs[0].key;
  return (
    <Stack>
      <Title order={2} className="screen-only">
        {title}
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List className="screen-only">
          {tabs.map((t) => (
            <Tabs.Tab key={t.key} value={t.key} fz="lg">
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.key} value={t.key} pt="md">
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
