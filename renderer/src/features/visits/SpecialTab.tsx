// 特殊情况: an elder found in danger is reported — when found, what was found, what was done, to whom it was reported
// and when — and stays on top (and on the home page) until a keeper closes it with the outcome.
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpecialRow } from '@shared/api/visits';
import { ListCard } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { DATE_TIME_FORMAT, chinaDate, dateTime, fromPickerValue, toPickerValue } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { inkVar } from '../../theme';
import { type ElderChoice, ElderPicker } from './marks';
import { useVisitsCloseSpecial, useVisitsReportSpecial, useVisitsSpecialReports } from './queries';

const pickerProps = { size: 'lg' as const, valueFormat: DATE_TIME_FORMAT, withSeconds: false, timePickerProps: { format: '24h' as const } };
/** Closed reports shown before 显示全部: the open ones are what matters. */
const FIRST_CLOSED = 10;
const REPORT_FIELDS = ['elderId', 'foundAt', 'situation', 'actions', 'reportedTo', 'reportedAt'];

function ReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const now = new Date().toISOString();
  const [elder, setElder] = useState<ElderChoice | null>(null);
  const [v, setV] = useState({ foundAt: toPickerValue(now), situation: '', actions: '', reportedTo: '', reportedAt: null as string | null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const report = useVisitsReportSpecial({ successMessage: t('visits.reported'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), REPORT_FIELDS.includes(f)) });
  const submit = () =>
    elder
      ? report.mutate({ elderId: elder.id, foundAt: fromPickerValue(v.foundAt), situation: v.situation, actions: v.actions, reportedTo: v.reportedTo, reportedAt: v.reportedAt ? fromPickerValue(v.reportedAt) : null })
      : setErrors({ elderId: t('visits.elderSearch') });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('visits.reportTitle')}>
      <Stack>
        <Text>{t('visits.specialIntro')}</Text>
        <ElderPicker size="lg" label={t('visits.elder')} withAsterisk value={elder} onChange={setElder} error={errors.elderId} data-autofocus />
        <DateTimePicker {...pickerProps} label={t('visits.foundAt')} withAsterisk maxDate={chinaDate(now)} value={v.foundAt} onChange={(x) => x && setV({ ...v, foundAt: x })} error={errors.foundAt} />
        <Textarea size="lg" autosize minRows={2} label={t('visits.situation')} withAsterisk value={v.situation} onChange={(e) => setV({ ...v, situation: e.currentTarget.value })} error={errors.situation} />
        <Textarea size="lg" autosize minRows={2} label={t('visits.actions')} withAsterisk value={v.actions} onChange={(e) => setV({ ...v, actions: e.currentTarget.value })} error={errors.actions} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="lg" label={t('visits.reportedTo')} withAsterisk value={v.reportedTo} onChange={(e) => setV({ ...v, reportedTo: e.currentTarget.value })} error={errors.reportedTo} />
          <DateTimePicker {...pickerProps} label={t('visits.reportedAt')} clearable maxDate={chinaDate(now)} value={v.reportedAt} onChange={(x) => setV({ ...v, reportedAt: x || null })} error={errors.reportedAt} />
        </SimpleGrid>
        <Button size="xl" color="danger" loading={report.isPending} onClick={submit}>
          {t('visits.report')}
        </Button>
      </Stack>
    </Modal>
  );
}

function CloseModal({ row, onClose }: { row: SpecialRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = useVisitsCloseSpecial({ successMessage: t('visits.specialClosedSaved'), onSuccess: onClose, onFieldError: (f, m) => (setError(m), f === 'outcome') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('visits.closeSpecialTitle', { elder: row.elder })}>
      <Stack>
        <Text size="lg">{row.situation}</Text>
        <Textarea size="lg" autosize minRows={3} label={t('visits.outcome')} withAsterisk value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} error={error} data-autofocus />
        <Button size="xl" loading={close.isPending} onClick={() => close.mutate({ id: row.id, outcome })}>
          {t('visits.closeSpecial')}
        </Button>
      </Stack>
    </Modal>
  );
}

function Report({ r, onClose }: { r: SpecialRow; onClose?: () => void }) {
  const { t } = useTranslation();
  const open = r.closedAt === null;
  return (
    <Card withBorder padding="sm" data-testid="special-report" style={open ? { borderColor: inkVar('danger'), borderWidth: 2 } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Text size="lg" fw={700} c={open ? 'danger' : undefined}>
            {r.elder}（{r.village}）：{r.situation}
          </Text>
          <Text>{t('visits.reportedLine', { at: dateTime(r.foundAt), to: r.reportedTo, when: r.reportedAt ? t('visits.reportedWhen', { at: dateTime(r.reportedAt) }) : '', by: r.reportedBy })}</Text>
          <Text>{t('visits.actionsLine', { actions: r.actions })}</Text>
          {r.closedAt && <Text fw={700}>{t('visits.outcomeLine', { at: dateTime(r.closedAt), by: r.closedBy ?? '', outcome: r.outcome ?? '' })}</Text>}
        </Stack>
        {open && onClose && (
          <Button size="lg" onClick={onClose} aria-label={`${t('visits.closeSpecial')} ${r.elder}`}>
            {t('visits.closeSpecial')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

export function SpecialTab() {
  const { t } = useTranslation();
  const all = useVisitsSpecialReports({ status: 'all' });
  const mayReport = useMayCall('visits.reportSpecial');
  const mayClose = useMayCall('visits.closeSpecial');
  const [reporting, setReporting] = useState(false);
  const [closing, setClosing] = useState<SpecialRow | null>(null);
  const [allClosed, setAllClosed] = useState(false);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('visits.specialTitle')}</Title>
        {mayReport && (
          <Button size="lg" color="danger" onClick={() => setReporting(true)}>
            {t('visits.report')}
          </Button>
        )}
      </Group>
      <QueryView query={all}>
        {(rows) => {
          const open = rows.filter((r) => r.closedAt === null);
          const closed = rows.filter((r) => r.closedAt !== null);
          return (
            <>
              <ListCard title={t('visits.specialOpen')} rows={open} empty={t('visits.specialOpenEmpty')} plainEmpty data-testid="special-open">
                <Stack gap="xs">
                  {open.map((r) => (
                    <Report key={r.id} r={r} onClose={mayClose ? () => setClosing(r) : undefined} />
                  ))}
                </Stack>
              </ListCard>
              <ListCard title={t('visits.specialClosed')} rows={closed} empty={t('visits.specialClosedEmpty')} plainEmpty data-testid="special-closed">
                <Stack gap="xs">
                  {(allClosed ? closed : closed.slice(0, FIRST_CLOSED)).map((r) => (
                    <Report key={r.id} r={r} />
                  ))}
                </Stack>
                {!allClosed && closed.length > FIRST_CLOSED && (
                  <Button variant="subtle" mt="xs" onClick={() => setAllClosed(true)}>
                    {t('visits.showAllClosed', { n: closed.length })}
                  </Button>
                )}
              </ListCard>
            </>
          );
        }}
      </QueryView>
      {reporting && <ReportModal onClose={() => setReporting(false)} />}
      {closing && <CloseModal row={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}
