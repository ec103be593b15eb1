// 厨房单: the residents whose diet, avoidances, allergies or choking risk the kitchen must mind that day, with the
// portions per meal at the top; printable for the kitchen wall.
import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headcount } from '@shared/api/meals';
import { DietCells } from './DietCells';
import { EmptyState } from '../../components/States';

export function KitchenSheet({ day }: { day: Headcount }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const rows = day.specialNeeds.filter((n) => !q || n.name.includes(q) || (n.bedLabel ?? '').includes(q) || t(`enums.diet.${n.dietType}`).includes(q));
  return (
    <Card withBorder padding="md" data-testid="kitchen-sheet">
      <Group justify="space-between" mb="sm">
        <Title order={3}>
          <span className="print-only">
            {day.facilityName} {day.date}{' '}
          </span>
          {t('meals.sheetTitle')}
        </Title>
        <Button variant="outline" className="screen-only" onClick={() => window.print()}>
          {t('meals.printSheet')}
        </Button>
      </Group>
      <Text className="print-only" size="lg" mb="sm">
        {day.meals.map((m) => `${t(`enums.meal.${m.meal}`)}：${m.diets.filter((d) => d.total > 0).map((d) => `${t(`enums.diet.${d.dietType}`)}${d.total}`).join('，') || '0'}`).join('；')}
      </Text>
      {day.specialNeeds.length === 0 ? (
        <EmptyState>{t('meals.sheetEmpty')}</EmptyState>
      ) : (
        <Stack>
          <TextInput className="screen-only" aria-label={t('meals.searchResidents')} placeholder={t('meals.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
          <Table fz="md" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('care.resident')}</Table.Th>
                <Table.Th>{t('meals.dietType')}</Table.Th>
                <Table.Th>{t('meals.avoidances')}</Table.Th>
                <Table.Th>{t('meals.allergies')}</Table.Th>
                <Table.Th>{t('meals.choking')}</Table.Th>
                <Table.Th>{t('meals.awayFor')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((n) => (
                <Table.Tr key={n.residentId}>
                  <Table.Td>
                    <Text fw={700} className="print-nowrap">
                      {n.name}
                    </Text>
                    <Text size="sm" className="print-nowrap">
                      {n.bedLabel}
                    </Text>
                  </Table.Td>
                  <DietCells {...n} />
                  <Table.Td>{n.awayFor.map((m) => t(`enums.meal.${m}`)).join('、') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Card>
  );
}
