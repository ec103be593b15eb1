// 服务安排: the planned visits of a day (or a week) from the recurring plans, each with its state — 待服务, 已服务, 未上门 —
// by provider, worker and village. A visit done as planned is two taps: 登记服务 (the form opens with the plan's items,
// times and slip number filled in) and 保存. 未上门 records why it did not happen. The week's blank 服务确认单 are printed
// from here, one per planned visit, to be signed at the elder's home and typed back by their number. A worker signed in
// (a caregiver linked to a worker) sees her own visits first.
import { Badge, Button, Card, Collapse, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlannedVisit } from '@shared/api/homecare-delivery';
import { addDays, mondayOf } from '@shared/domain/dates';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { MissedModal } from './ReasonModals';
import { RecordVisitModal, quantityText } from './RecordVisitModal';
import { useHomecarePlanned, useHomecareRecordChoices, useHomecareVillages } from './queries';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];

const STATE_COLOUR = { todo: 'blue', done: 'teal', missed: 'orange' } as const;

function PlannedCard({ v, today, onRecord, onMissed, mayRecord }: { v: PlannedVisit; today: string; onRecord: () => void; onMissed: () => void; mayRecord: boolean }) {
  const { t } = useTranslation();
  const late = v.state === 'todo' && v.on < today;
  return (
    <Card withBorder padding="md" data-testid="planned-visit" aria-label={`${v.on} ${v.startTime} ${v.elder}`}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
        <Text size="xl" fw={700}>
          {v.startTime}–{v.endTime}
        </Text>
        <Group gap="xs">
          {late && (
            <Badge size="lg" color="danger" variant="light">
              {t('homecare.delivery.late')}
            </Badge>
          )}
          <Badge size="lg" color={STATE_COLOUR[v.state]}>
            {t(`homecare.delivery.state.${v.state}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="lg">
        <Text span fw={700} size="lg" component={Link} to={`/elders/${v.elderId}`} c="inherit">
          {v.elder}
        </Text>
        （{v.village}）
      </Text>
      <Text c="dimmed">{[v.address, v.phone].filter(Boolean).join('　') || '—'}</Text>
      <Text>
        {v.provider}　{v.worker ?? t('homecare.delivery.noWorker')}
      </Text>
      <Text>{v.items.map((i) => `${i.name} ${quantityText(i.unit, i.quantity)}`).join('、')}</Text>
      <Text size="sm" c="dimmed">
        {t('homecare.delivery.slipNoIs', { no: v.slipNo })}
      </Text>
      {v.state === 'missed' && <Text c="orange.8">{t('homecare.delivery.missedBecause', { reason: v.missedReason ?? '' })}</Text>}
      {v.state === 'todo' && mayRecord && v.on <= today && (
        <Group mt="sm" grow>
          <Button size="lg" onClick={onRecord}>
            {t('homecare.delivery.recordDone')}
          </Button>
          <Button size="lg" variant="outline" color="orange" onClick={onMissed}>
            {t('homecare.delivery.recordMissed')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function ScheduleTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayRecord = useMayCall('homecare.recordVisit');
  // On a phone the filters fold away behind 筛选 (the day's visits come first); on a PC they stay open.
  const phone = useMediaQuery('(max-width: 48em)');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [span, setSpan] = useState<'day' | 'week'>('day');
  const [providerId, setProvider] = useState<string | null>(null);
  /** undefined until chosen: the signed-in person's own visits when she is a worker, else everyone's. */
  const [chosenWorker, setWorker] = useState<string | null | undefined>(undefined);
  const [villageId, setVillage] = useState<string | null>(null);
  const [recording, setRecording] = useState<PlannedVisit | 'free' | null>(null);
  const [missing, setMissing] = useState<PlannedVisit | null>(null);
  const choices = useHomecareRecordChoices();
  const villages = useHomecareVillages();
  const providers = choices.data?.providers ?? [];
  const mine = choices.data?.mine ?? [];
  const workerId = chosenWorker === undefined ? (mine.length === 1 ? mine[0] : null) : chosenWorker;
  const planned = useHomecarePlanned({ date, span, providerId, workerId, villageId }, !choices.isPending);
  const workers = (providerId ? providers.filter((p) => p.id === providerId) : providers).flatMap((p) => p.workers.map((w) => ({ value: w.id, label: providerId ? w.name : `${w.name}（${p.name}）` })));
  const monday = mondayOf(date);
  const filterCount = [providerId, workerId, villageId].filter(Boolean).length;
  const slipsLink = `/homecare/slips?monday=${monday}${workerId ? `&worker=${workerId}` : ''}${providerId ? `&provider=${providerId}` : ''}${villageId ? `&village=${villageId}` : ''}`;

  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <DateInput size="lg" label={t('homecare.delivery.date')} valueFormat="YYYY-MM-DD" value={date} onChange={(v) => v && setDate(v)} w={170} />
          <Button size="lg" variant="default" onClick={() => setDate(addDays(date, span === 'week' ? -7 : -1))} aria-label={t('homecare.delivery.previous')}>
            ‹
          </Button>
          <Button size="lg" variant="default" onClick={() => setDate(today)}>
            {t('homecare.delivery.today')}
          </Button>
          <Button size="lg" variant="default" onClick={() => setDate(addDays(date, span === 'week' ? 7 : 1))} aria-label={t('homecare.delivery.next')}>
            ›
          </Button>
          <SegmentedControl
            size="lg"
            value={span}
            onChange={(v) => setSpan(v as 'day' | 'week')}
            data={[
              { value: 'day', label: t('homecare.delivery.spanDay') },
              { value: 'week', label: t('homecare.delivery.spanWeek') },
            ]}
          />
        </Group>
        {phone && (
          <Button size="lg" variant="subtle" mt="sm" px={0} onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen}>
            {filterCount > 0 ? t('homecare.delivery.filtersOn', { n: filterCount }) : t('homecare.delivery.filters')}
          </Button>
        )}
        <Collapse expanded={!phone || filtersOpen}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <Select
              size="lg"
              label={t('homecare.delivery.provider')}
              clearable
              placeholder={t('homecare.delivery.allProviders')}
              data={providers.map((p) => ({ value: p.id, label: p.name }))}
              value={providerId}
              onChange={(v) => {
                setProvider(v);
                setWorker(null);
              }}
            />
            <Select size="lg" label={t('homecare.delivery.worker')} clearable searchable placeholder={t('homecare.delivery.allWorkers')} data={workers} value={workerId} onChange={setWorker} />
            <Select
              size="lg"
              label={t('homecare.delivery.village')}
              clearable
              searchable
              placeholder={t('homecare.delivery.allVillages')}
              data={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
              value={villageId}
              onChange={setVillage}
            />
          </SimpleGrid>
        </Collapse>
        <Group mt="sm" wrap="wrap">
          {mayRecord && (
            <Button size="lg" variant="outline" onClick={() => setRecording('free')}>
              {t('homecare.delivery.recordUnplanned')}
            </Button>
          )}
          <Button size="lg" variant="outline" component={Link} to={slipsLink}>
            {t('homecare.delivery.printSlips')}
          </Button>
        </Group>
      </Card>
      <QueryView query={planned}>
        {(p) => (
          <Stack>
            <Title order={3}>
              {p.from === p.to ? t('homecare.delivery.dayTitle', { day: p.from, weekday: weekdayOf(p.from) }) : t('homecare.delivery.weekTitle', { from: p.from, to: p.to })}
            </Title>
            <Text size="lg" data-testid="planned-totals">
              {t('homecare.delivery.totals', p.totals)}
            </Text>
            {p.visits.length === 0 ? (
              <Card withBorder>
                <Text size="lg">{t('homecare.delivery.noPlanned')}</Text>
              </Card>
            ) : (
              groupByDay(p.visits).map(([day, visits]) => (
                <Stack key={day} gap="xs">
                  {p.from !== p.to && (
                    <Title order={4}>
                      {day}（星期{weekdayOf(day)}）
                    </Title>
                  )}
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    {visits.map((v) => (
                      <PlannedCard key={`${v.planId} ${v.on}`} v={v} today={today} mayRecord={mayRecord} onRecord={() => setRecording(v)} onMissed={() => setMissing(v)} />
                    ))}
                  </SimpleGrid>
                </Stack>
              ))
            )}
          </Stack>
        )}
      </QueryView>
      {recording && <RecordVisitModal today={today} planned={recording === 'free' ? undefined : recording} onClose={() => setRecording(null)} />}
      {missing && <MissedModal planned={missing} onClose={() => setMissing(null)} />}
    </Stack>
  );
}

function groupByDay(visits: PlannedVisit[]): [string, PlannedVisit[]][] {
  const out = new Map<string, PlannedVisit[]>();
  for (const v of visits) out.set(v.on, [...(out.get(v.on) ?? []), v]);
  return [...out];
}
