// 本班任务: what a caregiver sees after the PIN — my shift, my residents as big cards with their faces (green when
// everything due is recorded, red when something is late, grey when away), the night-round clock, and the way to an
// incident report and to handover. Works on a phone (390 px wide) without sideways scrolling.
import { Alert, Button, Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { clockTime } from '../../components/time';
import { IncidentModal } from '../incidents/IncidentForm';
import { RoundModal } from './RoundModal';
import { ShiftResidentCard } from './ShiftResidentCard';
import { useCareMyShift } from './queries';
import { useHandoverPending } from '../handover/queries';
import { ShiftMedicationCard } from '../medication/round';

/** Where an incident happened, to start with: the resident's room (the bed label without its bed). */
export const roomOf = (bedLabel: string | null) => (bedLabel ?? '').replace(/\s*\S+床$/, '');

export function MyShiftPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useCareMyShift();
  const pending = useHandoverPending();
  const [rounding, setRounding] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [query, setQuery] = useState('');
  return (
    <QueryView query={mine}>
      {(mineData) => {
      const m = mineData;
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
            <Stack gap="md">
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
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  <Button size="xl" onClick={() => setRounding(true)}>
                    {t('care.round')}
                  </Button>
                  <Button size="xl" color="red.9" onClick={() => setReporting(true)}>
                    {t('care.incident')}
                  </Button>
                  <Button size="xl" variant="outline" component={Link} to="/handover">
                    {t('care.handover')}
                  </Button>
                </SimpleGrid>
              )}
            </Stack>
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
          <ShiftMedicationCard />
          <Title order={3}>{t('care.residents')}</Title>
          <TextInput size="lg" aria-label={t('care.searchResidents')} placeholder={t('care.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
          {m.residents.length === 0 ? (
            <EmptyState>{t('care.noResidents')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {residents.map((r) => (
                <ShiftResidentCard key={r.residentId} r={r} onOpen={() => navigate(`/shift/${s.shiftId}/${s.shiftDate}/${r.residentId}`)} />
              ))}
            </SimpleGrid>
          )}
          {rounding && <RoundModal shift={m} onClose={() => setRounding(false)} />}
          {reporting && (
            <IncidentModal
              residents={m.residents.filter((r) => r.present).map((r) => ({ value: r.residentId, label: `${r.name} ${r.bedLabel ?? ''}`, place: roomOf(r.bedLabel) }))}
              onClose={() => setReporting(false)}
            />
          )}
        </Stack>
      );
      }}
    </QueryView>
  );
}
