// 值班记录: the 24-hour duty log of a day — entries and handovers, each signed by the person on duty.
import { Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadingState } from '../../components/States';
import { newRequestId, shortDateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { useFireAddDuty, useFireDutyLog } from './queries';

export function DutyTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(today);
  const log = useFireDutyLog({ from: date ?? today, to: date ?? today });
  const mayAdd = useMayCall('fire.addDuty');
  const [kind, setKind] = useState<'entry' | 'handover'>('entry');
  const [text, setText] = useState('');
  const [handedTo, setHandedTo] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const add = useFireAddDuty({ successMessage: t('app.saved'), onSuccess: () => (setText(''), setHandedTo(''), setRequestId(newRequestId())) });
  return (
    <Stack>
      {mayAdd && (
        <Card withBorder>
          <Stack>
            <SegmentedControl size="lg" value={kind} onChange={(v) => setKind(v as 'entry')} data={[{ value: 'entry', label: t('fire.entry') }, { value: 'handover', label: t('fire.handover') }]} aria-label={t('fire.dutyTitle')} />
            <Textarea size="md" label={t('fire.entry')} withAsterisk value={text} onChange={(e) => setText(e.currentTarget.value)} />
            {kind === 'handover' && <TextInput size="md" label={t('fire.handedTo')} withAsterisk value={handedTo} onChange={(e) => setHandedTo(e.currentTarget.value)} />}
            <Button size="lg" loading={add.isPending} onClick={() => add.mutate({ kind, text, handedTo, requestId })}>
              {kind === 'handover' ? t('fire.handover') : t('fire.addEntry')}
            </Button>
          </Stack>
        </Card>
      )}
      <Group>
        <DateInput size="lg" label={t('meals.date')} valueFormat="YYYY-MM-DD" maxDate={today} value={date} onChange={setDate} />
      </Group>
      {!log.data ? (
        <LoadingState />
      ) : log.data.length === 0 ? (
        <EmptyState>{t('fire.noDuty')}</EmptyState>
      ) : (
        <Table fz="md" striped data-testid="duty-log">
          <Table.Tbody>
            {log.data.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{shortDateTime(l.at)}</Table.Td>
                <Table.Td>{l.kind === 'handover' ? <Badge variant="filled">{t('fire.handover')}</Badge> : null}</Table.Td>
                <Table.Td>
                  <Text>{l.text}</Text>
                  {l.handedTo && <Text size="sm">{t('fire.handedTo')}：{l.handedTo}</Text>}
                </Table.Td>
                <Table.Td>{l.by}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
