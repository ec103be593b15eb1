// 今日用餐: for each meal of a day, the portions per diet type from the census (who is here at the meal's time), the
// kitchen's adjustments with reasons, and the button that records the meal as served; below it the kitchen sheet.
import { Alert, Badge, Button, Card, Chip, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headcount } from '@shared/api/meals';
import type { DietType } from '@shared/domain/enums';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { clockTime, newRequestId } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { KitchenSheet } from './KitchenSheet';
import { useMealsAdjust, useMealsHeadcount, useMealsKitchenCerts, useMealsSampleWarnings, useMealsServe } from './queries';

type MealCount = Headcount['meals'][number];

function AdjustModal({ date, meal, onClose }: { date: string; meal: MealCount; onClose: () => void }) {
  const { t } = useTranslation();
  const [dietType, setDietType] = useState<string | null>(meal.diets[0]?.dietType ?? null);
  const [delta, setDelta] = useState<number | string>(1);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Record<string, string>>({});
  const adjust = useMealsAdjust({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setError({ [f]: m }), true) });
  const presets = Object.values(t('meals.reasonPresets', { returnObjects: true }) as Record<string, string>);
  return (
    <Modal opened onClose={onClose} title={t('meals.adjustTitle', { meal: t(`enums.meal.${meal.meal}`) })} size="lg">
      <Stack>
        <Select label={t('meals.dietType')} allowDeselect={false} data={meal.diets.map((d) => ({ value: d.dietType, label: `${t(`enums.diet.${d.dietType}`)}（现在 ${d.total} 份）` }))} value={dietType} onChange={setDietType} />
        <NumberInput label={t('meals.delta')} value={delta} onChange={setDelta} allowDecimal={false} error={error.delta} />
        <TextInput label={t('meals.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error.reason} />
        <Chip.Group>
          <Group gap="xs">
            {presets.map((p) => (
              <Chip key={p} checked={reason === p} onChange={() => setReason(p)} size="md">
                {p}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Button size="lg" loading={adjust.isPending} onClick={() => dietType && adjust.mutate({ date, meal: meal.meal, dietType: dietType as DietType, delta: Number(delta), reason })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function MealCard({ date, meal }: { date: string; meal: MealCount }) {
  const { t } = useTranslation();
  const mayServe = useMayCall('meals.serve');
  const [requestId] = useState(newRequestId);
  const [adjusting, setAdjusting] = useState(false);
  const serve = useMealsServe({ successMessage: t('app.saved') });
  return (
    <Card withBorder padding="md" data-testid={`meal-${meal.meal}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3}>
          {t(`enums.meal.${meal.meal}`)} {meal.time}
        </Title>
        {meal.served ? (
          <Badge size="lg" color="ok" variant="filled">
            {t('meals.served', { time: clockTime(meal.served.at), by: meal.served.by })}
          </Badge>
        ) : (
          <Badge size="lg" color="muted" variant="outline">
            {t('meals.notServed')}
          </Badge>
        )}
      </Group>
      <Table fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('meals.dietType')}</Table.Th>
            <Table.Th>{t('meals.byCensus')}</Table.Th>
            <Table.Th>{t('meals.adjustment')}</Table.Th>
            <Table.Th>{t('meals.portions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meal.diets
            .filter((d) => d.total > 0 || d.computed > 0 || d.adjustment !== 0)
            .map((d) => (
              <Table.Tr key={d.dietType}>
                <Table.Td>
                  <Text fw={700}>{t(`enums.diet.${d.dietType}`)}</Text>
                  {d.dishes.length > 0 && <Text size="sm">{d.dishes.join('、')}</Text>}
                </Table.Td>
                <Table.Td>{d.computed}</Table.Td>
                <Table.Td>{d.adjustment === 0 ? '' : d.adjustment > 0 ? `+${d.adjustment}` : d.adjustment}</Table.Td>
                <Table.Td fw={700}>{d.total}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Text fw={700} size="lg" mt="xs" data-testid="meal-total">
        {t('meals.total', { n: meal.residentTotal })}
        {meal.dinersServed > 0 && `；${t('meals.aidServed', { n: meal.dinersServed })}`}
      </Text>
      <Text>{meal.away.length ? t('meals.away', { names: meal.away.join('、') }) : t('meals.nobodyAway')}</Text>
      {meal.adjustments.map((a) => (
        <Text key={a.id} size="sm">
          {t('meals.adjustmentLine', { diet: t(`enums.diet.${a.dietType}`), delta: a.delta > 0 ? `+${a.delta}` : a.delta, reason: a.reason, by: a.by })}
        </Text>
      ))}
      {mayServe && !meal.served && (
        <Group mt="sm">
          <Button size="lg" onClick={() => serve.mutate({ date, meal: meal.meal, requestId })} loading={serve.isPending}>
            {t('meals.serve')}
          </Button>
          <Button size="lg" variant="outline" onClick={() => setAdjusting(true)}>
            {t('meals.adjust')}
          </Button>
        </Group>
      )}
      {adjusting && <AdjustModal date={date} meal={meal} onClose={() => setAdjusting(false)} />}
    </Card>
  );
}

export function KitchenCerts() {
  const { t } = useTranslation();
  const certs = useMealsKitchenCerts();
  if (!certs.data) return null;
  const problems = certs.data.filter((c) => c.state !== 'ok');
  if (certs.data.length > 0 && problems.length === 0) return null;
  return (
    <Alert color="warning" variant="outline" title={t('meals.certsTitle')} data-testid="kitchen-certs">
      {certs.data.length === 0 ? (
        <Text>{t('meals.noCooks')}</Text>
      ) : (
        problems.map((c) => (
          <Text key={c.staffId} fw={700}>
            {t('meals.certLine', { name: c.name, state: t(`meals.certState.${c.state}`), date: c.healthCertExpiry ? `（${c.healthCertExpiry}）` : '' })}
          </Text>
        ))
      )}
    </Alert>
  );
}

export function HeadcountTab({ today, onSamples }: { today: string; onSamples: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(today);
  const day = useMealsHeadcount({ date: date ?? today });
  const samples = useMealsSampleWarnings({ from: date ?? today, to: date ?? today });
  return (
    <QueryView query={day}>
      {(dayData) => {
      const nobody = dayData.meals.every((m) => m.residentTotal === 0 && m.away.length === 0);
      return (
        <Stack>
          <Group align="end" className="screen-only">
            <DateInput size="lg" label={t('meals.date')} valueFormat="YYYY-MM-DD" value={date} onChange={setDate} />
          </Group>
          <div className="screen-only">
            <KitchenCerts />
          </div>
          {(samples.data?.length ?? 0) > 0 && (
            <Alert color="red.9" variant="outline" className="screen-only" data-testid="sample-alert">
              <Group justify="space-between">
                <Text fw={700}>{t('meals.samplesAlert', { n: samples.data!.length })}</Text>
                <Button variant="outline" onClick={onSamples}>
                  {t('meals.tabs.samples')}
                </Button>
              </Group>
            </Alert>
          )}
          {nobody ? (
            <EmptyState>{t('meals.noResidents')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} className="screen-only">
              {dayData.meals.map((m) => (
                <MealCard key={m.meal} date={dayData.date} meal={m} />
              ))}
            </SimpleGrid>
          )}
          <KitchenSheet day={dayData} />
        </Stack>
      );
      }}
    </QueryView>
  );
}
