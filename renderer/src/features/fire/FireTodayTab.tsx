// 今日巡查: today's day patrol, tonight's and last night's patrols (green done, red missed), what falls due, the
// buttons that start a round, and the latest rounds with the supervisor's countersignature.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '@shared/api/fire';
import { ROUND_KINDS, type RoundKind } from '@shared/domain/fire/vocab';
import { LoadingState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { clockTime, shortDateTime } from '../../components/time';
import { useCurrentUser, useMayCall } from '../../shell/current-user';
import { RoundForm } from './RoundForm';
import { useFireCompliance, useFireCountersign, useFireRounds, useFireSettings } from './queries';
import { addDays } from '@shared/domain/dates';

/** A night's required patrols: by number when the plan is a count, by window when windows are set. */
function NightWindows({ title, day }: { title: string; day: Compliance['today'] }) {
  const { t } = useTranslation();
  const byCount = day.night.every((w) => w.from === day.night[0].from);
  return (
    <div>
      <Text fw={700} mb={4}>
        {title}
      </Text>
      <Group gap="xs" data-testid="night-windows">
        {day.night.map((w, i) => (
          <Badge key={`${w.from}-${i}`} size="xl" variant="filled" color={w.done ? 'ok' : w.missed ? 'danger' : 'muted'}>
            {byCount ? t('fire.patrolNo', { n: i + 1 }) : `${clockTime(w.from)}–${clockTime(w.to)}`} {w.done ? `${t('fire.windowDone')} ${clockTime(w.at!)}` : w.missed ? t('fire.windowMissed') : t('fire.windowOpen')}
          </Badge>
        ))}
      </Group>
    </div>
  );
}

/** The night plan in words: "每晚至少巡查 2 次，两次之间至少隔 120 分钟" or "每个时段内巡查一次". */
function NightPlanLine() {
  const { t } = useTranslation();
  const plan = useFireSettings();
  if (!plan.data) return null;
  const p = plan.data;
  return (
    <Text data-testid="night-plan">
      {p.nightStart}–{p.nightEnd}：{p.nightWindows.length ? t('fire.nightPlanWindows') : t('fire.nightPlanCount', { n: p.nightPatrols, gap: p.nightGapMinutes })}
    </Text>
  );
}

function RecentRounds({ today }: { today: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const rounds = useFireRounds({ from: addDays(today, -2), to: today });
  const mayCountersign = useMayCall('fire.countersign');
  const sign = useFireCountersign({ successMessage: t('app.saved') });
  if (!rounds.data) return <LoadingState />;
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('fire.recent')}
      </Title>
      {rounds.data.length === 0 ? (
        <Text>{t('fire.noRounds')}</Text>
      ) : (
        <Stack gap="xs" data-testid="recent-rounds">
          {rounds.data.map((r) => (
            <Group key={r.id} justify="space-between">
              <Text c={r.problems ? 'red.9' : undefined}>
                {t('fire.roundLine', { time: shortDateTime(r.doneAt), kind: t(`enums.roundKind.${r.kind}`), by: r.by, checked: r.checked, problems: r.problems })}
              </Text>
              {r.countersignedBy ? (
                <Badge color="ok" variant="light" size="lg">
                  {t('fire.countersigned', { name: r.countersignedBy })}
                </Badge>
              ) : mayCountersign && r.by !== user.name ? (
                <Button variant="outline" size="sm" loading={sign.isPending} onClick={() => sign.mutate({ roundId: r.id })} aria-label={`${t('fire.countersign')} ${r.by} ${clockTime(r.doneAt)}`}>
                  {t('fire.countersign')}
                </Button>
              ) : (
                <Text size="sm">{t('fire.notCountersigned')}</Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function FireTodayTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const c = useFireCompliance({ month: null });
  const mayRecord = useMayCall('fire.recordRound');
  const [walking, setWalking] = useState<RoundKind | null>(null);
  if (walking) return <RoundForm kind={walking} today={today} onDone={() => setWalking(null)} />;
  return (
    <QueryView query={c}>
      {(cData) => {
      const d = cData;
      const never = t('fire.never');
      return (
        <Stack>
          {d.overdueNow && (
            <Alert color="red.9" variant="filled" data-testid="fire-overdue">
              <Text fw={700} size="lg">
                {d.today.dayMissed ? t('fire.dayMissed') : t('fire.overdue')}
              </Text>
            </Alert>
          )}
          {mayRecord && (
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {ROUND_KINDS.map((k) => (
                // The label may wrap: on a phone two buttons share a row and "开始日间巡查" must not be cut.
                <Button key={k} size="xl" h={80} px="xs" styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2 } }} variant={k === 'night_patrol' ? 'filled' : 'outline'} onClick={() => setWalking(k)}>
                  {t(`fire.start.${k}`)}
                </Button>
              ))}
            </SimpleGrid>
          )}
          <Card withBorder>
            <Stack>
              <Text size="lg" fw={700} c={d.today.dayMissed ? 'red.9' : undefined} data-testid="day-line">
                {t('fire.dayLine', { done: d.today.dayDone, required: d.today.dayRequired })}
              </Text>
              <NightPlanLine />
              {/* Before dawn the night still running started yesterday: show it first. */}
              {d.lastNight.night.some((w) => !w.done && !w.missed) ? (
                <>
                  <NightWindows title={t('fire.nightOf', { date: d.lastNight.date })} day={d.lastNight} />
                  <NightWindows title={t('fire.nightOf', { date: d.today.date })} day={d.today} />
                </>
              ) : (
                <>
                  <NightWindows title={t('fire.nightOf', { date: d.today.date })} day={d.today} />
                  <NightWindows title={t('fire.nightOf', { date: d.lastNight.date })} day={d.lastNight} />
                </>
              )}
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap={4}>
              <Text c={d.overdueDangers ? 'red.9' : undefined} fw={d.overdueDangers ? 700 : undefined}>
                {t('fire.openDangers', { n: d.openDangers, overdue: d.overdueDangers })}
              </Text>
              <Text c={d.inspectionDue <= today ? 'red.9' : undefined}>{t('fire.inspectionDue', { date: d.inspectionDue, last: d.lastInspection ?? never })}</Text>
              <Text c={d.drillDue <= today ? 'red.9' : undefined}>{t('fire.drillDue', { date: d.drillDue, last: d.lastDrill ?? never })}</Text>
              <Text>{t('fire.equipmentLine', { n: d.equipmentExpiring, last: d.lastEquipmentCheck ?? never })}</Text>
              <Text>{t('fire.untrainedLine', { n: d.untrained })}</Text>
            </Stack>
          </Card>
          <RecentRounds today={today} />
        </Stack>
      );
      }}
    </QueryView>
  );
}
