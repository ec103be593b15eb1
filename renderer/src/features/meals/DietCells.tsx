// The four cells every diet list shows for a resident: diet type, avoidances, allergies and the choking-risk badge.
import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DietType } from '@shared/domain/enums';

export function DietCells({ dietType, avoidances, allergies, chokingRisk }: { dietType: DietType; avoidances: string; allergies: string; chokingRisk: 'high' | 'medium' | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>{t(`enums.diet.${dietType}`)}</Table.Td>
      <Table.Td>{avoidances || '—'}</Table.Td>
      <Table.Td>{allergies || '—'}</Table.Td>
      <Table.Td>
        {chokingRisk ? (
          <Badge color={chokingRisk === 'high' ? 'danger' : 'warning'} variant="filled">
            {chokingRisk === 'high' ? t('meals.chokingHigh') : t('meals.chokingMedium')}
          </Badge>
        ) : (
          '—'
        )}
      </Table.Td>
    </>
  );
}
