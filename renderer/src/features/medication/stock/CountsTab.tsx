// 盘点: every kept batch with stock left, its book quantity beside a box for what was counted ("与账面相同" fills it in
// one tap, or all at once); a difference asks for its reason; the witness and the date; saved as one count, the
// differences written into the stock. Below, the past counts, each openable.
import { Alert, Button, Card, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stock } from '@shared/api/medication-stock';
import { ListCard, ListTable } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { notifySuccess } from '../../../components/notify';
import { newRequestId } from '../../../components/time';
import { useMayCall } from '../../../shell/current-user';
import { drugTitle, qty } from './format';
import { useCount, useCountDetail, useCounts, useStock } from './queries';

interface Line {
  counted: number | string;
  reason: string;
}

function CountForm({ stock, today, onDone }: { stock: Stock; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [countedOn, setCountedOn] = useState(today);
  const [witness, setWitness] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [error, setError] = useState<string | null>(null);
  const rows = stock.residents.flatMap((r) => r.drugs.flatMap((d) => d.batches.filter((b) => b.leftCenti > 0).map((b) => ({ r, d, b }))));
  const count = useCount({
    onSuccess: (v) => {
      notifySuccess(t('medication.stock.countSaved', { n: v.differences }));
      onDone();
    },
    onFieldError: (_field, message) => {
      setError(message);
      return true;
    },
  });
  const set = (batchId: string, patch: Partial<Line>) => setLines((all) => ({ ...all, [batchId]: { ...(all[batchId] ?? { counted: '', reason: '' }), ...patch } }));
  const filled = rows.filter((x) => typeof lines[x.b.batchId]?.counted === 'number').length;
  if (rows.length === 0) return <Text>{t('medication.stock.countEmpty')}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (filled < rows.length) {
          setError(t('medication.stock.fillAll'));
          return;
        }
        count.mutate({
          requestId,
          countedOn,
          witness,
          note,
          lines: rows.map(({ b }) => ({ batchId: b.batchId, counted: lines[b.batchId].counted as number, expectedCenti: b.leftCenti, reason: lines[b.batchId].reason })),
        });
      }}
    >
      <Stack>
        <Group align="end" wrap="wrap">
          <DateInput size="lg" label={t('medication.stock.countedOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={countedOn} onChange={(v) => v && setCountedOn(v)} />
          <TextInput size="lg" label={t('medication.stock.countWitness')} withAsterisk value={witness} onChange={(e) => setWitness(e.currentTarget.value)} />
          <TextInput size="lg" label={t('medication.stock.countNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button size="lg" variant="light" onClick={() => setLines(Object.fromEntries(rows.map(({ b }) => [b.batchId, { counted: b.leftCenti / 100, reason: lines[b.batchId]?.reason ?? '' }])))}>
            {t('medication.stock.allSame')}
          </Button>
        </Group>
        <Text>{t('medication.stock.counting', { n: rows.length, done: filled })}</Text>
        <Table.ScrollContainer minWidth={820} type="native">
          <Table striped fz="md" data-testid="count-form">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('medication.stock.resident')}</Table.Th>
                <Table.Th>{t('medication.stock.drug')}</Table.Th>
                <Table.Th>{t('medication.stock.batchNo')}</Table.Th>
                <Table.Th>{t('medication.stock.expected')}</Table.Th>
                <Table.Th>{t('medication.stock.counted')}</Table.Th>
                <Table.Th>{t('medication.stock.diffReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ r, d, b }) => {
                const line = lines[b.batchId];
                const counted = typeof line?.counted === 'number' ? Math.round(line.counted * 100) : null;
                const differs = counted !== null && counted !== b.leftCenti;
                return (
                  <Table.Tr key={b.batchId} data-testid={`count-${b.batchNo}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                    <Table.Td>{drugTitle(d)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.batchNo}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{qty(t, b.leftCenti, d.unit)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <NumberInput size="md" w={110} min={0} decimalScale={2} value={line?.counted ?? ''} onChange={(v) => set(b.batchId, { counted: v })} aria-label={t('medication.stock.counted')} />
                        <Button size="md" variant="subtle" onClick={() => set(b.batchId, { counted: b.leftCenti / 100 })}>
                          {t('medication.stock.sameAsBook')}
                        </Button>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {differs && (
                        <TextInput
                          size="md"
                          withAsterisk
                          placeholder={t('medication.stock.diffHint', { diff: qty(t, (counted ?? 0) - b.leftCenti, d.unit) })}
                          value={line.reason}
                          onChange={(e) => set(b.batchId, { reason: e.currentTarget.value })}
                          aria-label={t('medication.stock.diffReason')}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {error && <Alert color="danger">{error}</Alert>}
        <Group>
          <Button type="submit" size="lg" loading={count.isPending}>
            {t('medication.stock.saveCount')}
          </Button>
          <Button size="lg" variant="default" onClick={onDone}>
            {t('medication.stock.cancelCount')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CountDetailModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useCountDetail(id);
  return (
    <Modal opened onClose={onClose} size="xl" title={detail.data ? t('medication.stock.countDetailTitle', { on: detail.data.countedOn }) : ''}>
      <QueryView query={detail}>
        {(c) => (
          <Stack>
            <Text>{t('medication.stock.countBy', { by: c.createdBy, witness: c.witness })}</Text>
            {c.note && <Text>{c.note}</Text>}
            <ListTable heads={[t('medication.stock.resident'), t('medication.stock.drug'), t('medication.stock.batchNo'), t('medication.stock.expected'), t('medication.stock.counted'), t('medication.stock.diffReason')]} minWidth={700}>
              {c.items.map((i) => (
                <Table.Tr key={i.batchId}>
                  <Table.Td>{i.resident}</Table.Td>
                  <Table.Td>{drugTitle(i)}</Table.Td>
                  <Table.Td>{i.batchNo}</Table.Td>
                  <Table.Td>{qty(t, i.expectedCenti, i.unit)}</Table.Td>
                  <Table.Td>
                    <Text span c={i.countedCenti !== i.expectedCenti ? 'danger' : undefined}>
                      {qty(t, i.countedCenti, i.unit)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.reason}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </Stack>
        )}
      </QueryView>
    </Modal>
  );
}

export function CountsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const keeper = useMayCall('medication.count');
  const [counting, setCounting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const stock = useStock({ residentId: null, warningsOnly: false, withEmpty: false }, counting);
  const counts = useCounts();
  return (
    <Stack>
      <Text>{t('medication.stock.countsIntro')}</Text>
      {keeper && !counting && (
        <Group>
          <Button size="lg" onClick={() => setCounting(true)}>
            {t('medication.stock.startCount')}
          </Button>
        </Group>
      )}
      {counting && (
        <Card withBorder>
          <Title order={3} mb="sm">
            {t('medication.stock.countTitle')}
          </Title>
          <QueryView query={stock}>{(s) => <CountForm stock={s} today={today} onDone={() => setCounting(false)} />}</QueryView>
        </Card>
      )}
      <QueryView query={counts}>
        {(list) => (
          <ListCard title={t('medication.stock.pastCounts')} rows={list} empty={t('medication.stock.noCounts')}>
            <Stack gap="xs" data-testid="count-list">
              {list.map((c) => (
                <Group key={c.id} justify="space-between" wrap="wrap">
                  <Stack gap={0}>
                    <Text fw={700}>{t('medication.stock.countRow', { on: c.countedOn, lines: c.lines, diffs: c.differences })}</Text>
                    <Text c="dimmed">{t('medication.stock.countBy', { by: c.createdBy, witness: c.witness })}</Text>
                  </Stack>
                  <Button size="md" variant="light" onClick={() => setOpen(c.id)}>
                    {t('medication.stock.viewCount')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </ListCard>
        )}
      </QueryView>
      {open && <CountDetailModal id={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
