// Recording one visit, made for a thumb: the way (电话/上门/视频) as three big buttons, the time (now), who went (me, or a
// colleague; helpers optional), the findings checklist — every area 正常 until tapped 有问题, which opens its note —
// notes, an optional photo and the follow-ups to open with it. One submit is one requestId: a double tap writes once.
// An all-normal visit of the planned kind from the plan is two taps: 记录探访, then 保存.
import { PhotoPicker } from '../../components/PhotoPicker';
import { Button, Card, CloseButton, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '@shared/api/contract';
import { FINDING_AREAS, FOLLOWUP_KINDS, type FindingArea, type FollowupKind, VISIT_KINDS, type VisitKind } from '@shared/domain/elders/vocab';
import { StaffPicker } from '../../components/StaffPicker';
import { DATE_TIME_FORMAT, chinaDate, fromPickerValue, newRequestId, toPickerValue } from '../../components/time';
import { useCurrentUser } from '../../shell/current-user';
import { type ElderChoice, ElderPicker } from './marks';
import { useVisitsHelpers, useVisitsRecord } from './queries';

type Findings = In<'visits.record'>['findings'];
interface FollowupDraft {
  key: number;
  kind: FollowupKind | null;
  need: string;
  dueOn: string | null;
}

/** The fields this form shows an error under; any other error is said in a pop-up. */
const SHOWN_FIELDS = /^(elderId|visitedAt|visitorStaffId|helperIds|notes|photo|followups(\.\d+\.(kind|need|dueOn))?|findings\.\w+\.note)$/;

const allFine = (): Findings => Object.fromEntries(FINDING_AREAS.map((a) => [a, { problem: false, note: '' }])) as Findings;

export interface VisitModalProps {
  /** From a plan line: the elder and the kind their level asks for. Without it the form starts with a search. */
  elder?: ElderChoice;
  plannedKind?: VisitKind;
  onClose: () => void;
}

export function VisitModal({ elder: given, plannedKind, onClose }: VisitModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = useMediaQuery('(max-width: 48em)');
  const helpers = useVisitsHelpers({});
  const [requestId] = useState(newRequestId);
  const [elder, setElder] = useState<ElderChoice | null>(given ?? null);
  const [kind, setKind] = useState<VisitKind>(plannedKind ?? 'home');
  const [visitedAt, setVisitedAt] = useState(() => toPickerValue(new Date().toISOString()));
  const [visitorStaffId, setVisitor] = useState<string | null>(null);
  const [helperIds, setHelperIds] = useState<string[]>([]);
  const [findings, setFindings] = useState<Findings>(allFine);
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [followups, setFollowups] = useState<FollowupDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useVisitsRecord({
    successMessage: elder ? t('visits.saved', { name: elder.name }) : undefined,
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (!SHOWN_FIELDS.test(field) || (field === 'elderId' && given)) return false; // a pop-up says it
      setErrors({ [field]: message });
      return true;
    },
  });
  const today = chinaDate(new Date().toISOString());
  const setFinding = (area: FindingArea, next: Findings[FindingArea]) => setFindings((all) => ({ ...all, [area]: next }));
  const setFollowup = (key: number, next: Partial<FollowupDraft>) => setFollowups((all) => all.map((f) => (f.key === key ? { ...f, ...next } : f)));
  const error = (field: string) => errors[field];
  const submit = () => {
    if (!elder) return setErrors({ elderId: t('visits.elderSearch') });
    setErrors({});
    record.mutate({
      requestId,
      elderId: elder.id,
      kind,
      visitedAt: fromPickerValue(visitedAt),
      visitorStaffId,
      helperIds,
      findings,
      notes,
      photo,
      followups: followups.map((f) => ({ kind: f.kind as FollowupKind, need: f.need, dueOn: f.dueOn })),
    });
  };
  const helperOptions = (helpers.data ?? []).map((h) => ({ value: h.id, label: `${h.name}（${t(`enums.helperKind.${h.kind}`)}${h.village ? `，${h.village}` : ''}）` }));
  return (
    <Modal opened onClose={onClose} size="xl" fullScreen={phone} title={elder && given ? t('visits.formTitle', { name: `${elder.name}（${elder.village}）` }) : t('visits.record')}>
      <Stack>
        {!given && <ElderPicker size="lg" label={t('visits.elder')} withAsterisk value={elder} onChange={setElder} error={error('elderId')} data-autofocus />}
        <div role="group" aria-label={t('visits.kind')}>
          <Text fw={700} mb={4}>
            {t('visits.kind')}
          </Text>
          <SegmentedControl fullWidth size="xl" value={kind} onChange={(v) => setKind(v as VisitKind)} data={VISIT_KINDS.map((k) => ({ value: k, label: t(`visits.kindShort.${k}`) }))} />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimePicker
            size="lg"
            label={t('visits.visitedAt')}
            valueFormat={DATE_TIME_FORMAT}
            withSeconds={false}
            timePickerProps={{ format: '24h' }}
            maxDate={today}
            value={visitedAt}
            onChange={(v) => v && setVisitedAt(v)}
            error={error('visitedAt')}
          />
          <StaffPicker size="lg" label={t('visits.visitor')} description={t('visits.visitorHint')} clearable placeholder={t('visits.visitorMe', { name: user.name })} value={visitorStaffId} onChange={(id) => setVisitor(id)} error={error('visitorStaffId')} />
        </SimpleGrid>
        <MultiSelect size="lg" label={t('visits.helpers')} searchable clearable data={helperOptions} value={helperIds} onChange={setHelperIds} nothingFoundMessage={t('visits.helpersNone')} error={error('helperIds')} />
        <Card withBorder padding="sm">
          <Title order={4}>{t('visits.findings')}</Title>
          <Text size="sm" mb="xs">
            {t('visits.findingsHint')}
          </Text>
          <Stack gap="sm">
            {FINDING_AREAS.map((area) => {
              const f = findings[area];
              const words = t(`enums.findingArea.${area}`);
              return (
                <div key={area} role="group" aria-label={words}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="lg" fw={f.problem ? 700 : undefined} c={f.problem ? 'danger' : undefined} style={{ flex: '1 1 9rem' }}>
                      {words}
                    </Text>
                    <SegmentedControl
                      size="lg"
                      value={f.problem ? 'problem' : 'fine'}
                      color={f.problem ? 'danger' : undefined}
                      onChange={(v) => setFinding(area, { problem: v === 'problem', note: f.note })}
                      data={[
                        { value: 'fine', label: t('visits.fine') },
                        { value: 'problem', label: t('visits.problem') },
                      ]}
                    />
                  </Group>
                  {f.problem && (
                    <Textarea
                      mt="xs"
                      size="lg"
                      autosize
                      minRows={2}
                      label={t('visits.problemNote', { area: words })}
                      withAsterisk
                      value={f.note}
                      onChange={(e) => setFinding(area, { problem: true, note: e.currentTarget.value })}
                      error={error(`findings.${area}.note`)}
                      data-autofocus
                    />
                  )}
                </div>
              );
            })}
          </Stack>
        </Card>
        <Textarea size="lg" autosize minRows={2} label={t('visits.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={error('notes')} />
        <PhotoPicker photo={photo} onChange={setPhoto} maxSide={640} words={{ add: t('visits.addPhoto'), added: t('visits.photoAdded'), remove: t('visits.removePhoto') }} error={error('photo')} />
        <Card withBorder padding="sm">
          <Title order={4}>{t('visits.followups')}</Title>
          <Text size="sm" mb="xs">
            {t('visits.followupsHint')}
          </Text>
          <Stack gap="sm">
            {followups.map((f, i) => (
              <Card key={f.key} withBorder padding="xs" role="group" aria-label={`${t('visits.followups')} ${i + 1}`}>
                <Group justify="flex-end">
                  <CloseButton aria-label={t('visits.removeFollowup')} onClick={() => setFollowups((all) => all.filter((x) => x.key !== f.key))} />
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    size="lg"
                    label={t('visits.followupKind')}
                    withAsterisk
                    allowDeselect={false}
                    data={FOLLOWUP_KINDS.map((k) => ({ value: k, label: t(`enums.followupKind.${k}`) }))}
                    value={f.kind}
                    onChange={(v) => setFollowup(f.key, { kind: v as FollowupKind })}
                    error={error(`followups.${i}.kind`)}
                  />
                  <TextInput size="lg" label={t('visits.need')} withAsterisk value={f.need} onChange={(e) => setFollowup(f.key, { need: e.currentTarget.value })} error={error(`followups.${i}.need`)} />
                  <DateInput size="lg" label={t('visits.followupDue')} valueFormat="YYYY-MM-DD" clearable minDate={today} value={f.dueOn} onChange={(v) => setFollowup(f.key, { dueOn: v || null })} error={error(`followups.${i}.dueOn`)} />
                </SimpleGrid>
              </Card>
            ))}
            {error('followups') && <Text c="danger">{error('followups')}</Text>}
            <Group>
              <Button variant="outline" size="lg" onClick={() => setFollowups((all) => [...all, { key: Date.now() + all.length, kind: null, need: '', dueOn: null }])}>
                {t('visits.addFollowup')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Group grow>
          <Button size="xl" variant="default" onClick={onClose}>
            {t('visits.cancel')}
          </Button>
          <Button size="xl" loading={record.isPending} onClick={submit}>
            {t('visits.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
