// 互助活动: a month's activities (by village, searchable by name), each with its hours and the points the time bank
// credited; 登记活动 opens the few-tap form. Keepers check the waiting ones (when the setting asks for a check) and
// void with a reason — the points come back off by a correcting entry. 打印互助帮扶记录 opens the month's sheet.
import { Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityRow } from '@shared/api/mutualaid';
import { ListCard, ListTable } from '../../components/ListCard';
import { notifySuccess } from '../../components/notify';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { ReasonModal, VillageFilter, hoursText, pointsText } from './parts';
import { useAidActivities, useAidCheck, useAidVoid } from './queries';
import { RecordActivityModal } from './RecordActivityModal';

function VoidActivity({ a, onClose }: { a: ActivityRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const voidIt = useAidVoid({
    onSuccess: (r) => (notifySuccess(r.notice ?? t('mutualaid.activity.voided')), onClose()),
    onFieldError: (f, m) => (setError(m), f === 'reason'),
  });
  return (
    <ReasonModal
      title={t('mutualaid.activity.voidTitle', { helper: a.helper, on: a.doneOn })}
      reasonLabel={t('mutualaid.activity.voidReason')}
      confirm={t('mutualaid.activity.void')}
      pending={voidIt.isPending}
      error={error}
      onSubmit={(reason) => voidIt.mutate({ id: a.id, reason })}
      onClose={onClose}
    />
  );
}

function State({ a }: { a: ActivityRow }) {
  const { t } = useTranslation();
  if (a.voided)
    return (
      <Badge color="muted" variant="filled" title={a.voided.reason}>
        {t('mutualaid.activity.voidedMark')}
      </Badge>
    );
  if (a.pending)
    return (
      <Badge color="warning" variant="filled">
        {t('mutualaid.activity.pendingMark')}
      </Badge>
    );
  return <Text span>{t('mutualaid.pointsUnit', { points: pointsText(a.creditedTenths) })}</Text>;
}

export function ActivitiesTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [villageId, setVillageId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [search, setSearch] = useState('');
  const list = useAidActivities({ month, villageId, status: pending ? 'pending' : 'all' });
  const mayRecord = useMayCall('mutualaid.recordActivity');
  const mayKeep = useMayCall('mutualaid.voidActivity');
  const [recording, setRecording] = useState(false);
  const [voiding, setVoiding] = useState<ActivityRow | null>(null);
  const check = useAidCheck({
    onSuccess: (r) =>
      r.notice
        ? notifications.show({ color: 'orange.9', message: r.notice, autoClose: 15_000 })
        : notifySuccess(t('mutualaid.activity.checked', { points: pointsText(r.creditedTenths) })),
  });
  const s = search.trim();
  const sheet = `/mutualaid/sheet?month=${month}${villageId ? `&villageId=${villageId}` : ''}`;
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <MonthPickerInput size="lg" label={t('mutualaid.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} w={{ base: '100%', xs: 150 }} />
        <VillageFilter value={villageId} onChange={setVillageId} />
        <TextInput size="lg" label={t('mutualaid.search')} placeholder={t('mutualaid.activity.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', xs: 200 }} />
        <Checkbox size="md" label={t('mutualaid.activity.onlyPending')} checked={pending} onChange={(e) => setPending(e.currentTarget.checked)} mb={12} />
      </Group>
      <Group wrap="wrap">
        {mayRecord && (
          <Button size="xl" onClick={() => setRecording(true)}>
            {t('mutualaid.activity.add')}
          </Button>
        )}
        <Button size="lg" variant="outline" component={Link} to={sheet}>
          {t('mutualaid.sheet.open')}
        </Button>
      </Group>
      <QueryView query={list}>
        {(rows) => {
          const shown = s ? rows.filter((a) => a.helper.includes(s) || (a.elder ?? '').includes(s)) : rows;
          const counted = shown.filter((a) => !a.voided);
          const minutes = counted.reduce((n, a) => n + a.minutes, 0);
          const credited = counted.reduce((n, a) => n + a.creditedTenths, 0);
          return (
            <ListCard
              title={t('mutualaid.activity.listTitle', { n: counted.length, hours: hoursText(minutes), points: pointsText(credited) })}
              rows={shown}
              empty={s ? t('mutualaid.nothingFound') : pending ? t('mutualaid.activity.emptyPending') : t('mutualaid.activity.empty')}
            >
              <ListTable minWidth={600} nowrap testId="aid-activities" heads={[t('mutualaid.activity.day'), t('mutualaid.helper'), t('mutualaid.elder'), t('mutualaid.activity.what'), t('mutualaid.activity.hoursHead'), t('mutualaid.activity.points'), mayKeep && t('mutualaid.actions')]}>
                {shown.map((a) => (
                  <Table.Tr key={a.id} style={a.voided ? { opacity: 0.75 } : undefined}>
                    <Table.Td>{a.doneOn.slice(5)}</Table.Td>
                    <Table.Td fw={700}>{a.helper}</Table.Td>
                    <Table.Td>
                      {a.elder ?? '—'}
                      {a.elder && a.village && (
                        <Text size="sm" c="dimmed">
                          {a.village}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'normal', minWidth: 140 }}>
                      <Text span fw={700} td={a.voided ? 'line-through' : undefined}>
                        {t(`enums.aidActivityKind.${a.kind}`)}
                      </Text>
                      {(a.voided || a.note) && (
                        <Text size="sm" c="dimmed">
                          {a.voided ? t('mutualaid.activity.voidedLine', { by: a.voided.by, reason: a.voided.reason }) : a.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{hoursText(a.minutes)}</Table.Td>
                    <Table.Td>
                      <State a={a} />
                    </Table.Td>
                    {mayKeep && (
                      <Table.Td>
                        {!a.voided && (
                          <Group gap="xs">
                            {a.pending && (
                              <Button size="md" loading={check.isPending && check.variables.id === a.id} onClick={() => check.mutate({ id: a.id })} aria-label={t('mutualaid.activity.checkFor', { helper: a.helper, on: a.doneOn })}>
                                {t('mutualaid.activity.check')}
                              </Button>
                            )}
                            <Button size="md" variant="outline" color="danger" onClick={() => setVoiding(a)} aria-label={t('mutualaid.activity.voidFor', { helper: a.helper, on: a.doneOn })}>
                              {t('mutualaid.activity.void')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </ListTable>
            </ListCard>
          );
        }}
      </QueryView>
      {recording && <RecordActivityModal today={today} onClose={() => setRecording(false)} />}
      {voiding && <VoidActivity a={voiding} onClose={() => setVoiding(null)} />}
    </Stack>
  );
}
