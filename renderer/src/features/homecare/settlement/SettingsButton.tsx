// 回访与投诉设置: the share of a month's visits called back and the answer time limit, each with its source (GB/T 43153's
// clauses were not retrieved [R]). Keepers change them; everyone sees them and where they come from.
import { Button, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMayCall } from '../../../shell/current-user';
import { useSaveSettlementSettings, useSettlementSettings } from './queries';

function SettingsForm({ initial, sources, onClose }: { initial: { checkPercent: number; complaintDays: number }; sources: { checkPercent: string; complaintDays: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number | string>(initial.checkPercent);
  const [days, setDays] = useState<number | string>(initial.complaintDays);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveSettlementSettings({ successMessage: t('homecare.settlement.settings.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), true) });
  return (
    <Stack>
      <NumberInput size="lg" label={t('homecare.settlement.settings.checkPercent')} min={1} max={100} value={percent} onChange={setPercent} error={errors.checkPercent} />
      <Text size="sm" c="dimmed">
        {t('homecare.settlement.settings.source', { source: sources.checkPercent })}
      </Text>
      <NumberInput size="lg" label={t('homecare.settlement.settings.complaintDays')} min={1} max={90} value={days} onChange={setDays} error={errors.complaintDays} />
      <Text size="sm" c="dimmed">
        {t('homecare.settlement.settings.source', { source: sources.complaintDays })}
      </Text>
      <Button size="lg" loading={save.isPending} onClick={() => save.mutate({ checkPercent: Number(percent), complaintDays: Number(days) })}>
        {t('app.save')}
      </Button>
    </Stack>
  );
}

export function SettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const settings = useSettlementSettings();
  const mayEdit = useMayCall('homecare.saveSettlementSettings');
  if (!mayEdit || !settings.data) return null;
  return (
    <>
      <Button size="lg" variant="default" onClick={() => setOpen(true)}>
        {t('homecare.settlement.settings.button')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} size="lg" title={t('homecare.settlement.settings.title')}>
          <SettingsForm initial={settings.data.settings} sources={settings.data.sources} onClose={() => setOpen(false)} />
        </Modal>
      )}
    </>
  );
}
