// 县级答复 on the 月度报送 page: the proposals still waiting for the county (red when it is late), and the county's
// signed answer file, imported by the manager; each answer is applied once.
import { Alert, Badge, Button, Card, FileButton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIER_NAMES } from '@shared/domain/assessment/tekun-tier';
import { useMayCall } from '../../shell/current-user';
import { useTierImportAnswers, useTierWaiting } from './queries';

export function AnswerImport() {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const may = useMayCall('tier.importAnswers');
  const importAnswers = useTierImportAnswers({
    onSuccess: (r) => setDone(t('tier.imported', { county: r.countyName, applied: r.applied, already: r.already })),
  });
  if (!may) return null;
  return <AnswerCard done={done} onText={(fileName, text) => (setDone(null), importAnswers.mutate({ fileName, text }))} busy={importAnswers.isPending} />;
}

function Waiting() {
  const { t } = useTranslation();
  const rows = useTierWaiting();
  if (!rows.data) return null;
  if (rows.data.length === 0) return <Text>{t('tier.waitingNone')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480} type="native" tabIndex={0} aria-label={t('tier.waitingTitle')}>
      <Table fz="sm" data-testid="tier-waiting">
        <Table.Thead>
          <Table.Tr>
            {(['name', 'proposedOn', 'tier', 'sentOn'] as const).map((c) => (
              <Table.Th key={c}>{t(`tier.waitingCol.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.map((r) => (
            <Table.Tr key={r.residentId}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.proposedOn}</Table.Td>
              <Table.Td>{TIER_NAMES[r.tier]}</Table.Td>
              <Table.Td>
                {r.sentOn ?? t('tier.notSentShort')}{' '}
                {r.overdue && (
                  <Badge color="red" data-testid="tier-waiting-overdue">
                    {t('tier.overdueShort')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AnswerCard({ done, onText, busy }: { done: string | null; onText: (fileName: string, text: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="tier-answer-import">
      <Stack>
        <Title order={3} size="h4">
          {t('tier.importTitle')}
        </Title>
        <Text fw={700}>{t('tier.waitingTitle')}</Text>
        <Waiting />
        <Text>{t('tier.importHint')}</Text>
        <FileButton accept=".json,application/json" onChange={(file) => void file?.text().then((text) => onText(file.name, text))}>
          {(props) => (
            <Button {...props} w="fit-content" loading={busy}>
              {t('tier.importButton')}
            </Button>
          )}
        </FileButton>
        {done && (
          <Alert color="green" variant="light">
            {done}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
