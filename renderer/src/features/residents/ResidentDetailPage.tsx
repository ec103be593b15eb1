// A resident's file: who they are, whom to call, where they sleep, and every stay event, with the actions that fit now.
import { Anchor, Badge, Button, Card, Group, Image, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type ContactView, type StayEventView } from '@shared/api/residents';
import { ErrorState, LoadingState } from '../../components/States';
import { RESIDENT_STATUS_INK } from '../../components/status';
import { useMayCall } from '../../shell/current-user';
import { AssessmentHistory } from '../assessment/AssessmentHistory';
import { RiskCard } from '../assessment/RiskCard';
import { CarePlanCard } from '../careplan/CarePlanCard';
import { GradeCard } from '../grades/GradeCard';
import { TierCard } from '../tier/TierCard';
import { ResidentHealthCard } from '../health/file';
import { ResidentMedicationCard } from '../medication/orders';
import { type StayAction, StayActionModal } from './StayActions';
import { dateTime } from '../../components/time';
import { useCareRevealContactPhone } from '../care/queries';
import { useResidentsArchive, useResidentsGet, useResidentsRevealIdNumber } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { EditModal } from './ResidentEditModal';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dark.6">
        {label}
      </Text>
      <Text size="lg">{value || '—'}</Text>
    </div>
  );
}

/** A family number: in full for those who edit the file; otherwise masked until "显示电话" (audited, like the ID number). */
function ContactPhone({ residentId, index, c }: { residentId: string; index: number; c: ContactView }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useCareRevealContactPhone({ onSuccess: (v) => setRevealed(v.phone) });
  const phone = c.phoneHidden ? revealed : c.phone;
  if (phone !== null)
    return (
      <Anchor href={`tel:${phone}`} data-testid="contact-phone">
        {phone}
      </Anchor>
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Text data-testid="contact-phone">{c.phone}</Text>
      <Button
        size="compact-md"
        variant="subtle"
        loading={reveal.isPending}
        onClick={() => reveal.mutate({ residentId, index })}
        aria-label={`${t('night.showPhone')}：${c.relation} ${c.name}`}
      >
        {t('night.showPhone')}
      </Button>
    </Group>
  );
}

function useEventText() {
  const { t } = useTranslation();
  return (e: StayEventView): string => {
    switch (e.type) {
      case 'admission':
        return t('file.event.admission', { bed: e.bedLabel ?? '—', agreement: e.agreementNo ?? '—', end: e.agreementEnd ?? '—' });
      case 'transfer':
        return t('file.event.transfer', { from: e.fromBedLabel ?? '—', to: e.bedLabel ?? '—' });
      case 'leave':
      case 'hospital': {
        const back = e.endDate ? t('file.event.returned', { date: e.endDate }) : t('file.event.notReturned');
        const expected = e.expectedReturn ? `，${t('file.event.expected', { date: e.expectedReturn })}` : '';
        return `${t(`file.event.${e.type}`)}：${back}${expected}`;
      }
      case 'discharge':
        return t('file.event.discharge', { reason: e.reason ? t(`enums.dischargeReason.${e.reason as 'death'}`) : '' });
    }
  };
}

export function ResidentDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const file = useResidentsGet({ id });
  const info = useSystemInfo();
  const eventText = useEventText();
  const [action, setAction] = useState<StayAction | null>(null);
  const may = {
    transfer: useMayCall('residents.transfer'),
    discharge: useMayCall('residents.discharge'),
    readmit: useMayCall('residents.readmit'),
    edit: useMayCall('residents.update'),
    archive: useMayCall('residents.archive'),
    assess: useMayCall('assessment.saveDraft'),
  };
  const mayReadCare = useMayCall('care.coverage');
  const archive = useResidentsArchive({ successMessage: t('file.archived') });
  const [editing, setEditing] = useState(false);
  // The full ID number is fetched on request only; the backend writes every such view to the audit log.
  const [fullIdNumber, setFullIdNumber] = useState<string | null>(null);
  const reveal = useResidentsRevealIdNumber({ onSuccess: (v) => setFullIdNumber(v.idNumber) });
  const mayReveal = useMayCall('residents.revealIdNumber');
  const openEditor = () =>
    fullIdNumber ? setEditing(true) : reveal.mutate({ id }, { onSuccess: () => setEditing(true) });
  if (file.isPending || info.isPending) return <LoadingState />;
  if (file.isError) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  const r = file.data;
  const today = info.data?.today ?? '';
  const away = r.status === 'on_leave' || r.status === 'in_hospital';

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Group>
          {r.photo && <Image src={r.photo} alt={t('file.photo')} w={96} h={96} radius="md" />}
          <div>
            <Group>
              <Title order={2}>{r.name}</Title>
              <Badge size="xl" color={RESIDENT_STATUS_INK[r.status]} variant="filled" data-testid="resident-status">
                {t(`enums.residentStatus.${r.status}`)}
              </Badge>
            </Group>
            <Text size="lg">
              {t(`enums.sex.${r.sex}`)} · {t('residents.ageN', { n: r.age })} · {t(`enums.category.${r.primaryCategory}`)}
            </Text>
            {r.keepUntil && (
              <Text size="md" data-testid="keep-until">
                {r.archivedAt ? t('file.archivedOn', { date: r.archivedAt.slice(0, 10) }) : t('file.keepUntil', { date: r.keepUntil })}
              </Text>
            )}
            <Text size="lg" data-testid="resident-bed">
              {t('file.currentBed')}：{r.bedLabel ?? (r.dischargedOn ? t('file.discharged', { date: r.dischargedOn }) : t('file.noBed'))}
            </Text>
          </div>
        </Group>
        <Group>
          {r.status === 'in_residence' && (
            <>
              {may.transfer && <Button onClick={() => setAction('transfer')}>{t('file.actions.transfer')}</Button>}
              <Button onClick={() => setAction('leave')}>{t('file.actions.leave')}</Button>
              <Button onClick={() => setAction('hospital')}>{t('file.actions.hospital')}</Button>
            </>
          )}
          {away && <Button onClick={() => setAction('return')}>{t('file.actions.return')}</Button>}
          {r.status !== 'discharged' && may.discharge && (
            <Button color="red.9" variant="outline" onClick={() => setAction('discharge')}>
              {t('file.actions.discharge')}
            </Button>
          )}
          {r.status === 'discharged' && may.archive && !r.archivedAt && (
            <Button
              variant="outline"
              color="gray.9"
              loading={archive.isPending}
              onClick={() =>
                modals.openConfirmModal({
                  title: t('file.actions.archive'),
                  children: <Text>{t('file.archiveWarning')}</Text>,
                  labels: { confirm: t('file.actions.archive'), cancel: t('app.cancel') },
                  onConfirm: () => archive.mutate({ id: r.id }),
                })
              }
            >
              {t('file.actions.archive')}
            </Button>
          )}
          {r.status === 'discharged' && may.readmit && <Button onClick={() => navigate(`/admit?resident=${r.id}`)}>{t('file.actions.readmit')}</Button>}
          {may.edit && (
            <Button variant="default" onClick={openEditor} loading={reveal.isPending}>
              {t('file.actions.edit')}
            </Button>
          )}
          {mayReadCare && (
            <Button variant="outline" onClick={() => navigate(`/care?tab=timeline&resident=${r.id}`)}>
              {t('file.actions.careRecords')}
            </Button>
          )}
        </Group>
      </Group>

      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('file.basics')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <div>
            <Text size="sm" c="dark.6">
              {t('residents.idNumber')}
            </Text>
            <Group gap="xs">
              {/* 18 characters do not fit half a phone's width: the number wraps inside its own cell, never over the next one. */}
              <Text size="lg" data-testid="id-number" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                {fullIdNumber ?? r.idNumberMasked}
              </Text>
              {mayReveal && fullIdNumber === null && (
                <Button size="compact-md" variant="subtle" onClick={() => reveal.mutate({ id })} loading={reveal.isPending}>
                  {t('file.showIdNumber')}
                </Button>
              )}
            </Group>
          </div>
          <Field label={t('file.birthDate')} value={r.birthDate} />
          <Field label={t('file.ethnicity')} value={r.ethnicity} />
          <Field label={t('file.village')} value={r.village} />
          <Field label={t('file.householdAddress')} value={r.householdAddress} />
          <Field label={t('file.tekunCertNo')} value={r.tekunCertNo} />
          <div data-testid="field-hukou">
            <Field label={t('file.hukou')} value={r.hukou ? t(`enums.hukou.${r.hukou}`) : t('file.hukouUnknown')} />
          </div>
          <Field label={t('file.tags')} value={r.tags.map((tag) => t(`enums.tag.${tag}`)).join('、')} />
          <Field label={t('file.dietType')} value={t(`enums.diet.${r.dietType}`)} />
          <Field label={t('file.allergies')} value={r.allergies} />
          <Field label={t('file.chronicConditions')} value={r.chronicConditions} />
          <Field label={t('residents.admittedOn')} value={r.admittedOn ?? ''} />
          <Field label={t('file.note')} value={r.note} />
        </SimpleGrid>
      </Card>

      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('file.contacts')}
        </Title>
        {r.contacts.length === 0 ? (
          <Text>{t('file.contactsEmpty')}</Text>
        ) : (
          // On a phone the table scrolls sideways rather than breaking names one character per line.
          <Table.ScrollContainer minWidth={560} type="native">
            <Table fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('file.contactName')}</Table.Th>
                  <Table.Th>{t('file.relation')}</Table.Th>
                  <Table.Th>{t('file.phone')}</Table.Th>
                  <Table.Th>{t('file.isGuardian')}</Table.Th>
                  <Table.Th>{t('file.isEmergency')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.contacts.map((c, i) => (
                  <Table.Tr key={`${i}-${c.name}-${c.phone}`}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{c.relation}</Table.Td>
                    <Table.Td>
                      <ContactPhone residentId={r.id} index={i} c={c} />
                    </Table.Td>
                    <Table.Td>{c.isGuardian ? '是' : '否'}</Table.Td>
                    <Table.Td>{c.isEmergency ? '是' : '否'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {t('assessment.section')}
          </Title>
          {may.assess && r.status !== 'discharged' && <Button onClick={() => navigate(`/residents/${r.id}/assessment`)}>{t('assessment.new')}</Button>}
        </Group>
        <AssessmentHistory residentId={r.id} />
      </Card>
      <GradeCard residentId={r.id} today={today} active={r.status !== 'discharged'} />
      <CarePlanCard residentId={r.id} active={r.status !== 'discharged'} />
      <ResidentHealthCard residentId={r.id} today={today} active={r.status !== 'discharged'} />
      <ResidentMedicationCard residentId={r.id} active={r.status !== 'discharged'} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RiskCard residentId={r.id} today={today} active={r.status !== 'discharged'} />
        <TierCard residentId={r.id} today={today} active={r.status !== 'discharged'} />
      </SimpleGrid>

      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('file.history')}
        </Title>
        {r.events.length === 0 ? (
          <Text>{t('file.historyEmpty')}</Text>
        ) : (
          <Timeline bulletSize={20} lineWidth={3} data-testid="stay-history">
            {r.events.map((e) => (
              <Timeline.Item key={e.id} title={`${e.date}　${eventText(e)}`}>
                {e.note && <Text>{e.note}</Text>}
                <Text size="sm" c="dark.6">
                  {t('file.recordedBy', { by: e.createdBy, at: dateTime(e.createdAt) })}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>

      {/* A form closes only itself: its close can arrive after the page has already refreshed and another action was
          chosen (leave saved, then 销假返回 tapped at once), and must not shut that next form. */}
      {action && <StayActionModal action={action} residentId={r.id} today={today} onClose={() => setAction((current) => (current === action ? null : current))} />}
      {editing && fullIdNumber && <EditModal file={r} idNumber={fullIdNumber} today={today} onClose={() => (setEditing(false), setFullIdNumber(null))} />}
    </Stack>
  );
}
