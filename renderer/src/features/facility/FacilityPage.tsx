// 床位与机构设置: the centre's profile (and since when it uses the system), and its buildings, rooms and beds.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { dateTime } from '../../components/time';
import { LayoutEditor } from './LayoutEditor';
import { ProfileForm } from './ProfileForm';
import { useFacilityGet } from './queries';

export function FacilityPage() {
  const { t } = useTranslation();
  const profile = useFacilityGet();
  return (
    <Stack>
      <Card withBorder padding="lg">
        <Title order={2} mb="md">
          {t('facility.profileTitle')}
        </Title>
        <QueryView query={profile}>
          {(data) => (
            <>
              {data && (
                <Text mb="md" data-testid="started-at">
                  {t('firstDay.startedAt', { at: dateTime(data.startedAt) })}
                </Text>
              )}
              <ProfileForm key={data?.updatedAt} profile={data} />
            </>
          )}
        </QueryView>
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
