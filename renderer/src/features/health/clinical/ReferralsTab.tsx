// 转诊就医: residents sent to a hospital. Open ones first, longest away first, with the days away and the resident's
// status as the residents module has it (住院 itself is recorded there, as leave and return); closed ones with the
// outcome and a short discharge summary. A keeper records a referral and, later, its outcome.
import { Badge, Button, Card, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CLOSING_OUTCOMES, type ReferralRow } from '@shared/api/health-clinical';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { ResidentPicker } from '../../residents/ResidentPicker';
import { useCloseReferral, useReferResident, useReferrals } from './queries';

type Status = 'open' | 'closed' | 'all';

function fieldErrors(fields: string[], set: (e: Record<string, string>) => void) {
  return (field: string, message: string) => {
    if (!fields.includes(field)) return false;
    set({ [field]: message });
    return true;
  };
}

function ReferModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [residentId, setResident] = useState<string | null>(null);
  const [referredOn, setReferredOn] = useState(today);
  const [hospital, setHospital] = useState('');
  const [reason, setReason] = useState('');
  const [escortedBy, setEscortedBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refer = useReferResident({ successMessage: t('health.clinical.referrals.saved'), onSuccess: onClose, onFieldError: fieldErrors(['residentId', 'referredOn', 'hospital', 'reason', 'escortedBy'], setErrors) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('health.clinical.referrals.formTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          refer.mutate({ residentId: residentId ?? '', referredOn, hospital, reason, escortedBy });
        }}
      >
        <Stack>
          <ResidentPicker label={t('health.clinical.resident')} value={residentId} onChange={setResident} error={errors.residentId} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput size="lg" label={t('health.clinical.referrals.referredOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} value={referredOn} onChange={(v) => v && setReferredOn(v)} error={errors.referredOn} />
            <TextInput size="lg" label={t('health.clinical.referrals.hospital')} withAsterisk value={hospital} onChange={(e) => setHospital(e.currentTarget.value)} error={errors.hospital} />
          </SimpleGrid>
          <Textarea size="lg" autosize minRows={2} label={t('health.clinical.referrals.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
          <TextInput size="lg" label={t('health.clinical.referrals.escortedBy')} value={escortedBy} onChange={(e) => setEscortedBy(e.currentTarget.value)} error={errors.escortedBy} />
          <Text size="sm" c="dimmed">
            {t('health.clinical.referrals.statusHint')}
          </Text>
          <ModalButtons pending={refer.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function CloseModal({ referral, today, onClose }: { referral: ReferralRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<(typeof CLOSING_OUTCOMES)[number]>('returned');
  const [closedOn, setClosedOn] = useState(today);
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = useCloseReferral({ successMessage: t('health.clinical.referrals.closedSaved'), onSuccess: onClose, onFieldError: fieldErrors(['outcome', 'closedOn', 'summary'], setErrors) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('health.clinical.referrals.closeTitle', { name: referral.name, hospital: referral.hospital })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          close.mutate({ id: referral.id, outcome, closedOn, summary });
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              size="lg"
              label={t('health.clinical.referrals.outcome')}
              withAsterisk
              allowDeselect={false}
              data={CLOSING_OUTCOMES.map((o) => ({ value: o, label: t(`enums.referralOutcome.${o}`) }))}
              value={outcome}
              onChange={(v) => v && setOutcome(v as (typeof CLOSING_OUTCOMES)[number])}
              error={errors.outcome}
            />
            <DateInput size="lg" label={t('health.clinical.referrals.closedOn')} withAsterisk valueFormat="YYYY-MM-DD" minDate={referral.referredOn} maxDate={today} value={closedOn} onChange={(v) => v && setClosedOn(v)} error={errors.closedOn} />
          </SimpleGrid>
          <Textarea size="lg" autosize minRows={3} label={t('health.clinical.referrals.summary')} placeholder={t('health.clinical.referrals.summaryHint')} withAsterisk value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} data-autofocus />
          <ModalButtons pending={close.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ReferralsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayRecord = useMayCall('health.referResident');
  const [status, setStatus] = useState<Status>('open');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<ReferralRow | null>(null);
  const list = useReferrals({ status, search: typed });
  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text fw={500} mb={4}>
              {t('health.clinical.referrals.statusLabel')}
            </Text>
            <SegmentedControl size="lg" value={status} onChange={(v) => setStatus(v as Status)} data={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`health.clinical.referrals.status.${s}`) }))} />
          </div>
          <TextInput size="lg" label={t('health.clinical.search')} placeholder={t('health.clinical.referrals.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </SimpleGrid>
        {mayRecord && (
          <Group mt="sm">
            <Button size="lg" onClick={() => setAdding(true)}>
              {t('health.clinical.referrals.add')}
            </Button>
          </Group>
        )}
      </Card>
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('health.clinical.referrals.title')} rows={rows} empty={typed ? t('health.clinical.referrals.noneFound', { search: typed }) : t(`health.clinical.referrals.empty.${status}`)}>
            <ListTable
              minWidth={600}
              testId="referral-list"
              heads={[t('health.clinical.resident'), t('health.clinical.referrals.referral'), t('health.clinical.referrals.reason'), t('health.clinical.referrals.outcome'), '']}
            >
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text fw={700} component={Link} to={`/residents/${r.residentId}`} c="inherit">
                      {r.name}
                    </Text>
                    {r.bedLabel && <Text size="sm">{r.bedLabel}</Text>}
                    <Text size="sm" c="dimmed">
                      {t(`enums.residentStatus.${r.residentStatus}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text style={{ whiteSpace: 'nowrap' }}>{r.referredOn}</Text>
                    {r.hospital}
                    {r.escortedBy && <Text size="sm">{`${t('health.clinical.referrals.escortedBy')}：${r.escortedBy}`}</Text>}
                  </Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={r.outcome === 'open' ? 'orange' : r.outcome === 'died' ? 'gray' : 'teal'}>{t(`enums.referralOutcome.${r.outcome}`)}</Badge>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t('health.clinical.referrals.daysText', { n: r.daysAway })}
                      </Text>
                    </Group>
                    {r.closedOn && <Text size="sm">{r.closedOn}</Text>}
                    {r.summary && <Text size="sm">{r.summary}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {mayRecord && r.outcome === 'open' && (
                      <Button size="md" variant="light" onClick={() => setClosing(r)}>
                        {t('health.clinical.referrals.close')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {adding && <ReferModal today={today} onClose={() => setAdding(false)} />}
      {closing && <CloseModal referral={closing} today={today} onClose={() => setClosing(null)} />}
    </Stack>
  );
}
