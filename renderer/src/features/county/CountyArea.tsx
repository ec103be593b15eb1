// A prefecture's or province's store (issue 20): the county picker of the indicators and matrix pages (the chosen
// county is the address's ?county=), the 各县 list (each county's reporting and main figures; its name opens its
// indicators, 报送情况 its matrix), and the key file for one county's centres.
import { Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { INDICATORS, formatIndicator } from '@shared/domain/sync/figures';
import { downloadText } from '../../components/download';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { ApiCallError } from '../../api/client';
import { fetchCountyKeyFile, useCountyCentres, useCountyCounties, useCountyStatus } from './queries';

const FIGURES = ['beds', 'residents', 'occupancy', 'careCoverage'];
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Whether this store gathers several counties, and which county the address has chosen (null: the whole area). */
export function useAreaCounty() {
  const status = useCountyStatus();
  const [params, setParams] = useSearchParams();
  const isArea = status.data !== undefined && status.data.area !== 'county';
  const countyCode = isArea ? params.get('county') : null;
  const choose = (code: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (code) next.set('county', code);
      else next.delete('county');
      return next;
    });
  return { isArea, countyCode, choose, areaName: status.data?.countyName ?? '' };
}

/** The counties the enrolled centres belong to, by code, each named as its centres' registration files say. */
function useCountyOptions(enabled: boolean) {
  const centres = useCountyCentres(enabled);
  const names = new Map<string, string>();
  for (const c of centres.data ?? []) if (!names.get(c.countyCode)) names.set(c.countyCode, c.countyName);
  return [...names.keys()].sort().map((code) => ({ value: code, label: `${names.get(code) || code}（${code}）` }));
}

export function CountyPicker() {
  const { t } = useTranslation();
  const { isArea, countyCode, choose, areaName } = useAreaCounty();
  const options = useCountyOptions(isArea);
  if (!isArea) return null;
  return (
    <Select
      label={t('county.area.picker')}
      data={[{ value: '', label: t('county.area.whole', { name: areaName }) }, ...options]}
      value={countyCode ?? ''}
      onChange={(v) => choose(v || null)}
      searchable
      allowDeselect={false}
      w={260}
      size="md"
    />
  );
}

export function CountiesTable({ period }: { period: string }) {
  const { t } = useTranslation();
  const { choose } = useAreaCounty();
  const counties = useCountyCounties({ period });
  const [query, setQuery] = useState('');
  const figures = FIGURES.map((key) => INDICATORS.find((r) => r.key === key)!);
  return (
    <QueryView query={counties}>
      {(data) => {
        const q = query.trim();
        const shown = data.counties.filter((c) => !q || c.name.includes(q) || c.countyCode.includes(q));
        if (data.counties.length === 0) return <EmptyState>{t('county.area.none')}</EmptyState>;
        return (
          <Stack>
            <Text>{t('county.area.hint', { period })}</Text>
            <TextInput label={t('county.area.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={280} />
            {shown.length === 0 ? (
              <EmptyState>{t('county.area.noMatch')}</EmptyState>
            ) : (
              <Table.ScrollContainer minWidth={980}>
                <Table striped withTableBorder verticalSpacing="xs" data-testid="area-counties">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('county.area.col.county')}</Table.Th>
                      <Table.Th style={NOWRAP}>{t('county.area.col.centres')}</Table.Th>
                      <Table.Th style={NOWRAP}>{t('county.area.col.reported')}</Table.Th>
                      <Table.Th style={NOWRAP}>{t('county.area.col.onTime')}</Table.Th>
                      <Table.Th style={NOWRAP}>{t('county.area.col.late')}</Table.Th>
                      <Table.Th style={NOWRAP}>{t('county.area.col.corrected')}</Table.Th>
                      <Table.Th style={NOWRAP}>{t('county.area.col.missing')}</Table.Th>
                      {figures.map((r) => (
                        <Table.Th key={r.key}>{r.label}</Table.Th>
                      ))}
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((c) => (
                      <Table.Tr key={c.countyCode}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component="button" type="button" onClick={() => choose(c.countyCode)} fw={700}>
                            {c.name}
                          </Anchor>
                          <Text size="sm" c="dimmed">
                            {c.countyCode}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {c.confirmed}
                          {c.enrolled > c.confirmed ? `（+${c.enrolled - c.confirmed}）` : ''}
                        </Table.Td>
                        <Table.Td>{c.reported}</Table.Td>
                        <Table.Td>{c.onTime}</Table.Td>
                        <Table.Td>{c.late}</Table.Td>
                        <Table.Td>{c.corrected}</Table.Td>
                        <Table.Td fw={c.missing ? 700 : undefined}>{c.missing}</Table.Td>
                        {figures.map((r) => (
                          <Table.Td key={r.key}>{formatIndicator(r, c.reported ? c.figures : null, '—')}</Table.Td>
                        ))}
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component={Link} to={`/county?county=${c.countyCode}`}>
                            {t('county.area.matrixOf')}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        );
      }}
    </QueryView>
  );
}

/** The key file for the centres of one county within the area (the same key; the county's own code and name). */
export function CountyKeyFileCard() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await fetchCountyKeyFile({ countyCode: code, countyName: name });
      downloadText(file.fileName, file.text, 'application/json');
    } catch (e) {
      setError(e instanceof ApiCallError ? { field: e.field ?? null, message: e.message } : { field: null, message: String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('county.area.keyTitle')}
      </Title>
      <Stack>
        <Text>{t('county.area.keyHint')}</Text>
        <Group align="start">
          <TextInput label={t('county.area.keyCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} inputMode="numeric" maxLength={6} w={200} size="md" error={error?.field === 'countyCode' ? error.message : undefined} />
          <TextInput label={t('county.area.keyName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} size="md" error={error?.field === 'countyName' ? error.message : undefined} />
        </Group>
        {error && error.field !== 'countyCode' && error.field !== 'countyName' && <Text c="red.9">{error.message}</Text>}
        <Group>
          <Button size="md" variant="outline" loading={busy} onClick={() => void download()}>
            {t('county.area.keyDownload')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
