// 添加员工 in one form: the person (staff register), how they sign in — a 6-digit PIN with their role (a login name and
// password only if wanted), an account that already exists, or not at all — saved in one transaction.
import { Button, Checkbox, Input, Modal, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTY_ROLES, ROLES, type Role } from '@shared/api/roles';
import { DEFAULT_ACCOUNT_ROLE, HireInput, StaffInput } from '@shared/api/staff';
import { CERT_LEVELS, STAFF_ROLES, type StaffRole } from '@shared/domain/care/vocab';
import { zodValidate } from '../../api/zod-form';
import { notifySuccess } from '../../components/notify';
import { useStaffHire, useStaffSave } from './queries';
import { useUsersList } from '../users/queries';
import { useSystemInfo } from '../../shell/queries';

type SignInWay = 'pin' | 'existing' | 'none';

interface Values {
  name: string;
  role: StaffRole;
  phone: string;
  idNumber: string;
  hireDate: string | null;
  certLevel: (typeof CERT_LEVELS)[number];
  certExpiry: string | null;
  healthCertExpiry: string | null;
  note: string;
  way: SignInWay;
  accountRole: Role;
  pin: string;
  wantsPassword: boolean;
  username: string;
  password: string;
  userId: string | null;
}

const person = (v: Values) => ({
  name: v.name,
  role: v.role,
  phone: v.phone,
  idNumber: v.idNumber,
  hireDate: v.hireDate ?? '',
  certLevel: v.certLevel,
  certExpiry: v.certExpiry,
  healthCertExpiry: v.healthCertExpiry,
  note: v.note,
});
const hireInput = (v: Values) => ({
  ...person(v),
  accountRole: v.way === 'pin' ? v.accountRole : null,
  pin: v.way === 'pin' ? v.pin || null : null,
  username: v.way === 'pin' && v.wantsPassword ? v.username || null : null,
  password: v.way === 'pin' && v.wantsPassword ? v.password || null : null,
});
const saveInput = (v: Values) => ({ ...person(v), leftOn: null, userId: v.userId });

export function NewPersonModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUsersList();
  // 入职日期 starts at the server's today: this PC's own clock may be wrong.
  const today = useSystemInfo().data?.today ?? null;
  const form = useForm<Values>({
    initialValues: {
      name: '',
      role: 'caregiver',
      phone: '',
      idNumber: '',
      hireDate: today,
      certLevel: 'none',
      certExpiry: null,
      healthCertExpiry: null,
      note: '',
      way: 'pin',
      accountRole: 'caregiver',
      pin: '',
      wantsPassword: false,
      username: '',
      password: '',
      userId: null,
    },
    validate: (v) => (v.way === 'existing' ? zodValidate(StaffInput)(saveInput(v)) : zodValidate(HireInput)(hireInput(v))),
  });
  // If the server's answer arrives after the form opened, it fills an empty date only (never one already picked).
  useEffect(() => {
    if (today && form.getValues().hireDate === null) form.setFieldValue('hireDate', today);
    // Only when the answer arrives; `form` is a new object on every render.
  }, [today]);
  const done = (name: string, withAccount: boolean) => {
    notifySuccess(withAccount ? t('people.created', { name }) : t('people.createdNoAccount', { name }));
    onClose();
  };
  const onFieldError = (f: string, m: string) => (form.setFieldError(f, m), true);
  const hire = useStaffHire({ onSuccess: (r) => done(form.values.name, r.userId !== null), onFieldError });
  const save = useStaffSave({ onSuccess: () => done(form.values.name, true), onFieldError });
  const submit = (v: Values) => (v.way === 'existing' ? save.mutate(saveInput(v)) : hire.mutate(hireInput(v)));

  // The post suggests the role and whether the person signs in at all (a cleaner does not).
  const onPost = (post: string | null) => {
    if (!post) return;
    const role = DEFAULT_ACCOUNT_ROLE[post as StaffRole];
    form.setValues({ role: post as StaffRole, accountRole: role ?? 'caregiver', way: role ? (form.values.way === 'none' ? 'pin' : form.values.way) : 'none', wantsPassword: role === 'admin' || form.values.wantsPassword });
  };
  const roles = ROLES.filter((r) => !COUNTY_ROLES.includes(r)).map((r) => ({ value: r, label: t(`enums.role.${r}`) }));
  const free = (users.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.username ? `${u.displayName}（${u.username}）` : u.displayName }));
  const v = form.values;
  return (
    <Modal opened onClose={onClose} title={t('people.newPerson')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Text>{t('people.newPersonIntro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('staff.name')} withAsterisk {...form.getInputProps('name')} />
            <Select label={t('staff.role')} withAsterisk allowDeselect={false} data={STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.staffRole.${r}`) }))} {...form.getInputProps('role')} onChange={onPost} />
            <TextInput label={t('staff.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('staff.idNumber')} {...form.getInputProps('idNumber')} />
            <DateInput label={t('staff.hireDate')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('hireDate')} />
            <Select label={t('staff.certLevel')} allowDeselect={false} data={CERT_LEVELS.map((c) => ({ value: c, label: t(`enums.certLevel.${c}`) }))} {...form.getInputProps('certLevel')} />
            <DateInput label={t('staff.certExpiry')} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('certExpiry')} />
            <DateInput label={t('staff.healthCertExpiry')} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('healthCertExpiry')} />
          </SimpleGrid>
          <Input.Wrapper label={t('people.signIn')}>
            <SegmentedControl
              fullWidth
              mt={6}
              data={[
                { value: 'pin', label: t('people.wayPin') },
                { value: 'existing', label: t('people.wayExisting') },
                { value: 'none', label: t('people.noSignIn') },
              ]}
              {...form.getInputProps('way')}
            />
          </Input.Wrapper>
          {v.way === 'pin' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('people.accountRole')} withAsterisk allowDeselect={false} data={roles} {...form.getInputProps('accountRole')} />
              <PasswordInput label={t('people.pin')} description={t('people.pinHint')} inputMode="numeric" maxLength={6} autoComplete="new-password" withAsterisk {...form.getInputProps('pin')} />
              <Checkbox label={t('people.wantsPassword')} {...form.getInputProps('wantsPassword', { type: 'checkbox' })} />
            </SimpleGrid>
          )}
          {v.way === 'pin' && v.wantsPassword && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('people.username')} autoComplete="off" withAsterisk {...form.getInputProps('username')} />
              <PasswordInput size="md" label={t('people.password')} description={t('people.passwordHint')} autoComplete="new-password" withAsterisk {...form.getInputProps('password')} />
            </SimpleGrid>
          )}
          {v.way === 'existing' && <Select label={t('staff.account')} description={t('staff.accountHint')} clearable data={free} {...form.getInputProps('userId')} />}
          <Textarea label={t('staff.note')} {...form.getInputProps('note')} />
          <Button type="submit" size="lg" loading={hire.isPending || save.isPending}>
            {t('app.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
