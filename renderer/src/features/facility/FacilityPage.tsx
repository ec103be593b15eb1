// 床位与机构设置: the centre's profile, and its buildings, rooms and beds.
import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/States';
import { LayoutEditor } from './LayoutEditor';
import { ProfileForm } from './ProfileForm';

export function FacilityPage() {
  const { t } = useTranslation();
  const profile = useApi('facility.get', {});
  return (
    <Stack>
      <Card withBorder padding="lg">
        <Title order={2} mb="md">
          {t('facility.profileTitle')}
        </Title>
        {profile.isPending ? (
          <LoadingState />
        ) : profile.isError ? (
          <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
        ) : (
          <ProfileForm key={profile.data?.updatedAt} profile={profile.data} />
        )}
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} mb="md">
          {t('facility.layoutTitle')}
        </Title>
        <LayoutEditor />
      </Card>
    </Stack>
  );
}
