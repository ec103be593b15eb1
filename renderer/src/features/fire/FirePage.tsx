// 消防安全: patrols and inspections, hidden dangers, equipment, drills and training, the duty log, ledgers and
// settings, one tab each (the tab is in the address, so a reload keeps it).
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { LoadingState } from '../../components/States';
import { DangersTab } from './DangersTab';
import { DrillsTab } from './DrillsTab';
import { DutyTab } from './DutyTab';
import { EquipmentTab } from './EquipmentTab';
import { FireLedgerTab } from './FireLedgerTab';
import { FireSettingsTab } from './FireSettingsTab';
import { FireTodayTab } from './FireTodayTab';

const TABS = ['today', 'dangers', 'equipment', 'drills', 'duty', 'ledgers', 'settings'] as const;

export function FirePage() {
  const { t } = useTranslation();
  const info = useApi('system.info', {});
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'today';
  if (!info.data) return <LoadingState />;
  const today = info.data.today;
  return (
    <Stack>
      <Title order={2} className="screen-only">
        {t('fire.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List className="screen-only">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="lg">
              {t(`fire.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="today" pt="md">
          <FireTodayTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="dangers" pt="md">
          <DangersTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="equipment" pt="md">
          <EquipmentTab />
        </Tabs.Panel>
        <Tabs.Panel value="drills" pt="md">
          <DrillsTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="duty" pt="md">
          <DutyTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="ledgers" pt="md">
          <FireLedgerTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <FireSettingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
