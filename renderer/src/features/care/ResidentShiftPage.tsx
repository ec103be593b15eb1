// One resident's shift: who (photo, bed, allergies, risks, the family's number on tap), the tasks due with 做了/没做
// (red when late), quick records (vitals, meals and water, toileting, sleep, mood, skin, a note), and everything
// recorded this shift with corrections beside the originals.
import { Accordion, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Entry, EntryDataInput, TaskDue } from '@shared/api/care';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { clockTime, newRequestId } from '../../components/time';
import { useCurrentUser } from '../../shell/current-user';
import { AmendModal } from './AmendModal';
import { ResidentHeader } from './ResidentHeader';
import { IntakeEditor, NoteEditor, OneTapEditor, SkinEditor, TaskEditor, ToiletingEditor, VitalsEditor } from './editors';
import { useCareRecord, useCareResidentShift } from './queries';
import { inkVar } from '../../theme';
import { ResidentDosesCard } from '../medication/round';

function slotText(t: (k: 'care.anyTime' | 'care.thisWeek') => string, d: TaskDue) {
  if (d.slot === 'shift') return t('care.anyTime');
  if (d.slot === 'week') return t('care.thisWeek');
  return d.slot.slice(11);
}

function TaskRow({ task, open, onSave, pending }: { task: TaskDue; open: boolean; onSave: (d: EntryDataInput) => void; pending: boolean }) {
  const { t } = useTranslation();
  // A recorded task hides its buttons (no double taps at 3 a.m.); "改一下" brings them back.
  const [changing, setChanging] = useState(false);
  const recorded = task.status !== 'pending';
  const colour = task.status === 'done' ? 'green.1' : task.status === 'not_done' ? 'orange.0' : task.overdue ? 'red.0' : undefined;
  return (
    <Card withBorder padding="md" bg={colour} data-testid="task-row" data-overdue={task.overdue ? 'yes' : 'no'} style={task.overdue ? { borderColor: inkVar('danger'), borderWidth: 2 } : undefined}>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text fz={22} fw={700}>
            {task.task}
          </Text>
          <Text size="lg">
            {slotText(t, task)}
            {task.status === 'done' && `　✓ ${t('care.done')}`}
            {task.status === 'not_done' && `　✗ ${t('care.notDone')}（${t(`enums.notDoneReason.${task.reason ?? 'other'}` as never)}）`}
            {task.status === 'pending' && !task.overdue && `　${t('care.pending')}`}
            {task.recordedBy && `　${t('care.by', { name: task.recordedBy })}`}
          </Text>
          {task.overdue && (
            <Badge size="lg" color="danger" variant="filled">
              {t('night.overdueTask')}
            </Badge>
          )}
          {task.fromRound && (
            <Badge size="lg" color="done" variant="outline">
              {t('night.fromRound')}
            </Badge>
          )}
        </div>
        {open && (!recorded || changing) && (
          <TaskEditor initial={{ kind: 'task', taskId: task.taskId, slot: task.slot, status: 'done', reason: null }} onSave={(d) => (setChanging(false), onSave(d))} pending={pending} />
        )}
        {open && recorded && !changing && (
          <Button variant="subtle" onClick={() => setChanging(true)}>
            {t('care.change')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function EntryLine({ entry, mayAmend, onAmend }: { entry: Entry; mayAmend: boolean; onAmend: () => void }) {
  const { t } = useTranslation();
  const struck = entry.supersededBy !== null;
  return (
    <Group justify="space-between" p="xs" style={{ borderBottom: `1px solid ${inkVar('gray.3')}` }} data-testid="entry-line">
      <div>
        <Text size="lg" td={struck ? 'line-through' : undefined} c={struck ? 'dark.4' : undefined}>
          {clockTime(entry.occurredAt)}　{entry.text}
        </Text>
        <Text size="sm">
          {t('care.by', { name: entry.recordedBy })}
          {entry.amendReason && `　${t('care.correction', { reason: entry.amendReason })}`}
          {struck && `　${t('care.amended')}`}
        </Text>
      </div>
      {mayAmend && !struck && (
        <Button variant="outline" onClick={onAmend}>
          {t('care.amend')}
        </Button>
      )}
    </Group>
  );
}

export function ResidentShiftPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { shiftId = '', shiftDate = '', residentId = '' } = useParams();
  const view = useCareResidentShift({ shiftId, shiftDate, residentId });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [amending, setAmending] = useState<Entry | null>(null);
  const [section, setSection] = useState<string | null>('vitals');
  // Editors start empty again after each saved record (not after a refusal: what was typed stays).
  const [saves, setSaves] = useState(0);
  const record = useCareRecord({
    successMessage: t('care.saved'),
    onSuccess: () => (setError(null), setSaves((n) => n + 1)),
    onFieldError: (field, message) => (setError({ field, message }), field === 'confirmedUnusual'),
  });
  return (
    <QueryView query={view}>
      {(viewData) => {
      const v = viewData;
      const open = v.shift.open && v.resident.present;
      const save = (data: EntryDataInput) => record.mutate({ shiftId, shiftDate, residentId, requestId: newRequestId(), data });
      const props = { onSave: save, pending: record.isPending, fieldError: error };
      const quick = [
        { key: 'vitals', label: t('care.vitals'), body: <VitalsEditor key={saves} {...props} /> },
        { key: 'intake', label: t('care.intake'), body: <IntakeEditor key={saves} {...props} /> },
        { key: 'toileting', label: t('care.toileting'), body: <ToiletingEditor key={saves} {...props} /> },
        { key: 'sleep', label: t('care.sleep'), body: <OneTapEditor kind="sleep" onSave={save} pending={record.isPending} /> },
        { key: 'mood', label: t('care.mood'), body: <OneTapEditor kind="mood" onSave={save} pending={record.isPending} /> },
        { key: 'skin', label: t('care.skin'), body: <SkinEditor key={saves} {...props} /> },
        { key: 'note', label: t('care.note'), body: <NoteEditor key={saves} {...props} /> },
      ];
      const mayAmendAll = user.role === 'admin' || user.role === 'care_lead';
      return (
        <Stack>
          <Group>
            <Button component={Link} to="/shift" variant="outline" size="lg">
              ← {t('care.back')}
            </Button>
          </Group>
          <ResidentHeader resident={v.resident} closed={!v.shift.open} />
          <ResidentDosesCard residentId={v.resident.id} shiftId={v.shift.shiftId} shiftDate={v.shift.shiftDate} />
          <Title order={3}>{t('care.tasks')}</Title>
          {v.tasks.length === 0 ? (
            <EmptyState>{t('care.noTasks')}</EmptyState>
          ) : (
            v.tasks.map((task) => <TaskRow key={`${task.taskId}-${task.slot}`} task={task} open={open} onSave={save} pending={record.isPending} />)
          )}
          {open && (
            <>
              <Title order={3}>{t('care.quick')}</Title>
              <Accordion variant="separated" value={section} onChange={setSection}>
                {quick.map((q) => (
                  <Accordion.Item key={q.key} value={q.key}>
                    <Accordion.Control>
                      <Text fz={22} fw={700}>
                        {q.label}
                      </Text>
                    </Accordion.Control>
                    <Accordion.Panel>{q.body}</Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            </>
          )}
          <Title order={3}>{t('care.records')}</Title>
          {v.entries.length === 0 ? (
            <EmptyState>{t('care.noRecords')}</EmptyState>
          ) : (
            <Card withBorder padding={0}>
              {v.entries.map((e) => (
                <EntryLine key={e.id} entry={e} mayAmend={mayAmendAll || e.recordedBy === user.name} onAmend={() => setAmending(e)} />
              ))}
            </Card>
          )}
          {amending && <AmendModal entry={amending} onClose={() => setAmending(null)} />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
