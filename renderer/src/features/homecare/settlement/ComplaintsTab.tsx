// 投诉: complaints about a service visit, from whom and what, tracked to an answer. Open ones first with the days they
// have been open, red beyond the time limit (a setting, default 7 days [R]); 全部 shows the answered ones with their
// answers. Anyone who records visits registers a complaint; a keeper answers it.
import { Badge, Box, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintRow, VisitBrief } from '@shared/api/homecare-settlement';
import { ListCard, ListTable } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { SettingsButton } from './SettingsButton';
import { WRAP, WideTable } from './VisitCells';
import { useAnswerComplaint, useComplaints, useFindVisits, useRecordComplaint } from './queries';

function VisitPicker({ today, value, onChange, error }: { today: string; value: VisitBrief | null; onChange: (v: VisitBrief | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [query, setQuery] = useState('');
  const found = useFindVisits({ month, providerId: null, query }, query.trim() !== '' && value === null);
  if (value) {
    return (
      <Group justify="space-between" wrap="nowrap">
        <Text size="lg" fw={700}>
          {value.elder} {value.serviceOn} {value.startTime} · {value.provider} {value.worker ?? ''} · {value.items}
        </Text>
        <Button size="md" variant="default" onClick={() => onChange(null)}>
          {t('homecare.settlement.complaints.pickVisit')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <Group grow wrap="wrap" align="end">
        <MonthPickerInput size="lg" label={t('homecare.settlement.complaints.pickMonth')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} />
        <TextInput size="lg" label={t('homecare.settlement.complaints.pickVisit')} withAsterisk placeholder={t('homecare.settlement.complaints.pickVisitHint')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} error={error} data-autofocus />
      </Group>
      {query.trim() !== '' && (
        <QueryView query={found} empty={t('homecare.settlement.checks.otherEmpty')}>
          {(rows) => (
            <Stack gap={4}>
              {rows
                .filter((v) => !v.voided)
                .map((v) => (
                  <Button key={v.visitId} size="md" variant="light" justify="start" onClick={() => onChange(v)} style={{ height: 'auto', minHeight: 44, whiteSpace: 'normal', textAlign: 'left' }}>
                    {v.elder} {v.serviceOn} {v.startTime} · {v.provider} {v.worker ?? ''} · {v.outcome === 'done' ? v.items : t('enums.serviceOutcome.missed')}
                  </Button>
                ))}
            </Stack>
          )}
        </QueryView>
      )}
    </Stack>
  );
}

function NewComplaint({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [visit, setVisit] = useState<VisitBrief | null>(null);
  const [receivedOn, setReceivedOn] = useState(today);
  const [fromWhom, setFromWhom] = useState('');
  const [complaint, setComplaint] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useRecordComplaint({ successMessage: t('homecare.settlement.complaints.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['visitId', 'receivedOn', 'fromWhom', 'complaint'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('homecare.settlement.complaints.newTitle')}>
      <Stack>
        <VisitPicker today={today} value={visit} onChange={setVisit} error={errors.visitId} />
        <Group grow wrap="wrap">
          <DateInput size="lg" label={t('homecare.settlement.complaints.receivedOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={receivedOn} onChange={(v) => v && setReceivedOn(v)} error={errors.receivedOn} />
          <TextInput size="lg" label={t('homecare.settlement.complaints.fromWhom')} withAsterisk value={fromWhom} onChange={(e) => setFromWhom(e.currentTarget.value)} error={errors.fromWhom} />
        </Group>
        <Textarea size="lg" autosize minRows={2} label={t('homecare.settlement.complaints.complaint')} withAsterisk value={complaint} onChange={(e) => setComplaint(e.currentTarget.value)} error={errors.complaint} />
        <Button
          size="xl"
          loading={record.isPending}
          onClick={() => (visit ? record.mutate({ visitId: visit.visitId, receivedOn, fromWhom, complaint }) : setErrors({ visitId: t('homecare.settlement.complaints.pickVisitHint') }))}
        >
          {t('homecare.settlement.complaints.new')}
        </Button>
      </Stack>
    </Modal>
  );
}

function AnswerModal({ row, today, onClose }: { row: ComplaintRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [answeredOn, setAnsweredOn] = useState(today);
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useAnswerComplaint({ successMessage: t('homecare.settlement.complaints.answered'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), f === 'answer' || f === 'answeredOn') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('homecare.settlement.complaints.answerTitle', { elder: row.visit.elder })}>
      <Stack>
        <Text size="lg">{row.complaint}</Text>
        <Text size="sm">
          {t('homecare.settlement.complaints.from', { from: row.fromWhom })} · {row.receivedOn}
        </Text>
        <DateInput size="lg" label={t('homecare.settlement.complaints.answeredOn')} valueFormat="YYYY-MM-DD" minDate={row.receivedOn} maxDate={today} value={answeredOn} onChange={(v) => v && setAnsweredOn(v)} error={errors.answeredOn} />
        <Textarea size="lg" autosize minRows={3} label={t('homecare.settlement.complaints.answerText')} withAsterisk value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={errors.answer} data-autofocus />
        <Button size="xl" loading={save.isPending} onClick={() => save.mutate({ id: row.id, answeredOn, answer })}>
          {t('homecare.settlement.complaints.answer')}
        </Button>
      </Stack>
    </Modal>
  );
}

function ComplaintVisit({ c }: { c: ComplaintRow }) {
  return (
    <>
      <Text fw={700} c={c.overdue ? 'danger' : undefined}>
        {c.visit.elder}
      </Text>
      <Text size="sm">
        {c.visit.serviceOn} {c.visit.startTime} · {c.visit.village}
      </Text>
      <Text size="sm">
        {c.visit.provider} {c.visit.worker ?? ''}
      </Text>
    </>
  );
}

function ComplaintText({ c }: { c: ComplaintRow }) {
  const { t } = useTranslation();
  return (
    <>
      <Text>{c.complaint}</Text>
      <Text size="sm">
        {c.receivedOn} {t('homecare.settlement.complaints.from', { from: c.fromWhom })}
      </Text>
    </>
  );
}

function ComplaintState({ c, limitDays }: { c: ComplaintRow; limitDays: number }) {
  const { t } = useTranslation();
  if (c.answeredOn) {
    return (
      <>
        <Text>{t('homecare.settlement.complaints.answeredLine', { on: c.answeredOn, by: c.answeredBy ?? '', answer: c.answer ?? '' })}</Text>
        <Text size="sm">{t('homecare.settlement.complaints.answeredIn', { days: c.daysOpen })}</Text>
      </>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      <Badge size="lg" color={c.overdue ? 'red' : 'warning'} variant="filled">
        {c.daysOpen === 0 ? t('homecare.settlement.complaints.receivedToday') : t('homecare.settlement.complaints.daysOpen', { days: c.daysOpen })}
      </Badge>
      {c.overdue && (
        <Text c="danger" fw={700} size="sm">
          {t('homecare.settlement.complaints.overdue', { days: limitDays })}
        </Text>
      )}
    </Group>
  );
}

function AnswerButton({ c, onAnswer }: { c: ComplaintRow; onAnswer: (c: ComplaintRow) => void }) {
  const { t } = useTranslation();
  return (
    <Button size="md" onClick={() => onAnswer(c)} aria-label={`${t('homecare.settlement.complaints.answer')} ${c.visit.elder}`}>
      {t('homecare.settlement.complaints.answer')}
    </Button>
  );
}

export function ComplaintsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [query, setQuery] = useState('');
  const list = useComplaints({ status, query });
  const mayRecord = useMayCall('homecare.recordComplaint');
  const mayAnswer = useMayCall('homecare.answerComplaint');
  const [adding, setAdding] = useState(false);
  const [answering, setAnswering] = useState<ComplaintRow | null>(null);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="end">
        <Group wrap="wrap" align="end">
          <SegmentedControl
            size="lg"
            value={status}
            onChange={(v) => setStatus(v as 'open' | 'all')}
            data={[
              { value: 'open', label: t('homecare.settlement.complaints.showOpen') },
              { value: 'all', label: t('homecare.settlement.complaints.showAll') },
            ]}
          />
          <TextInput size="lg" placeholder={t('homecare.settlement.search')} aria-label={t('homecare.settlement.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        </Group>
        <Group>
          <SettingsButton />
          {mayRecord && (
            <Button size="lg" onClick={() => setAdding(true)}>
              {t('homecare.settlement.complaints.new')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryView query={list}>
        {(data) => (
          <ListCard
            title={t('homecare.settlement.complaints.title')}
            intro={
              <Stack gap={0} mb="sm">
                <Text>{t('homecare.settlement.complaints.intro', { days: data.limitDays })}</Text>
                <Text size="sm" c="dimmed">
                  {t('homecare.settlement.settings.source', { source: data.source })}
                </Text>
              </Stack>
            }
            rows={data.rows}
            empty={status === 'open' ? t('homecare.settlement.complaints.emptyOpen') : t('homecare.settlement.complaints.emptyAll')}
          >
            <Box visibleFrom="sm">
              <WideTable label={t('homecare.settlement.complaints.title')} minWidth={640}>
                <ListTable
                  testId="complaints"
                  heads={[t('homecare.settlement.complaints.heads.visit'), t('homecare.settlement.complaints.heads.complaint'), t('homecare.settlement.complaints.heads.status'), mayAnswer && t('homecare.settlement.complaints.heads.action')]}
                >
                  {data.rows.map((c) => (
                    <Table.Tr key={c.id} data-overdue={c.overdue ? 'yes' : 'no'}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <ComplaintVisit c={c} />
                      </Table.Td>
                      <Table.Td style={WRAP}>
                        <ComplaintText c={c} />
                      </Table.Td>
                      <Table.Td style={WRAP}>
                        <ComplaintState c={c} limitDays={data.limitDays} />
                      </Table.Td>
                      {mayAnswer && <Table.Td>{!c.answeredOn && <AnswerButton c={c} onAnswer={setAnswering} />}</Table.Td>}
                    </Table.Tr>
                  ))}
                </ListTable>
              </WideTable>
            </Box>
            <Stack gap={0} hiddenFrom="sm" data-testid="complaints-phone">
              {data.rows.map((c) => (
                <Stack key={c.id} gap={4} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                  <ComplaintVisit c={c} />
                  <ComplaintText c={c} />
                  <ComplaintState c={c} limitDays={data.limitDays} />
                  {mayAnswer && !c.answeredOn && (
                    <Group>
                      <AnswerButton c={c} onAnswer={setAnswering} />
                    </Group>
                  )}
                </Stack>
              ))}
            </Stack>
          </ListCard>
        )}
      </QueryView>
      {adding && <NewComplaint today={today} onClose={() => setAdding(false)} />}
      {answering && <AnswerModal row={answering} today={today} onClose={() => setAnswering(null)} />}
    </Stack>
  );
}
