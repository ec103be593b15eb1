// 机构登记: hand the county's public-key file to the centres, enrol each centre from its registration file, and list
// the enrolled centres with their fingerprints (searchable).
import { Alert, Button, Card, FileButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { downloadText } from '../../components/download';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { shortDateTime } from '../../components/time';
import { Fingerprint } from '../sync/CountyLink';

export function CountyCentresPage() {
  const { t } = useTranslation();
  const status = useApi('county.status', {});
  const centres = useApi('county.centres', {});
  const [query, setQuery] = useState('');
  const enrol = useApiMutation('county.enrol');
  if (status.isPending || centres.isPending) return <LoadingState />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  if (centres.isError) return <ErrorState error={centres.error} onRetry={() => centres.refetch()} />;
  const q = query.trim();
  const shown = centres.data.filter((c) => !q || c.name.includes(q) || c.township.includes(q) || c.centreCode.includes(q));
  return (
    <Stack>
      <Title order={2}>{t('county.centresTitle')}</Title>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('county.countyKeyTitle')}
        </Title>
        <Stack>
          <Text>{t('county.countyKeyHint')}</Text>
          <Fingerprint label={t('county.fingerprint')} value={status.data.fingerprint} />
          <Group>
            <Button size="md" variant="outline" onClick={() => downloadText(status.data.keyFile.fileName, status.data.keyFile.text, 'application/json')}>
              {t('county.downloadKey')}
            </Button>
          </Group>
          {status.data.keyProtection === 'none' && <Text size="sm">{t('county.keyPlain')}</Text>}
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('county.enrolTitle')}
        </Title>
        <Stack>
          <Text>{t('county.enrolHint')}</Text>
          <Group>
            <FileButton accept=".json,application/json" onChange={(file) => void file?.text().then((text) => enrol.mutate({ text }))}>
              {(props) => (
                <Button size="md" loading={enrol.isPending} {...props}>
                  {t('county.enrolFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          {enrol.data && (
            <Alert color="green.9" variant="outline">
              {enrol.data.already ? t('county.alreadyEnrolled', enrol.data) : t('county.enrolled', enrol.data)}
            </Alert>
          )}
          {enrol.error && (
            <Alert color="red.9" variant="outline">
              {enrol.error.message}
            </Alert>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        {centres.data.length === 0 ? (
          <EmptyState>{t('county.noCentres')}</EmptyState>
        ) : (
          <Stack>
            <TextInput label={t('county.centresSearch')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
            <Table.ScrollContainer minWidth={800}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    {(['centre', 'township', 'fingerprint', 'enrolledAt', 'last', 'packages'] as const).map((c) => (
                      <Table.Th key={c}>{t(`county.col.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((c) => (
                    <Table.Tr key={c.centreCode}>
                      <Table.Td>
                        <Text fw={700}>{c.name}</Text>
                        <Text size="sm">{c.centreCode}</Text>
                      </Table.Td>
                      <Table.Td>{c.township}</Table.Td>
                      <Table.Td ff="monospace">{c.fingerprint}</Table.Td>
                      <Table.Td>
                        {shortDateTime(c.enrolledAt)} {c.enrolledBy}
                      </Table.Td>
                      <Table.Td>{c.lastPeriod ?? '—'}</Table.Td>
                      <Table.Td>{c.packages}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
