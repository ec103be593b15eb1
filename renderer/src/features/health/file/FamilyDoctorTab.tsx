// 家庭医生: the residents' family-doctor contracts (doctor, team, institution, phone, period), those ending within 30
// days first, then who has none — older people, the disabled and 低保 are the programme's priority groups. Those who
// keep the health file record a contract or end one early with its reason.
import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyDoctorRow, FamilyDoctorState } from '@shared/api/health-file';
import { addDays, addYears } from '@shared/domain/dates';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { ResidentPicker } from '../../residents/ResidentPicker';
import { useHealthEndFamilyDoctor, useHealthFamilyDoctors, useHealthSaveFamilyDoctor } from './queries';

export const STATE_COLOURS: Record<FamilyDoctorState, string> = { current: 'green.9', expiring: 'warning', expired: 'danger', ended: 'gray.7', future: 'blue.9' };

function ContractModal({ today, resident, onClose }: { today: string; resident: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      residentId: resident?.id ?? (null as string | null),
      doctor: '',
      team: '',
      institution: '',
      phone: '',
      signedOn: today as string | null,
      validFrom: today as string | null,
      validTo: addDays(addYears(today, 1), -1) as string | null,
    },
  });
  const save = useHealthSaveFamilyDoctor({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} size="xl" title={resident ? t('health.file.doctor.addFor', { name: resident.name }) : t('health.file.doctor.add')}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => save.mutate({ ...v, residentId: v.residentId ?? '', signedOn: v.signedOn ?? '', validFrom: v.validFrom ?? '', validTo: v.validTo ?? '' }))}
      >
        <Stack>
          {resident === null && (
            <ResidentPicker label={t('health.file.resident')} value={form.values.residentId} onChange={(id) => form.setFieldValue('residentId', id)} error={form.errors.residentId as string | undefined} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={t('health.file.doctor.doctor')} withAsterisk {...form.getInputProps('doctor')} />
            <TextInput size="lg" label={t('health.file.doctor.team')} {...form.getInputProps('team')} />
            <TextInput size="lg" label={t('health.file.doctor.institution')} placeholder={t('health.file.checkup.institutionHint')} {...form.getInputProps('institution')} />
            <TextInput size="lg" label={t('health.file.doctor.phone')} inputMode="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateInput size="lg" label={t('health.file.doctor.signedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('signedOn')} />
            <DateInput size="lg" label={t('health.file.doctor.validFrom')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('validFrom')} />
            <DateInput size="lg" label={t('health.file.doctor.validTo')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('validTo')} />
          </SimpleGrid>
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function EndModal({ today, row, onClose }: { today: string; row: FamilyDoctorRow; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { endedOn: today as string | null, reason: '' } });
  const end = useHealthEndFamilyDoctor({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('health.file.doctor.endTitle', { name: row.resident, doctor: row.doctor })}>
      <form noValidate onSubmit={form.onSubmit((v) => end.mutate({ id: row.id, endedOn: v.endedOn ?? '', reason: v.reason }))}>
        <Stack>
          <Text>{t('health.file.doctor.endHint')}</Text>
          <DateInput size="lg" label={t('health.file.doctor.endedOn')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('endedOn')} />
          <TextInput size="lg" label={t('health.file.doctor.endReason')} withAsterisk {...form.getInputProps('reason')} />
          <ModalButtons pending={end.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function FamilyDoctorTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayWrite = useMayCall('health.saveFamilyDoctor');
  const list = useHealthFamilyDoctors({});
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState<{ id: string; name: string } | null | false>(false);
  const [ending, setEnding] = useState<FamilyDoctorRow | null>(null);
  const match = (...texts: (string | null)[]) => search === '' || texts.some((x) => (x ?? '').includes(search));
  return (
    <Stack>
      <Group align="end">
        {mayWrite && (
          <Button size="lg" onClick={() => setAdding(null)}>
            {t('health.file.doctor.add')}
          </Button>
        )}
        <TextInput size="lg" label={t('health.file.search')} placeholder={t('health.file.doctor.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      </Group>
      <QueryView query={list}>
        {(l) => {
          const contracts = l.contracts.filter((c) => match(c.resident, c.doctor, c.institution, c.team));
          const without = l.without.filter((w) => match(w.name, w.bedLabel));
          return (
            <>
              <Text data-testid="doctor-totals">{t('health.file.doctor.totals', l.totals)}</Text>
              <ListCard title={t('health.file.doctor.withoutTitle')} rows={without} empty={t('health.file.doctor.allSigned')} plainEmpty>
                <Group gap="xs" data-testid="doctor-without">
                  {without.map((w) =>
                    mayWrite ? (
                      <Button key={w.residentId} size="md" variant="light" h="auto" py={6} maw="100%" styles={{ label: { whiteSpace: 'normal' } }} onClick={() => setAdding({ id: w.residentId, name: w.name })}>
                        {w.name}
                        {w.bedLabel ? ` ${w.bedLabel}` : ''}
                      </Button>
                    ) : (
                      <Badge key={w.residentId} size="lg" variant="light">
                        {w.name}
                      </Badge>
                    ),
                  )}
                </Group>
              </ListCard>
              <ListCard title={t('health.file.doctor.listTitle')} rows={contracts} empty={t('health.file.doctor.empty')}>
                <ListTable heads={[t('health.file.resident'), t('health.file.doctor.doctor'), t('health.file.doctor.institution'), t('health.file.doctor.period'), t('health.file.doctor.state'), '']} minWidth={760} testId="doctor-list">
                  {contracts.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {c.resident}
                        <Text size="sm" c="dimmed">
                          {c.bedLabel ?? ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {c.doctor}
                        <Text size="sm" c="dimmed">
                          {[c.team, c.phone].filter(Boolean).join(' ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.institution || '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {c.validFrom} 至 {c.validTo}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="lg" color={STATE_COLOURS[c.state]} variant="light">
                          {t(`health.file.doctor.states.${c.state}`)}
                        </Badge>
                        {c.endedOn && <Text size="sm">{t('health.file.doctor.endedBecause', { on: c.endedOn, reason: c.endReason ?? '' })}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {mayWrite && (c.state === 'current' || c.state === 'expiring' || c.state === 'future') && (
                          <Anchor component="button" type="button" onClick={() => setEnding(c)}>
                            {t('health.file.doctor.end')}
                          </Anchor>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </ListTable>
              </ListCard>
            </>
          );
        }}
      </QueryView>
      {adding !== false && <ContractModal today={today} resident={adding} onClose={() => setAdding(false)} />}
      {ending && <EndModal today={today} row={ending} onClose={() => setEnding(null)} />}
    </Stack>
  );
}
