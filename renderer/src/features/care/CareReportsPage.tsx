// 护理记录查询 for managers: coverage of a shift, one resident's records and vitals, the monthly summary, and the
// ledgers inspectors ask for (printed or exported to Excel).
import { Badge, Card, Group, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Ledger } from '@shared/api/care';
import { downloadBase64 } from '../../components/download';
import { LedgerPanel, useDateRange } from '../../components/LedgerPanel';
import { EmptyState, LoadingState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { shortDateTime } from '../../components/time';
import { ResidentPicker } from '../residents/ResidentPicker';
import { VitalsChart } from './VitalsChart';
import { useCareCoverage, useCareExportLedger, useCareLedger, useCareMonthly, useCareTimeline } from './queries';
import { useResidentsGet } from '../residents/queries';
import { useRosterShifts } from '../roster/queries';
import { useSystemInfo } from '../../shell/queries';
import { addDays } from '@shared/domain/dates';

function CoverageTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const shifts = useRosterShifts();
  const [date, setDate] = useState<string | null>(today);
  const [shiftId, setShiftId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const chosen = shiftId ?? shifts.data?.find((s) => !s.retired)?.id ?? null;
  const cov = useCareCoverage({ shiftId: chosen ?? '', shiftDate: date ?? '' }, chosen !== null && date !== null);
  const q = query.trim();
  return (
    <Stack>
      <Group align="end">
        <DateInput label={t('care.shiftDate')} valueFormat="YYYY-MM-DD" maxDate={today} value={date} onChange={setDate} />
        <Select label={t('care.shift')} allowDeselect={false} data={(shifts.data ?? []).map((s) => ({ value: s.id, label: `${s.name} ${s.hoursText}` }))} value={chosen} onChange={setShiftId} />
      </Group>
      <QueryView query={cov}>
        {(data) => (
          <>
            <Text size="lg" fw={700} data-testid="coverage-line">
              {t('care.coverageLine', { total: data.residents.length, none: data.withoutRecord, missed: data.missedTasks, unassigned: data.unassigned })}
            </Text>
            <Text>
              {t('care.caregivers')}：
              {data.caregivers.length === 0
                ? t('care.noCaregivers')
                : data.caregivers.map((c) => `${c.name}（${c.areaText}，${c.handedOver ? t('care.handedOver') : t('care.notHandedOver')}）`).join('、')}
            </Text>
            <TextInput aria-label={t('care.searchResidents')} placeholder={t('care.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <Table striped fz="md" verticalSpacing="sm" data-testid="coverage-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('care.resident')}</Table.Th>
                  <Table.Th>{t('care.caregivers')}</Table.Th>
                  <Table.Th>{t('care.entries')}</Table.Th>
                  <Table.Th>{t('care.missed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.residents
                  .filter((r) => !q || r.name.includes(q) || (r.bedLabel ?? '').includes(q))
                  .map((r) => (
                    <Table.Tr key={r.residentId}>
                      <Table.Td>
                        <Link to={`/residents/${r.residentId}`}>{r.name}</Link>
                        <Text size="sm">{r.bedLabel}</Text>
                      </Table.Td>
                      <Table.Td>{r.caregivers.length ? r.caregivers.join('、') : <Badge color="danger" variant="filled">{t('care.unassigned')}</Badge>}</Table.Td>
                      <Table.Td>{r.records === 0 ? <Badge color="danger" variant="filled">{t('care.withoutRecord')}</Badge> : r.records}</Table.Td>
                      <Table.Td>
                        {r.missed.length === 0
                          ? t('care.missedNone')
                          : r.missed.map((m) => (
                              <Text key={`${m.task}-${m.slot}`} c="red.9">
                                {m.task} {m.slot === 'shift' ? t('care.slotShift') : m.slot === 'week' ? t('care.thisWeek') : m.slot.slice(11)}
                                {m.reason ? `（${t(`enums.notDoneReason.${m.reason}`)}）` : t('care.notRecorded')}
                              </Text>
                            ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryView>
    </Stack>
  );
}

function TimelineTab({ today, preselected }: { today: string; preselected: { value: string; label: string } | null }) {
  const { t } = useTranslation();
  const [residentId, setResidentId] = useState<string | null>(preselected?.value ?? null);
  const [from, setFrom] = useState<string | null>(addDays(today, -13));
  const [to, setTo] = useState<string | null>(today);
  const tl = useCareTimeline({ residentId: residentId ?? '', from: from ?? '', to: to ?? '' }, residentId !== null && from !== null && to !== null);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ResidentPicker label={t('care.pickResident')} value={residentId} onChange={setResidentId} scope="all" initial={preselected} />
        <DateInput size="lg" label={t('care.from')} valueFormat="YYYY-MM-DD" value={from} onChange={setFrom} />
        <DateInput size="lg" label={t('care.to')} valueFormat="YYYY-MM-DD" value={to} onChange={setTo} />
      </SimpleGrid>
      {!residentId ? (
        <EmptyState>{t('care.pickResident')}</EmptyState>
      ) : (
        <QueryView query={tl}>
          {(data) => (
            <>
              <Card withBorder>
                <Title order={3} mb="sm">
                  {t('care.vitalsChart')}
                </Title>
                <VitalsChart points={data.vitals} />
              </Card>
              <Card withBorder>
                <Title order={3} mb="sm">
                  {t('care.entries')}
                </Title>
                {data.entries.length === 0 ? (
                  <Text>{t('care.noEntries')}</Text>
                ) : (
                  data.entries.map((e) => (
                    <Text key={e.id} td={e.supersededBy ? 'line-through' : undefined}>
                      {shortDateTime(e.occurredAt)}　{t(`enums.entryKind.${e.kind}`)}：{e.text}（{e.recordedBy}）{e.amendReason && ` 更正：${e.amendReason}`}
                    </Text>
                  ))
                )}
              </Card>
            </>
          )}
        </QueryView>
      )}
    </Stack>
  );
}

function MonthlyTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<string | null>(today.slice(0, 7) + '-01');
  const summary = useCareMonthly({ month: (month ?? '').slice(0, 7) }, month !== null);
  const [query, setQuery] = useState('');
  const q = query.trim();
  return (
    <Stack>
      <Group align="end">
        <MonthPickerInput label={t('care.month')} valueFormat="YYYY-MM" value={month} onChange={setMonth} />
        <TextInput aria-label={t('care.searchResidents')} placeholder={t('care.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      </Group>
      <QueryView query={summary} isEmpty={(data) => data.rows.length === 0} empty={t('care.noEntries')}>
        {(data) => (
          <Table striped fz="md">
            <Table.Thead>
              <Table.Tr>
                {(['resident', 'tasksDone', 'tasksNotDone', 'entries', 'rounds', 'mealsRefused', 'temperatureMax', 'systolicMax', 'weightLast', 'incidents'] as const).map((k) => (
                  <Table.Th key={k}>{t(`care.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows
                .filter((r) => !q || r.name.includes(q) || (r.bedLabel ?? '').includes(q))
                .map((r) => (
                  <Table.Tr key={r.residentId}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.tasksDone}</Table.Td>
                    <Table.Td>{r.tasksNotDone}</Table.Td>
                    <Table.Td>{r.records}</Table.Td>
                    <Table.Td>{r.rounds}</Table.Td>
                    <Table.Td>{r.mealsRefused}</Table.Td>
                    <Table.Td>{r.temperatureMax ?? '—'}</Table.Td>
                    <Table.Td>{r.systolicMax ?? '—'}</Table.Td>
                    <Table.Td>{r.weightLast ?? '—'}</Table.Td>
                    <Table.Td>{r.incidents}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}

function LedgersTab({ today, initialKind }: { today: string; initialKind: Ledger['kind'] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Ledger['kind']>(initialKind);
  const dates = useDateRange(addDays(today, -6), today);
  const { from, to } = dates;
  const ledger = useCareLedger({ kind, from: from ?? '', to: to ?? '', residentId: null }, from !== null && to !== null);
  const exporter = useCareExportLedger({
    onSuccess: (file) => downloadBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  });
  return (
    <Stack>
      <LedgerPanel
        kindLabel={t('care.ledgerKind')}
        kinds={(['care', 'handover', 'incidents'] as const).map((k) => ({ value: k, label: t(`care.ledgerKinds.${k}`) }))}
        kind={kind}
        onKind={setKind}
        dates={dates}
        ledger={ledger}
        signatures={t('care.signatures')}
        empty={t('care.ledgerEmpty')}
        canPrint={ledger.data !== undefined}
        onExport={() => from && to && exporter.mutate({ kind, from, to, residentId: null })}
        exporting={exporter.isPending}
      />
    </Stack>
  );
}

export function CareReportsPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'coverage';
  const residentParam = params.get('resident');
  const resident = useResidentsGet({ id: residentParam ?? '' }, residentParam !== null);
  if (!info.data || (residentParam !== null && resident.isPending)) return <LoadingState />;
  const preselected = resident.data ? { value: resident.data.id, label: `${resident.data.name}${resident.data.bedLabel ? ` ${resident.data.bedLabel}` : ''}` } : null;
  const today = info.data.today;
  const kind = (params.get('kind') ?? 'care') as Ledger['kind'];
  return (
    <Stack>
      <Title order={2} className="screen-only">
        {t('care.reports')}
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List className="screen-only">
          <Tabs.Tab value="coverage" fz="lg">
            {t('care.coverage')}
          </Tabs.Tab>
          <Tabs.Tab value="timeline" fz="lg">
            {t('care.timeline')}
          </Tabs.Tab>
          <Tabs.Tab value="monthly" fz="lg">
            {t('care.monthly')}
          </Tabs.Tab>
          <Tabs.Tab value="ledgers" fz="lg">
            {t('care.ledgers')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="coverage" pt="md">
          <CoverageTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab today={today} preselected={preselected} />
        </Tabs.Panel>
        <Tabs.Panel value="monthly" pt="md">
          <MonthlyTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="ledgers" pt="md">
          <LedgersTab today={today} initialKind={kind} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

