// 报送情况: centres × months of a year, each cell on time / late / corrected / missing / not yet due; a reported cell
// opens that centre's month.
import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CELL_STATUSES } from '../../../../shared/api/county';
import { useApi } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { DARK } from './outcome';

export const CELL_COLOURS: Record<(typeof CELL_STATUSES)[number], { color: string; variant: 'filled' | 'outline' | 'light' }> = {
  on_time: { color: DARK.green, variant: 'filled' },
  late: { color: DARK.orange, variant: 'filled' },
  corrected: { color: DARK.blue, variant: 'filled' },
  missing: { color: DARK.red, variant: 'outline' },
  not_due: { color: DARK.grey, variant: 'outline' },
  unregistered: { color: DARK.grey, variant: 'light' },
};

export function CountyMatrixPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const info = useApi('system.info', {});
  const thisYear = Number((info.data?.today ?? '2026').slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? thisYear;
  const matrix = useApi('county.matrix', { year: shownYear });
  if (matrix.isPending) return <LoadingState />;
  if (matrix.isError) return <ErrorState error={matrix.error} onRetry={() => matrix.refetch()} />;
  return (
    <Stack>
      <Title order={2}>{t('county.matrixTitle')}</Title>
      <Text size="lg">{t('county.matrixHint', { day: matrix.data.dueDay })}</Text>
      <Group>
        <Select label={t('county.year')} data={[0, 1, 2, 3].map((i) => String(thisYear - i))} value={String(shownYear)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} w={160} />
        <Group gap="xs" mt="lg" aria-label={t('county.legend')}>
          {CELL_STATUSES.map((s) => (
            <Badge key={s} size="lg" {...CELL_COLOURS[s]}>
              {t(`county.status.${s}`)}
            </Badge>
          ))}
        </Group>
      </Group>
      {matrix.data.centres.length === 0 ? (
        <EmptyState action={<Button onClick={() => navigate('/county/centres')}>{t('county.goEnrol')}</Button>}>{t('county.noCentres')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table withTableBorder withColumnBorders verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('county.col.centre')}</Table.Th>
                {Array.from({ length: 12 }, (_, i) => (
                  <Table.Th key={i}>{i + 1}月</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.centres.map((c) => (
                <Table.Tr key={c.centreCode}>
                  <Table.Td>
                    <Text fw={700}>{c.name}</Text>
                  </Table.Td>
                  {c.cells.map((cell) => {
                    const reported = cell.status !== 'missing' && cell.status !== 'not_due';
                    const badge = (
                      <Badge size="lg" {...CELL_COLOURS[cell.status]}>
                        {t(`county.status.${cell.status}`)}
                      </Badge>
                    );
                    return (
                      <Table.Td key={cell.period} data-testid={`cell-${c.centreCode}-${cell.period}`}>
                        {reported ? (
                          <Button variant="subtle" size="compact-md" p={0} onClick={() => navigate(`/county/centre/${c.centreCode}/${cell.period}`)} aria-label={`${c.name} ${cell.period} ${t(`county.status.${cell.status}`)}`}>
                            {badge}
                          </Button>
                        ) : (
                          badge
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
