// 代管药品: for each resident, each kept drug — what is left (expired part said), the active kept orders' daily dose and
// the days it lasts, the warnings (过期, 临期, 余量不足, 已无药), and its batches with their ledger and return/destroy.
// Keepers receive medicines here; everyone reads. ?resident=ID opens one resident (from the orders tab or the card).
import { Badge, Button, Card, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BatchRow, DrugStock, ResidentStock, StockWarning } from '@shared/api/medication-stock';
import { QueryView } from '../../../components/QueryView';
import { EmptyState } from '../../../components/States';
import { useMayCall } from '../../../shell/current-user';
import { DisposeModal, LedgerModal } from './BatchModals';
import { drugTitle, qty } from './format';
import { useStock } from './queries';
import { ReceiveModal } from './ReceiveModal';

const WARNING_COLOR: Record<StockWarning, string> = { expired: 'danger', none_left: 'danger', low: 'warning', expiring: 'warning' };

export function WarningBadges({ warnings }: { warnings: readonly StockWarning[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {warnings.map((w) => (
        <Badge key={w} size="lg" variant="light" color={WARNING_COLOR[w]}>
          {t(`medication.stock.warning.${w}`)}
        </Badge>
      ))}
    </Group>
  );
}

function DrugRows({ d, keeper, onLedger, onDispose }: { d: DrugStock; keeper: boolean; onLedger: (b: BatchRow) => void; onDispose: (b: BatchRow, d: DrugStock) => void }) {
  const { t } = useTranslation();
  const expiredLeft = d.leftCenti - d.usableCenti;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text fw={700}>{drugTitle(d)}</Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {qty(t, d.leftCenti, d.unit)}
          {expiredLeft > 0 && <Text span c="danger">{t('medication.stock.expiredPart', { quantity: qty(t, expiredLeft, d.unit) })}</Text>}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.dailyCenti === null ? <Text span c="dimmed">{t('medication.stock.noOrder')}</Text> : qty(t, d.dailyCenti, d.unit)}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.daysOfSupply === null ? '—' : t('medication.stock.daysValue', { n: d.daysOfSupply })}</Table.Td>
        <Table.Td>
          <WarningBadges warnings={d.warnings} />
        </Table.Td>
      </Table.Tr>
      {d.batches.map((b) => (
        <Table.Tr key={b.batchId} data-testid={`batch-${b.batchNo}`}>
          <Table.Td colSpan={4} pl="xl">
            <Text c={b.expired ? 'danger' : undefined}>
              {t('medication.stock.batchLine', { no: b.batchNo, expires: b.expiresOn, left: qty(t, b.leftCenti, d.unit) })}
              {b.expired ? `（${t('medication.stock.expired')}）` : b.expiring ? `（${t('medication.stock.expiring')}）` : ''}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Button size="md" variant="light" onClick={() => onLedger(b)}>
                {t('medication.stock.ledger')}
              </Button>
              {keeper && b.leftCenti > 0 && (
                <Button size="md" variant="outline" color="danger" onClick={() => onDispose(b, d)}>
                  {t('medication.stock.dispose')}
                </Button>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

function ResidentCard({ r, keeper, onReceive }: { r: ResidentStock; keeper: boolean; onReceive: (id: string) => void }) {
  const { t } = useTranslation();
  const [ledger, setLedger] = useState<string | null>(null);
  const [dispose, setDispose] = useState<{ b: BatchRow; d: DrugStock } | null>(null);
  return (
    <Card withBorder data-testid={`stock-${r.name}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <Title order={3}>{r.name}</Title>
          <Text c="dimmed">{r.bedLabel ?? t('medication.stock.noBed')}</Text>
        </Group>
        <Group gap="xs">
          {keeper && (
            <Button size="md" variant="light" onClick={() => onReceive(r.residentId)}>
              {t('medication.stock.receive')}
            </Button>
          )}
          <Button size="md" variant="outline" component={Link} to={`/medication/stock-sheet?resident=${r.residentId}`}>
            {t('medication.stock.printOne')}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table fz="md" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('medication.stock.drug')}</Table.Th>
              <Table.Th>{t('medication.stock.left')}</Table.Th>
              <Table.Th>{t('medication.stock.daily')}</Table.Th>
              <Table.Th>{t('medication.stock.days')}</Table.Th>
              <Table.Th>{t('medication.stock.warnings')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.drugs.map((d) => (
              <DrugRows key={d.drugId} d={d} keeper={keeper} onLedger={(b) => setLedger(b.batchId)} onDispose={(b, dd) => setDispose({ b, d: dd })} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {ledger && <LedgerModal batchId={ledger} onClose={() => setLedger(null)} />}
      {dispose && <DisposeModal batch={dispose.b} drug={dispose.d} onClose={() => setDispose(null)} />}
    </Card>
  );
}

export function StockTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const only = params.get('resident');
  const keeper = useMayCall('medication.receive');
  const [warningsOnly, setWarningsOnly] = useState(params.get('warnings') === '1');
  const [withEmpty, setWithEmpty] = useState(false);
  const [search, setSearch] = useState('');
  const [receiving, setReceiving] = useState<{ residentId: string | null } | null>(null);
  const stock = useStock({ residentId: only, warningsOnly, withEmpty });
  const words = search.trim();
  return (
    <Stack>
      <Text>{t('medication.stock.intro')}</Text>
      <Group align="end" wrap="wrap">
        {keeper && (
          <Button size="lg" onClick={() => setReceiving({ residentId: only })}>
            {t('medication.stock.receive')}
          </Button>
        )}
        <TextInput size="lg" placeholder={t('medication.stock.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} aria-label={t('medication.stock.search')} />
        <Switch size="lg" label={t('medication.stock.warningsOnly')} checked={warningsOnly} onChange={(e) => setWarningsOnly(e.currentTarget.checked)} />
        <Switch size="lg" label={t('medication.stock.showEmpty')} checked={withEmpty} onChange={(e) => setWithEmpty(e.currentTarget.checked)} />
        <Button size="lg" variant="outline" component={Link} to="/medication/stock-sheet">
          {t('medication.stock.print')}
        </Button>
      </Group>
      <QueryView query={stock}>
        {(s) => {
          const residents = words
            ? s.residents
                .map((r) => (r.name.includes(words) ? r : { ...r, drugs: r.drugs.filter((d) => d.drugName.includes(words)) }))
                .filter((r) => r.drugs.length > 0)
            : s.residents;
          if (s.residents.length === 0) return <EmptyState>{warningsOnly ? t('medication.stock.noWarnings') : t('medication.stock.empty')}</EmptyState>;
          if (residents.length === 0) return <EmptyState>{t('medication.stock.noMatch')}</EmptyState>;
          return (
            <Stack>
              {residents.map((r) => (
                <ResidentCard key={r.residentId} r={r} keeper={keeper} onReceive={(id) => setReceiving({ residentId: id })} />
              ))}
            </Stack>
          );
        }}
      </QueryView>
      {receiving && <ReceiveModal today={today} residentId={receiving.residentId} onClose={() => setReceiving(null)} />}
    </Stack>
  );
}
