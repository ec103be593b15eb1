// 本班任务: what a caregiver sees after the PIN — my shift, my residents as big cards (green when everything due is
// recorded, grey when away), the night-round clock, and the way to an incident report and to handover.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { clockTime } from '../../components/time';
import { IncidentModal } from '../incidents/IncidentForm';
import { RoundModal } from './RoundModal';

export function MyShiftPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useApi('care.myShift', {});
  const pending = useApi('handover.pending', {});
  const [rounding, setRounding] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [query, setQuery] = useState('');
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => mine.refetch()} />;
  const m = mine.data;
  if (!m.shift) {
    return (
      <Stack>
        <Title order={2}>{t('care.title')}</Title>
        <Alert color="orange.9" variant="outline" title={t('care.noShift')}>
          <Text size="lg">{m.message}</Text>
        </Alert>
      </Stack>
    );
  }
  const s = m.shift;
  const q = query.trim();
  const residents = m.residents.filter((r) => !q || r.name.includes(q) || (r.bedLabel ?? '').includes(q));
  return (
    <Stack>
      <Card withBorder padding="lg">
        <Group justify="space-between" align="start">
          <div>
            <Title order={2}>{t('care.shiftLine', { name: s.name, hours: s.hoursText, date: s.shiftDate })}</Title>
            <Text size="lg">{t('care.area', { area: s.areaText })}</Text>
            {(s.nightRounds || m.rounds.count > 0) && (
              <Text size="lg" c={m.rounds.overdue ? 'red.9' : undefined} fw={m.rounds.overdue ? 700 : undefined} data-testid="round-status">
                {m.rounds.last ? t('care.roundLast', { time: clockTime(m.rounds.last), count: m.rounds.count }) : t('care.roundNone')}
                {m.rounds.nextDue && '；'}
                {m.rounds.nextDue && (m.rounds.overdue ? t('care.roundOverdue', { time: clockTime(m.rounds.nextDue) }) : t('care.roundNext', { time: clockTime(m.rounds.nextDue) }))}
              </Text>
            )}
          </div>
          {s.open && (
            <Group>
              <Button size="xl" onClick={() => setRounding(true)}>
                {t('care.round')}
              </Button>
              <Button size="xl" color="red.9" onClick={() => setReporting(true)}>
                {t('care.incident')}
              </Button>
              <Button size="xl" variant="outline" component={Link} to="/handover">
                {t('care.handover')}
              </Button>
            </Group>
          )}
        </Group>
        {!s.open && (
          <Alert mt="md" color="gray" variant="outline">
            {t('care.closed')}
          </Alert>
        )}
      </Card>
      {(pending.data?.length ?? 0) > 0 && (
        <Alert color="orange.9" variant="outline" title={t('handover.pending')}>
          <Button component={Link} to="/handover" size="lg">
            {t('handover.accept')}（{pending.data!.length}）
          </Button>
        </Alert>
      )}
      <Title order={3}>{t('care.residents')}</Title>
      <TextInput size="lg" aria-label={t('care.searchResidents')} placeholder={t('care.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {m.residents.length === 0 ? (
        <EmptyState>{t('care.noResidents')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {residents.map((r) => (
            <UnstyledButton
              key={r.residentId}
              onClick={() => navigate(`/shift/${s.shiftId}/${s.shiftDate}/${r.residentId}`)}
              aria-label={`${r.name} ${r.allDone ? t('care.allDone') : t('care.progress', { done: r.tasksRecorded, due: r.tasksDue })}`}
              data-testid="shift-resident"
              data-done={r.allDone ? 'yes' : 'no'}
            >
              <Card withBorder padding="lg" bg={!r.present ? '#e9ecef' : r.allDone ? '#d3f9d8' : undefined} style={{ borderWidth: 2, borderColor: r.allDone ? '#2b8a3e' : undefined }}>
                <Group justify="space-between">
                  <Text fz={26} fw={700}>
                    {r.name}
                  </Text>
                  {r.allDone && (
                    <Badge size="xl" color="#2b6a30" variant="filled">
                      ✓ {t('care.allDone')}
                    </Badge>
                  )}
                </Group>
                <Text size="lg">{r.bedLabel}</Text>
                {r.present ? (
                  <Text size="lg">
                    {t('care.progress', { done: r.tasksRecorded, due: r.tasksDue })}　{t('care.recordsCount', { n: r.records })}
                  </Text>
                ) : (
                  <Badge size="lg" color="#495057" variant="filled">
                    {r.status}
                  </Badge>
                )}
                {r.highRisks.length > 0 && (
                  <Group gap={4} mt={4}>
                    {r.highRisks.map((x) => (
                      <Badge key={x} color="#a61e1e" variant="filled">
                        {x}高风险
                      </Badge>
                    ))}
                  </Group>
                )}
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      {rounding && <RoundModal shift={m} onClose={() => setRounding(false)} />}
      {reporting && <IncidentModal residents={m.residents.filter((r) => r.present).map((r) => ({ value: r.residentId, label: `${r.name} ${r.bedLabel ?? ''}` }))} onClose={() => setReporting(false)} />}
    </Stack>
  );
}
