// 设置: the parties a new agreement starts from — a province's list with its source (安徽's is not confirmed: shown so)
// or the centre's own — and, per 自理能力 tier, the 档次 and monthly subsidy the form starts from (none by default: the
// amounts are each province's or city's). Only the manager and the 关爱专干 change them.
import { Alert, Button, Card, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EntrustedSettings, PARTY_PRESETS, PARTY_PRESET_TEXT, type PartyPreset } from '@shared/api/entrusted';
import { TIERS } from '@shared/domain/assessment/tekun-tier';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useEntrustedSaveSettings, useEntrustedSettings } from './queries';

function Form({ initial }: { initial: EntrustedSettings }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('entrusted.saveSettings');
  const [s, setS] = useState(initial);
  const save = useEntrustedSaveSettings({ successMessage: t('entrusted.settingsSaved') });
  const choosePreset = (p: PartyPreset) => setS({ ...s, partyPreset: p, parties: p === 'custom' ? s.parties : PARTY_PRESET_TEXT[p].parties });
  const source = s.partyPreset === 'custom' ? null : PARTY_PRESET_TEXT[s.partyPreset];
  return (
    <Stack>
      {!mayEdit && <Alert color="muted">{t('entrusted.readOnlySettings')}</Alert>}
      <Card withBorder>
        <Title order={3} mb="sm">
          {t('entrusted.settingsTitle')}
        </Title>
        <Stack>
          <div role="group" aria-label={t('entrusted.preset')}>
            <Text fw={700} mb={4}>
              {t('entrusted.preset')}
            </Text>
            <SegmentedControl fullWidth size="lg" disabled={!mayEdit} value={s.partyPreset} onChange={(v) => choosePreset(v as PartyPreset)} data={PARTY_PRESETS.map((p) => ({ value: p, label: t(`entrusted.presets.${p}`) }))} />
          </div>
          <TextInput size="lg" label={t('entrusted.parties')} readOnly={!mayEdit} value={s.parties} onChange={(e) => setS({ ...s, partyPreset: 'custom', parties: e.currentTarget.value })} />
          {source && (
            <Text size="sm" c={source.confirmed ? undefined : 'warning'}>
              {t('entrusted.source', { source: source.source })}
              {!source.confirmed && `（${t('entrusted.unconfirmed')}）`}
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} mb="xs">
          {t('entrusted.tiersTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('entrusted.tiersHint')}
        </Text>
        <Stack>
          {TIERS.map((tier) => {
            const d = s.tiers[tier];
            const set = (next: Partial<typeof d>) => setS({ ...s, tiers: { ...s.tiers, [tier]: { ...d, ...next } } });
            return (
              <Stack key={tier} gap={4} role="group" aria-label={t(`entrusted.tier.${tier}`)}>
                <Text fw={700} size="lg">
                  {t(`entrusted.tier.${tier}`)}
                </Text>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <SegmentedControl
                    fullWidth
                    size="lg"
                    disabled={!mayEdit}
                    value={d.careTier === null ? '' : String(d.careTier)}
                    onChange={(v) => set({ careTier: v === '' ? null : (Number(v) as 1 | 2 | 3) })}
                    data={[{ value: '', label: t('entrusted.careTierNone') }, ...([1, 2, 3] as const).map((n) => ({ value: String(n), label: t(`entrusted.careTier.c${n}`) }))]}
                  />
                  <NumberInput
                    size="lg"
                    aria-label={`${t(`entrusted.tier.${tier}`)} ${t('entrusted.defaultSubsidy')}`}
                    placeholder={t('entrusted.notSet')}
                    readOnly={!mayEdit}
                    min={0}
                    decimalScale={2}
                    fixedDecimalScale
                    hideControls
                    rightSection="元"
                    value={d.subsidyFen === null ? '' : d.subsidyFen / 100}
                    onChange={(v) => set({ subsidyFen: v === '' ? null : Math.round(Number(v) * 100) })}
                  />
                </SimpleGrid>
              </Stack>
            );
          })}
        </Stack>
      </Card>
      {mayEdit && (
        <Button size="lg" loading={save.isPending} onClick={() => save.mutate(s)} style={{ alignSelf: 'flex-start' }}>
          {t('app.save')}
        </Button>
      )}
    </Stack>
  );
}

export function SettingsTab() {
  const settings = useEntrustedSettings();
  return <QueryView query={settings}>{(s) => <Form initial={s} />}</QueryView>;
}
