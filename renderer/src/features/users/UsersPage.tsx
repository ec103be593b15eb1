// 账号管理: who may use the system, in which role; password accounts get a temporary password they must change; a
// PIN-only person can be given a login name and password later; a forgotten PIN is reset here too.
import { Badge, Button, Card, Checkbox, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTY_ROLES, ROLES } from '@shared/api/roles';
import { CreateUserInput, type UserRow } from '@shared/api/users';
import { zodValidate } from '../../api/zod-form';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { ResetPinModal } from './ResetPinModal';
import { dateTime } from '../../components/time';
import { useUsersCreate, useUsersList, useUsersResetPassword, useUsersUpdate } from './queries';
import { useSystemInfo } from '../../shell/queries';

/** The roles this PC gives: a centre's staff, or (in county mode) the county's. */
function useRoleOptions() {
  const { t } = useTranslation();
  const county = useSystemInfo().data?.mode === 'county';
  return ROLES.filter((r) => COUNTY_ROLES.includes(r) === county).map((r) => ({ value: r, label: t(`enums.role.${r}`) }));
}

function CreateUserForm() {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const form = useForm({
    initialValues: { username: '', displayName: '', role: roles[roles.length - 1]?.value ?? ('caregiver' as (typeof ROLES)[number]), password: '', pin: '' },
    validate: (v) => zodValidate(CreateUserInput)({ ...v, pin: v.pin || null }),
  });
  const create = useUsersCreate({
    successMessage: t('app.saved'),
    onSuccess: () => form.reset(),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate({ ...v, pin: v.pin || null }))} noValidate>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={t('users.displayName')} withAsterisk {...form.getInputProps('displayName')} />
        <TextInput label={t('users.username')} withAsterisk {...form.getInputProps('username')} />
        <Select label={t('users.role')} withAsterisk allowDeselect={false} data={roles} {...form.getInputProps('role')} />
        <PasswordInput size="md" label={t('users.tempPassword')} description={t('users.tempPasswordHint')} withAsterisk {...form.getInputProps('password')} />
        <TextInput label={t('users.pin')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
      </SimpleGrid>
      <Button type="submit" mt="md" loading={create.isPending}>
        {t('users.add')}
      </Button>
    </form>
  );
}

function EditUserModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const form = useForm({ initialValues: { id: user.id, displayName: user.displayName, role: user.role, disabled: user.disabled } });
  const reset = useForm({ initialValues: { password: '', username: '' } });
  const [resettingPin, setResettingPin] = useState(false);
  const update = useUsersUpdate({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const resetPassword = useUsersResetPassword({
    successMessage: t('users.resetDone', { name: user.displayName }),
    onSuccess: onClose,
    onFieldError: (f, m) => (reset.setFieldError(f === 'username' ? 'username' : 'password', m), true),
  });
  if (resettingPin) return <ResetPinModal account={{ id: user.id, name: user.displayName }} onClose={onClose} />;
  return (
    <Modal opened onClose={onClose} title={`${t('users.edit')}：${user.displayName}`} size="lg">
      <Stack>
        <form onSubmit={form.onSubmit((v) => update.mutate(v))} noValidate>
          <Stack>
            <TextInput label={t('users.displayName')} {...form.getInputProps('displayName')} />
            <Select label={t('users.role')} allowDeselect={false} data={roles} {...form.getInputProps('role')} />
            <Checkbox label={t('users.disable')} {...form.getInputProps('disabled', { type: 'checkbox' })} />
            <Button type="submit" loading={update.isPending}>
              {t('app.save')}
            </Button>
          </Stack>
        </form>
        <form onSubmit={reset.onSubmit((v) => resetPassword.mutate({ id: user.id, password: v.password, username: user.username ? null : v.username }))} noValidate>
          {!user.username && <Text mb="xs">{t('people.addLoginHint')}</Text>}
          <Group align="end">
            {!user.username && <TextInput label={t('people.username')} {...reset.getInputProps('username')} />}
            <PasswordInput size="md" label={t('users.tempPassword')} description={t('users.tempPasswordHint')} {...reset.getInputProps('password')} />
            <Button type="submit" variant="outline" color="red.9" loading={resetPassword.isPending}>
              {user.username ? t('users.resetPassword') : t('people.addLogin')}
            </Button>
          </Group>
        </form>
        <Group>
          <Button variant="outline" onClick={() => setResettingPin(true)}>
            {t('people.resetPin')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsersList();
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [query, setQuery] = useState('');
  return (
    <QueryView query={users}>
      {(usersData) => {
      const q = query.trim().toLowerCase();
      const rows = usersData.filter((u) => !q || u.displayName.includes(query.trim()) || (u.username ?? '').toLowerCase().includes(q));
      return (
        <Stack>
          <Title order={2}>{t('users.title')}</Title>
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="md">
              {t('users.add')}
            </Title>
            <Text mb="sm">{t('people.floorStaffGoToRegister')}</Text>
            <CreateUserForm />
          </Card>
          <TextInput size="lg" aria-label={t('users.search')} placeholder={t('users.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
          {rows.length === 0 ? (
            <EmptyState>{t('users.empty')}</EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={760} type="native">
              <Table striped fz="md" verticalSpacing="sm" style={{ whiteSpace: 'nowrap' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.displayName')}</Table.Th>
                    <Table.Th>{t('users.username')}</Table.Th>
                    <Table.Th>{t('users.role')}</Table.Th>
                    <Table.Th>{t('users.status')}</Table.Th>
                    <Table.Th>PIN</Table.Th>
                    <Table.Th>{t('users.lastSignIn')}</Table.Th>
                    <Table.Th>{t('users.edit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>{u.displayName}</Table.Td>
                      <Table.Td>{u.username ?? t('people.pinOnly')}</Table.Td>
                      <Table.Td>{t(`enums.role.${u.role}`)}</Table.Td>
                      <Table.Td>
                        <Badge color={u.disabled ? 'muted' : u.lockedUntil ? 'danger' : 'ok'} variant="filled">
                          {u.disabled ? t('users.disabled') : u.lockedUntil ? t('users.lockedOut') : t('users.active')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{u.hasPin ? t('users.hasPin') : t('users.noPin')}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{u.lastSignInAt ? dateTime(u.lastSignInAt) : t('users.never')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Button variant="subtle" onClick={() => setEditing(u)} aria-label={`${t('users.edit')} ${u.displayName}`}>
                          {t('users.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
