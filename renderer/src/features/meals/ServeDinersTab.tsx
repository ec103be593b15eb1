// 记录用餐 (助餐): pick the day and meal, then one tap per diner — 堂食 or 送餐 — from a searchable list; a served
// diner shows what was recorded and the price; a mistake is cancelled with a reason.
import { Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServingMode } from '@shared/domain/meals/vocab';
import type { Meal } from '@shared/domain/meals/vocab';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { newRequestId } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { fenToYuan } from '../grades/money';
import { MEAL_ORDER } from './mealWords';
import { useMealsCancelServing, useMealsServeDiner, useMealsServingDay } from './queries';

type Line = NonNullable<ReturnType<typeof useMealsServingDay>['data']>['lines'][number];

function CancelModal({ line, onClose }: { line: Line; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useMealsCancelServing({ successMessage: t('app.saved'), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('meals.aid.cancelTitle', { name: line.name })}>
      <Stack>
        <TextInput size="lg" label={t('meals.aid.cancelReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button size="lg" color="red.9" loading={cancel.isPending} onClick={() => cancel.mutate({ servingId: line.serving!.id, reason })}>
          {t('meals.aid.cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}

function DinerLine({ line, date, meal }: { line: Line; date: string; meal: Meal }) {
  const { t } = useTranslation();
  const mayServe = useMayCall('meals.serveDiner');
  const [requestId, setRequestId] = useState(newRequestId);
  const [cancelling, setCancelling] = useState(false);
  const serve = useMealsServeDiner({ onSuccess: () => setRequestId(newRequestId()) });
  const tap = (mode: ServingMode) => serve.mutate({ dinerId: line.dinerId, date, meal, mode, requestId });
  return (
    <Card withBorder padding="sm" data-testid="diner-line" bg={line.serving ? '#e6f4ea' : undefined}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={700} size="lg">
            {line.name}
          </Text>
          <Text size="sm">
            {line.village} · {t(`enums.dinerCategory.${line.category}`)}
            {line.route ? ` · ${line.route}` : ''} · {line.price ? `${fenToYuan(line.price.priceFen)}（补贴 ${fenToYuan(line.price.subsidyFen)}）` : t('meals.aid.noPrice')}
          </Text>
        </div>
        {line.serving ? (
          <Group gap="xs">
            <Badge size="lg" color="ok" variant="filled">
              {t('meals.aid.recorded', { mode: t(`enums.servingMode.${line.serving.mode}`), price: fenToYuan(line.serving.priceFen) })}
            </Badge>
            {mayServe && (
              <Button variant="subtle" color="red.9" onClick={() => setCancelling(true)} aria-label={`${t('meals.aid.cancel')} ${line.name}`}>
                {t('meals.aid.cancel')}
              </Button>
            )}
          </Group>
        ) : (
          mayServe && (
            <Group gap="xs" wrap="nowrap">
              {(['dine_in', 'delivery'] as const).map((mode) => (
                <Button key={mode} size="lg" variant={line.defaultMode === mode ? 'filled' : 'outline'} loading={serve.isPending} onClick={() => tap(mode)} aria-label={`${line.name} ${t(`enums.servingMode.${mode}`)}`}>
                  {mode === 'dine_in' ? t('meals.aid.dineIn') : t('meals.aid.delivery')}
                </Button>
              ))}
            </Group>
          )
        )}
      </Group>
      {cancelling && <CancelModal line={line} onClose={() => setCancelling(false)} />}
    </Card>
  );
}

export function ServeDinersTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(today);
  const [meal, setMeal] = useState<Meal>('lunch');
  const [query, setQuery] = useState('');
  const day = useMealsServingDay({ date: date ?? today, meal, query });
  return (
    <Stack>
      <Group align="end">
        <DateInput size="lg" label={t('meals.date')} valueFormat="YYYY-MM-DD" maxDate={today} value={date} onChange={setDate} />
        <SegmentedControl size="lg" value={meal} onChange={(v) => setMeal(v as Meal)} data={MEAL_ORDER.map((m) => ({ value: m, label: t(`enums.meal.${m}`) }))} aria-label={t('meals.meal')} />
      </Group>
      <TextInput size="lg" aria-label={t('meals.aid.search')} placeholder={t('meals.aid.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <QueryView query={day}>
        {(data) => (
          <>
            <Text size="lg" fw={700} data-testid="served-line">
              {t('meals.aid.servedLine', { n: data.served, dineIn: data.dineIn, delivered: data.delivered })}
            </Text>
            {data.lines.length === 0 ? (
              <EmptyState>{query ? t('meals.noMatch') : t('meals.aid.empty')}</EmptyState>
            ) : (
              data.lines.map((l) => <DinerLine key={l.dinerId} line={l} date={data.date} meal={meal} />)
            )}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
