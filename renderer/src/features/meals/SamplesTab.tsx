// 留样: the day's food samples and their warnings; record a sample by picking a dish from the menu (or typing one),
// its weight, time and fridge; throw samples away once kept long enough (early only with a reason).
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meal } from '@shared/domain/meals/vocab';
import { printOrientationClass } from '../../components/print';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { clockTime, fromLocalInput, newRequestId, shortDateTime, toLocalInput } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { MEAL_ORDER } from './mealWords';
import { useFacilityGet } from '../facility/queries';
import { useMealsDisposeDue, useMealsDisposeSample, useMealsRecordSample, useMealsSamples } from './queries';

const SAMPLE_COLUMNS = ['meal', 'dish', 'grams', 'sampledTime', 'fridge', 'sampledBy', 'keepUntil', 'disposedAt'] as const;

type Day = NonNullable<ReturnType<typeof useMealsSamples>['data']>;

function SampleForm({ day, now }: { day: Day; now: string }) {
  const { t } = useTranslation();
  const [meal, setMeal] = useState<Meal>('lunch');
  const [dish, setDish] = useState('');
  const [grams, setGrams] = useState<number | string>('');
  const [time, setTime] = useState(toLocalInput(now).slice(11));
  const [fridge, setFridge] = useState('留样冰箱');
  const [confirm, setConfirm] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const validTime = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
  const record = useMealsRecordSample({
    successMessage: t('app.saved'),
    onSuccess: () => (setDish(''), setGrams(''), setConfirm(false), setErrors({}), setRequestId(newRequestId())),
    onFieldError: (f, m) => (setErrors({ [f]: m }), true),
  });
  const menu = day.menuDishes.find((m) => m.meal === meal)?.dishes ?? [];
  const taken = new Set(day.samples.filter((s) => s.meal === meal).map((s) => s.dish));
  const light = typeof grams === 'number' && grams < day.rule.minGrams;
  return (
    <Card withBorder className="screen-only">
      <Title order={3} mb="sm">
        {t('meals.record')}
      </Title>
      <Stack>
        <SegmentedControl size="lg" value={meal} onChange={(v) => setMeal(v as Meal)} data={MEAL_ORDER.map((m) => ({ value: m, label: t(`enums.meal.${m}`) }))} aria-label={t('meals.meal')} />
        {menu.length > 0 && (
          <Group gap="xs" aria-label={t('meals.pickDish')}>
            {menu.map((d) => (
              <Button key={d} size="md" variant={dish === d ? 'filled' : 'outline'} disabled={taken.has(d)} onClick={() => setDish(d)}>
                {d}
                {taken.has(d) ? ' ✓' : ''}
              </Button>
            ))}
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput size="lg" label={t('meals.dish')} withAsterisk value={dish} onChange={(e) => setDish(e.currentTarget.value)} error={errors.dish} />
          <NumberInput size="lg" label={t('meals.grams')} withAsterisk min={1} value={grams} onChange={setGrams} error={errors.amountGrams} />
          <TextInput size="lg" label={t('meals.sampledTime')} placeholder="11:20" inputMode="numeric" maxLength={5} value={time} onChange={(e) => setTime(e.currentTarget.value)} error={errors.sampledAt} />
          <TextInput size="lg" label={t('meals.fridge')} value={fridge} onChange={(e) => setFridge(e.currentTarget.value)} error={errors.fridge} />
        </SimpleGrid>
        {light && <Checkbox size="md" label={t('meals.confirmUnderweight', { g: day.rule.minGrams })} checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} />}
        <Button
          size="lg"
          loading={record.isPending}
          onClick={() =>
            validTime
              ? record.mutate({ date: day.date, meal, dish, amountGrams: Number(grams), sampledAt: fromLocalInput(`${day.date}T${time}`), fridge, confirmUnderweight: confirm, requestId })
              : setErrors({ sampledAt: t('meals.timeFormat') })
          }
        >
          {t('meals.record')}
        </Button>
      </Stack>
    </Card>
  );
}

function EarlyModal({ sample, hours, onClose }: { sample: Day['samples'][number]; hours: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const dispose = useMealsDisposeSample({ successMessage: t('app.saved'), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('meals.earlyTitle', { dish: sample.dish, h: hours })}>
      <Stack>
        <Text>
          {t('meals.keepUntil')} {shortDateTime(sample.keepUntil)}
        </Text>
        <TextInput size="lg" label={t('meals.earlyReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button size="lg" color="red.9" loading={dispose.isPending} onClick={() => dispose.mutate({ sampleId: sample.id, earlyReason: reason })}>
          {t('meals.disposeEarly')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function SamplesTab({ today, now }: { today: string; now: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(today);
  const day = useMealsSamples({ date: date ?? today });
  const facility = useFacilityGet();
  const mayRecord = useMayCall('meals.recordSample');
  const dispose = useMealsDisposeSample({ successMessage: t('app.saved') });
  const disposeDue = useMealsDisposeDue({ successMessage: t('app.saved') });
  const [early, setEarly] = useState<Day['samples'][number] | null>(null);
  return (
    <QueryView query={day}>
      {(dayData) => {
      const d = dayData;
      const nowDate = new Date(now);
      return (
        <Stack>
          <Group align="end" className="screen-only">
            <DateInput size="lg" label={t('meals.date')} valueFormat="YYYY-MM-DD" maxDate={today} value={date} onChange={setDate} />
            <Button variant="outline" onClick={() => window.print()}>
              {t('care.printLedger')}
            </Button>
          </Group>
          <Text className="screen-only">{t('meals.sampleRule', { g: d.rule.minGrams, h: d.rule.minHours })}</Text>
          {d.warnings.length > 0 ? (
            <Alert color="red.9" variant="outline" data-testid="sample-warnings">
              {d.warnings.map((w) => (
                <Text key={w.text} fw={700}>
                  {w.text}
                </Text>
              ))}
            </Alert>
          ) : (
            <Text className="screen-only">{t('meals.warningsNone')}</Text>
          )}
          {d.dueForDisposal > 0 && (
            <Group className="screen-only">
              <Text fw={700}>{t('meals.dueForDisposal', { n: d.dueForDisposal })}</Text>
              {mayRecord && (
                <Button variant="outline" loading={disposeDue.isPending} onClick={() => disposeDue.mutate({})}>
                  {t('meals.disposeDue', { n: d.dueForDisposal })}
                </Button>
              )}
            </Group>
          )}
          {mayRecord && date === today && <SampleForm day={d} now={now} />}
          <Title order={3}>
            <span className="print-only">
              {facility.data?.name} {d.date}{' '}
            </span>
            {t('meals.samplesTitle')}
          </Title>
          {d.samples.length === 0 ? (
            <EmptyState>{t('meals.noSamples')}</EmptyState>
          ) : (
            <Table fz="md" striped withTableBorder data-testid="samples-table" className={printOrientationClass(SAMPLE_COLUMNS.length)}>
              <Table.Thead>
                <Table.Tr>
                  {SAMPLE_COLUMNS.map((c) => (
                    <Table.Th key={c}>{t(`meals.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.samples.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{t(`enums.meal.${s.meal}`)}</Table.Td>
                    <Table.Td>{s.dish}</Table.Td>
                    <Table.Td>
                      {s.amountGrams}
                      {s.underweight && (
                        <Badge ml="xs" color="danger" variant="filled">
                          {t('meals.underweight')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{clockTime(s.sampledAt)}</Table.Td>
                    <Table.Td>{s.fridge}</Table.Td>
                    <Table.Td>{s.sampledBy}</Table.Td>
                    <Table.Td>{shortDateTime(s.keepUntil)}</Table.Td>
                    <Table.Td>
                      {s.disposedAt ? (
                        <>
                          {shortDateTime(s.disposedAt)} {s.disposedBy}
                          {s.disposedEarly && (
                            <Badge ml="xs" color="danger" variant="filled">
                              {t('meals.early')}：{s.earlyReason}
                            </Badge>
                          )}
                        </>
                      ) : (
                        <>
                          <span className="print-only">{t('meals.notDisposed')}</span>
                          {mayRecord ? (
                            <Button
                              variant="outline"
                              className="screen-only"
                              onClick={() => (new Date(s.keepUntil) <= nowDate ? dispose.mutate({ sampleId: s.id }) : setEarly(s))}
                              aria-label={`${t('meals.dispose')} ${s.dish}`}
                            >
                              {t('meals.dispose')}
                            </Button>
                          ) : (
                            <span className="screen-only">—</span>
                          )}
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {early && <EarlyModal sample={early} hours={d.rule.minHours} onClose={() => setEarly(null)} />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
