// Who is on duty now, shift by shift, with the hours nobody covers: on the roster page and the home page.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { useRosterOnDuty } from './queries';

export function OnDutyCard() {
  const { t } = useTranslation();
  const duty = useRosterOnDuty();
  return (
    <QueryView query={duty}>
      {(dutyData) => {
      return (
        <Card withBorder>
          <Title order={3} mb="sm">
            {t('roster.onDuty')}
          </Title>
          {dutyData.shifts.length === 0 || dutyData.shifts.every((s) => s.people.length === 0) ? (
            <Text>{t('roster.onDutyEmpty')}</Text>
          ) : (
            <Stack gap={6} data-testid="on-duty">
              {dutyData.shifts.map((s) => (
                <Text key={`${s.shiftId}-${s.shiftDate}`}>
                  <b>
                    {s.name} {s.hoursText}
                  </b>
                  ：{s.people.length ? s.people.map((p) => `${p.name}（${p.areaText}）`).join('、') : '没有排人'}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      );
      }}
    </QueryView>
  );
}
