// 接收代管药品: the resident (living here; one without a signed 服药管理协议 is marked and, when the settings ask for
// one, refused with the reason), the drug from the list, batch number, expiry, quantity in the drug's unit, where it
// came from and who brought it, the day it came. Checked by the backend; a refusal names the field.
import { Alert, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDICINE_SOURCES, type MedicineSource } from '@shared/domain/medication/vocab';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { newRequestId } from '../../../components/time';
import { useReceive, useReceiveChoices } from './queries';

export function ReceiveModal({ today, residentId, onClose }: { today: string; residentId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const choices = useReceiveChoices();
  const [requestId] = useState(newRequestId);
  const [resident, setResident] = useState<string | null>(residentId);
  const [drug, setDrug] = useState<string | null>(null);
  const [batchNo, setBatchNo] = useState('');
  const [expiresOn, setExpiresOn] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [source, setSource] = useState<MedicineSource>('family');
  const [fromWhom, setFromWhom] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const receive = useReceive({
    onSuccess: onClose,
    onFieldError: (field, message) => {
      setErrors({ [field]: message });
      return true;
    },
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('medication.stock.receiveTitle')}>
      <QueryView query={choices}>
        {(c) => {
          const picked = c.residents.find((r) => r.id === resident);
          const pickedDrug = c.drugs.find((d) => d.id === drug);
          return (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setErrors({});
                receive.mutate(
                  {
                    requestId,
                    residentId: resident ?? '',
                    drugId: drug ?? '',
                    batchNo,
                    expiresOn: expiresOn ?? '',
                    quantity: typeof quantity === 'number' ? quantity : Number.NaN,
                    source,
                    fromWhom,
                    receivedOn,
                    note,
                  },
                  { onSuccess: () => undefined },
                );
              }}
            >
              <Stack>
                <Text>{t('medication.stock.receiveHint')}</Text>
                {c.drugs.length === 0 && <Alert color="warning">{t('medication.stock.noDrugs')}</Alert>}
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    size="lg"
                    label={t('medication.stock.resident')}
                    placeholder={t('medication.stock.pickResident')}
                    searchable
                    withAsterisk
                    value={resident}
                    onChange={setResident}
                    data={c.residents.map((r) => ({ value: r.id, label: `${r.name}${r.bedLabel ? ` ${r.bedLabel}` : ''}${r.hasAgreement ? '' : t('medication.stock.noAgreement')}` }))}
                    error={errors.residentId}
                    data-testid="receive-resident"
                  />
                  <Select
                    size="lg"
                    label={t('medication.stock.drug')}
                    placeholder={t('medication.stock.pickDrug')}
                    searchable
                    withAsterisk
                    value={drug}
                    onChange={setDrug}
                    data={c.drugs.map((d) => ({ value: d.id, label: `${d.name}${d.strength ? ` ${d.strength}` : ''}（${t(`enums.drugForm.${d.form}`)}）` }))}
                    error={errors.drugId}
                    data-testid="receive-drug"
                  />
                </SimpleGrid>
                {picked && !picked.hasAgreement && c.agreementRequired && <Alert color="warning">{t('medication.stock.agreementNeeded')}</Alert>}
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput size="lg" label={t('medication.stock.batchNo')} withAsterisk value={batchNo} onChange={(e) => setBatchNo(e.currentTarget.value)} error={errors.batchNo} />
                  <DateInput size="lg" label={t('medication.stock.expiresOn')} withAsterisk valueFormat="YYYY-MM-DD" value={expiresOn} onChange={setExpiresOn} error={errors.expiresOn} data-testid="receive-expires" />
                  <NumberInput
                    size="lg"
                    label={pickedDrug ? t('medication.stock.quantity', { unit: t(`enums.doseUnit.${pickedDrug.unit}`) }) : t('medication.stock.quantityNoUnit')}
                    withAsterisk
                    min={0}
                    decimalScale={2}
                    value={quantity}
                    onChange={setQuantity}
                    error={errors.quantity}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    size="lg"
                    label={t('medication.stock.source')}
                    allowDeselect={false}
                    value={source}
                    onChange={(v) => v && setSource(v as MedicineSource)}
                    data={MEDICINE_SOURCES.map((s) => ({ value: s, label: t(`enums.medicineSource.${s}`) }))}
                  />
                  <TextInput size="lg" label={t('medication.stock.fromWhom')} withAsterisk value={fromWhom} onChange={(e) => setFromWhom(e.currentTarget.value)} error={errors.fromWhom} />
                  <DateInput size="lg" label={t('medication.stock.receivedOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={receivedOn} onChange={(v) => v && setReceivedOn(v)} error={errors.receivedOn} />
                </SimpleGrid>
                <TextInput size="lg" label={t('medication.stock.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
                <Group>
                  <ModalButtons pending={receive.isPending} onClose={onClose} />
                </Group>
              </Stack>
            </form>
          );
        }}
      </QueryView>
    </Modal>
  );
}
