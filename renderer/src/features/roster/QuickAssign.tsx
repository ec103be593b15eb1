// 一次排多天: one person, any days of the week (or the whole week), one shift or 休 — saved in one action.
import { Button, Card, Chip, Group, MultiSelect, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '@shared/api/roster';
import { useRosterAssignDays } from './queries';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const OFF = 'off';

export function QuickAssign({ week, staffId, onStaff }: { week: RosterWeek; staffId: string | null; onStaff: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [dates, setDates] = useState<string[]>([]);
  const active = week.shifts.filter((s) => !s.retired);
  const [shift, setShift] = useState<string>(active[0]?.id ?? OFF);
  const [area, setArea] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const person = week.staff.find((p) => p.id === staffId);
  const save = useRosterAssignDays({
    onSuccess: () => {
      setDone(t('firstDay.roster.applied', { name: person?.name ?? '', n: dates.length }));
      setDates([]);
    },
  });
  const wholeWeek = dates.length === 7;
  return (
    <Card withBorder className="screen-only" data-testid="quick-assign">
      <Title order={3} mb="sm">
        {t('firstDay.roster.quickTitle')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('firstDay.roster.person')}
          placeholder={t('firstDay.roster.personPlaceholder')}
          searchable
          clearable
          maw={360}
          data={week.staff.map((p) => ({ value: p.id, label: `${p.name}（${t(`enums.staffRole.${p.role}`)}）` }))}
          value={staffId}
          onChange={(v) => {
            onStaff(v);
            setDone(null);
          }}
        />
        <div>
          <Text size="sm" fw={500} id="quick-days">
            {t('firstDay.roster.days')}
          </Text>
          <Group gap="xs" role="group" aria-labelledby="quick-days">
            <Chip checked={wholeWeek} onChange={() => setDates(wholeWeek ? [] : [...week.days])} variant="outline">
              {t('firstDay.roster.wholeWeek')}
            </Chip>
            <Chip.Group multiple value={dates} onChange={setDates}>
              {week.days.map((d, i) => (
                <Chip key={d} value={d} variant="outline">
                  {WEEKDAYS[i]} {d.slice(5)}
                </Chip>
              ))}
            </Chip.Group>
          </Group>
        </div>
        <div>
          <Text size="sm" fw={500} id="quick-shift">
            {t('firstDay.roster.shift')}
          </Text>
          <SegmentedControl
            aria-labelledby="quick-shift"
            value={shift}
            onChange={setShift}
            data={[...active.map((s) => ({ value: s.id, label: s.name })), { value: OFF, label: t('firstDay.roster.dayOff') }]}
          />
        </div>
        {shift !== OFF && <MultiSelect label={t('roster.area')} data={week.areas} searchable clearable maw={520} value={area} onChange={setArea} />}
        <Group>
          <Button
            size="md"
            disabled={!staffId || dates.length === 0}
            loading={save.isPending}
            onClick={() => staffId && save.mutate({ staffId, dates, shiftId: shift === OFF ? null : shift, area: shift === OFF ? [] : area })}
          >
            {t('firstDay.roster.apply')}
          </Button>
          {done && (
            <Text c="teal.9" role="status">
              {done}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
