// 重设PIN码: a forgotten PIN, reset by 院长 or 护理组长 with the person present (audited by the backend).
import { Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ResetPinInput } from '@shared/api/users';
import { zodValidate } from '../../api/zod-form';
import { useUsersResetPin } from './queries';

export function ResetPinModal({ account, onClose }: { account: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { id: account.id, pin: '' }, validate: zodValidate(ResetPinInput) });
  const reset = useUsersResetPin({
    successMessage: t('people.pinResetDone', { name: account.name }),
    onSuccess: onClose,
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <Modal opened onClose={onClose} title={t('people.resetPinFor', { name: account.name })}>
      <form onSubmit={form.onSubmit((v) => reset.mutate(v))} noValidate>
        <Stack>
          <Text>{t('people.resetPinIntro')}</Text>
          {/* Dots, not digits: the PIN is typed at a shared PC, often with someone beside it. */}
          <PasswordInput label={t('people.newPin')} inputMode="numeric" maxLength={6} autoComplete="new-password" withAsterisk {...form.getInputProps('pin')} />
          <Button type="submit" loading={reset.isPending}>
            {t('people.resetPin')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
