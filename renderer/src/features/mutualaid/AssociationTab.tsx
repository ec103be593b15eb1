// 老年协会: the month's activities (a village's or the township's), each with how many came; a new one in one form;
// 签到 ticks who came — elders on the register and helpers, found by name — one tap each, a second tap takes them
// off. A keeper cancels an activity with a reason.
import { Badge, Button, Card, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { MonthPickerInput, DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationRow, Person } from '@shared/api/mutualaid';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { ReasonModal, VillageFilter } from './parts';
import { useAidAssociations, useAidAttend, useAidAttendance, useAidCancelAssociation, useAidSaveAssociation } from './queries';

function AssociationModal({ row, today, onClose }: { row: AssociationRow | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ villageId: row?.villageId ?? null, heldOn: row?.heldOn ?? today, title: row?.title ?? '', place: row?.place ?? '', note: row?.note ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useAidSaveAssociation({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['villageId', 'heldOn', 'title', 'place', 'note'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={row ? t('mutualaid.assoc.editTitle') : t('mutualaid.assoc.newTitle')}>
      <Stack>
        <TextInput size="lg" label={t('mutualaid.assoc.name')} withAsterisk placeholder={t('mutualaid.assoc.namePlaceholder')} value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={errors.title} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput size="lg" label={t('mutualaid.assoc.heldOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={v.heldOn} onChange={(d) => d && setV({ ...v, heldOn: d })} error={errors.heldOn} />
          <VillageFilter label={t('mutualaid.assoc.village')} value={v.villageId} onChange={(id) => setV({ ...v, villageId: id })} />
        </SimpleGrid>
        <TextInput size="lg" label={t('mutualaid.assoc.place')} placeholder={t('mutualaid.assoc.placePlaceholder')} value={v.place} onChange={(e) => setV({ ...v, place: e.currentTarget.value })} error={errors.place} />
        <Textarea size="lg" autosize minRows={2} label={t('mutualaid.assoc.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={errors.note} />
        <Button size="xl" loading={save.isPending} onClick={() => save.mutate({ ...(row ? { id: row.id } : {}), ...v })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function PersonTick({ p, activityId, present, disabled }: { p: Person; activityId: string; present: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  const attend = useAidAttend();
  return (
    <Checkbox
      size="lg"
      disabled={disabled || attend.isPending}
      checked={present}
      onChange={() => attend.mutate({ activityId, kind: p.kind, id: p.id, present: !present })}
      label={
        <Text span size="lg">
          {p.name}
          <Text span size="sm" c="dimmed">
            {' '}
            {p.note}
            {p.village ? `，${p.village}` : ''}
          </Text>
        </Text>
      }
      aria-label={t(present ? 'mutualaid.assoc.untick' : 'mutualaid.assoc.tick', { name: p.name })}
      styles={{ body: { alignItems: 'center' } }}
      py={6}
    />
  );
}

function AttendanceModal({ activityId, onClose }: { activityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 200);
  const data = useAidAttendance({ activityId, search: typed.slice(0, 20) });
  const mayTick = useMayCall('mutualaid.attend');
  return (
    <Modal opened onClose={onClose} size="lg" title={data.data ? t('mutualaid.assoc.attendanceTitle', { title: data.data.activity.title, on: data.data.activity.heldOn }) : t('app.loading')}>
      <QueryView query={data}>
        {({ activity, present, candidates }) => {
          const locked = activity.cancelled !== null || !mayTick;
          return (
            <Stack gap="sm">
              <Text fw={700} data-testid="aid-present-count">
                {t('mutualaid.assoc.presentCount', { elders: activity.elders, helpers: activity.helpers })}
              </Text>
              {present.length > 0 && (
                <Stack gap={0} data-testid="aid-present">
                  {present.map((p) => (
                    <PersonTick key={p.id} p={p} activityId={activityId} present disabled={locked} />
                  ))}
                </Stack>
              )}
              {!locked && (
                <>
                  <TextInput size="lg" label={t('mutualaid.assoc.find')} placeholder={t('mutualaid.assoc.findPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
                  {candidates.length === 0 ? (
                    <Text c="dimmed">{typed ? t('mutualaid.nothingFound') : t('mutualaid.assoc.noCandidates')}</Text>
                  ) : (
                    <Stack gap={0} data-testid="aid-candidates">
                      {candidates.map((p) => (
                        <PersonTick key={p.id} p={p} activityId={activityId} present={false} disabled={false} />
                      ))}
                    </Stack>
                  )}
                </>
              )}
              <Button size="lg" variant="default" onClick={onClose}>
                {t('mutualaid.assoc.done')}
              </Button>
            </Stack>
          );
        }}
      </QueryView>
    </Modal>
  );
}

function CancelAssociation({ row, onClose }: { row: AssociationRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const cancel = useAidCancelAssociation({ successMessage: t('mutualaid.assoc.cancelled'), onSuccess: onClose, onFieldError: (f, m) => (setError(m), f === 'reason') });
  return (
    <ReasonModal
      title={t('mutualaid.assoc.cancelTitle', { title: row.title })}
      reasonLabel={t('mutualaid.assoc.cancelReason')}
      confirm={t('mutualaid.assoc.cancel')}
      pending={cancel.isPending}
      error={error}
      onSubmit={(reason) => cancel.mutate({ id: row.id, reason })}
      onClose={onClose}
    />
  );
}

export function AssociationTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [villageId, setVillageId] = useState<string | null>(null);
  const list = useAidAssociations({ month, villageId });
  const mayRecord = useMayCall('mutualaid.saveAssociation');
  const mayCancel = useMayCall('mutualaid.cancelAssociation');
  const [editing, setEditing] = useState<AssociationRow | 'new' | null>(null);
  const [ticking, setTicking] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<AssociationRow | null>(null);
  return (
    <Stack>
      <Text>{t('mutualaid.assoc.intro')}</Text>
      <Group align="end" wrap="wrap">
        <MonthPickerInput size="lg" label={t('mutualaid.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} w={{ base: '100%', xs: 150 }} />
        <VillageFilter value={villageId} onChange={setVillageId} />
        {mayRecord && (
          <Button size="lg" onClick={() => setEditing('new')} ml="auto">
            {t('mutualaid.assoc.add')}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>{t('mutualaid.assoc.empty')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="aid-associations">
              {rows.map((a) => (
                <Card key={a.id} withBorder>
                  <Group justify="space-between" wrap="nowrap" align="start">
                    <div>
                      <Title order={4}>{a.title}</Title>
                      <Text>
                        {a.heldOn}　{a.village ?? t('mutualaid.assoc.township')}
                        {a.place ? `　${a.place}` : ''}
                      </Text>
                    </div>
                    {a.cancelled ? (
                      <Badge color="muted" variant="filled" style={{ flexShrink: 0 }}>
                        {t('mutualaid.assoc.cancelledMark')}
                      </Badge>
                    ) : (
                      <Badge color="ok" variant="light" size="lg" style={{ flexShrink: 0 }}>
                        {t('mutualaid.assoc.count', { n: a.elders + a.helpers })}
                      </Badge>
                    )}
                  </Group>
                  {a.note && <Text mt={4}>{a.note}</Text>}
                  {a.cancelled && <Text mt={4}>{t('mutualaid.assoc.cancelledLine', { reason: a.cancelled.reason })}</Text>}
                  <Group mt="sm" gap="xs">
                    <Button size="md" onClick={() => setTicking(a.id)} aria-label={t('mutualaid.assoc.attendanceFor', { title: a.title })}>
                      {a.cancelled ? t('mutualaid.assoc.whoCame') : t('mutualaid.assoc.attendance')}
                    </Button>
                    {!a.cancelled && mayRecord && (
                      <Button size="md" variant="outline" onClick={() => setEditing(a)}>
                        {t('mutualaid.assoc.edit')}
                      </Button>
                    )}
                    {!a.cancelled && mayCancel && (
                      <Button size="md" variant="outline" color="danger" onClick={() => setCancelling(a)}>
                        {t('mutualaid.assoc.cancel')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
      {editing && <AssociationModal row={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)} />}
      {ticking && <AttendanceModal activityId={ticking} onClose={() => setTicking(null)} />}
      {cancelling && <CancelAssociation row={cancelling} onClose={() => setCancelling(null)} />}
    </Stack>
  );
}
