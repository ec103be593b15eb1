// 转介跟进: what a visit found that someone else must do (助餐, 上门服务, 就医, 入住, 报告民政), listed until a keeper closes
// it with its result; a passed deadline is red and says 逾期. 全部 shows the closed ones with their results too.
import { Badge, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupRow } from '@shared/api/visits';
import { FOLLOWUP_KINDS, type FollowupKind } from '@shared/domain/elders/vocab';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { type ElderChoice, ElderPicker, OverdueMark } from './marks';
import { useVisitsCloseFollowup, useVisitsFollowups, useVisitsOpenFollowup } from './queries';

/** Free text wraps; names, kinds and dates (and the column heads) stay on one line. */
const WRAP = { whiteSpace: 'normal', minWidth: '10em' } as const;

function CloseModal({ row, today, onClose }: { row: FollowupRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [closedOn, setClosedOn] = useState(today);
  const [result, setResult] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = useVisitsCloseFollowup({ successMessage: t('visits.closed'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), f === 'result' || f === 'closedOn') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('visits.closeTitle', { elder: row.elder, kind: t(`enums.followupKind.${row.kind}`) })}>
      <Stack>
        <Text size="lg">{row.need}</Text>
        <DateInput size="lg" label={t('visits.closedOn')} valueFormat="YYYY-MM-DD" minDate={row.openedOn} maxDate={today} value={closedOn} onChange={(v) => v && setClosedOn(v)} error={errors.closedOn} />
        <Textarea size="lg" autosize minRows={2} label={t('visits.result')} withAsterisk value={result} onChange={(e) => setResult(e.currentTarget.value)} error={errors.result} data-autofocus />
        <Button size="xl" loading={close.isPending} onClick={() => close.mutate({ id: row.id, closedOn, result })}>
          {t('visits.close')}
        </Button>
      </Stack>
    </Modal>
  );
}

function OpenModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [elder, setElder] = useState<ElderChoice | null>(null);
  const [kind, setKind] = useState<FollowupKind | null>(null);
  const [need, setNeed] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = useVisitsOpenFollowup({ successMessage: t('visits.followupSaved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['elderId', 'kind', 'need', 'dueOn'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('visits.newFollowupTitle')}>
      <Stack>
        <ElderPicker size="lg" label={t('visits.elder')} withAsterisk value={elder} onChange={setElder} error={errors.elderId} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select size="lg" label={t('visits.followupKind')} withAsterisk allowDeselect={false} data={FOLLOWUP_KINDS.map((k) => ({ value: k, label: t(`enums.followupKind.${k}`) }))} value={kind} onChange={(v) => setKind(v as FollowupKind)} error={errors.kind} />
          <DateInput size="lg" label={t('visits.followupDue')} valueFormat="YYYY-MM-DD" clearable minDate={today} value={dueOn} onChange={(v) => setDueOn(v || null)} error={errors.dueOn} />
        </SimpleGrid>
        <TextInput size="lg" label={t('visits.need')} withAsterisk value={need} onChange={(e) => setNeed(e.currentTarget.value)} error={errors.need} />
        <Button
          size="xl"
          loading={open.isPending}
          onClick={() => (elder ? open.mutate({ elderId: elder.id, kind: kind as FollowupKind, need, dueOn }) : setErrors({ elderId: t('visits.elderSearch') }))}
        >
          {t('visits.newFollowup')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function FollowupsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const list = useVisitsFollowups({ status });
  const mayClose = useMayCall('visits.closeFollowup');
  const mayOpen = useMayCall('visits.openFollowup');
  const [closing, setClosing] = useState<FollowupRow | null>(null);
  const [opening, setOpening] = useState(false);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          size="lg"
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'all')}
          data={[
            { value: 'open', label: t('visits.showOpen') },
            { value: 'all', label: t('visits.showAll') },
          ]}
        />
        {mayOpen && (
          <Button size="lg" variant="outline" onClick={() => setOpening(true)}>
            {t('visits.newFollowup')}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('visits.followupsTitle')} rows={rows} empty={status === 'open' ? t('visits.followupsEmpty') : t('visits.followupsAllEmpty')}>
            <ListTable
              minWidth={900}
              nowrap
              testId="followups"
              heads={[t('visits.elder'), t('visits.followupKind'), t('visits.need'), t('visits.openedOn'), t('visits.due'), t('visits.status'), mayClose && t('visits.actionsHead')]}
            >
              {rows.map((f) => (
                <Table.Tr key={f.id} data-overdue={f.overdue ? 'yes' : 'no'}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text fw={700} c={f.overdue ? 'danger' : undefined}>
                      {f.elder}
                    </Text>
                    <Text size="sm">{f.village}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`enums.followupKind.${f.kind}`)}</Table.Td>
                  <Table.Td style={WRAP}>{f.need}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {f.openedOn}
                    {f.visitOn && <Text size="sm">{t('visits.fromVisit', { on: f.visitOn })}</Text>}
                    <Text size="sm">{f.openedBy}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={4}>
                      <Text c={f.overdue ? 'danger' : undefined} fw={f.overdue ? 700 : undefined}>
                        {f.dueOn ?? t('visits.noDue')}
                      </Text>
                      {f.overdue && <OverdueMark />}
                    </Group>
                  </Table.Td>
                  <Table.Td style={WRAP}>{f.closedOn ? t('visits.closedLine', { on: f.closedOn, by: f.closedBy ?? '', result: f.result ?? '' }) : <Badge color="warning" variant="filled">{t('visits.open')}</Badge>}</Table.Td>
                  {mayClose && (
                    <Table.Td>
                      {!f.closedOn && (
                        <Button size="md" onClick={() => setClosing(f)} aria-label={`${t('visits.close')} ${f.elder} ${t(`enums.followupKind.${f.kind}`)}`}>
                          {t('visits.close')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {closing && <CloseModal row={closing} today={today} onClose={() => setClosing(null)} />}
      {opening && <OpenModal today={today} onClose={() => setOpening(false)} />}
    </Stack>
  );
}
