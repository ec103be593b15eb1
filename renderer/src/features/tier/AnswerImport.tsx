// 县级答复 on the 月度报送 page: the manager imports the county's signed answer file; each answer is applied once.
import { Alert, Button, Card, FileButton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { useMayCall } from '../../shell/current-user';

export function AnswerImport() {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const may = useMayCall('tier.importAnswers');
  const importAnswers = useApiMutation('tier.importAnswers', {
    onSuccess: (r) => setDone(t('tier.imported', { county: r.countyName, applied: r.applied, already: r.already })),
  });
  if (!may) return null;
  return (
    <Card withBorder padding="lg" data-testid="tier-answer-import">
      <Stack>
        <Title order={3} size="h4">
          {t('tier.importTitle')}
        </Title>
        <Text>{t('tier.importHint')}</Text>
        <FileButton accept=".json,application/json" onChange={(file) => void file?.text().then((text) => (setDone(null), importAnswers.mutate({ fileName: file.name, text })))}>
          {(props) => (
            <Button {...props} w="fit-content" loading={importAnswers.isPending}>
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
