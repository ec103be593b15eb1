// 特困人员 self-care tier on the resident's file. The official tier is the county's decision; the centre's own
// six-indicator assessment is a proposal, shown 待县民政局认定 until the county answers (red when the county is late).
// For a resident who is not 特困 the result is the centre's own assessment: nothing is sent, nothing is waited for.
// The manager records a proposal, or enters the county's decision from the paper document.
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierOverview } from '@shared/api/tier';
import { DEFAULT_SETTINGS } from '@shared/api/settings';
import { TIER_NAMES } from '@shared/domain/assessment/tekun-tier';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { DecisionForm } from './DecisionForm';
import { TierForm } from './TierForm';
import { useSettingsGet } from '../settings/queries';
import { useTierOverview } from './queries';

function Status({ o }: { o: TierOverview }) {
  const { t } = useTranslation();
  const latest = o.proposals[0];
  const waiting = o.proposals.find((p) => !p.answer);
  if (o.status === 'none') return <Text>{t(o.tekun ? 'tier.none' : 'tier.noneOwn')}</Text>;
  if (o.status === 'own')
    return (
      <Stack gap="xs">
        <Group>
          <Badge size="lg" color="gray.8" variant="outline" data-testid="tier-latest">
            {TIER_NAMES[o.tier!]}
          </Badge>
          <Text fw={700} data-testid="tier-own">
            {t('tier.own')}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('tier.latestOn', { date: o.proposals[0].assessedOn, by: o.proposals[0].assessor })} · {t('tier.ownHint')}
        </Text>
      </Stack>
    );
  return (
    <Stack gap="xs">
      {o.status === 'official' ? (
        <>
          <Group>
            <Badge size="lg" color="info" variant="filled" data-testid="tier-latest">
              {TIER_NAMES[o.tier!]}
            </Badge>
            <Text fw={700}>{t('tier.official')}</Text>
          </Group>
          <Text>
            {t('tier.officialLine', { date: o.decidedOn, doc: o.documentNo || '—' })} · {o.careTier ? t('tier.careTier', { n: o.careTier }) : t('tier.careTierNone')}
          </Text>
          {o.differs && latest && <Text c="orange.9">{t('tier.differs', { tier: TIER_NAMES[o.proposals.find((p) => p.answer?.outcome === 'confirmed')?.tier ?? latest.tier] })}</Text>}
          {o.pending && waiting && <Text c="orange.9">{t('tier.pendingBeside', { date: waiting.assessedOn, tier: TIER_NAMES[o.pending] })}</Text>}
        </>
      ) : (
        <Group>
          <Badge size="lg" color="orange.8" variant="outline" data-testid="tier-latest">
            {TIER_NAMES[o.tier!]}
          </Badge>
          <Text fw={700} c="orange.9" data-testid="tier-awaiting">
            {t('tier.proposed')} · {t('tier.awaiting')}
          </Text>
        </Group>
      )}
      {waiting && (
        <Text size="sm" c="dimmed">
          {t('tier.latestOn', { date: waiting.assessedOn, by: waiting.assessor })} · {waiting.sentOn ? t('tier.sentOn', { date: waiting.sentOn }) : t('tier.notSent')}
        </Text>
      )}
      {waiting?.overdue && <TierOverdue />}
    </Stack>
  );
}

function TierOverdue() {
  const { t } = useTranslation();
  const settings = useSettingsGet();
  return (
    <Alert color="red" variant="light" data-testid="tier-overdue">
      {t('tier.overdue', { days: settings.data?.tierAnswerWorkingDays ?? DEFAULT_SETTINGS.tierAnswerWorkingDays })}
    </Alert>
  );
}

function History({ o }: { o: TierOverview }) {
  const { t } = useTranslation();
  const rows = [
    ...o.proposals.map((p) => ({
      key: p.id,
      date: p.assessedOn,
      what: t(o.tekun ? 'tier.kindProposal' : 'tier.kindOwn'),
      tier: TIER_NAMES[p.tier],
      answer: !o.tekun && !p.answer ? '—' : p.answer ? (p.answer.outcome === 'confirmed' ? t('tier.answerConfirmed', { tier: TIER_NAMES[p.answer.tier!] }) : t('tier.answerRejected', { reason: p.answer.reason })) : t('tier.answerNone'),
      by: p.assessor,
    })),
    ...o.decisions.map((d) => ({
      key: d.id,
      date: d.decidedOn,
      what: `${d.outcome === 'confirmed' ? t('tier.kindDecision') : t('tier.kindRejected')}（${d.source === 'paper' ? t('tier.sourcePaper') : t('tier.sourceFile')}）`,
      tier: d.tier ? `${TIER_NAMES[d.tier]}${d.careTier ? ` · ${t('tier.careTier', { n: d.careTier })}` : ''}` : '—',
      answer: d.documentNo || d.reason,
      by: d.createdBy,
    })),
  ].sort((a, b) => b.date.localeCompare(a.date));
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={440} type="native" tabIndex={0} aria-label={t('tier.history')}>
      <Table fz="sm" data-testid="tier-history">
        <Table.Thead>
          <Table.Tr>
            {(['date', 'what', 'tier', 'answer'] as const).map((c) => (
              <Table.Th key={c}>{t(`tier.col.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.date}</Table.Td>
              <Table.Td>
                {r.what}
                <Text size="xs" c="dimmed">
                  {r.by}
                </Text>
              </Table.Td>
              <Table.Td>{r.tier}</Table.Td>
              <Table.Td>{r.answer}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TierCard({ residentId, today, active }: { residentId: string; today: string; active: boolean }) {
  const { t } = useTranslation();
  const overview = useTierOverview({ residentId });
  const mayRecord = useMayCall('tier.record');
  const mayDecide = useMayCall('tier.decide');
  const [open, setOpen] = useState<'proposal' | 'decision' | null>(null);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('tier.title')}
        </Title>
        <Group gap="xs">
          {mayRecord && active && <Button onClick={() => setOpen('proposal')}>{t('tier.record')}</Button>}
          {mayDecide && active && overview.data?.tekun && (
            <Button variant="outline" onClick={() => setOpen('decision')}>
              {t('tier.decide')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryView query={overview}>
        {(data) => (
          <Stack>
            <Status o={data} />
            <Title order={4} size="h5">
              {t('tier.history')}
            </Title>
            <History o={data} />
          </Stack>
        )}
      </QueryView>
      {open === 'proposal' && <TierForm residentId={residentId} today={today} tekun={overview.data?.tekun ?? true} onClose={() => setOpen(null)} />}
      {open === 'decision' && overview.data && <DecisionForm residentId={residentId} today={today} proposals={overview.data.proposals} onClose={() => setOpen(null)} />}
    </Card>
  );
}
