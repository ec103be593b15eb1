// 员工档案: the staff register — who works here, certificates and health certificates (expiring ones first),
// training records, and the account each person signs in with.
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffInput, type StaffRow, TrainingInput } from '@shared/api/staff';
import { CERT_LEVELS, STAFF_ROLES } from '@shared/domain/care/vocab';
import { zodValidate } from '../../api/zod-form';
import { ListCard, ListTable } from '../../components/ListCard';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { ResetPinModal } from '../users/ResetPinModal';
import { NewPersonModal } from './NewPersonForm';
import { useStaffAddTraining, useStaffExpiring, useStaffList, useStaffSave } from './queries';
import { useUsersList } from '../users/queries';

export function ExpiringCertificates() {
  const { t } = useTranslation();
  const expiring = useStaffExpiring();
  return (
    <QueryView query={expiring}>
      {(expiringData) => {
      return (
        <ListCard title={t('staff.expiring')} rows={expiringData} empty={t('staff.expiringEmpty')} plainEmpty>
          <Stack gap={6} data-testid="expiring-certificates">
            {expiringData.map((e) => (
              <Group key={`${e.staffId}-${e.what}`} gap="sm">
                <Text fw={700}>{e.name}</Text>
                <Text>{t(`staff.certKind.${e.what}`)}</Text>
                <Badge color={e.expired ? 'danger' : 'warning'} variant="filled">
                  {e.expired ? `${t('staff.expired')} ${e.expiresOn}` : t('staff.expiresOn', { date: e.expiresOn })}
                </Badge>
              </Group>
            ))}
          </Stack>
        </ListCard>
      );
      }}
    </QueryView>
  );
}

type StaffForm = {
  id?: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  phone: string;
  idNumber: string;
  hireDate: string | null;
  certLevel: (typeof CERT_LEVELS)[number];
  certExpiry: string | null;
  healthCertExpiry: string | null;
  leftOn: string | null;
  userId: string | null;
  note: string;
};

/** Editing a person on the register (a new person is NewPersonModal: the person and their PIN in one form). */
function StaffModal({ person, onClose }: { person: StaffRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUsersList();
  const form = useForm<StaffForm>({
    initialValues: person
      ? {
          id: person.id,
          name: person.name,
          role: person.role,
          phone: person.phone,
          idNumber: '',
          hireDate: person.hireDate,
          certLevel: person.certLevel,
          certExpiry: person.certExpiry,
          healthCertExpiry: person.healthCertExpiry,
          leftOn: person.leftOn,
          userId: person.userId,
          note: person.note,
        }
      : { name: '', role: 'caregiver', phone: '', idNumber: '', hireDate: null, certLevel: 'none', certExpiry: null, healthCertExpiry: null, leftOn: null, userId: null, note: '' },
    validate: (v) => zodValidate(StaffInput)({ ...v, idNumber: v.idNumber || '' }),
  });
  const save = useStaffSave({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const submit = (v: StaffForm) => {
    const { idNumber, ...rest } = v;
    // An edit without a newly typed ID number keeps the one on file.
    save.mutate({ ...rest, hireDate: v.hireDate ?? '', ...(idNumber || !person ? { idNumber } : {}) } as Parameters<typeof save.mutate>[0]);
  };
  const accounts = (users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  return (
    <Modal opened onClose={onClose} title={person ? `${t('staff.edit')}：${person.name}` : t('staff.add')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('staff.name')} withAsterisk {...form.getInputProps('name')} />
          <Select label={t('staff.role')} withAsterisk allowDeselect={false} data={STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.staffRole.${r}`) }))} {...form.getInputProps('role')} />
          <TextInput label={t('staff.phone')} inputMode="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('staff.idNumber')} placeholder={person?.idNumberMasked || ''} {...form.getInputProps('idNumber')} />
          <DateInput label={t('staff.hireDate')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('hireDate')} />
          <Select label={t('staff.certLevel')} allowDeselect={false} data={CERT_LEVELS.map((c) => ({ value: c, label: t(`enums.certLevel.${c}`) }))} {...form.getInputProps('certLevel')} />
          <DateInput label={t('staff.certExpiry')} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('certExpiry')} />
          <DateInput label={t('staff.healthCertExpiry')} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('healthCertExpiry')} />
          <Select label={t('staff.account')} description={t('staff.accountHint')} clearable placeholder={t('staff.noAccount')} data={accounts} {...form.getInputProps('userId')} />
          <DateInput label={t('staff.leftOn')} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('leftOn')} />
        </SimpleGrid>
        <Textarea mt="sm" label={t('staff.note')} {...form.getInputProps('note')} />
        <Button type="submit" mt="md" loading={save.isPending}>
          {t('app.save')}
        </Button>
      </form>
      {person && <TrainingSection person={person} />}
    </Modal>
  );
}

function TrainingSection({ person }: { person: StaffRow }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { staffId: person.id, date: null as string | null, topic: '', hours: 2 as number | string, provider: '' }, validate: zodValidate(TrainingInput) });
  const add = useStaffAddTraining({ successMessage: t('app.saved'), onSuccess: () => form.reset(), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Stack mt="lg">
      <Title order={3} size="h4">
        {t('staff.training')}
      </Title>
      {person.training.length === 0 ? (
        <Text>{t('staff.noTraining')}</Text>
      ) : (
        <Table fz="md">
          <Table.Tbody>
            {person.training.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.date}</Table.Td>
                <Table.Td>{x.topic}</Table.Td>
                <Table.Td>{x.hours} 学时</Table.Td>
                <Table.Td>{x.provider}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={form.onSubmit((v) => add.mutate({ ...v, date: v.date ?? '', hours: Number(v.hours) }))} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <DateInput label={t('staff.trainingDate')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('date')} />
          <TextInput label={t('staff.topic')} withAsterisk {...form.getInputProps('topic')} />
          <NumberInput label={t('staff.hours')} min={0.5} step={0.5} {...form.getInputProps('hours')} />
          <TextInput label={t('staff.provider')} {...form.getInputProps('provider')} />
        </SimpleGrid>
        <Button type="submit" mt="sm" variant="outline" loading={add.isPending}>
          {t('staff.addTraining')}
        </Button>
      </form>
    </Stack>
  );
}

export function StaffPage() {
  const { t } = useTranslation();
  const [includeLeft, setIncludeLeft] = useState(false);
  const staff = useStaffList({ includeLeft });
  const mayEdit = useMayCall('staff.save');
  const mayResetPin = useMayCall('users.resetPin');
  const [resetting, setResetting] = useState<{ id: string; name: string } | null>(null);
  const [editing, setEditing] = useState<StaffRow | 'new' | null>(null);
  const [query, setQuery] = useState('');
  return (
    <QueryView query={staff}>
      {(staffData) => {
      const q = query.trim();
      const rows = staffData.filter((p) => !q || p.name.includes(q) || t(`enums.staffRole.${p.role}`).includes(q) || p.phone.includes(q));
      return (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('staff.title')}</Title>
            {mayEdit && (
              <Button size="lg" onClick={() => setEditing('new')}>
                {t('staff.add')}
              </Button>
            )}
          </Group>
          <ExpiringCertificates />
          <Group>
            <TextInput size="lg" style={{ flex: 1 }} aria-label={t('staff.search')} placeholder={t('staff.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <Checkbox label={t('staff.showLeft')} checked={includeLeft} onChange={(e) => setIncludeLeft(e.currentTarget.checked)} />
          </Group>
          {staffData.length === 0 ? (
            <EmptyState action={mayEdit && <Button onClick={() => setEditing('new')}>{t('staff.add')}</Button>}>{t('staff.empty')}</EmptyState>
          ) : rows.length === 0 ? (
            <EmptyState>{t('staff.noMatch')}</EmptyState>
          ) : (
            // Nine columns: on a narrow screen the table scrolls in its own box instead of breaking names per character.
            <ListTable
              minWidth={960}
              nowrap
              heads={[t('staff.name'), t('staff.role'), t('staff.phone'), t('staff.certLevel'), t('staff.certExpiry'), t('staff.healthCertExpiry'), t('staff.account'), t('staff.status'), (mayEdit || mayResetPin) && t('app.edit')]}
            >
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{t(`enums.staffRole.${p.role}`)}</Table.Td>
                  <Table.Td>{p.phone || '—'}</Table.Td>
                  <Table.Td>{t(`enums.certLevel.${p.certLevel}`)}</Table.Td>
                  <Table.Td>{p.certExpiry ?? '—'}</Table.Td>
                  <Table.Td>{p.healthCertExpiry ?? '—'}</Table.Td>
                  <Table.Td>{p.userName ?? t('staff.noAccount')}</Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? 'ok' : 'muted'} variant="filled">
                      {p.active ? t('staff.active') : t('staff.left')}
                    </Badge>
                  </Table.Td>
                  {(mayEdit || mayResetPin) && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {mayEdit && (
                          <Button variant="subtle" onClick={() => setEditing(p)} aria-label={`${t('app.edit')} ${p.name}`}>
                            {t('app.edit')}
                          </Button>
                        )}
                        {mayResetPin && p.userId && (
                          <Button variant="subtle" onClick={() => setResetting({ id: p.userId!, name: p.name })} aria-label={`${t('people.resetPin')} ${p.name}`}>
                            {t('people.resetPin')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          )}
          {editing === 'new' && <NewPersonModal onClose={() => setEditing(null)} />}
          {editing && editing !== 'new' && <StaffModal person={editing} onClose={() => setEditing(null)} />}
          {resetting && <ResetPinModal account={resetting} onClose={() => setResetting(null)} />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
