// 交接班: hand over my shift (the summary is made for me; I check it and add what matters), accept the shift
// handed to me with my own sign-in, and for managers the recent handovers with the unaccepted ones flagged.
import { Accordion, Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoverResident, HandoverRow, HandoverSummary } from '@shared/api/handover';
import { compactTasks } from '@shared/domain/care/handover-text';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { shortDateTime, newRequestId } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { useCareMyShift } from '../care/queries';
import { useHandoverAccept, useHandoverDraft, useHandoverList, useHandoverPending, useHandoverSubmit } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { inkVar } from '../../theme';
import { addDays } from '@shared/domain/dates';

/** A summary made before the grouping existed (issue 13): the flat lists as they were kept. */
function FlatSummary({ summary }: { summary: HandoverSummary }) {
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

/** "意外 1　没记录 2　备注 1": only what is there (a row of zeros hides what matters). */
function countsLine(r: HandoverResident, t: TFunction): string {
  const parts: [string, number][] = [
    [t('night.incidentLabel'), r.incidents.length],
    [t('night.notDoneLabel'), r.notDone.length],
    [t('night.unrecordedLabel'), r.unrecorded.length],
    [t('night.notesLabel'), r.notes.length],
  ];
  return [...parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`), `${t('night.doneLabel')} ${r.tasksDone}`].join('　');
}

const needsAttention = (r: HandoverResident) => r.away !== null || r.incidents.length + r.notDone.length + r.unrecorded.length + r.notes.length > 0;

/** The paper version: one compact table, a row per resident who needs attention (the accordion does not print). */
function PrintedSummary({ summary }: { summary: HandoverSummary }) {
  const { t } = useTranslation();
  const cell = { border: '1px solid #000', padding: '3px 5px', verticalAlign: 'top' as const };
  const rows = summary.residents.filter(needsAttention);
  return (
    <div className="print-only" data-testid="handover-print">
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '10.5pt' }}>
        <colgroup>
          {['9%', '17%', '24%', '14%', '16%', '20%'].map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {['老人', '床位', '意外', '没做', '没记录', '备注'].map((c) => (
              <th key={c} style={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}-${r.bedLabel}`}>
              <td style={cell}>
                <span style={{ whiteSpace: 'nowrap' }}>{r.name}</span>
                {r.away && `（${t(`enums.residentStatus.${r.away}`)}）`}
              </td>
              <td style={cell}>
                <span style={{ whiteSpace: 'nowrap' }}>{r.bedLabel}</span>
              </td>
              <td style={cell}>{r.incidents.join('；')}</td>
              <td style={cell}>{compactTasks(r.notDone).join('；')}</td>
              <td style={cell}>{compactTasks(r.unrecorded).join('；')}</td>
              <td style={cell}>{r.notes.join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.residents.length > rows.length && <p style={{ margin: '4px 0' }}>其余 {summary.residents.length - rows.length} 位老人：任务都已记录，没有备注。</p>}
    </div>
  );
}

export function SummaryView({ summary }: { summary: HandoverSummary }) {
  const { t } = useTranslation();
  if (summary.counts === null) return <FlatSummary summary={summary} />;
  const attention = summary.residents.filter(needsAttention);
  const quiet = summary.residents.length - attention.length;
  return (
    <Stack gap="sm" data-testid="handover-summary">
      <Text fw={700} data-testid="handover-counts">
        {t('night.counts', summary.counts)}
      </Text>
      <PrintedSummary summary={summary} />
      <div className="no-print">
        {summary.incidents.length > 0 && (
          <Card withBorder padding="sm" mb="sm" style={{ borderColor: inkVar('danger'), borderWidth: 2 }} data-testid="handover-incidents">
            <Text fw={700} c="danger">
              {t('night.incidentsFirst')}（{summary.incidents.length}）
            </Text>
            <List>
              {summary.incidents.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </Card>
        )}
        {attention.length === 0 ? (
          <Text>{t('night.nothingToHandOver')}</Text>
        ) : (
          <Accordion variant="separated" multiple data-testid="handover-residents">
            {attention.map((r, i) => (
              // The value becomes an element id: no spaces (bed labels have them).
              <Accordion.Item key={`${r.name}-${r.bedLabel}`} value={`resident-${i}`} data-testid="handover-resident">
                <Accordion.Control>
                  <Text fw={700} fz={19} c={r.incidents.length > 0 ? 'danger' : undefined}>
                    {r.name}　<Text span fw={400}>{r.bedLabel}</Text>
                    {r.away && `（${t(`enums.residentStatus.${r.away}`)}）`}
                  </Text>
                  <Text size="md">{countsLine(r, t)}</Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap={4}>
                    {r.incidents.map((l) => (
                      <Text key={l} c="danger">
                        意外：{l}
                      </Text>
                    ))}
                    {r.notDone.length > 0 && (
                      <Text>
                        {t('night.notDoneLabel')}：{compactTasks(r.notDone).join('；')}
                      </Text>
                    )}
                    {r.unrecorded.length > 0 && (
                      <Text>
                        {t('night.unrecordedLabel')}：{compactTasks(r.unrecorded).join('；')}
                      </Text>
                    )}
                    {r.notes.map((l) => (
                      <Text key={l}>
                        {t('night.notesLabel')}：{l}
                      </Text>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        {quiet > 0 && <Text mt="xs">{t('night.quietResidents', { n: quiet })}</Text>}
      </div>
      {summary.roundsText && <Text>{summary.roundsText}</Text>}
    </Stack>
  );
}

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
