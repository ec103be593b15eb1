// One resident on 本班任务: face, name and bed (two people with one name are told apart at a glance), and how the
// shift stands — green only when everything due is recorded, red when a task is past its time, plain when nothing
// is due, grey when away.
import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShiftResident } from '@shared/api/care';
import { ResidentAvatar } from './ResidentAvatar';
import { inkVar } from '../../theme';

const LOOK: Record<ShiftResident['state'], { bg?: string; border: string }> = {
  away: { bg: 'gray.2', border: inkVar('gray.5') },
  no_tasks: { border: inkVar('gray.5') },
  done: { bg: 'green.1', border: inkVar('leaf') },
  overdue: { bg: 'red.0', border: inkVar('danger') },
  in_progress: { border: inkVar('gray.5') },
};

export function ShiftResidentCard({ r, onOpen }: { r: ShiftResident; onOpen: () => void }) {
  const { t } = useTranslation();
  const look = LOOK[r.state];
  const status =
    r.state === 'away'
      ? r.status
      : r.state === 'done'
        ? t('care.allDone')
        : r.state === 'no_tasks'
          ? t('night.noTasksThisShift')
          : `${t('care.progress', { done: r.tasksRecorded, due: r.tasksDue })}${r.overdueTasks > 0 ? `，${t('night.overdue', { n: r.overdueTasks })}` : ''}`;
  return (
    <UnstyledButton onClick={onOpen} aria-label={`${r.name} ${r.bedLabel ?? ''}，${status}`} data-testid="shift-resident" data-state={r.state} data-done={r.allDone ? 'yes' : 'no'} w="100%">
      <Card withBorder padding="md" bg={look.bg} style={{ borderWidth: 2, borderColor: look.border }}>
        <Group wrap="nowrap" align="start" gap="md">
          <ResidentAvatar residentId={r.residentId} name={r.name} hasPhoto={r.hasPhoto} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fz={24} fw={700} lh={1.2}>
              {r.name}
            </Text>
            <Text size="lg" fw={600}>
              {r.bedLabel}
            </Text>
            {r.state === 'done' && (
              <Badge size="xl" color="done" variant="filled" style={{ alignSelf: 'start' }}>
                ✓ {t('care.allDone')}
              </Badge>
            )}
            {r.state === 'away' && (
              <Badge size="lg" color="muted" variant="filled" style={{ alignSelf: 'start' }}>
                {t(`enums.residentStatus.${r.status}`)}
              </Badge>
            )}
            {r.state === 'no_tasks' && (
              <Text size="lg" c="dark.6">
                {t('night.noTasksThisShift')}　{t('care.recordsCount', { n: r.records })}
              </Text>
            )}
            {(r.state === 'in_progress' || r.state === 'overdue') && (
              <Text size="lg">
                {t('care.progress', { done: r.tasksRecorded, due: r.tasksDue })}　{t('care.recordsCount', { n: r.records })}
              </Text>
            )}
            {r.state === 'overdue' && (
              <Badge size="lg" color="danger" variant="filled" style={{ alignSelf: 'start' }}>
                {t('night.overdue', { n: r.overdueTasks })}
              </Badge>
            )}
            {r.highRisks.length > 0 && (
              <Group gap={4} mt={2}>
                {r.highRisks.map((x) => (
                  <Badge key={x} color="danger" variant="outline" size="md">
                    {x}高风险
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        </Group>
      </Card>
    </UnstyledButton>
  );
}
