// The PostgreSQL server's connection details (address, port, database, user, password, encryption), with 检查连接 (the
// dry run: what is there, what connecting would do — nothing written) and 连接并使用. Used on the first run, on the 数据
// 备份 page (a confirmation first, saying what will happen), and on the start screen when the server cannot be reached.
// No <form> element: on the first run it sits inside the administrator's form, so Enter in a field runs the check here
// instead of submitting that form.
import { Alert, Button, Group, NumberInput, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PostgresConnectionInput, SSL_MODES, type StoreCheck, type StoreStatus } from '@shared/api/store';
import { zodValidate } from '../../api/zod-form';
import { ChoiceCard } from './ChoiceCard';
import { useStoreCheck, useStorePostgres } from './queries';

type SslMode = (typeof SSL_MODES)[number];
/** The order offered: the safe default first, the unsafe one last. */
const SSL_ORDER: readonly SslMode[] = ['require', 'verify-full', 'disable'];

interface Values {
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  sslmode: SslMode;
  caFile: string;
}

const toInput = (v: Values) => ({
  host: v.host,
  port: typeof v.port === 'number' ? v.port : v.port === '' ? undefined : Number(v.port),
  database: v.database,
  user: v.user,
  password: v.password,
  sslmode: v.sslmode,
  caFile: v.sslmode === 'verify-full' && v.caFile.trim() ? v.caFile.trim() : null,
});

export interface PostgresFormProps {
  /** The server already set (the start screen, when it cannot be reached): the fields start with it, password empty. */
  initial?: StoreStatus['connection'];
  /** change: a confirmation (what will happen, from the check) before switching; otherwise it connects at once. */
  purpose: 'firstRun' | 'change' | 'recovery';
  onConnected: (status: StoreStatus, check: StoreCheck | null) => void;
  onCancel?: () => void;
}

export function PostgresForm({ initial, purpose, onConnected, onCancel }: PostgresFormProps) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      host: initial?.host ?? '',
      port: initial?.port ?? 5432,
      database: initial?.database ?? '',
      user: initial?.user ?? '',
      password: '',
      sslmode: initial?.sslmode ?? 'require',
      caFile: '',
    },
    validate: (values) => zodValidate(PostgresConnectionInput)(toInput(values)),
    // A result (or a refusal) is about the details it was made with: any change makes it stale.
    onValuesChange: () => {
      check.reset();
      connect.reset();
    },
  });
  const check = useStoreCheck();
  // The check the switch was made after, for the words that follow it (kept in a ref: a switch that signs this PC out
  // may unmount this form before a mutate-level callback would run).
  const lastCheck = useRef<StoreCheck | null>(null);
  const connect = useStorePostgres((status) => onConnected(status, lastCheck.current));
  const busy = check.isPending || connect.isPending;
  // An error on one field (the input checks) goes under it; anything else (the server's answer) above the buttons.
  const onField = (error: { field?: string; message: string }) => {
    if (error.field && error.field in form.values) form.setFieldError(error.field, error.message);
  };
  const formError = [check.error, connect.error].find((e) => e && !(e.field && e.field in form.values)) ?? null;
  const input = () => PostgresConnectionInput.parse(toInput(form.values));

  const runCheck = (then?: (result: StoreCheck) => void) => {
    if (form.validate().hasErrors) return;
    connect.reset();
    check.mutate(input(), { onSuccess: (result) => then?.(result), onError: onField });
  };
  const runConnect = (result: StoreCheck) => {
    lastCheck.current = result;
    connect.mutate(input(), { onError: onField });
  };
  const confirmThenConnect = (result: StoreCheck) =>
    modals.openConfirmModal({
      title: t('store.confirmPostgres.title'),
      size: 'lg',
      children: (
        <Stack>
          <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{result.message}</Text>
          <Text size="lg" fw={700}>
            {t('store.confirmPostgres.then')}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('store.confirmPostgres.confirm'), cancel: t('app.cancel') },
      confirmProps: { size: 'lg' },
      cancelProps: { size: 'lg' },
      onConfirm: () => runConnect(result),
    });
  // 连接并使用 always follows a check of the same details (run now if not yet): its words say what happened.
  const next = purpose === 'change' ? confirmThenConnect : runConnect;
  const onConnect = () => (check.data ? next(check.data) : runCheck(next));
  const enterRunsCheck = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (!busy) runCheck();
  };
  const inputProps = (name: keyof Values) => ({ ...form.getInputProps(name), onKeyDown: enterRunsCheck });

  return (
    <Stack role="group" aria-label={t('store.form.legend')}>
      <Text size="lg" fw={700}>
        {t('store.form.legend')}
      </Text>
      <TextInput label={t('store.form.host')} description={t('store.form.hostHint')} withAsterisk autoComplete="off" spellCheck={false} size="lg" {...inputProps('host')} />
      <NumberInput label={t('store.form.port')} description={t('store.form.portHint')} withAsterisk allowDecimal={false} allowNegative={false} hideControls maw={220} size="lg" {...inputProps('port')} />
      <TextInput label={t('store.form.database')} withAsterisk autoComplete="off" spellCheck={false} size="lg" {...inputProps('database')} />
      <TextInput label={t('store.form.user')} withAsterisk autoComplete="off" spellCheck={false} size="lg" {...inputProps('user')} />
      <PasswordInput label={t('store.form.password')} description={t('store.form.passwordHint')} withAsterisk autoComplete="new-password" size="lg" {...inputProps('password')} />
      <Radio.Group label={t('store.form.sslmode')} size="lg" withAsterisk {...form.getInputProps('sslmode')}>
        <Stack gap="sm" mt="xs">
          {SSL_ORDER.map((mode) => (
            <ChoiceCard key={mode} value={mode} label={t(`store.sslLabel.${mode}`)} hint={t(`store.sslHint.${mode}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.sslmode === 'verify-full' && (
        <TextInput label={t('store.form.caFile')} description={t('store.form.caFileHint')} autoComplete="off" spellCheck={false} size="lg" {...inputProps('caFile')} />
      )}
      {!check.data && !formError && !busy && <Text size="md">{t('store.form.checkHint')}</Text>}
      {busy && (
        <Text size="lg" role="status">
          {t('store.form.checking')}
        </Text>
      )}
      {check.data && !connect.error && (
        <Alert color="ok" variant="outline" title={t('store.form.checkedTitle')} role="status" data-testid="store-check">
          <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{check.data.message}</Text>
        </Alert>
      )}
      {formError && (
        <Alert color="danger" variant="outline" title={t('store.form.failedTitle')} role="alert" data-testid="store-error">
          <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{formError.message}</Text>
        </Alert>
      )}
      <Group>
        <Button type="button" size="lg" variant="outline" onClick={() => runCheck()} loading={check.isPending} disabled={connect.isPending}>
          {t('store.form.check')}
        </Button>
        <Button type="button" size="lg" onClick={onConnect} loading={connect.isPending} disabled={check.isPending}>
          {t('store.form.connect')}
        </Button>
        {onCancel && (
          <Button type="button" size="lg" variant="subtle" onClick={onCancel} disabled={busy}>
            {t('store.form.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
