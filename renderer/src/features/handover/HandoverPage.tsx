// 交接班: hand over my shift (the summary is made for me; I check it and add what matters), accept the shift
// handed to me with my own sign-in, and for managers the recent handovers with the unaccepted ones flagged.
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoverRow } from '@shared/api/handover';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { shortDateTime, newRequestId } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { useCareMyShift } from '../care/queries';
import { useHandoverAccept, useHandoverDraft, useHandoverList, useHandoverPending, useHandoverSubmit } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { inkVar } from '../../theme';
import { SummaryView } from './HandoverSummary';
import { addDays } from '@shared/domain/dates';

function MyHandover() {
  const { t } = useTranslation();
  const mine = useCareMyShift();
  const shift = mine.data?.shift ?? null;
  const draft = useHandoverDraft({ shiftId: shift?.shiftId ?? '', shiftDate: shift?.shiftDate ?? '' }, shift !== null && !mine.data?.handedOver);
  const [notes, setNotes] = useState('');
  const [earlyReason, setEarlyReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [requestId] = useState(newRequestId);
  const submit = useHandoverSubmit({ successMessage: t('handover.confirmed'), onFieldError: (_f, m) => (setReasonError(m), true) });
  return (
    <QueryView query={mine}>
      {(mineData) => {
      if (!shift) return <Text size="lg">{t('handover.noShift')}</Text>;
      if (mineData.handedOver) return <Alert color="teal" variant="outline">{t('handover.alreadyHandedOver')}</Alert>;
      return (
        <Stack>
          <Text size="lg" fw={700}>
            {shift.name} {shift.hoursText}（{shift.shiftDate}）　{shift.areaText}
          </Text>
          <Text>{t('handover.summary')}</Text>
          <QueryView query={draft}>{(data) => <SummaryView summary={data.summary} />}</QueryView>
          <Textarea size="lg" autosize minRows={3} label={t('handover.extra')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {draft.data?.needsReason && (
            <Stack gap={4} p="sm" style={{ border: `2px solid ${inkVar('warning')}`, borderRadius: 8 }}>
              <Text fw={700} c="warning">
                {t('night.earlyHint', { minutes: draft.data.minutesLeft, limit: draft.data.earlyLimitMinutes })}
              </Text>
              <Textarea size="lg" autosize minRows={2} label={t('night.earlyReason')} withAsterisk value={earlyReason} onChange={(e) => setEarlyReason(e.currentTarget.value)} error={reasonError} />
            </Stack>
          )}
          <Button
            size="xl"
            onClick={() => {
              setReasonError(null);
              submit.mutate({ shiftId: shift.shiftId, shiftDate: shift.shiftDate, requestId, notes, earlyReason: draft.data?.needsReason ? earlyReason.trim() : '' });
            }}
            loading={submit.isPending}
          >
            {t('handover.confirm')}
          </Button>
        </Stack>
      );
      }}
    </QueryView>
  );
}

function HandoverCard({ h, accept }: { h: HandoverRow; accept?: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const save = useHandoverAccept({ successMessage: t('handover.accepted') });
  return (
    <Card withBorder padding="lg" data-testid="handover-card">
      <Group justify="space-between">
        <Text fz={20} fw={700}>
          {h.shiftDate} {h.shiftName} {h.hoursText}　{t('handover.from')}：{h.fromName}（{h.areaText}）
        </Text>
        {h.acceptedBy ? (
          <Badge size="lg" color="ok" variant="filled">
            {t('handover.accepted')}：{h.acceptedBy} {h.acceptedAt && shortDateTime(h.acceptedAt)}
          </Badge>
        ) : (
          h.flagged && (
            <Badge size="lg" color="danger" variant="filled">
              {t('handover.flagged')}
            </Badge>
          )
        )}
      </Group>
      <Text size="sm">
        {t('handover.submittedAt')}：{shortDateTime(h.submittedAt)}
      </Text>
      {h.earlyReason && (
        <Text fw={700} c="warning" data-testid="early-reason">
          {t('night.earlyReasonShown', { reason: h.earlyReason })}
        </Text>
      )}
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
  const list = useHandoverList({ from: addDays(today, -6), to: today });
  return (
    <QueryView query={list}>
      {(listData) => {
      return (
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{t('handover.list')}</Title>
            <Button component={Link} to="/care?tab=ledgers&kind=handover" variant="outline" className="no-print">
              {t('care.ledgers')}
            </Button>
          </Group>
          {listData.length === 0 ? <EmptyState>{t('handover.listEmpty')}</EmptyState> : [...listData].reverse().map((h) => <HandoverCard key={h.id} h={h} />)}
        </Stack>
      );
      }}
    </QueryView>
  );
}

export function HandoverPage() {
  const { t } = useTranslation();
  const pending = useHandoverPending();
  const info = useSystemInfo();
  const mayList = useMayCall('handover.list');
  return (
    <Stack>
      <Title order={2}>{t('handover.title')}</Title>
      {/* On paper only the handover records themselves (the manager prints a night's record from the list). */}
      <Card withBorder padding="lg" className={pending.data?.length ? undefined : 'no-print'}>
        <Title order={3} mb="sm">
          {t('handover.pending')}
        </Title>
        <QueryView query={pending}>
          {(data) =>
            data.length === 0 ? (
              <Text>{t('handover.pendingEmpty')}</Text>
            ) : (
              <Stack>
                {data.map((h) => (
                  <HandoverCard key={h.id} h={h} accept />
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Card>
      <Card withBorder padding="lg" className="no-print">
        <Title order={3} mb="sm">
          {t('handover.mine')}
        </Title>
        <MyHandover />
      </Card>
      {mayList && info.data && <RecentHandovers today={info.data.today} />}
    </Stack>
  );
}
