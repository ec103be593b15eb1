// 探访路线单: the week's plan for one village (or all, one village to a sheet) to take along — the 村干部 and phone, each
// elder with address, phone, level and the way planned, and empty columns for the date and the result written by
// hand. A4 portrait (seven columns); names, phones and dates never break (components/print.tsx).
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WeekPlan } from '@shared/api/visits';
import { addDays, mondayOf } from '@shared/domain/dates';
import { ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { PrintText } from '../../components/print';
import { useSystemInfo } from '../../shell/queries';
import { useVisitsPlan } from './queries';

/** Room to write by hand. */
const WRITE = { height: '3.2em' } as const;
const KEEP = 'print-nowrap';

function Sheet({ plan }: { plan: WeekPlan }) {
  const { t } = useTranslation();
  const week = t('visits.sheetWeek', { from: plan.monday, to: plan.sunday });
  return (
    <Stack gap="xl" data-testid="route-sheet">
      {plan.villages.map((v, i) => (
        <section key={v.villageId} style={i > 0 ? { breakBefore: 'page' } : undefined} aria-label={v.village}>
          <Title order={2}>
            {v.village} {t('visits.sheetTitle')}
          </Title>
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Text size="lg" fw={700}>
              {week}
            </Text>
            <Text size="lg">{v.cadreName ? t('visits.cadre', { name: v.cadreName, phone: v.cadrePhone }) : t('visits.noCadre')}</Text>
            <Text size="lg">{t('visits.sheetCount', { n: v.lines.length })}</Text>
          </Group>
          <ListTable compact bordered nowrap heads={[t('visits.sheetName'), t('visits.sheetAddress'), t('visits.sheetPhone'), t('visits.sheetLevel'), t('visits.sheetKind'), t('visits.sheetDate'), t('visits.sheetResult')]}>
            {v.lines.map((l) => (
              <Table.Tr key={l.elderId}>
                <Table.Td>
                  <Text fw={700} span className={KEEP}>
                    {l.name}
                  </Text>{' '}
                  <Text span className={KEEP}>
                    {t('visits.age', { n: l.age })}
                  </Text>
                  {l.overdue && !l.doneThisWeek && (
                    <Text span fw={700} className={KEEP}>
                      {t('visits.sheetOverdue')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'normal' }}>
                  <PrintText text={l.address || '—'} />
                </Table.Td>
                <Table.Td className={KEEP}>{l.phone || '—'}</Table.Td>
                <Table.Td className={KEEP}>{t(`enums.riskLevel.${l.risk}`)}</Table.Td>
                <Table.Td className={KEEP}>{t(`enums.visitKind.${l.plannedKind}`)}</Table.Td>
                <Table.Td style={{ ...WRITE, minWidth: '7em' }}>{l.doneThisWeek?.on ?? ''}</Table.Td>
                <Table.Td style={{ ...WRITE, width: '35%' }} />
              </Table.Tr>
            ))}
          </ListTable>
          <Text mt="md" size="lg">
            {t('visits.sheetSign')}
          </Text>
        </section>
      ))}
    </Stack>
  );
}

export function RouteSheetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const info = useSystemInfo();
  const monday = params.get('monday') ?? (info.data ? mondayOf(info.data.today) : '');
  const villageId = params.get('village');
  const plan = useVisitsPlan({ monday, villageId }, monday !== '');
  return (
    <Stack>
      <Group justify="space-between" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to={`/visits?tab=plan${villageId ? `&village=${villageId}` : ''}`}>
          {t('visits.sheetBack')}
        </Button>
        <Text size="lg" fw={700}>
          {monday && t('visits.sheetWeek', { from: monday, to: addDays(monday, 6) })}
        </Text>
        <Button size="lg" onClick={() => window.print()}>
          {t('visits.sheetPrint')}
        </Button>
      </Group>
      <QueryView query={plan} empty={t('visits.sheetEmpty')} isEmpty={(p) => p.villages.length === 0}>
        {(p) => <Sheet plan={p} />}
      </QueryView>
    </Stack>
  );
}
