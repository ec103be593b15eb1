// 设置: the time bank's rate, daily and total caps (in points, one decimal) and the check before credit — each with
// where its default comes from. Keepers save; others read.
import { Button, Card, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AID_SETTING_SOURCES, type AidSettings, DEFAULT_AID_SETTINGS } from '@shared/api/mutualaid';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { pointsText } from './parts';
import { useAidSaveSettings, useAidSettings } from './queries';

const asNumber = (v: number | string) => (typeof v === 'number' ? v : Number.parseFloat(v));

function Form({ settings }: { settings: AidSettings }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('mutualaid.saveSettings');
  const [rate, setRate] = useState<number | string>(settings.rateTenthsPerHour / 10);
  const [daily, setDaily] = useState<number | string>(settings.dailyCapTenths / 10);
  const [total, setTotal] = useState<number | string>(settings.totalCapTenths / 10);
  const [check, setCheck] = useState(settings.checkBeforeCredit);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useAidSaveSettings({ successMessage: t('app.saved'), onFieldError: (f, m) => (setErrors({ [f]: m }), true) });
  const tenths = (v: number | string) => Math.round(asNumber(v) * 10);
  const source = (key: keyof AidSettings, def: string) => (
    <>
      {t('mutualaid.settings.default', { value: def })}
      <br />
      {t('mutualaid.settings.source', { source: AID_SETTING_SOURCES[key] })}
    </>
  );
  return (
    <Card withBorder maw={720}>
      <Stack>
        <NumberInput
          size="lg"
          label={t('mutualaid.settings.rate')}
          description={source('rateTenthsPerHour', pointsText(DEFAULT_AID_SETTINGS.rateTenthsPerHour))}
          decimalScale={1}
          min={0.1}
          step={0.5}
          value={rate}
          onChange={setRate}
          readOnly={!mayEdit}
          error={errors.rateTenthsPerHour}
        />
        <NumberInput
          size="lg"
          label={t('mutualaid.settings.daily')}
          description={source('dailyCapTenths', pointsText(DEFAULT_AID_SETTINGS.dailyCapTenths))}
          decimalScale={1}
          min={0.1}
          step={0.5}
          value={daily}
          onChange={setDaily}
          readOnly={!mayEdit}
          error={errors.dailyCapTenths}
        />
        <NumberInput
          size="lg"
          label={t('mutualaid.settings.total')}
          description={source('totalCapTenths', pointsText(DEFAULT_AID_SETTINGS.totalCapTenths))}
          decimalScale={1}
          min={1}
          step={50}
          value={total}
          onChange={setTotal}
          readOnly={!mayEdit}
          error={errors.totalCapTenths}
        />
        <Switch size="lg" label={t('mutualaid.settings.check')} description={source('checkBeforeCredit', t('mutualaid.settings.off'))} checked={check} onChange={(e) => mayEdit && setCheck(e.currentTarget.checked)} />
        {mayEdit ? (
          <Button size="xl" loading={save.isPending} onClick={() => save.mutate({ rateTenthsPerHour: tenths(rate), dailyCapTenths: tenths(daily), totalCapTenths: tenths(total), checkBeforeCredit: check })}>
            {t('app.save')}
          </Button>
        ) : (
          <Text c="dimmed">{t('mutualaid.settings.readOnly')}</Text>
        )}
      </Stack>
    </Card>
  );
}

export function SettingsTab() {
  const { t } = useTranslation();
  const settings = useAidSettings();
  return (
    <Stack>
      <Text>{t('mutualaid.settings.intro')}</Text>
      <QueryView query={settings}>{(s) => <Form settings={s} />}</QueryView>
    </Stack>
  );
}
