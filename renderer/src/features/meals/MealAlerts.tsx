// What the kitchen and the manager must not miss on the home page: meals of the last three days served without a
// sample (or with one thrown away early or too light), and kitchen staff whose health certificate is not valid.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMealsKitchenCerts, useMealsSampleWarnings } from './queries';
import { addDays } from '@shared/domain/dates';

export function MealAlerts({ today }: { today: string }) {
  const { t } = useTranslation();
  const warnings = useMealsSampleWarnings({ from: addDays(today, -2), to: today });
  const certs = useMealsKitchenCerts();
  const bad = (certs.data ?? []).filter((c) => c.state === 'expired' || c.state === 'missing');
  const list = warnings.data ?? [];
  if (list.length === 0 && bad.length === 0) return null;
  return (
    <Alert color="red.9" variant="outline" data-testid="meal-alerts">
      <Stack gap="xs">
        {list.length > 0 && (
          <Group>
            <Text fw={700}>
              {t('meals.samplesAlert', { n: list.length })}：{list.slice(0, 3).map((w) => w.text).join('；')}
            </Text>
            <Button component={Link} to="/meals?tab=samples" variant="outline" size="sm">
              {t('meals.tabs.samples')}
            </Button>
          </Group>
        )}
        {bad.map((c) => (
          <Text key={c.staffId} fw={700}>
            {t('meals.certLine', { name: c.name, state: t(`meals.certState.${c.state}`), date: c.healthCertExpiry ? `（${c.healthCertExpiry}）` : '' })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
