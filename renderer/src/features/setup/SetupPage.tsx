// First run: set up this centre, or load the demo centre to look around.
import { Button, Card, Container, Divider, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { ProfileForm } from '../facility/ProfileForm';
import { useSystemLoadDemo } from '../../shell/queries';

export function SetupPage() {
  const { t } = useTranslation();
  const demo = useSystemLoadDemo({
    onSuccess: (v) => notifySuccess(t('setup.demoDone', v)),
  });
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('setup.title')}</Title>
        <Text size="lg">{t('setup.intro')}</Text>
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="md">
            {t('setup.ownCentre')}
          </Title>
          <ProfileForm profile={null} />
        </Card>
        <Divider label={<Text c="dark.7">或者</Text>} labelPosition="center" />
        <Card withBorder padding="lg">
          <Stack>
            <Text>{t('setup.demoHint')}</Text>
            {demo.isPending && (
              <>
                <Text>{t('setup.demoLoading')}</Text>
                <Progress value={100} animated aria-label={t('setup.demoLoading')} />
              </>
            )}
            <Button variant="outline" size="lg" onClick={() => demo.mutate({})} loading={demo.isPending}>
              {t('setup.demo')}
            </Button>
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}
