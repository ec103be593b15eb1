// One centre's month, from the county (the drill-down): its indicators over the last twelve months it reported, and
// the residents list it sent (searchable), ID numbers masked — the county administrator may look at one in full
// (audited) to match the county's 特困 roll.
import { Anchor, Badge, Button, Card, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { INDICATORS, LEVEL_NAMES, TIER_NAMES, formatIndicator } from '@shared/domain/sync/figures';
import { useMayCall } from '../../shell/current-user';
import { QueryView } from '../../components/QueryView';
import { useCountyCentre, useCountyRevealIdNumber } from './queries';

/** Names, ID numbers and one-word cells stay on one line. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function CountyCentrePage() {
  const { t } = useTranslation();
  const { code = '', period = '' } = useParams();
  const detail = useCountyCentre({ centreCode: code, period });
  const [query, setQuery] = useState('');
  // Full numbers fetched on request only; the backend writes every look to the audit log.
  const [full, setFull] = useState<Record<string, string>>({});
  const reveal = useCountyRevealIdNumber();
  const mayReveal = useMayCall('county.revealIdNumber');
  return (
    <QueryView query={detail}>
      {(detailData) => {
      const d = detailData;
      const people = d.residents.filter((r) => !query.trim() || r.name.includes(query.trim()));
      return (
        <Stack>
          <Anchor component={Link} to={`/county/indicators?period=${period}`} size="lg">
            ← {t('county.back')}
          </Anchor>
          <Title order={2}>{t('county.centreTitle', { name: d.centre.name, period })}</Title>
          <Card withBorder padding="md">
            <Table.ScrollContainer minWidth={400 + d.months.length * 90}>
              <Table striped withTableBorder verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('county.col.group')}</Table.Th>
                    <Table.Th>{t('county.col.indicator')}</Table.Th>
                    {d.months.map((m) => (
                      <Table.Th key={m.period} fw={m.period === period ? 900 : undefined}>
                        {m.period}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {INDICATORS.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>{r.group}</Table.Td>
                      <Table.Td>{r.label}</Table.Td>
                      {d.months.map((m) => (
                        <Table.Td key={m.period}>{formatIndicator(r, m.figures)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Card withBorder padding="md">
            <Title order={3} size="h4" mb="sm">
              {t('county.residentsTitle', { n: d.residents.length })}
            </Title>
            <TextInput label={t('county.residentsSearch')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={260} mb="sm" />
            <Table.ScrollContainer minWidth={1000}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('county.col.name')}</Table.Th>
                    <Table.Th>{t('county.tables.idNumber')}</Table.Th>
                    {(['sex', 'age', 'category', 'level', 'tier'] as const).map((c) => (
                      <Table.Th key={c}>{t(`county.col.${c}`)}</Table.Th>
                    ))}
                    <Table.Th style={NOWRAP}>{t('county.tables.hukou')}</Table.Th>
                    <Table.Th>{t('county.col.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={NOWRAP}>{r.name}</Table.Td>
                      <Table.Td style={NOWRAP} data-testid={`id-${r.id}`}>
                        {full[r.id] ?? r.idMasked ?? t('county.tables.idNone')}
                        {mayReveal && r.idMasked && full[r.id] === undefined && (
                          <Button size="compact-sm" variant="subtle" ml="xs" title={t('county.tables.revealAudited')} onClick={() => reveal.mutate({ centreCode: code, period, residentId: r.id }, { onSuccess: (v) => setFull((f) => ({ ...f, [r.id]: v.idNumber })) })}>
                            {t('county.tables.reveal')}
                          </Button>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`enums.sex.${r.sex as 'male'}`)}</Table.Td>
                      <Table.Td>{r.age}</Table.Td>
                      <Table.Td>{t(`enums.category.${r.category as 'other'}`)}</Table.Td>
                      <Table.Td>
                        {r.level === null ? t('county.unassessed') : LEVEL_NAMES[r.level]}
                        {r.overdue && (
                          <Badge color="rust" variant="outline" ml="xs">
                            {t('county.overdue')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {TIER_NAMES[(r.tier ?? 'none') as keyof typeof TIER_NAMES]}
                        {r.tierProposed && r.tierProposed !== r.tier && (
                          <Text size="sm" c="dimmed">
                            {t('county.tables.tierProposed', { tier: TIER_NAMES[r.tierProposed as keyof typeof TIER_NAMES] })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>{r.hukou ? t(`county.tables.hukouValue.${r.hukou as 'urban'}`) : t('county.tables.unknown')}</Table.Td>
                      <Table.Td>{t(`enums.residentStatus.${r.status as 'in_residence'}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {people.length === 0 && <Text>{t('county.none')}</Text>}
          </Card>
        </Stack>
      );
      }}
    </QueryView>
  );
}
