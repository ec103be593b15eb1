// 价格与补贴: each category's price and subsidy per meal, dated; the row in force today is marked. The administrator
// sets a new price from a date (it never rewrites meals already served).
import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DINER_CATEGORIES, type DinerCategory, type Meal } from '@shared/domain/meals/vocab';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { fenToYuan, yuanToFen } from '../grades/money';
import { MEAL_ORDER } from './mealWords';
import { useMealsPrices, useMealsSavePrice } from './queries';

function PriceForm({ today }: { today: string }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<DinerCategory>('elderly');
  const [meal, setMeal] = useState<Meal>('lunch');
  const [from, setFrom] = useState<string | null>(today);
  const [price, setPrice] = useState<number | string>('');
  const [subsidy, setSubsidy] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMealsSavePrice({ successMessage: t('app.saved'), onSuccess: () => setErrors({}), onFieldError: (f, m) => (setErrors({ [f]: m }), true) });
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('meals.aid.addPrice')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 5 }}>
        <Select size="lg" label={t('meals.aid.category')} allowDeselect={false} data={DINER_CATEGORIES.map((c) => ({ value: c, label: t(`enums.dinerCategory.${c}`) }))} value={category} onChange={(v) => v && setCategory(v as DinerCategory)} />
        <Select size="lg" label={t('meals.meal')} allowDeselect={false} data={MEAL_ORDER.map((m) => ({ value: m, label: t(`enums.meal.${m}`) }))} value={meal} onChange={(v) => v && setMeal(v as Meal)} />
        <DateInput size="lg" label={t('meals.aid.effectiveFrom')} valueFormat="YYYY-MM-DD" value={from} onChange={setFrom} error={errors.effectiveFrom} />
        <NumberInput size="lg" label={t('meals.aid.priceYuan')} min={0} decimalScale={2} value={price} onChange={setPrice} error={errors.priceFen} />
        <NumberInput size="lg" label={t('meals.aid.subsidyYuan')} min={0} decimalScale={2} value={subsidy} onChange={setSubsidy} error={errors.subsidyFen} />
      </SimpleGrid>
      <Button
        size="lg"
        mt="md"
        loading={save.isPending}
        onClick={() => save.mutate({ category, meal, effectiveFrom: from ?? '', priceFen: yuanToFen(Number(price)), subsidyFen: yuanToFen(Number(subsidy)) })}
      >
        {t('app.save')}
      </Button>
    </Card>
  );
}

export function PricesTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const prices = useMealsPrices({ onDate: today });
  const mayEdit = useMayCall('meals.savePrice');
  return (
    <Stack>
      <Title order={3}>{t('meals.aid.pricesTitle')}</Title>
      {mayEdit && <PriceForm today={today} />}
      <QueryView query={prices} empty={t('meals.aid.pricesEmpty')}>
        {(data) => (
          <Table fz="md" striped data-testid="prices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meals.aid.category')}</Table.Th>
                <Table.Th>{t('meals.meal')}</Table.Th>
                <Table.Th>{t('meals.aid.effectiveFrom')}</Table.Th>
                <Table.Th>{t('meals.price')}</Table.Th>
                <Table.Th>{t('meals.subsidy')}</Table.Th>
                <Table.Th>{t('meals.payable')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{t(`enums.dinerCategory.${p.category}`)}</Table.Td>
                  <Table.Td>{t(`enums.meal.${p.meal}`)}</Table.Td>
                  <Table.Td>{p.effectiveFrom}</Table.Td>
                  <Table.Td>{fenToYuan(p.priceFen)}</Table.Td>
                  <Table.Td>{fenToYuan(p.subsidyFen)}</Table.Td>
                  <Table.Td>{fenToYuan(p.payableFen)}</Table.Td>
                  <Table.Td>
                    {p.current ? (
                      <Badge color="ok" variant="filled">
                        {t('meals.aid.current')}
                      </Badge>
                    ) : p.effectiveFrom > today ? (
                      <Badge color="notice" variant="filled">
                        {p.effectiveFrom}
                      </Badge>
                    ) : (
                      <Group gap={4}>{t('meals.aid.history')}</Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}
