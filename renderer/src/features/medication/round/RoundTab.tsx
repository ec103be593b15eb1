// 本班服药: the caregiver's whole round on the shared touch screen — each resident of the area with the doses due this
// shift in time order, big buttons (已服 is one tap), the 按需 orders, residents away greyed. Searchable by name or bed.
import { Alert, Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentDoses } from '@shared/api/medication-round';
import { QueryView } from '../../../components/QueryView';
import { EmptyState } from '../../../components/States';
import { inkVar } from '../../../theme';
import { DoseList } from './DoseList';
import { useDoseFlow } from './DoseFlow';
import { useShiftDoses } from './queries';

function ResidentBlock({ r, open, actions }: { r: ResidentDoses; open: boolean; actions: ReturnType<typeof useDoseFlow>['actions'] }) {
  const { t } = useTranslation();
  const left = r.doses.filter((d) => d.state === 'pending').length;
  return (
    <Card withBorder padding="md" bg={r.present ? undefined : 'gray.2'} style={{ borderWidth: 2, borderColor: inkVar('gray.5') }} data-testid="round-resident" data-name={r.name}>
      <Stack gap="sm">
        <Group gap="md" wrap="wrap">
          <Text fz={26} fw={700}>
            {r.name}
          </Text>
          <Text size="lg" fw={600}>
            {r.bedLabel}
          </Text>
          {!r.present && <Badge color="muted" size="lg">{t('medication.round.away', { status: t(`enums.residentStatus.${r.status}`) })}</Badge>}
          {r.present && r.doses.length > 0 && left === 0 && <Badge color="done" size="lg">{t('medication.round.allDone')}</Badge>}
        </Group>
        {r.allergies && (
          <Text c="danger" fw={700} size="lg">
            {t('medication.round.allergies', { text: r.allergies })}
          </Text>
        )}
        <DoseList resident={r} actions={actions} open={open} />
      </Stack>
    </Card>
  );
}

export function RoundTab({ today }: { today: string }) {
  void today;
  const { t } = useTranslation();
  const round = useShiftDoses();
  const { actions, modals } = useDoseFlow();
  const [query, setQuery] = useState('');
  return (
    <QueryView query={round}>
      {(s) => {
        if (!s.shift) return <EmptyState>{s.message ?? t('medication.round.noShift')}</EmptyState>;
        const q = query.trim();
        const list = q ? s.residents.filter((r) => r.name.includes(q) || (r.bedLabel ?? '').includes(q)) : s.residents;
        return (
          <Stack>
            {modals}
            <Group justify="space-between" wrap="wrap">
              <Title order={3}>{t('medication.round.shiftLine', { shift: s.shift.name, hours: s.shift.hoursText, area: s.shift.areaText })}</Title>
              <Group gap="sm">
                <Badge size="xl" color={s.totals.recorded === s.totals.due ? 'done' : 'info'} data-testid="round-progress">
                  {t('medication.round.progress', { done: s.totals.recorded, due: s.totals.due })}
                </Badge>
                {s.totals.overdue > 0 && (
                  <Badge size="xl" color="danger">
                    {t('medication.round.overdueCount', { n: s.totals.overdue })}
                  </Badge>
                )}
              </Group>
            </Group>
            {!s.shift.open && <Alert color="warning">{t('care.closed')}</Alert>}
            {s.residents.length === 0 ? (
              <EmptyState>{t('medication.round.noDoses')}</EmptyState>
            ) : (
              <>
                <TextInput size="lg" aria-label={t('medication.round.search')} placeholder={t('medication.round.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
                {list.length === 0 && <EmptyState>{t('medication.round.notFound')}</EmptyState>}
                {list.map((r) => (
                  <ResidentBlock key={r.residentId} r={r} open={s.shift!.open} actions={actions} />
                ))}
              </>
            )}
          </Stack>
        );
      }}
    </QueryView>
  );
}
