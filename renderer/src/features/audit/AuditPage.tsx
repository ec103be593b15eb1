// 操作记录: who did what and when, with before and after in plain words; filter and export to Excel.
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/api/audit';
import { ACTION_LABELS, ENTITY_LABELS } from '@shared/domain/audit-labels';
import { downloadBase64 } from '../../components/download';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { dateTimeSeconds } from '../../components/time';
import { useAuditExport, useAuditSearch } from './queries';

const PAGE_SIZE = 50;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.changes.length === 0) return <Text c="dark.6">{t('audit.noDetails')}</Text>;
  return (
    <Table fz="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td>{c.label}</Table.Td>
            <Table.Td>{c.before}</Table.Td>
            <Table.Td fw={700}>{c.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [debouncedActor] = useDebouncedValue(actor, 300);
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const filters = { actor: debouncedActor, entity, action, from, to };
  const list = useAuditSearch({ ...filters, page, pageSize: PAGE_SIZE });
  const exporter = useAuditExport({
    onSuccess: (file) => downloadBase64(file.fileName, file.base64, XLSX),
    successMessage: t('audit.exported'),
  });
  const resetPage = <T,>(set: (v: T) => void) => (v: T) => (set(v), setPage(1));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button size="lg" onClick={() => exporter.mutate({ ...filters })} loading={exporter.isPending}>
          {t('audit.export')}
        </Button>
      </Group>
      <Card withBorder padding="md">
        <Group align="end">
          <TextInput label={t('audit.actor')} value={actor} onChange={(e) => resetPage(setActor)(e.currentTarget.value)} w={160} />
          <Select
            label={t('audit.entity')}
            w={160}
            allowDeselect={false}
            data={[{ value: '', label: t('audit.all') }, ...Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))]}
            value={entity}
            onChange={(v) => resetPage(setEntity)(v ?? '')}
          />
          <Select
            label={t('audit.action')}
            w={180}
            searchable
            allowDeselect={false}
            data={[{ value: '', label: t('audit.all') }, ...Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))]}
            value={action}
            onChange={(v) => resetPage(setAction)(v ?? '')}
          />
          <DateInput label={t('audit.from')} valueFormat="YYYY-MM-DD" clearable value={from} onChange={resetPage(setFrom)} w={170} />
          <DateInput label={t('audit.to')} valueFormat="YYYY-MM-DD" clearable value={to} onChange={resetPage(setTo)} w={170} />
        </Group>
      </Card>
      <QueryView query={list} isEmpty={(data) => data.rows.length === 0} empty={t('audit.empty')}>
        {(data) => (
          <>
            <Text>{t('audit.total', { n: data.total })}</Text>
            {/* On a phone the table scrolls on its own, the page does not (names never break one character per line). */}
            <Table.ScrollContainer minWidth={720} type="native">
              <Table striped fz="md" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.time')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.entity')}</Table.Th>
                    <Table.Th>{t('audit.subject')}</Table.Th>
                    <Table.Th>{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((r) => (
                    <Fragment key={r.id}>
                      <Table.Tr>
                        <Table.Td>{dateTimeSeconds(r.at)}</Table.Td>
                        <Table.Td>{r.actor}</Table.Td>
                        <Table.Td>{ACTION_LABELS[r.action] ?? r.action}</Table.Td>
                        <Table.Td>{ENTITY_LABELS[r.entity] ?? r.entity}</Table.Td>
                        <Table.Td>{r.subject || '—'}</Table.Td>
                        <Table.Td>
                          <Button variant="subtle" size="compact-md" onClick={() => setOpen(open === r.id ? null : r.id)}>
                            {open === r.id ? t('audit.hide') : t('audit.show', { n: r.changes.length })}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                      {open === r.id && (
                        <Table.Tr>
                          <Table.Td colSpan={6}>
                            <Changes entry={r} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.total > PAGE_SIZE && <Pager total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
