// 服务记录: the month's recorded visits (done and missed) by provider and village, searched by the elder, worker, slip
// number or notes; voided ones shown on request. A keeper voids a visit with a reason (not in a settled month). The month
// prints as 居家上门服务记录 (of the provider chosen, or of every provider).
import { Badge, Button, Card, Checkbox, Group, Image, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitRow } from '@shared/api/homecare-delivery';
import { ListCard, ListTable } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { VoidModal } from './ReasonModals';
import { RecordVisitModal, quantityText } from './RecordVisitModal';
import { useHomecareRecordChoices, useHomecareVillages, useHomecareVisitPhoto, useHomecareVisits } from './queries';

export function confirmationText(v: VisitRow, t: (key: 'homecare.delivery.confirmShort.signature' | 'homecare.delivery.confirmShort.paper_slip' | 'homecare.delivery.confirmShort.family') => string): string {
  if (v.confirmation === 'paper_slip') return `${t('homecare.delivery.confirmShort.paper_slip')} ${v.slipNo ?? ''}`;
  if (v.confirmation === 'family') return `${t('homecare.delivery.confirmShort.family')} ${v.confirmedBy ?? ''}`;
  if (v.confirmation === 'signature') return t('homecare.delivery.confirmShort.signature');
  return '';
}

function PhotoModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const photo = useHomecareVisitPhoto({ id });
  return (
    <Modal opened onClose={onClose} title={t('homecare.delivery.photo')} size="lg">
      <QueryView query={photo}>{(p) => (p.photo ? <Image src={p.photo} alt={t('homecare.delivery.photo')} /> : <Text>—</Text>)}</QueryView>
    </Modal>
  );
}

export function VisitsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayVoid = useMayCall('homecare.voidVisit');
  const mayRecord = useMayCall('homecare.recordVisit');
  const [month, setMonth] = useState(today.slice(0, 7));
  const [providerId, setProvider] = useState<string | null>(null);
  const [villageId, setVillage] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const [includeVoided, setIncludeVoided] = useState(false);
  const [voiding, setVoiding] = useState<VisitRow | null>(null);
  const [photoOf, setPhotoOf] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const choices = useHomecareRecordChoices();
  const villages = useHomecareVillages();
  const list = useHomecareVisits({ month, providerId, villageId, search: typed, includeVoided });
  const sheetLink = `/homecare/record-sheet?month=${month}${providerId ? `&provider=${providerId}` : ''}`;

  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <MonthPickerInput size="lg" label={t('homecare.delivery.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} />
          <Select size="lg" label={t('homecare.delivery.provider')} clearable placeholder={t('homecare.delivery.allProviders')} data={(choices.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))} value={providerId} onChange={setProvider} />
          <Select size="lg" label={t('homecare.delivery.village')} clearable searchable placeholder={t('homecare.delivery.allVillages')} data={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} value={villageId} onChange={setVillage} />
          <TextInput size="lg" label={t('homecare.delivery.search')} placeholder={t('homecare.delivery.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </SimpleGrid>
        <Group mt="sm" wrap="wrap">
          <Checkbox size="lg" label={t('homecare.delivery.includeVoided')} checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} />
          {mayRecord && (
            <Button size="lg" variant="outline" onClick={() => setRecording(true)}>
              {t('homecare.delivery.recordUnplanned')}
            </Button>
          )}
          <Button size="lg" variant="outline" component={Link} to={sheetLink}>
            {t('homecare.delivery.printRecord')}
          </Button>
        </Group>
      </Card>
      <QueryView query={list}>
        {(l) => (
          <ListCard
            title={t('homecare.delivery.visitsTitle', { month: l.month })}
            intro={
              <Text mb="sm" data-testid="visit-totals">
                {t('homecare.delivery.visitTotals', { ...l.totals, hours: Math.round((l.totals.minutes / 60) * 10) / 10 })}
              </Text>
            }
            rows={l.visits}
            empty={typed ? t('homecare.delivery.noneFound', { search: typed }) : t('homecare.delivery.noVisits')}
          >
            <ListTable minWidth={900} testId="visit-list" heads={[t('homecare.delivery.colDate'), t('homecare.delivery.colElder'), t('homecare.delivery.colWorker'), t('homecare.delivery.colItems'), t('homecare.delivery.colConfirm'), t('homecare.delivery.colState'), '']}>
              {l.visits.map((v) => {
                const settled = l.settledProviderIds.includes(v.providerId);
                return (
                  <Table.Tr key={v.id} style={v.voided ? { opacity: 0.6, textDecoration: 'line-through' } : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {v.serviceOn}
                      <br />
                      {v.outcome === 'done' ? `${v.startTime}–${v.endTime}` : t('homecare.delivery.plannedAt', { time: v.startTime })}
                    </Table.Td>
                    <Table.Td>
                      <Text fw={700} component={Link} to={`/elders/${v.elderId}`} c="inherit" style={{ whiteSpace: 'nowrap' }}>
                        {v.elder}
                      </Text>
                      <Text size="sm">{v.village}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {v.worker ?? '—'}
                      <Text size="sm">{v.provider}</Text>
                    </Table.Td>
                    <Table.Td>
                      {v.items.map((i) => `${i.name} ${quantityText(i.unit, i.quantity)}`).join('、') || '—'}
                      {v.overQuotaReason && (
                        <Text size="sm" c="danger">
                          {t('homecare.delivery.overQuotaShort', { reason: v.overQuotaReason })}
                        </Text>
                      )}
                      {v.notes && <Text size="sm">{v.notes}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {v.confirmation === 'signature' && v.signature ? <Image src={v.signature} alt={t('homecare.delivery.confirmShort.signature')} h={36} w="auto" fit="contain" /> : confirmationText(v, t)}
                    </Table.Td>
                    <Table.Td>
                      {v.voided ? (
                        <Badge color="gray">{t('homecare.delivery.voidedBadge')}</Badge>
                      ) : v.outcome === 'done' ? (
                        <Badge color="teal">{t('homecare.delivery.state.done')}</Badge>
                      ) : (
                        <Badge color="orange">{t('homecare.delivery.state.missed')}</Badge>
                      )}
                      {v.missedReason && <Text size="sm">{v.missedReason}</Text>}
                      {v.voided && <Text size="sm">{v.voided.reason}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {v.outcome === 'done' && !v.voided && (
                          <Button size="md" variant="subtle" component={Link} to={`/homecare/slips?visit=${v.id}&month=${l.month}&elder=${v.elderId}`}>
                            {t('homecare.delivery.slipOf')}
                          </Button>
                        )}
                        {v.hasPhoto && (
                          <Button size="md" variant="subtle" onClick={() => setPhotoOf(v.id)}>
                            {t('homecare.delivery.photo')}
                          </Button>
                        )}
                        {mayVoid && !v.voided && !settled && (
                          <Button size="md" variant="subtle" color="danger" onClick={() => setVoiding(v)}>
                            {t('homecare.delivery.void')}
                          </Button>
                        )}
                        {settled && !v.voided && (
                          <Text size="sm" c="dimmed">
                            {t('homecare.delivery.settled')}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {voiding && <VoidModal visit={voiding} onClose={() => setVoiding(null)} />}
      {photoOf && <PhotoModal id={photoOf} onClose={() => setPhotoOf(null)} />}
      {recording && <RecordVisitModal today={today} onClose={() => setRecording(false)} />}
    </Stack>
  );
}
