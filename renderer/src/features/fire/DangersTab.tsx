// 隐患整改: every hidden danger not yet verified (or all), overdue ones in red; start, record the rectification with a
// photo, and verify — the last by someone other than the person who rectified it. Anyone can report a danger.
import { Badge, Button, Card, Checkbox, Group, Image, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DangerRow } from '@shared/api/fire';
import { addDays } from '@shared/domain/dates';
import { DANGER_LEVELS } from '@shared/domain/fire/vocab';
import { StaffPicker } from '../../components/StaffPicker';
import { QueryView } from '../../components/QueryView';
import { newRequestId, shortDateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { shrinkPhoto } from '../residents/photo';
import { useFireCheckpoints, useFireDangerAction, useFireDangers, useFireReportDanger } from './queries';
import { inkVar } from '../../theme';

/** 整改期限 starts a week after the server's today; the person reporting can change it. */
export const defaultDeadline = (today: string) => addDays(today, 7);

function PhotoButton({ value, onChange }: { value: string | null; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Button component="label" variant="outline">
      {value ? t('fire.photoAdded') : t('fire.addPhoto')}
      <input type="file" accept="image/*" capture="environment" hidden onChange={async (e) => e.currentTarget.files?.[0] && onChange(await shrinkPhoto(e.currentTarget.files[0], 640))} />
    </Button>
  );
}

function ReportModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const points = useFireCheckpoints();
  const [v, setV] = useState({ checkpointId: null as string | null, location: '', description: '', level: 'general' as 'general' | 'major', responsibleStaffId: null as string | null, deadline: defaultDeadline(today), photo: null as string | null });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [requestId] = useState(newRequestId);
  const report = useFireReportDanger({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (field, message) => (setError({ field, message }), true) });
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <Modal opened onClose={onClose} title={t('fire.report')} size="lg">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select size="md" label={t('fire.checkpoint')} clearable data={(points.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={v.checkpointId} onChange={(x) => setV({ ...v, checkpointId: x })} />
          <TextInput size="md" label={t('fire.location')} value={v.location} onChange={(e) => setV({ ...v, location: e.currentTarget.value })} />
          <Select size="md" label={t('fire.level')} allowDeselect={false} data={DANGER_LEVELS.map((l) => ({ value: l, label: t(`enums.dangerLevel.${l}`) }))} value={v.level} onChange={(x) => setV({ ...v, level: (x ?? 'general') as 'general' })} />
          <StaffPicker size="md" label={t('fire.responsible')} withAsterisk value={v.responsibleStaffId} error={fieldError('responsibleStaffId')} onChange={(id) => (setError(null), setV({ ...v, responsibleStaffId: id }))} />
          <DateInput size="md" label={t('fire.deadline')} valueFormat="YYYY-MM-DD" minDate={today} value={v.deadline} error={fieldError('deadline')} onChange={(x) => setV({ ...v, deadline: x ?? defaultDeadline(today) })} />
        </SimpleGrid>
        <Textarea size="md" label={t('fire.description')} withAsterisk error={fieldError('description')} value={v.description} onChange={(e) => (setError(null), setV({ ...v, description: e.currentTarget.value }))} />
        <PhotoButton value={v.photo} onChange={(photo) => setV({ ...v, photo })} />
        <Button size="lg" loading={report.isPending} onClick={() => (setError(null), report.mutate({ ...v, responsibleStaffId: v.responsibleStaffId ?? '', requestId }))}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function ActionModal({ danger, action, onClose }: { danger: DangerRow; action: 'rectify' | 'verify'; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const act = useFireDangerAction({ successMessage: t('app.saved'), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={`${t(`fire.${action}`)}：${danger.description}`} size="lg">
      <Stack>
        <Textarea size="md" label={action === 'rectify' ? t('fire.rectifyNote') : t('fire.verifyNote')} withAsterisk={action === 'rectify'} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {action === 'rectify' && <PhotoButton value={photo} onChange={setPhoto} />}
        <Button size="lg" loading={act.isPending} onClick={() => act.mutate(action === 'rectify' ? { action, dangerId: danger.id, note, photo } : { action, dangerId: danger.id, note })}>
          {t(`fire.${action}`)}
        </Button>
      </Stack>
    </Modal>
  );
}

export function DangersTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const dangers = useFireDangers({ status: all ? 'all' : 'open' });
  const mayAct = useMayCall('fire.dangerAction');
  const act = useFireDangerAction({ successMessage: t('app.saved') });
  const [reporting, setReporting] = useState(false);
  const [acting, setActing] = useState<{ danger: DangerRow; action: 'rectify' | 'verify' } | null>(null);
  const [query, setQuery] = useState('');
  const q = query.trim();
  return (
    <Stack>
      <Group>
        <TextInput size="lg" style={{ flex: 1 }} aria-label={t('app.search')} placeholder={`${t('app.search')}：${t('fire.location')}、${t('fire.description')}、${t('fire.responsible')}`} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <Checkbox label={t('fire.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <Button size="lg" onClick={() => setReporting(true)}>
          {t('fire.report')}
        </Button>
      </Group>
      <QueryView query={dangers} empty={t('fire.noDangers')}>
        {(data) => (
          data
            .filter((d) => !q || d.location.includes(q) || d.description.includes(q) || d.responsible.includes(q))
            .map((d) => (
              <Card key={d.id} withBorder padding="md" data-testid="danger-card" style={d.overdue ? { borderColor: inkVar('danger'), borderWidth: 3 } : undefined}>
                <Group justify="space-between" align="start">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Text fw={700} size="lg">
                        {d.location}：{d.description}
                      </Text>
                      <Badge color={d.level === 'major' ? 'danger' : 'warning'} variant="filled">
                        {t(`enums.dangerLevel.${d.level}`)}
                      </Badge>
                      <Badge color={d.status === 'verified' ? 'ok' : 'notice'} variant="filled" data-testid="danger-status">
                        {t(`enums.dangerStatus.${d.status}`)}
                      </Badge>
                      {d.overdue && (
                        <Badge color="danger" variant="filled">
                          {t('fire.overdueBadge')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">{t('fire.foundLine', { time: shortDateTime(d.foundAt), by: d.foundBy, source: t(`enums.dangerSource.${d.source}`) })}</Text>
                    <Text size="sm" c={d.overdue ? 'red.9' : undefined}>
                      {t('fire.responsible')}：{d.responsible}；{t('fire.deadline')}：{d.deadline}
                    </Text>
                    {d.rectifiedAt && <Text size="sm">{t('fire.rectifiedLine', { note: d.rectificationNote, by: d.rectifiedBy, time: shortDateTime(d.rectifiedAt) })}</Text>}
                    {d.verifiedAt && <Text size="sm">{t('fire.verifiedLine', { by: d.verifiedBy, time: shortDateTime(d.verifiedAt), note: d.verificationNote ?? '' })}</Text>}
                  </Stack>
                  <Group gap="xs">
                    {d.photo && <Image src={d.photo} alt={d.description} w={96} h={72} fit="cover" radius="sm" />}
                    {d.rectificationPhoto && <Image src={d.rectificationPhoto} alt={d.rectificationNote ?? ''} w={96} h={72} fit="cover" radius="sm" />}
                  </Group>
                </Group>
                {mayAct && d.status !== 'verified' && (
                  <Group mt="sm">
                    {d.status === 'open' && (
                      <Button variant="outline" onClick={() => act.mutate({ action: 'start', dangerId: d.id })}>
                        {t('fire.startFix')}
                      </Button>
                    )}
                    {d.status !== 'rectified' && <Button onClick={() => setActing({ danger: d, action: 'rectify' })}>{t('fire.rectify')}</Button>}
                    {d.status === 'rectified' && <Button onClick={() => setActing({ danger: d, action: 'verify' })}>{t('fire.verify')}</Button>}
                  </Group>
                )}
              </Card>
            ))
        )}
      </QueryView>
      {reporting && <ReportModal today={today} onClose={() => setReporting(false)} />}
      {acting && <ActionModal {...acting} onClose={() => setActing(null)} />}
    </Stack>
  );
}
