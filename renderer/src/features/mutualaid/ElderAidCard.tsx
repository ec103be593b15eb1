// The elder file's 互助养老 card: the elder's pairs (open, and ended with when), the latest help received, and — when
// the elder is a helper too (低龄老人) — their time-bank balance. Compact; nothing at all when there is nothing.
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMayCall } from '../../shell/current-user';
import { hoursText, pointsText } from './parts';
import { useAidOfElder } from './queries';

export function ElderAidCard({ elder }: { elder: { id: string; name: string; village: string; status: string } }) {
  const { t } = useTranslation();
  const mayRead = useMayCall('mutualaid.ofElder');
  const aid = useAidOfElder({ elderId: elder.id }, mayRead);
  if (!mayRead || !aid.data) return null;
  const { pairs, received, asHelper } = aid.data;
  if (pairs.length === 0 && received.length === 0 && !asHelper) return null;
  const open = pairs.filter((p) => p.endedOn === null);
  const ended = pairs.filter((p) => p.endedOn !== null);
  return (
    <Card withBorder data-testid="elder-aid-card">
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t('mutualaid.card.title')}</Title>
        <Anchor component={Link} to="/mutualaid" size="lg">
          {t('mutualaid.card.open')}
        </Anchor>
      </Group>
      <Stack gap={4}>
        {open.map((p) => (
          <Text key={p.id}>{t('mutualaid.card.pair', { helper: p.helper, kind: t(`enums.helperKind.${p.helperKind}`), since: p.since, hours: hoursText(p.minutes) })}</Text>
        ))}
        {ended.length > 0 && <Text c="dimmed">{t('mutualaid.card.ended', { list: ended.map((p) => `${p.helper}（${p.since}–${p.endedOn ?? ''}）`).join('、') })}</Text>}
        {received.length > 0 && (
          <Text>
            {t('mutualaid.card.received')}
            {received
              .slice(0, 5)
              .map((a) => t('mutualaid.card.activity', { on: a.doneOn.slice(5), helper: a.helper, kind: t(`enums.aidActivityKind.${a.kind}`), hours: hoursText(a.minutes) }))
              .join('；')}
          </Text>
        )}
        {asHelper && <Text fw={700}>{t('mutualaid.card.asHelper', { name: elder.name, points: pointsText(asHelper.balanceTenths), hours: hoursText(asHelper.minutes) })}</Text>}
      </Stack>
    </Card>
  );
}
