// The centre's six-indicator assessment (a proposal to the county; for a resident who is not 特困, the centre's own). The suggestion from the latest ability assessment
// is shown, and applied only if the assessor chooses to.
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIER_INDICATOR_NAMES, TIER_INDICATORS, TIER_NAMES, type TierIndicator, suggestIndicators, tierFromIndicators } from '@shared/domain/assessment/tekun-tier';
import { useAssessmentList } from '../assessment/queries';
import { useTierRecord } from './queries';

const allMet = Object.fromEntries(TIER_INDICATORS.map((i) => [i, true])) as Record<TierIndicator, boolean>;

export function TierForm({ residentId, today, tekun, onClose }: { residentId: string; today: string; tekun: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [indicators, setIndicators] = useState(allMet);
  const [assessedOn, setAssessedOn] = useState(today);
  const [assessor, setAssessor] = useState('');
  const [error, setError] = useState<string | null>(null);
  const latest = useAssessmentList({ residentId }).data?.find((a) => a.status === 'final');
  const suggestion = latest ? suggestIndicators(latest.answers) : null;
  const save = useTierRecord({ successMessage: t(tekun ? 'tier.saved' : 'tier.savedOwn'), onSuccess: onClose, onFieldError: (_f, m) => (setError(m), true) });
  return (
    <Modal opened onClose={onClose} title={t('tier.formTitle')} size="lg">
      <Stack>
        <Text>{t(tekun ? 'tier.hint' : 'tier.hintOwn')}</Text>
        {TIER_INDICATORS.map((i) => (
          <Checkbox key={i} label={TIER_INDICATOR_NAMES[i]} checked={indicators[i]} onChange={(e) => setIndicators({ ...indicators, [i]: e.currentTarget.checked })} />
        ))}
        <Text fw={700} data-testid="tier-result">
          {t('tier.result', { tier: TIER_NAMES[tierFromIndicators(indicators)] })}
        </Text>
        {suggestion && (
          <Group>
            <Text>{t('tier.suggestion', { date: latest!.assessedOn, tier: TIER_NAMES[tierFromIndicators(suggestion)] })}</Text>
            <Button variant="subtle" onClick={() => setIndicators(suggestion)}>
              {t('tier.applySuggestion')}
            </Button>
          </Group>
        )}
        <DateInput label={t('assessment.date')} valueFormat="YYYY-MM-DD" maxDate={today} value={assessedOn} onChange={(v) => v && setAssessedOn(v)} />
        <TextInput label={t('tier.assessor')} value={assessor} onChange={(e) => setAssessor(e.currentTarget.value)} error={error} />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button onClick={() => (setError(null), save.mutate({ residentId, assessedOn, indicators, assessor, note: '' }))} loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
