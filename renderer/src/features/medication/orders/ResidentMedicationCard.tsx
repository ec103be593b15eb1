// The resident file's 用药 card: the orders running now, in short (drug, dose, times), whether a 服药管理协议 is signed,
// and a link to the resident's orders on the medication page.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { doseText, drugText, whenNote } from './format';
import { useMedicationResidentOrders } from './queries';

export function ResidentMedicationCard({ residentId, active }: { residentId: string; active: boolean }) {
  const { t } = useTranslation();
  const mayRead = useMayCall('medication.residentOrders');
  const data = useMedicationResidentOrders({ residentId, includeEnded: false }, mayRead);
  if (!mayRead) return null;
  return (
    <Card withBorder data-testid="resident-medication-card">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('medication.orders.cardTitle')}</Title>
        <Anchor component={Link} to={`/medication?tab=orders&resident=${residentId}`} size="lg">
          {active ? t('medication.orders.cardOpen') : t('medication.orders.cardHistory')}
        </Anchor>
      </Group>
      <QueryView query={data}>
        {({ orders, agreementSignedOn }) => (
          <Stack gap={4}>
            {active && !agreementSignedOn && <Text c="orange.9">{t('medication.orders.agreementMissingShort')}</Text>}
            {orders.length === 0 ? (
              <Text c="dark.6">{active ? t('medication.orders.noOrdersShort') : t('medication.orders.noOrdersNow')}</Text>
            ) : (
              orders.map((o) => (
                <Text key={o.id}>
                  <Text span fw={700}>
                    {drugText(o)}
                  </Text>
                  {o.highAlert !== 'none' && (
                    <Badge ml="xs" color="red.9" variant="filled">
                      {t(`enums.highAlert.${o.highAlert}`)}
                    </Badge>
                  )}{' '}
                  {doseText(t, o)}
                  {whenNote(t, o)}
                </Text>
              ))
            )}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
