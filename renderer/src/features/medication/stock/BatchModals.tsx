// A batch's two dialogs: its ledger (every movement with the balance after it) and returning it to the family or
// destroying it (a quantity not more than is left, a reason, a witness).
import { Button, Chip, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRow } from '@shared/api/medication-stock';
import type { DoseUnit } from '@shared/domain/medication/vocab';
import { QueryView } from '../../../components/QueryView';
import { dateTime, newRequestId } from '../../../components/time';
import { drugTitle, qty } from './format';
import { useBatchLedger, useDispose } from './queries';

export function LedgerModal({ batchId, onClose }: { batchId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ledger = useBatchLedger(batchId);
  return (
    <Modal opened onClose={onClose} size="xl" title={ledger.data ? t('medication.stock.ledgerTitle', { resident: ledger.data.batch.resident, drug: drugTitle(ledger.data.batch), no: ledger.data.batch.batchNo }) : ''}>
      <QueryView query={ledger}>
        {({ batch, movements }) => (
          <Stack>
            <Text>
              {t('medication.stock.ledgerSummary', {
                on: batch.receivedOn,
                quantity: qty(t, batch.receivedCenti, batch.unit),
                source: t(`enums.medicineSource.${batch.source}`),
                from: batch.fromWhom,
                by: batch.receivedBy,
                expires: batch.expiresOn,
                left: qty(t, batch.leftCenti, batch.unit),
              })}
            </Text>
            <Table.ScrollContainer minWidth={600} type="native" mah={420}>
              <Table striped fz="md" data-testid="batch-ledger">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('medication.stock.at')}</Table.Th>
                    <Table.Th>{t('medication.stock.kind')}</Table.Th>
                    <Table.Th>{t('medication.stock.change')}</Table.Th>
                    <Table.Th>{t('medication.stock.balance')}</Table.Th>
                    <Table.Th>{t('medication.stock.who')}</Table.Th>
                    <Table.Th>{t('medication.stock.movementReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {movements.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(m.at)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`enums.stockMovementKind.${m.kind}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{`${m.quantityCenti > 0 ? '+' : ''}${qty(t, m.quantityCenti, batch.unit)}`}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{qty(t, m.balanceCenti, batch.unit)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.recordedBy}</Table.Td>
                      <Table.Td>{[m.reason, m.witness ? t('medication.stock.witnessShort', { name: m.witness }) : ''].filter(Boolean).join('；')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              <Button size="lg" variant="default" onClick={onClose}>
                {t('medication.stock.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </QueryView>
    </Modal>
  );
}

export function DisposeModal({ batch, drug, onClose }: { batch: BatchRow; drug: { drugName: string; strength: string; unit: DoseUnit }; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [kind, setKind] = useState<'returned' | 'destroyed'>(batch.expired ? 'destroyed' : 'returned');
  const [quantity, setQuantity] = useState<number | string>(batch.leftCenti / 100);
  const [reason, setReason] = useState(batch.expired ? '药品过期' : '');
  const [witness, setWitness] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dispose = useDispose({
    successMessage: t('medication.stock.disposed'),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      setErrors({ [field]: message });
      return true;
    },
  });
  const left = qty(t, batch.leftCenti, drug.unit);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('medication.stock.disposeTitle', { drug: drugTitle(drug), no: batch.batchNo })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          dispose.mutate({ requestId, batchId: batch.batchId, kind, quantity: typeof quantity === 'number' ? quantity : Number.NaN, reason, witness });
        }}
      >
        <Stack>
          <Text>{t('medication.stock.disposeHint', { left })}</Text>
          <SegmentedControl
            size="lg"
            value={kind}
            onChange={(v) => setKind(v as 'returned' | 'destroyed')}
            data={(['returned', 'destroyed'] as const).map((k) => ({ value: k, label: t(`medication.stock.kinds.${k}`) }))}
          />
          <Group align="end">
            <NumberInput size="lg" label={t('medication.stock.quantity', { unit: t(`enums.doseUnit.${drug.unit}`) })} withAsterisk min={0} decimalScale={2} value={quantity} onChange={setQuantity} error={errors.quantity} />
            <Button size="lg" variant="light" onClick={() => setQuantity(batch.leftCenti / 100)}>
              {t('medication.stock.allLeft', { left })}
            </Button>
          </Group>
          <Chip.Group value={reason} onChange={(v) => setReason(typeof v === 'string' ? v : '')}>
            <Group gap="xs">
              {t('medication.stock.reasons')
                .split('|')
                .map((r) => (
                  <Chip key={r} value={r} size="lg">
                    {r}
                  </Chip>
                ))}
            </Group>
          </Chip.Group>
          <TextInput size="lg" label={t('medication.stock.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
          <TextInput size="lg" label={t('medication.stock.witness')} withAsterisk value={witness} onChange={(e) => setWitness(e.currentTarget.value)} error={errors.witness} />
          <Group>
            <Button type="submit" size="lg" color="danger" loading={dispose.isPending}>
              {t(`medication.stock.kinds.${kind}`)}
            </Button>
            <Button variant="default" size="lg" onClick={onClose}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
