// 机构登记: hand the county's public-key file to the centres, take in each centre's registration file, confirm it by
// typing the fingerprint the centre reads out on the phone, and list the enrolled centres with their fingerprints
// (searchable). An enrolment can be withdrawn until the first package from the centre was imported.
import { Alert, Badge, Button, Card, FileButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import type { CentreRow } from '@shared/api/county';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../components/download';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { shortDateTime } from '../../components/time';
import { Fingerprint } from '../sync/CountyLink';
import { FingerprintConfirm } from '../sync/FingerprintConfirm';
import { DARK } from './outcome';
import { useCountyCentres, useCountyConfirmCentre, useCountyEnrol, useCountyStatus, useCountyWithdrawCentre } from './queries';
import { inkVar } from '../../theme';
import { CountyKeyFileCard } from './CountyArea';

export function CountyCentresPage() {
  const { t } = useTranslation();
  const status = useCountyStatus();
  const centres = useCountyCentres();
  const [query, setQuery] = useState('');
  const enrol = useCountyEnrol({ inlineErrors: true });
  const confirm = useCountyConfirmCentre({ inlineErrors: true, onSuccess: (c) => setDone(t('county.confirmedEnrol', c)) });
  const withdraw = useCountyWithdrawCentre({ inlineErrors: true });
  const [done, setDone] = useState<string | null>(null);
  const askWithdraw = (c: CentreRow) =>
    modals.openConfirmModal({
      title: t('county.withdrawTitle', c),
      children: <Text>{t('county.withdrawWarning')}</Text>,
      labels: { confirm: t('county.withdraw'), cancel: t('app.cancel') },
      confirmProps: { color: 'red.9' },
      onConfirm: () => (setDone(null), enrol.reset(), withdraw.mutate({ centreCode: c.centreCode }, { onSuccess: () => setDone(t('county.withdrawn', c)) })),
    });
  if (status.isPending || centres.isPending) return <LoadingState />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  if (centres.isError) return <ErrorState error={centres.error} onRetry={() => centres.refetch()} />;
  const q = query.trim();
  const shown = centres.data.filter((c) => c.state === 'confirmed' && (!q || c.name.includes(q) || c.township.includes(q) || c.countyName.includes(q) || c.centreCode.includes(q)));
  const pending = centres.data.filter((c) => c.state === 'pending');
  return (
    <Stack>
      <Title order={2}>{t('county.centresTitle')}</Title>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {status.data.area === 'county' ? t('county.countyKeyTitle') : t('county.area.ownKeyTitle', { name: status.data.countyName })}
        </Title>
        <Stack>
          <Text>{status.data.area === 'county' ? t('county.countyKeyHint') : t('county.area.ownKeyHint')}</Text>
          <Fingerprint label={status.data.area === 'county' ? t('county.fingerprint') : t('county.area.fingerprint')} value={status.data.fingerprint} />
          {status.data.area === 'county' && (
            <Group>
              <Button size="md" variant="outline" onClick={() => downloadText(status.data.keyFile.fileName, status.data.keyFile.text, 'application/json')}>
                {t('county.downloadKey')}
              </Button>
            </Group>
          )}
          {status.data.keyProtection === 'none' && <Text size="sm">{t('county.keyPlain')}</Text>}
        </Stack>
      </Card>
      {status.data.area !== 'county' && <CountyKeyFileCard />}
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('county.enrolTitle')}
        </Title>
        <Stack>
          <Text>{t('county.enrolHint')}</Text>
          <Group>
            <FileButton accept=".json,application/json" onChange={(file) => void file?.text().then((text) => (setDone(null), enrol.mutate({ text })))}>
              {(props) => (
                <Button size="md" loading={enrol.isPending} {...props}>
                  {t('county.enrolFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          {enrol.data && !done && (
            <Alert color={enrol.data.state === 'pending' ? 'orange.9' : 'green.9'} variant="outline">
              {enrol.data.already && enrol.data.state === 'confirmed' ? t('county.alreadyEnrolled', enrol.data) : t('county.enrolled', enrol.data)}
            </Alert>
          )}
          {done && (
            <Alert color="green.9" variant="outline">
              {done}
            </Alert>
          )}
          {(enrol.error ?? withdraw.error) && (
            <Alert color="red.9" variant="outline">
              {(enrol.error ?? withdraw.error)!.message}
            </Alert>
          )}
        </Stack>
      </Card>
      {pending.map((c) => (
        <Card key={c.centreCode} withBorder padding="lg" style={{ borderColor: inkVar(DARK.orange), borderWidth: 2 }}>
          <Title order={3} size="h4" mb="sm">
            {t('county.pendingTitle', { name: c.name, code: c.centreCode })}
          </Title>
          <FingerprintConfirm
            fingerprint={c.fingerprint}
            fingerprintLabel={t('county.fingerprintInFile')}
            heardLabel={t('county.heardFromCentre')}
            heardHint={t('county.heardFromCentreHint')}
            confirmLabel={t('county.confirmEnrol')}
            undoLabel={t('county.withdraw')}
            busy={confirm.isPending || withdraw.isPending}
            error={confirm.error?.message ?? null}
            onConfirm={(fingerprint) => (setDone(null), confirm.mutate({ centreCode: c.centreCode, fingerprint }))}
            onUndo={() => askWithdraw(c)}
          />
        </Card>
      ))}
      <Card withBorder padding="lg">
        {centres.data.filter((c) => c.state === 'confirmed').length === 0 ? (
          <EmptyState>{t('county.noConfirmed')}</EmptyState>
        ) : (
          <Stack>
            <TextInput label={t('county.centresSearch')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
            <Table.ScrollContainer minWidth={1000}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    {(['centre', 'township', 'fingerprint', 'enrolledAt', 'last', 'packages'] as const).map((c) => (
                      <Table.Th key={c}>{t(`county.col.${c}`)}</Table.Th>
                    ))}
                    <Table.Th>{t('county.col.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((c) => (
                    <Table.Tr key={c.centreCode}>
                      <Table.Td>
                        <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                          {c.name}
                        </Text>
                        <Text size="sm">{c.centreCode}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {/* A prefecture's or province's store: the centre's county before its township. */}
                        {status.data.area !== 'county' && c.countyName ? `${c.countyName} ` : ''}
                        {c.township}
                      </Table.Td>
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {c.fingerprint}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={DARK.green} variant="filled">
                          {t(`county.state.${c.state}`)}
                        </Badge>
                        <Text size="sm">{t('county.confirmedLine', { at: shortDateTime(c.confirmedAt ?? c.enrolledAt), by: c.confirmedBy ?? c.enrolledBy })}</Text>
                      </Table.Td>
                      <Table.Td>{c.lastPeriod ?? '—'}</Table.Td>
                      <Table.Td>{c.packages}</Table.Td>
                      <Table.Td>
                        <Button variant="outline" color="red.9" size="sm" onClick={() => askWithdraw(c)} aria-label={`${t('county.withdraw')} ${c.name}`}>
                          {t('county.withdraw')}
                        </Button>
                      </Table.Td>
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
