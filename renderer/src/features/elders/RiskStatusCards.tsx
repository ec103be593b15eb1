// The elder's 关爱等级 (the rules' level, a manual level over it with its required reason, back to the rules) and status
// (在家 / 已迁出 / 已去世 with the date; 已入住本院 follows the admission and is not changed here).
import { Anchor, Button, Card, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ElderFile } from '@shared/api/elders';
import type { RiskLevel } from '@shared/domain/elders/vocab';
import { useMayCall } from '../../shell/current-user';
import { ElderStatusBadge, RiskBadge } from './ElderBadges';
import { useEldersSetRisk, useEldersSetStatus } from './queries';
import { ModalButtons } from '../../components/ModalButtons';

type LevelChoice = RiskLevel | 'rules';

export function RiskCard({ file }: { file: ElderFile }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('elders.setRisk');
  const form = useForm({ initialValues: { level: (file.risk.override ?? 'rules') as LevelChoice, reason: file.risk.reason ?? '' } });
  const save = useEldersSetRisk({ successMessage: t('elders.riskSaved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const level = (l: RiskLevel) => t(`enums.riskLevel.${l}`);
  const submit = (v: typeof form.values) => save.mutate({ elderId: file.id, level: v.level === 'rules' ? null : v.level, reason: v.level === 'rules' ? '' : v.reason });
  return (
    <Card withBorder data-testid="risk-card">
      <Title order={3} mb="sm">
        {t('elders.riskCard')}
      </Title>
      <Group gap="sm" mb="xs">
        <RiskBadge risk={file.risk} size="xl" />
        <Text size="lg">{file.risk.override ? t('elders.levelOverridden', { computed: level(file.risk.computed) }) : t('elders.levelByRules')}</Text>
      </Group>
      {file.risk.reason && <Text data-testid="risk-reason">{t('elders.reasonLine', { reason: file.risk.reason })}</Text>}
      <Text size="sm" c="dimmed" mt="xs">
        {t('elders.riskRulesNote')}
      </Text>
      {mayEdit && (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack mt="md" gap="sm">
            <SegmentedControl
              aria-label={t('elders.riskSet')}
              value={form.values.level}
              onChange={(v) => form.setFieldValue('level', v as LevelChoice)}
              data={[
                { value: 'rules', label: t('elders.riskUseRules') },
                { value: 'high', label: level('high') },
                { value: 'medium', label: level('medium') },
                { value: 'low', label: level('low') },
              ]}
            />
            {form.values.level !== 'rules' && (
              <Textarea label={t('elders.riskReason')} withAsterisk autosize minRows={2} placeholder={t('elders.riskReasonHint')} {...form.getInputProps('reason')} />
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('elders.riskSave')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

type StatusChoice = 'at_home' | 'moved_away' | 'died';

function StatusModal({ file, status, today, onClose }: { file: ElderFile; status: StatusChoice; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { on: (status === 'at_home' ? null : today) as string | null, note: '' } });
  const save = useEldersSetStatus({ successMessage: t('elders.statusSaved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} title={t('elders.statusTitle', { name: file.name, status: t(`enums.elderStatus.${status}`) })}>
      <form onSubmit={form.onSubmit((v) => save.mutate({ elderId: file.id, status, on: status === 'at_home' ? null : v.on, note: v.note }))} noValidate>
        <Stack>
          {status === 'at_home' ? (
            <Text>{t('elders.statusHomeWarning')}</Text>
          ) : (
            <DateInput label={t('elders.statusOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('on')} />
          )}
          <TextInput label={t('elders.statusNote')} placeholder={t('elders.statusNoteHint')} {...form.getInputProps('note')} />
          {form.errors.status && <Text c="red.9">{form.errors.status}</Text>}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function StatusCard({ file, today }: { file: ElderFile; today: string }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('elders.setStatus');
  const mayReadResidents = useMayCall('residents.get');
  // Admission starts from the register: the admission form opens with what the register knows of the elder.
  const mayAdmit = useMayCall('residents.admit') && file.status === 'at_home';
  const [choice, setChoice] = useState<StatusChoice | null>(null);
  const choices: StatusChoice[] = file.status === 'at_home' ? ['moved_away', 'died'] : file.status === 'in_centre' ? [] : ['at_home'];
  const label: Record<StatusChoice, string> = { moved_away: t('elders.markMoved'), died: t('elders.markDied'), at_home: t('elders.markHome') };
  return (
    <Card withBorder data-testid="status-card">
      <Title order={3} mb="sm">
        {t('elders.statusCard')}
      </Title>
      <Group gap="sm">
        <ElderStatusBadge status={file.status} size="xl" />
        {file.statusOn && <Text size="lg">{t('elders.statusSince', { date: file.statusOn })}</Text>}
      </Group>
      {file.status === 'in_centre' && <Text mt="xs">{t('elders.inCentreNote')}</Text>}
      {file.residentId && mayReadResidents && (
        <Anchor component={Link} to={`/residents/${file.residentId}`} mt="xs" display="inline-block">
          {t('elders.residentFile')}
        </Anchor>
      )}
      {((mayEdit && choices.length > 0) || mayAdmit) && (
        <Group mt="md">
          {mayAdmit && (
            <Button component={Link} to={`/admit?elder=${file.id}`}>
              {t('elders.admit')}
            </Button>
          )}
          {mayEdit &&
            choices.map((c) => (
              <Button key={c} variant="outline" color={c === 'at_home' ? undefined : 'gray.9'} onClick={() => setChoice(c)}>
                {label[c]}
              </Button>
            ))}
        </Group>
      )}
      {choice && <StatusModal file={file} status={choice} today={today} onClose={() => setChoice(null)} />}
    </Card>
  );
}
