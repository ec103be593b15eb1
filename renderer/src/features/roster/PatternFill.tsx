// 按规律排一周: a week for many people from one pattern such as 早早中中夜夜休, optionally rotated one day per person.
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '@shared/api/roster';
import { CARE_STAFF_ROLES } from '@shared/domain/care/vocab';
import { useRosterFillWeek } from './queries';

export function PatternFill({ week, onClose, onDone }: { week: RosterWeek; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<string[]>([]);
  const [pattern, setPattern] = useState('');
  const [stagger, setStagger] = useState(true);
  const fill = useRosterFillWeek({
    inlineErrors: true,
    onSuccess: (r) => {
      onDone(t('firstDay.roster.filled', r));
      onClose();
    },
  });
  const codes = week.shifts
    .filter((s) => !s.retired)
    .map((s) => `${[...s.name][0]}＝${s.name}`)
    .join('、');
  return (
    <Modal opened onClose={onClose} title={t('firstDay.roster.patternTitle')} size="lg">
      <Stack>
        <MultiSelect
          label={t('firstDay.roster.patternPeople')}
          searchable
          data={week.staff.map((p) => ({ value: p.id, label: `${p.name}（${t(`enums.staffRole.${p.role}`)}）` }))}
          value={people}
          onChange={setPeople}
        />
        <Group gap="xs">
          <Button variant="outline" size="compact-md" onClick={() => setPeople(week.staff.filter((p) => CARE_STAFF_ROLES.includes(p.role)).map((p) => p.id))}>
            {t('firstDay.roster.allCareStaff')}
          </Button>
          <Button variant="outline" size="compact-md" onClick={() => setPeople(week.staff.map((p) => p.id))}>
            {t('firstDay.roster.everyone')}
          </Button>
        </Group>
        <TextInput
          label={t('firstDay.roster.pattern')}
          description={t('firstDay.roster.patternHint', { codes })}
          placeholder="早早中中夜夜休"
          size="lg"
          value={pattern}
          error={fill.error?.field === 'pattern' ? fill.error.message : null}
          onChange={(e) => setPattern(e.currentTarget.value)}
        />
        <Checkbox label={t('firstDay.roster.stagger')} checked={stagger} onChange={(e) => setStagger(e.currentTarget.checked)} />
        {fill.error && fill.error.field !== 'pattern' && (
          <Alert color="red.9" variant="outline" role="alert">
            {fill.error.message}
          </Alert>
        )}
        <Button size="lg" loading={fill.isPending} onClick={() => fill.mutate({ monday: week.monday, staffIds: people, pattern, stagger })}>
          {t('firstDay.roster.fill')}
        </Button>
      </Stack>
    </Modal>
  );
}
