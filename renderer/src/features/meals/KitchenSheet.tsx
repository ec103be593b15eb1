// 厨房单: the residents whose diet, avoidances, allergies or choking risk the kitchen must mind that day, with the
// portions per meal at the top; printable for the kitchen wall.
import { Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headcount } from '@shared/api/meals';
import { DietCells } from './DietCells';
import { ListCard, ListTable } from '../../components/ListCard';

export function KitchenSheet({ day }: { day: Headcount }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const rows = day.specialNeeds.filter((n) => !q || n.name.includes(q) || (n.bedLabel ?? '').includes(q) || t(`enums.diet.${n.dietType}`).includes(q));
  return (
    <ListCard
      padding="md"
      data-testid="kitchen-sheet"
      title={
        <>
          <span className="print-only">
            {day.facilityName} {day.date}{' '}
          </span>
          {t('meals.sheetTitle')}
        </>
      }
      actions={
        <Button variant="outline" className="screen-only" onClick={() => window.print()}>
          {t('meals.printSheet')}
        </Button>
      }
      intro={
        <Text className="print-only" size="lg" mb="sm">
          {day.meals.map((m) => `${t(`enums.meal.${m.meal}`)}：${m.diets.filter((d) => d.total > 0).map((d) => `${t(`enums.diet.${d.dietType}`)}${d.total}`).join('，') || '0'}`).join('；')}
        </Text>
      }
      rows={day.specialNeeds}
      empty={t('meals.sheetEmpty')}
    >
      <Stack>
        <TextInput className="screen-only" aria-label={t('meals.searchResidents')} placeholder={t('meals.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <ListTable compact bordered heads={[t('care.resident'), t('meals.dietType'), t('meals.avoidances'), t('meals.allergies'), t('meals.choking'), t('meals.awayFor')]}>
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
        </ListTable>
      </Stack>
    </ListCard>
  );
}
