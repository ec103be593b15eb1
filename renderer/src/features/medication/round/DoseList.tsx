// One resident's doses of the shift, as the round and the resident's card show them: each dose with its time, drug,
// dose and route, and either four big buttons (已服 / 拒服 / 暂缓 / 缺药) or what was recorded (who, when, late, the
// check; earlier records struck through) with 更正 and 报告用药差错; then the 按需 orders with today's count,
// each 按需 record with 效果, 更正 and 报告用药差错 too.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DoseRecord, ResidentDoses, ScheduledDose } from '@shared/api/medication-round';
import { clockTime } from '../../../components/time';
import { inkVar } from '../../../theme';
import type { DoseActions } from './DoseFlow';
import { doseLine, drugLine } from './words';

const OUTCOME_INK = { given: 'done', refused: 'danger', held: 'warning', not_available: 'warning' } as const;

function RecordLine({ r, struck }: { r: DoseRecord; struck?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" style={struck ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
      <Badge size="lg" color={OUTCOME_INK[r.outcome]}>
        {t(`enums.doseOutcome.${r.outcome}`)}
      </Badge>
      <Text size="md">{t('medication.round.recordedBy', { name: r.recordedBy, time: clockTime(r.givenAt) })}</Text>
      {r.lateMinutes !== null && <Badge color="warning">{t('medication.round.lateBy', { n: r.lateMinutes })}</Badge>}
      {r.checkerName && <Text size="md">{t('medication.round.checkedBy', { name: r.checkerName })}</Text>}
      {r.reason && <Text size="md">{r.reason}</Text>}
      {r.amended && !struck && <Badge variant="outline">{t('medication.round.amended')}</Badge>}
    </Group>
  );
}

function DoseItem({ resident, d, actions, open }: { resident: ResidentDoses; d: ScheduledDose; actions: DoseActions; open: boolean }) {
  const { t } = useTranslation();
  const pending = d.state === 'pending';
  const border = pending && d.overdue ? inkVar('danger') : pending ? inkVar('gray.5') : inkVar('leaf');
  const canRecord = open && resident.present && pending;
  return (
    <Card withBorder padding="sm" style={{ borderWidth: 2, borderColor: border }} data-testid="dose" data-state={d.state} data-drug={d.drugName} data-slot={d.slot}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Text fz={26} fw={700}>
            {d.slot}
          </Text>
          <Text fz={22} fw={700}>
            {drugLine(d)}
          </Text>
          {d.needsSecondCheck && <Badge color="danger" size="lg">{t('medication.round.highAlert')}</Badge>}
          {d.supply === 'kept' && <Badge variant="outline">{t('medication.round.kept')}</Badge>}
          {pending && d.overdue && <Badge color="danger">{t('medication.round.overdue')}</Badge>}
        </Group>
        <Text size="lg">
          {doseLine(d)}
          {d.note ? `　${d.note}` : ''}
        </Text>
        {d.superseded.map((r) => (
          <RecordLine key={r.doseId} r={r} struck />
        ))}
        {d.record && <RecordLine r={d.record} />}
        {!resident.present && pending && <Text c="dimmed">{t('medication.round.notGiving')}</Text>}
        {canRecord && (
          <Group gap="sm" grow wrap="wrap">
            <Button size="xl" color="done" disabled={actions.busy || d.tooEarly} onClick={() => actions.give(d)} miw={120}>
              {t('medication.round.give')}
            </Button>
            <Button size="xl" variant="outline" color="danger" onClick={() => actions.other(resident.name, d, 'refused')}>
              {t('medication.round.refuse')}
            </Button>
            <Button size="xl" variant="outline" color="warning" onClick={() => actions.other(resident.name, d, 'held')}>
              {t('medication.round.hold')}
            </Button>
            <Button size="xl" variant="outline" color="gray" onClick={() => actions.other(resident.name, d, 'not_available')}>
              {t('medication.round.missing')}
            </Button>
          </Group>
        )}
        {canRecord && d.tooEarly && <Text c="dimmed">{t('medication.round.tooEarly')}</Text>}
        {d.record && (
          <Group gap="sm">
            <Button size="md" variant="default" onClick={() => actions.fix(d, d.slot, d.record!)}>
              {t('medication.round.fix')}
            </Button>
            <Button size="md" variant="subtle" color="danger" onClick={() => actions.reportError(resident.residentId, resident.name, d, d.slot, d.record!)}>
              {t('medication.round.reportError')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function DoseList({ resident, actions, open }: { resident: ResidentDoses; actions: DoseActions; open: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {resident.doses.map((d) => (
        <DoseItem key={`${d.orderId}|${d.dueAt}`} resident={resident} d={d} actions={actions} open={open} />
      ))}
      {resident.prn.length > 0 && (
        <Stack gap="xs">
          <Text fw={700} size="lg">
            {t('medication.round.prnTitle')}
          </Text>
          {resident.prn.map((p) => {
            const full = p.givenToday >= p.maxPerDay;
            return (
              <Card key={p.orderId} withBorder padding="sm" data-testid="prn" data-drug={p.drugName}>
                <Stack gap={6}>
                  <Group gap="sm" wrap="wrap">
                    <Text fz={22} fw={700}>
                      {drugLine(p)}
                    </Text>
                    {p.needsSecondCheck && <Badge color="danger">{t('medication.round.highAlert')}</Badge>}
                  </Group>
                  <Text size="lg">{doseLine(p)}</Text>
                  <Text size="md">{t('medication.round.prnLine', { indication: p.indication, max: p.maxPerDay, n: p.givenToday })}</Text>
                  {p.doses.map((r) => (
                    <Group key={r.doseId} gap="sm">
                      <RecordLine r={r} />
                      {r.prnEffect ? (
                        <Text size="md">{t('medication.round.effectWas', { text: r.prnEffect })}</Text>
                      ) : (
                        r.outcome === 'given' && (
                          <Button size="md" variant="light" onClick={() => actions.effect(p, r)}>
                            {t('medication.round.prnEffect')}
                          </Button>
                        )
                      )}
                      <Button size="md" variant="default" onClick={() => actions.fix(p, clockTime(r.givenAt), r)}>
                        {t('medication.round.fix')}
                      </Button>
                      <Button size="md" variant="subtle" color="danger" onClick={() => actions.reportError(resident.residentId, resident.name, p, clockTime(r.givenAt), r)}>
                        {t('medication.round.reportError')}
                      </Button>
                    </Group>
                  ))}
                  {open && resident.present && (
                    <Button size="lg" variant="outline" disabled={full} onClick={() => actions.prn(resident.name, p)}>
                      {full ? t('medication.round.prnFull') : t('medication.round.prnGive')}
                    </Button>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
