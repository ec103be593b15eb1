// 送餐单: who gets a meal brought home, route by route, with address and phone, and whether it has been recorded;
// printed for the person who delivers (with a signature line).
import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meal } from '@shared/domain/meals/vocab';
import { QueryView } from '../../components/QueryView';
import { MEAL_ORDER } from './mealWords';
import { useMealsDeliveryList } from './queries';

export function DeliveryTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(today);
  const [meal, setMeal] = useState<Meal>('lunch');
  const list = useMealsDeliveryList({ date: date ?? today, meal });
  const cell = { border: '1px solid #000', padding: '6px 8px', fontSize: 18 };
  return (
    <Stack>
      <Group align="end" className="screen-only">
        <DateInput size="lg" label={t('meals.date')} valueFormat="YYYY-MM-DD" value={date} onChange={setDate} />
        <SegmentedControl size="lg" value={meal} onChange={(v) => setMeal(v as Meal)} data={MEAL_ORDER.map((m) => ({ value: m, label: t(`enums.meal.${m}`) }))} aria-label={t('meals.meal')} />
        <Button size="lg" variant="outline" onClick={() => window.print()} disabled={!list.data?.routes.length}>
          {t('meals.aid.printDelivery')}
        </Button>
      </Group>
      <QueryView query={list} isEmpty={(data) => data.routes.length === 0} empty={t('meals.aid.deliveryEmpty')}>
        {(data) => (
          <div data-testid="delivery-list">
            <h2 style={{ textAlign: 'center' }}>{t('meals.aid.deliveryTitle', { centre: data.facilityName, date: data.date, meal: t(`enums.meal.${data.meal}`) })}</h2>
            {data.routes.map((r) => (
              <div key={r.route} style={{ marginBottom: 16 }}>
                <h3>
                  {r.route}（{r.stops.length} 人）
                </h3>
                <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      {(['no', 'name', 'village', 'address', 'phone', 'served'] as const).map((c) => (
                        <th key={c} style={cell}>
                          {t(`meals.aid.deliveryColumns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {r.stops.map((s, i) => (
                      <tr key={`${s.name}-${i}`}>
                        <td style={cell}>{i + 1}</td>
                        <td style={{ ...cell, whiteSpace: 'nowrap' }}>{s.name}</td>
                        <td style={cell}>{s.village}</td>
                        <td style={cell}>{s.address}</td>
                        <td style={{ ...cell, whiteSpace: 'nowrap' }}>{s.phone || '—'}</td>
                        <td style={cell}>{s.served ? t('meals.aid.servedMark') : t('meals.aid.notServedMark')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>{t('meals.aid.signature')}</p>
              </div>
            ))}
          </div>
        )}
      </QueryView>
    </Stack>
  );
}
