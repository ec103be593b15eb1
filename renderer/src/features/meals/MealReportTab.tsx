// 月报: the month's meals — residents by diet and meal (from the served counts), 助餐 by category with price,
// subsidy and what diners paid (the subsidy claim), and the sample record; exported to Excel.
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../components/download';
import { printOrientationClass } from '../../components/print';
import { QueryView } from '../../components/QueryView';
import { fenToYuan } from '../grades/money';
import { MEAL_ORDER } from './mealWords';
import { useMealsExportMonth, useMealsMonthReport } from './queries';

export function MealReportTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<string | null>(`${today.slice(0, 7)}-01`);
  const key = (month ?? today).slice(0, 7);
  const report = useMealsMonthReport({ month: key });
  const exporter = useMealsExportMonth({
    onSuccess: (file) => downloadBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  });
  const aidColumns = ['category', 'diners', 'dineIn', 'delivered', 'meals', 'price', 'subsidy', 'payable'] as const;
  const printable = report.data && !(report.data.residents.total === 0 && report.data.aid.totals.meals === 0);
  return (
    <Stack className={printOrientationClass(aidColumns.length)}>
      <Group align="end" className="screen-only">
        <MonthPickerInput size="lg" label={t('meals.month')} valueFormat="YYYY-MM" maxDate={today} value={month} onChange={setMonth} />
        <Button size="lg" onClick={() => window.print()} disabled={!printable}>
          {t('meals.printReport')}
        </Button>
        <Button size="lg" variant="outline" loading={exporter.isPending} onClick={() => exporter.mutate({ month: key })}>
          {t('meals.exportExcel')}
        </Button>
      </Group>
      <QueryView query={report} isEmpty={(data) => data.residents.total === 0 && data.aid.totals.meals === 0} empty={t('meals.reportEmpty')}>
        {(data) => (
          <>
            <h2 className="print-only" style={{ textAlign: 'center', margin: 0 }}>
              {t('meals.reportTitle', { centre: data.facilityName, month: data.month })}
            </h2>
            <Card withBorder>
              <Title order={3} mb="sm">
                {t('meals.residentsMeals')}
              </Title>
              <Table fz="md" striped data-testid="report-residents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('meals.dietType')}</Table.Th>
                    {MEAL_ORDER.map((m) => (
                      <Table.Th key={m}>{t(`enums.meal.${m}`)}</Table.Th>
                    ))}
                    <Table.Th>{t('meals.meals')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.residents.byDiet.map((r) => (
                    <Table.Tr key={r.dietType}>
                      <Table.Td>{t(`enums.diet.${r.dietType}`)}</Table.Td>
                      {MEAL_ORDER.map((m) => (
                        <Table.Td key={m}>{r[m]}</Table.Td>
                      ))}
                      <Table.Td fw={700}>{r.total}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text mt="xs" c={data.residents.mealsNotServed > 0 ? 'red.9' : undefined}>
                {t('meals.mealsNotServed', { n: data.residents.mealsNotServed })}
              </Text>
            </Card>
            <Card withBorder>
              <Title order={3} mb="sm">
                {t('meals.aidTitle')}
              </Title>
              <Table fz="md" striped data-testid="report-aid">
                <Table.Thead>
                  <Table.Tr>
                    {aidColumns.map((c) => (
                      <Table.Th key={c}>{t(`meals.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.aid.byCategory.map((c) => ({ ...c, label: t(`enums.dinerCategory.${c.category}`) })), { ...data.aid.totals, label: '合计' }].map((c) => (
                    <Table.Tr key={c.label}>
                      <Table.Td fw={c.label === '合计' ? 700 : undefined}>{c.label}</Table.Td>
                      <Table.Td>{c.diners}</Table.Td>
                      <Table.Td>{c.dineIn}</Table.Td>
                      <Table.Td>{c.delivered}</Table.Td>
                      <Table.Td>{c.meals}</Table.Td>
                      <Table.Td>{fenToYuan(c.priceFen)}</Table.Td>
                      <Table.Td>{fenToYuan(c.subsidyFen)}</Table.Td>
                      <Table.Td>{fenToYuan(c.payableFen)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text mt="xs" fw={700} size="lg" data-testid="subsidy-claim">
                {t('meals.claim', { amount: fenToYuan(data.aid.totals.subsidyFen) })}
              </Text>
            </Card>
            <Text size="lg">{t('meals.samplesLine', data.samples)}</Text>
            <Text className="print-only" mt="lg">
              {t('meals.reportSignatures')}
            </Text>
          </>
        )}
      </QueryView>
    </Stack>
  );
}
