// 意外事件: every incident with what was done, family notice, follow-ups and closure; report a new one.
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncidentRow } from '@shared/api/incidents';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { shortDateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { IncidentModal } from './IncidentForm';
import { useIncidentsList, useIncidentsNote } from './queries';

const SEVERITY_INK = { minor: 'muted', moderate: 'warning', serious: 'danger', critical: 'critical' } as const;

function NoteAction({ incident, method, label, noteLabel }: { incident: IncidentRow; method: 'incidents.followUp' | 'incidents.close'; label: string; noteLabel: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const save = useIncidentsNote(method, { successMessage: '已保存', onSuccess: () => (setOpen(false), setNote('')) });
  if (!open)
    return (
      <Button variant="outline" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <Stack gap="xs" w="100%">
      <Textarea label={noteLabel} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group>
        <Button onClick={() => save.mutate({ id: incident.id, note })} loading={save.isPending}>
          {label}
        </Button>
        <Button variant="subtle" onClick={() => setOpen(false)}>
          取消
        </Button>
      </Group>
    </Stack>
  );
}

function IncidentCard({ i }: { i: IncidentRow }) {
  const { t } = useTranslation();
  const mayFollow = useMayCall('incidents.followUp');
  const mayClose = useMayCall('incidents.close');
  return (
    <Card withBorder padding="lg" data-testid="incident-card">
      <Group justify="space-between">
        <Group gap="sm">
          <Text fz={22} fw={700}>
            <Link to={`/residents/${i.residentId}`}>{i.residentName}</Link>
          </Text>
          <Badge size="lg" variant="filled" color="teal">
            {t(`enums.incidentType.${i.type}`)}
            {i.medicationError ? `：${t(`enums.medicationError.${i.medicationError}`)}` : ''}
          </Badge>
          <Badge size="lg" variant="filled" color={SEVERITY_INK[i.severity]}>
            {t(`enums.severity.${i.severity}`)}
          </Badge>
          <Badge size="lg" variant="outline" color={i.status === 'open' ? 'warning' : 'muted'}>
            {t(`enums.incidentStatus.${i.status}`)}
          </Badge>
        </Group>
        <Text>
          {shortDateTime(i.occurredAt)} · {i.place}
        </Text>
      </Group>
      <Text mt="xs">
        <b>{t('incidents.description')}：</b>
        {i.description}
      </Text>
      <Text>
        <b>{t('incidents.actionTaken')}：</b>
        {i.actionTaken}
      </Text>
      <Text>
        {i.familyNotified ? `${t('incidents.familyNotified')}：${i.notifiedWho} ${i.notifiedAt ? shortDateTime(i.notifiedAt) : ''}` : t('incidents.notNotified')}
        {i.hospitalTransfer && `　${t('incidents.hospitalTransfer')}：${i.hospital}`}
        　{t('incidents.reportedBy')}：{i.reportedBy}
      </Text>
      {i.followUps.map((f) => (
        <Text key={f.id} size="sm">
          {shortDateTime(f.at)} {f.by}：{f.note}
        </Text>
      ))}
      {i.closedAt && (
        <Text size="sm" fw={700}>
          {shortDateTime(i.closedAt)} {i.closedBy} 结案：{i.closingNote}
        </Text>
      )}
      {i.status === 'open' && (mayFollow || mayClose) && (
        <Group mt="sm">
          {mayFollow && <NoteAction incident={i} method="incidents.followUp" label={t('incidents.followUp')} noteLabel={t('incidents.followUpNote')} />}
          {mayClose && <NoteAction incident={i} method="incidents.close" label={t('incidents.close')} noteLabel={t('incidents.closeNote')} />}
        </Group>
      )}
    </Card>
  );
}

export function IncidentsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('all');
  const list = useIncidentsList({ status });
  const mayReport = useMayCall('incidents.report');
  const [reporting, setReporting] = useState(false);
  const [query, setQuery] = useState('');
  return (
    <QueryView query={list}>
      {(listData) => {
      const q = query.trim();
      const rows = listData.filter((i) => !q || i.residentName.includes(q) || i.place.includes(q) || t(`enums.incidentType.${i.type}`).includes(q));
      return (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('incidents.title')}</Title>
            {mayReport && (
              <Button size="lg" color="red.9" onClick={() => setReporting(true)}>
                {t('incidents.report')}
              </Button>
            )}
          </Group>
          <Group>
            <TextInput size="lg" style={{ flex: 1 }} aria-label={t('incidents.search')} placeholder={t('incidents.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <SegmentedControl
              size="md"
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              data={[
                { value: 'all', label: t('incidents.statusAll') },
                { value: 'open', label: t('enums.incidentStatus.open') },
                { value: 'closed', label: t('enums.incidentStatus.closed') },
              ]}
            />
          </Group>
          {rows.length === 0 ? <EmptyState>{t('incidents.empty')}</EmptyState> : rows.map((i) => <IncidentCard key={i.id} i={i} />)}
          {reporting && <IncidentModal onClose={() => setReporting(false)} />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
