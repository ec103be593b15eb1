// 体检: who of the residents in residence is due a check-up (none in the last 12 months — the national programme gives
// everyone aged 65+ one a year), the check-ups recorded (searchable, by year), each with its paper report to look at,
// and 登记体检 / 作废 for those who keep the health file. The year's 体检汇总 is printed from here.
import { Anchor, Badge, Button, Group, Image, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckupRow } from '@shared/api/health-file';
import { ListCard, ListTable } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { CheckupModal } from './CheckupModal';
import { VoidCheckupModal } from './VoidCheckupModal';
import { useHealthCheckupAttachment, useHealthCheckupCoverage, useHealthCheckups } from './queries';

function AttachmentModal({ row, onClose }: { row: CheckupRow; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useHealthCheckupAttachment({ id: row.id });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('health.file.checkup.attachmentOf', { name: row.resident, on: row.checkedOn })}>
      <QueryView query={file}>
        {(f) =>
          f.attachment === null ? (
            <Text>{t('health.file.checkup.noAttachment')}</Text>
          ) : f.attachment.startsWith('data:application/pdf') ? (
            <Stack>
              <Text>{t('health.file.checkup.pdfHint')}</Text>
              <Button size="lg" component="a" href={f.attachment} download={f.name || '体检报告.pdf'}>
                {t('health.file.checkup.savePdf')}
              </Button>
            </Stack>
          ) : (
            <Image src={f.attachment} alt={f.name} fit="contain" mah="70vh" />
          )
        }
      </QueryView>
    </Modal>
  );
}

function Coverage() {
  const { t } = useTranslation();
  const coverage = useHealthCheckupCoverage({});
  const [all, setAll] = useState(false);
  return (
    <QueryView query={coverage}>
      {(c) => {
        const rows = all ? c.rows : c.rows.filter((r) => r.due);
        return (
          <ListCard
            title={t('health.file.coverage.title')}
            actions={<Switch size="md" label={t('health.file.coverage.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />}
            intro={
              <Text mb="sm" data-testid="checkup-coverage">
                {t('health.file.coverage.totals', c.totals)}
              </Text>
            }
            rows={rows}
            empty={t('health.file.coverage.noneDue')}
            plainEmpty
          >
            <ListTable heads={[t('health.file.resident'), t('health.file.bed'), t('health.file.age'), t('health.file.coverage.last'), t('health.file.coverage.state')]} minWidth={560}>
              {rows.map((r) => (
                <Table.Tr key={r.residentId}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.bedLabel ?? '—'}</Table.Td>
                  <Table.Td>{r.age}</Table.Td>
                  <Table.Td>{r.lastCheckedOn ? `${r.lastCheckedOn} ${r.lastInstitution ?? ''}` : t('health.file.coverage.never')}</Table.Td>
                  <Table.Td>
                    {r.due ? (
                      <Badge color="danger" size="lg">
                        {t('health.file.coverage.due')}
                      </Badge>
                    ) : (
                      <Badge color="green.9" variant="light" size="lg">
                        {t('health.file.coverage.covered')}
                      </Badge>
                    )}
                    {r.lastAbnormal && (
                      <Badge ml="xs" color="warning" variant="light" size="lg">
                        {t('health.file.coverage.abnormal')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        );
      }}
    </QueryView>
  );
}

export function CheckupsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayRecord = useMayCall('health.recordCheckup');
  const thisYear = today.slice(0, 4);
  const [year, setYear] = useState<string>(thisYear);
  const [search, setSearch] = useState('');
  const [includeVoided, setIncludeVoided] = useState(false);
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<CheckupRow | null>(null);
  const [voiding, setVoiding] = useState<CheckupRow | null>(null);
  const list = useHealthCheckups({ year: year === 'all' ? null : year, search, includeVoided });
  const years = [0, 1, 2, 3, 4].map((n) => String(Number(thisYear) - n));
  return (
    <Stack>
      <Group>
        {mayRecord && (
          <Button size="lg" onClick={() => setAdding(true)}>
            {t('health.file.checkup.add')}
          </Button>
        )}
        <Button size="lg" variant="outline" component={Link} to={`/health/checkup-sheet?year=${year === 'all' ? thisYear : year}`}>
          {t('health.file.checkup.printSummary')}
        </Button>
      </Group>
      <Coverage />
      <ListCard title={t('health.file.checkup.listTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
          <TextInput size="md" label={t('health.file.search')} placeholder={t('health.file.checkup.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            size="md"
            label={t('health.file.year')}
            allowDeselect={false}
            value={year}
            onChange={(v) => setYear(v ?? thisYear)}
            data={[...years.map((y) => ({ value: y, label: t('health.file.yearLabel', { year: y }) })), { value: 'all', label: t('health.file.allYears') }]}
          />
          <Switch mt="lg" size="md" label={t('health.file.showVoided')} checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} />
        </SimpleGrid>
        <QueryView query={list} empty={t('health.file.checkup.empty')} isEmpty={(l) => l.checkups.length === 0}>
          {(l) => (
            <ListTable heads={[t('health.file.checkup.checkedOn'), t('health.file.resident'), t('health.file.checkup.institution'), t('health.file.checkup.results'), t('health.file.checkup.abnormalAndFollowUp'), '']} minWidth={820} testId="checkup-list">
              {l.checkups.map((c) => (
                <Table.Tr key={c.id} style={c.voided ? { textDecoration: 'line-through', opacity: 0.7 } : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.checkedOn}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.resident}
                    <Text size="sm" c="dimmed">
                      {c.bedLabel ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.institution}</Table.Td>
                  <Table.Td>{c.results}</Table.Td>
                  <Table.Td>
                    {c.abnormal ? (
                      <>
                        <Text c="danger">{c.abnormal}</Text>
                        <Text size="sm">{t('health.file.checkup.followUpIs', { text: c.followUp })}</Text>
                      </>
                    ) : (
                      t('health.file.checkup.noAbnormal')
                    )}
                    {c.voided && <Text size="sm">{t('health.file.voidedBy', c.voided)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {c.hasAttachment && (
                        <Anchor component="button" type="button" onClick={() => setViewing(c)}>
                          {t('health.file.checkup.viewAttachment')}
                        </Anchor>
                      )}
                      {mayRecord && !c.voided && (
                        <Anchor component="button" type="button" c="danger" onClick={() => setVoiding(c)}>
                          {t('health.file.void')}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </QueryView>
      </ListCard>
      {adding && <CheckupModal today={today} onClose={() => setAdding(false)} />}
      {viewing && <AttachmentModal row={viewing} onClose={() => setViewing(null)} />}
      {voiding && <VoidCheckupModal row={voiding} onClose={() => setVoiding(null)} />}
    </Stack>
  );
}
