// 交接班: hand over my shift (the summary is made for me; I check it and add what matters), accept the shift
// handed to me with my own sign-in, and for managers the recent handovers with the unaccepted ones flagged.
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoverRow, HandoverSummary } from '../../../../shared/api/handover';
import { useApi, useApiMutation } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { shortDateTime, newRequestId } from '../../components/time';
import { useMayCall } from '../../shell/current-user';

export function SummaryView({ summary }: { summary: HandoverSummary }) {
  const { t } = useTranslation();
  const part = (title: string, lines: string[]) => (
    <div>
      <Text fw={700}>{title}</Text>
      {lines.length === 0 ? <Text>{t('handover.none')}</Text> : <List>{lines.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>}
    </div>
  );
  return (
    <Stack gap="xs">
      {part(t('handover.incidents'), summary.incidents)}
      {part(t('handover.tasksNotDone'), summary.tasksNotDone)}
      {part(t('handover.away'), summary.away)}
      {part(t('handover.notes'), summary.notes)}
      {summary.roundsText && <Text>{summary.roundsText}</Text>}
    </Stack>
  );
}

function MyHandover() {
  const { t } = useTranslation();
  const mine = useApi('care.myShift', {});
  const shift = mine.data?.shift ?? null;
  const draft = useApi('handover.draft', { shiftId: shift?.shiftId ?? '', shiftDate: shift?.shiftDate ?? '' }, shift !== null && !mine.data?.handedOver);
  const [notes, setNotes] = useState('');
  const [requestId] = useState(newRequestId);
  const submit = useApiMutation('handover.submit', { successMessage: t('handover.confirmed') });
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => mine.refetch()} />;
  if (!shift) return <Text size="lg">{t('handover.noShift')}</Text>;
  if (mine.data.handedOver) return <Alert color="teal" variant="outline">{t('handover.alreadyHandedOver')}</Alert>;
  return (
    <Stack>
      <Text size="lg" fw={700}>
        {shift.name} {shift.hoursText}（{shift.shiftDate}）　{shift.areaText}
      </Text>
      <Text>{t('handover.summary')}</Text>
      {draft.isPending ? <LoadingState /> : draft.isError ? <ErrorState error={draft.error} onRetry={() => draft.refetch()} /> : <SummaryView summary={draft.data} />}
      <Textarea size="lg" autosize minRows={3} label={t('handover.extra')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      <Button size="xl" onClick={() => submit.mutate({ shiftId: shift.shiftId, shiftDate: shift.shiftDate, requestId, notes })} loading={submit.isPending}>
        {t('handover.confirm')}
      </Button>
    </Stack>
  );
}

function HandoverCard({ h, accept }: { h: HandoverRow; accept?: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const save = useApiMutation('handover.accept', { successMessage: t('handover.accepted') });
  return (
    <Card withBorder padding="lg" data-testid="handover-card">
      <Group justify="space-between">
        <Text fz={20} fw={700}>
          {h.shiftDate} {h.shiftName} {h.hoursText}　{t('handover.from')}：{h.fromName}（{h.areaText}）
        </Text>
        {h.acceptedBy ? (
          <Badge size="lg" color="#0b6e4f" variant="filled">
            {t('handover.accepted')}：{h.acceptedBy} {h.acceptedAt && shortDateTime(h.acceptedAt)}
          </Badge>
        ) : (
          h.flagged && (
            <Badge size="lg" color="#a61e1e" variant="filled">
              {t('handover.flagged')}
            </Badge>
          )
        )}
      </Group>
      <Text size="sm">
        {t('handover.submittedAt')}：{shortDateTime(h.submittedAt)}
      </Text>
      <SummaryView summary={h.summary} />
      {h.notes && (
        <Text mt="xs">
          <b>{t('handover.extra')}：</b>
          {h.notes}
        </Text>
      )}
      {h.acceptNote && <Text>接班说明：{h.acceptNote}</Text>}
      {accept && (
        <Stack mt="sm">
          <Textarea label={t('handover.acceptNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button size="xl" onClick={() => save.mutate({ id: h.id, note })} loading={save.isPending}>
            {t('handover.accept')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

function RecentHandovers({ today }: { today: string }) {
  const { t } = useTranslation();
  const list = useApi('handover.list', { from: dayjs(today).subtract(6, 'day').format('YYYY-MM-DD'), to: today });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('handover.list')}</Title>
        <Button component={Link} to="/care?tab=ledgers&kind=handover" variant="outline">
          {t('care.ledgers')}
        </Button>
      </Group>
      {list.data.length === 0 ? <EmptyState>{t('handover.listEmpty')}</EmptyState> : [...list.data].reverse().map((h) => <HandoverCard key={h.id} h={h} />)}
    </Stack>
  );
}

export function HandoverPage() {
  const { t } = useTranslation();
  const pending = useApi('handover.pending', {});
  const info = useApi('system.info', {});
  const mayList = useMayCall('handover.list');
  return (
    <Stack>
      <Title order={2}>{t('handover.title')}</Title>
      <Card withBorder padding="lg">
        <Title order={3} mb="sm">
          {t('handover.pending')}
        </Title>
        {pending.isPending ? (
          <LoadingState />
        ) : pending.isError ? (
          <ErrorState error={pending.error} onRetry={() => pending.refetch()} />
        ) : pending.data.length === 0 ? (
          <Text>{t('handover.pendingEmpty')}</Text>
        ) : (
          <Stack>
            {pending.data.map((h) => (
              <HandoverCard key={h.id} h={h} accept />
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} mb="sm">
          {t('handover.mine')}
        </Title>
        <MyHandover />
      </Card>
      {mayList && info.data && <RecentHandovers today={info.data.today} />}
    </Stack>
  );
}
