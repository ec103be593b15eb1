// 本周计划: the week's visits by village — each village a card with its 村干部, each elder due a line with their level,
// the kind of visit planned, the last visit and the due day; overdue lines red and marked 逾期, visited ones marked
// 已访; one big 记录探访 button per line. The week moves by 上一周/下一周; the route sheet prints it.
import { Badge, Button, Card, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PlanLine, WeekPlan } from '@shared/api/visits';
import { addDays, mondayOf } from '@shared/domain/dates';
import type { VisitKind } from '@shared/domain/elders/vocab';
import { QueryView } from '../../components/QueryView';
import { EmptyState } from '../../components/States';
import { inkVar } from '../../theme';
import { useMayCall } from '../../shell/current-user';
import { useEldersVillages } from '../elders/queries';
import { ElderVisits } from './ElderVisits';
import { type ElderChoice, OverdueMark, RiskMark } from './marks';
import { useVisitsPlan } from './queries';
import { VisitModal, type VisitModalProps } from './VisitModal';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function Line({ line, village, onRecord, onHistory, mayRecord }: { line: PlanLine; village: string; onRecord: (p: Omit<VisitModalProps, 'onClose'>) => void; onHistory: (e: ElderChoice) => void; mayRecord: boolean }) {
  const { t } = useTranslation();
  const kind = (k: VisitKind) => t(`enums.visitKind.${k}`);
  const done = line.doneThisWeek;
  const red = line.overdue && !done;
  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-label={line.name}
      data-testid="plan-line"
      data-overdue={red ? 'yes' : 'no'}
      style={red ? { borderColor: inkVar('danger'), borderWidth: 2, borderLeftWidth: 8 } : done ? { borderLeftColor: inkVar('done'), borderLeftWidth: 8 } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text size="xl" fw={700} c={red ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
              {line.name}
            </Text>
            <Text size="lg" style={{ whiteSpace: 'nowrap' }}>
              {t('visits.age', { n: line.age })}
            </Text>
            <RiskMark level={line.risk} />
            {red && <OverdueMark />}
            {done && (
              <Badge size="lg" color="done" variant="filled" data-testid="done">
                {t('visits.doneThisWeek', { on: done.on.slice(5), kind: kind(done.kind) })}
              </Badge>
            )}
          </Group>
          <Text>
            {line.address || t('visits.noAddress')} · {line.phone ? <a href={`tel:${line.phone}`}>{line.phone}</a> : t('visits.noPhone')}
          </Text>
          <Text c={red ? 'danger' : undefined} fw={red ? 700 : undefined}>
            {[t('visits.planned', { kind: kind(line.plannedKind) }), t('visits.dueOn', { date: line.dueOn }), line.lastVisit ? t('visits.lastVisit', { on: line.lastVisit.on, kind: kind(line.lastVisit.kind) }) : t('visits.neverVisited')].map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <span style={NOWRAP}>{part}</span>
              </Fragment>
            ))}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="lg" variant="subtle" onClick={() => onHistory({ id: line.elderId, name: line.name, village })} aria-label={`${t('visits.history')} ${line.name}`}>
            {t('visits.history')}
          </Button>
          {mayRecord && (
            <Button size="lg" variant={done ? 'outline' : 'filled'} onClick={() => onRecord({ elder: { id: line.elderId, name: line.name, village }, plannedKind: line.plannedKind })} aria-label={`${done ? t('visits.recordAgain') : t('visits.record')} ${line.name}`}>
              {done ? t('visits.recordAgain') : t('visits.record')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

type Show = 'all' | 'todo' | 'overdue';
const shown: Record<Show, (l: PlanLine) => boolean> = { all: () => true, todo: (l) => !l.doneThisWeek, overdue: (l) => l.overdue && !l.doneThisWeek };

function Plan({ plan, show, onRecord, onHistory, mayRecord }: { plan: WeekPlan; show: Show; onRecord: (p: Omit<VisitModalProps, 'onClose'>) => void; onHistory: (e: ElderChoice) => void; mayRecord: boolean }) {
  const { t } = useTranslation();
  const villages = plan.villages.map((v) => ({ ...v, lines: v.lines.filter(shown[show]) })).filter((v) => v.lines.length > 0);
  return (
    <Stack>
      <Text size="lg" fw={700} data-testid="plan-totals">
        {t('visits.totals', plan.totals)}
      </Text>
      {villages.length === 0 && <EmptyState>{t('visits.nothingShown')}</EmptyState>}
      {villages.map((v) => (
        <Card key={v.villageId} withBorder padding="sm" data-testid="plan-village">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={3}>{v.village}</Title>
            <Group gap="xs" wrap="wrap">
              <Text size="lg">{v.cadreName ? t('visits.cadre', { name: v.cadreName, phone: v.cadrePhone }) : t('visits.noCadre')}</Text>
              <Button size="md" variant="subtle" component={Link} to={`/visits/sheet?monday=${plan.monday}&village=${v.villageId}`} aria-label={`${t('visits.printVillage')} ${v.village}`}>
                {t('visits.printVillage')}
              </Button>
            </Group>
          </Group>
          <Stack gap="xs">
            {v.lines.map((l) => (
              // Keyed by its state too: the edge's inline border styles are set afresh, not patched from red to green (React
              // clearing the red border-width shorthand would take the left edge's width with it).
              <Line key={`${l.elderId}:${l.overdue}:${l.doneThisWeek !== null}`} line={l} village={v.village} onRecord={onRecord} onHistory={onHistory} mayRecord={mayRecord} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export function PlanTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mayRecord = useMayCall('visits.record');
  const [monday, setMonday] = useState(() => mondayOf(today));
  const villageId = params.get('village');
  const villages = useEldersVillages({});
  const plan = useVisitsPlan({ monday, villageId });
  const [form, setForm] = useState<Omit<VisitModalProps, 'onClose'> | null>(null);
  const [history, setHistory] = useState<ElderChoice | null>(null);
  const [show, setShow] = useState<Show>('all');
  const setVillage = (id: string | null) => setParams(id ? { tab: 'plan', village: id } : { tab: 'plan' });
  const sheet = `/visits/sheet?monday=${monday}${villageId ? `&village=${villageId}` : ''}`;
  // The 探访记录表 of the shown week's month (the ledger of visits done, beside the plan of visits to do).
  const ledger = `/visits/ledger?month=${monday.slice(0, 7)}${villageId ? `&village=${villageId}` : ''}`;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Button size="lg" variant="outline" onClick={() => setMonday(addDays(monday, -7))}>
            {t('visits.prevWeek')}
          </Button>
          <Button size="lg" variant="outline" onClick={() => setMonday(mondayOf(today))} disabled={monday === mondayOf(today)}>
            {t('visits.thisWeek')}
          </Button>
          <Button size="lg" variant="outline" onClick={() => setMonday(addDays(monday, 7))}>
            {t('visits.nextWeek')}
          </Button>
          <DateInput
            size="lg"
            w={170}
            aria-label={t('visits.pickWeek')}
            valueFormat="YYYY-MM-DD"
            value={monday}
            onChange={(v) => v && setMonday(mondayOf(v))}
          />
          <Text size="lg" fw={700} data-testid="plan-week" style={{ whiteSpace: 'nowrap' }}>
            {t('visits.week', { from: monday, to: addDays(monday, 6) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          {mayRecord && (
            <Button size="lg" onClick={() => setForm({})}>
              {t('visits.findElder')}
            </Button>
          )}
          <Button size="lg" variant="outline" component={Link} to={sheet}>
            {t('visits.printSheet')}
          </Button>
          <Button size="lg" variant="outline" component={Link} to={ledger}>
            {t('visits.printLedger')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          size="lg"
          label={t('visits.village')}
          allowDeselect={false}
          data={[{ value: '', label: t('visits.allVillages') }, ...(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))]}
          value={villageId ?? ''}
          onChange={(v) => setVillage(v || null)}
          w={300}
        />
        <div role="group" aria-label={t('visits.show')}>
          <SegmentedControl
            size="lg"
            value={show}
            onChange={(v) => setShow(v as Show)}
            data={[
              { value: 'all', label: t('visits.showEveryone') },
              { value: 'todo', label: t('visits.showTodo') },
              { value: 'overdue', label: t('visits.showOverdue') },
            ]}
          />
        </div>
      </Group>
      <QueryView query={plan} empty={t('visits.planEmpty')} isEmpty={(p) => p.villages.length === 0} emptyAction={<Text>{t('visits.planEmptyHint')}</Text>}>
        {(p) => <Plan plan={p} show={show} onRecord={setForm} onHistory={setHistory} mayRecord={mayRecord} />}
      </QueryView>
      {form && <VisitModal {...form} onClose={() => setForm(null)} />}
      {history && (
        <Modal opened onClose={() => setHistory(null)} size="xl" title={`${history.name}（${history.village}）`}>
          <ElderVisits elder={history} />
        </Modal>
      )}
    </Stack>
  );
}
