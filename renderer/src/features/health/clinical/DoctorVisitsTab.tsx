// 医生巡诊: the month's visits of doctors to the centre, newest first, each with the residents seen, the findings and the
// advice, and the orders the advice started. A keeper records a visit (the day, the doctor and where from, then each
// resident seen with findings or advice), opens 开医嘱 from a resident's advice (the medication part's order form, tied
// to the visit), or voids a visit recorded by mistake. Searchable by doctor, resident or words of the findings.
import { Badge, Button, Card, Checkbox, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorVisitRow, SeenRow } from '@shared/api/health-clinical';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { newRequestId } from '../../../components/time';
import { useMayCall } from '../../../shell/current-user';
import { OrderFormModal } from '../../medication/orders';
import { AddResidentPicker } from './AddResidentPicker';
import { VoidVisitModal } from './ReasonModal';
import { useDoctorVisits, useRecordDoctorVisit } from './queries';

interface SeenDraft {
  residentId: string;
  label: string;
  findings: string;
  advice: string;
}

function RecordVisitModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [visitedOn, setVisitedOn] = useState(today);
  const [doctor, setDoctor] = useState('');
  const [institution, setInstitution] = useState('');
  const [note, setNote] = useState('');
  const [seen, setSeen] = useState<SeenDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useRecordDoctorVisit({
    successMessage: t('health.clinical.visits.saved'),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (!['visitedOn', 'doctor', 'institution', 'note', 'residents'].includes(field)) return false;
      setErrors({ [field]: message });
      return true;
    },
  });
  const change = (i: number, patch: Partial<SeenDraft>) => setSeen((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal opened onClose={onClose} size="xl" title={t('health.clinical.visits.formTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          record.mutate({ requestId, visitedOn, doctor, institution, note, residents: seen.map(({ residentId, findings, advice }) => ({ residentId, findings, advice })) });
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateInput size="lg" label={t('health.clinical.visits.visitedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} value={visitedOn} onChange={(v) => v && setVisitedOn(v)} error={errors.visitedOn} />
            <TextInput size="lg" label={t('health.clinical.visits.doctor')} withAsterisk value={doctor} onChange={(e) => setDoctor(e.currentTarget.value)} error={errors.doctor} data-autofocus />
            <TextInput size="lg" label={t('health.clinical.visits.institution')} placeholder={t('health.clinical.visits.institutionHint')} value={institution} onChange={(e) => setInstitution(e.currentTarget.value)} error={errors.institution} />
          </SimpleGrid>
          <AddResidentPicker
            label={t('health.clinical.visits.addResident')}
            error={errors.residents}
            onPick={(id, label) => {
              if (seen.some((s) => s.residentId === id)) return;
              setSeen((rows) => [...rows, { residentId: id, label, findings: '', advice: '' }]);
            }}
          />
          {seen.length === 0 ? (
            <Text c="dimmed">{t('health.clinical.visits.noResidents')}</Text>
          ) : (
            seen.map((s, i) => (
              <Card key={s.residentId} withBorder data-testid="seen-resident">
                <Group justify="space-between" mb="xs">
                  <Text fw={700}>{s.label}</Text>
                  <Button size="md" variant="subtle" color="danger" onClick={() => setSeen((rows) => rows.filter((_, j) => j !== i))}>
                    {t('health.clinical.visits.remove')}
                  </Button>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Textarea size="lg" autosize minRows={2} label={t('health.clinical.visits.findings')} value={s.findings} onChange={(e) => change(i, { findings: e.currentTarget.value })} />
                  <Textarea size="lg" autosize minRows={2} label={t('health.clinical.visits.advice')} value={s.advice} onChange={(e) => change(i, { advice: e.currentTarget.value })} />
                </SimpleGrid>
              </Card>
            ))
          )}
          <TextInput size="lg" label={t('health.clinical.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <ModalButtons pending={record.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function SeenTable({ visit, mayOrder, onOrder }: { visit: DoctorVisitRow; mayOrder: boolean; onOrder: (s: SeenRow) => void }) {
  const { t } = useTranslation();
  return (
    <ListTable minWidth={520} heads={[t('health.clinical.resident'), t('health.clinical.visits.findings'), t('health.clinical.visits.adviceAndOrders')]}>
      {visit.residents.map((s) => (
        <Table.Tr key={s.residentId}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Text fw={700}>{s.name}</Text>
            {s.bedLabel && <Text size="sm">{s.bedLabel}</Text>}
          </Table.Td>
          <Table.Td>{s.findings || '—'}</Table.Td>
          <Table.Td>
            <Stack gap={4}>
              <Text>{s.advice || '—'}</Text>
              {s.orders.map((o) => (
                <Text key={o.id} size="sm" td={o.stoppedOn ? 'line-through' : undefined}>
                  {`${t('health.clinical.visits.orderLine')}${o.drug}`}
                  {o.stoppedOn ? t('health.clinical.visits.stopped', { on: o.stoppedOn }) : ''}
                </Text>
              ))}
              {mayOrder && !visit.voided && (
                <Button size="md" variant="light" onClick={() => onOrder(s)} style={{ alignSelf: 'flex-start' }}>
                  {t('health.clinical.visits.startOrder')}
                </Button>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

export function DoctorVisitsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayRecord = useMayCall('health.recordDoctorVisit');
  const mayVoid = useMayCall('health.voidDoctorVisit');
  const [month, setMonth] = useState(today.slice(0, 7));
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const [includeVoided, setIncludeVoided] = useState(false);
  const [recording, setRecording] = useState(false);
  const [voiding, setVoiding] = useState<DoctorVisitRow | null>(null);
  const [ordering, setOrdering] = useState<{ visit: DoctorVisitRow; residentId: string; name: string } | null>(null);
  const list = useDoctorVisits({ month, search: typed, includeVoided });
  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MonthPickerInput size="lg" label={t('health.clinical.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} />
          <TextInput size="lg" label={t('health.clinical.search')} placeholder={t('health.clinical.visits.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </SimpleGrid>
        <Group mt="sm" wrap="wrap">
          <Checkbox size="lg" label={t('health.clinical.includeVoided')} checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} />
          {mayRecord && (
            <Button size="lg" onClick={() => setRecording(true)}>
              {t('health.clinical.visits.add')}
            </Button>
          )}
        </Group>
      </Card>
      <QueryView query={list}>
        {(visits) => (
          <ListCard title={t('health.clinical.visits.title', { month })} rows={visits} empty={typed ? t('health.clinical.visits.noneFound', { search: typed }) : t('health.clinical.visits.empty')}>
            <Stack>
              {visits.map((v) => (
                <Card key={v.id} withBorder data-testid="doctor-visit" style={v.voided ? { opacity: 0.6 } : undefined}>
                  <Group justify="space-between" mb="xs" wrap="wrap">
                    <div>
                      <Text fw={700} size="lg" td={v.voided ? 'line-through' : undefined}>
                        {v.visitedOn}　{v.doctor}
                        {v.institution ? `（${v.institution}）` : ''}
                      </Text>
                      <Text size="sm">
                        {t('health.clinical.visits.seenCount', { n: v.residents.length })}　{t('health.clinical.recordedBy', { name: v.recordedBy })}
                      </Text>
                      {v.note && <Text size="sm">{v.note}</Text>}
                    </div>
                    <Group gap="xs">
                      {v.voided && (
                        <>
                          <Badge color="gray">{t('health.clinical.voided')}</Badge>
                          <Text size="sm">{t('health.clinical.voidedBy', v.voided)}</Text>
                        </>
                      )}
                      {mayVoid && !v.voided && (
                        <Button size="md" variant="subtle" color="danger" onClick={() => setVoiding(v)}>
                          {t('health.clinical.void')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                  <SeenTable visit={v} mayOrder={mayRecord} onOrder={(s) => setOrdering({ visit: v, residentId: s.residentId, name: s.name })} />
                </Card>
              ))}
            </Stack>
          </ListCard>
        )}
      </QueryView>
      {recording && <RecordVisitModal today={today} onClose={() => setRecording(false)} />}
      {voiding && (
        <VoidVisitModal
          title={t('health.clinical.visits.voidTitle', { on: voiding.visitedOn, doctor: voiding.doctor })}
          id={voiding.id}
          done={t('health.clinical.visits.voidDone')}
          onClose={() => setVoiding(null)}
        />
      )}
      {ordering && (
        <OrderFormModal
          residentId={ordering.residentId}
          residentName={ordering.name}
          opened
          onClose={() => setOrdering(null)}
          doctorVisit={{ id: ordering.visit.id, doctor: ordering.visit.doctor, institution: ordering.visit.institution, visitedOn: ordering.visit.visitedOn }}
        />
      )}
    </Stack>
  );
}
