// An elder's file on the village register: who they are and where they live, the 关爱等级 (rules or by hand, with the
// reason), children and guardians, the village contact person, 赡养协议 and status. Each part is its own card, so
// more parts (the visits) can be added under them.
import { Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ElderFile } from '@shared/api/elders';
import { ListCard } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { dateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { ElderStatusBadge, RiskBadge } from './ElderBadges';
import { ElderModal } from './ElderModal';
import { AgreementsCard, RelativesCard } from './FamilyCards';
import { ContactModal } from './ContactModal';
import { RiskCard, StatusCard } from './RiskStatusCards';
import { ElderAssessmentsCard } from '../assessment/ElderAssessmentsCard';
import { ElderVisits } from '../visits/ElderVisits';
import { ElderHomecareCard } from '../homecare/ElderHomecareCard';
import { ElderEntrustedCard } from '../entrusted/ElderEntrustedCard';
import { ElderAidCard } from '../mutualaid/ElderAidCard';
import { useEldersGet } from './queries';

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="sm" c="dark.6">
        {label}
      </Text>
      <Text size="lg" style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

function Basics({ file, onEdit }: { file: ElderFile; onEdit?: () => void }) {
  const { t } = useTranslation();
  const list = (labels: string[]) => labels.join('、');
  return (
    <ListCard
      title={t('elders.basics')}
      actions={
        onEdit && (
          <Button variant="outline" onClick={onEdit}>
            {t('elders.editBasics')}
          </Button>
        )
      }
      data-testid="basics"
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Field label={t('elders.idNumber')} value={file.idNumberMasked} />
        <Field label={t('elders.address')} value={file.address} />
        <Field label={t('elders.phone')} value={file.phone} />
        <Field label={t('elders.household')} value={file.household ? t(`enums.household.${file.household}`) : t('elders.householdUnknown')} />
        <Field label={t('elders.groups')} value={list(file.groups.map((g) => t(`enums.elderGroup.${g}`)))} testId="groups" />
        <Field label={t('elders.incomeSourcesShort')} value={list(file.incomeSources.map((s) => t(`enums.incomeSource.${s}`)))} />
        <Field label={t('elders.chronicDiseases')} value={file.chronicDiseases} />
        <Field label={t('elders.disability')} value={file.disability} />
        <Field label={t('elders.criticalIllness')} value={file.criticalIllness ? t('elders.yes') : t('elders.no')} />
        <Field label={t('elders.carer')} value={file.carer ? t(`enums.carer.${file.carer}`) : t('elders.carerUnknown')} />
        <Field label={t('elders.mealAid')} value={file.mealAid ? t('elders.yes') : t('elders.no')} />
        <Field label={t('elders.registeredOn')} value={file.registeredOn} />
      </SimpleGrid>
      {file.note && <Field label={t('elders.note')} value={file.note} />}
      <Text size="sm" c="dimmed" mt="sm">
        {t('elders.registeredBy', { by: file.createdBy, updatedBy: file.updatedBy, at: dateTime(file.updatedAt) })}
      </Text>
    </ListCard>
  );
}

function ContactCard({ file, onEdit }: { file: ElderFile; onEdit?: () => void }) {
  const { t } = useTranslation();
  const has = Boolean(file.contactName || file.contactPhone);
  return (
    <ListCard
      title={t('elders.contactCard')}
      actions={
        onEdit && (
          <Button variant="outline" onClick={onEdit}>
            {t('elders.editContact')}
          </Button>
        )
      }
      rows={has ? [file] : []}
      empty={t('elders.contactEmpty')}
      plainEmpty
      data-testid="contact"
    >
      <Group gap="xl">
        <Field label={t('elders.contactName')} value={file.contactName} />
        <Field label={t('elders.contactRelation')} value={file.contactRelation} />
        <div>
          <Text size="sm" c="dark.6">
            {t('elders.contactPhone')}
          </Text>
          {file.contactPhone ? (
            <Anchor size="lg" href={`tel:${file.contactPhone}`}>
              {file.contactPhone}
            </Anchor>
          ) : (
            <Text size="lg">—</Text>
          )}
        </div>
      </Group>
    </ListCard>
  );
}

function FileView({ file, today }: { file: ElderFile; today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mayEdit = useMayCall('elders.save');
  const mayReadVisits = useMayCall('visits.ofElder');
  const [editing, setEditing] = useState<'basics' | 'contact' | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{file.name}</Title>
            <ElderStatusBadge status={file.status} size="xl" />
            <RiskBadge risk={file.risk} size="xl" />
          </Group>
          <Text size="lg" data-testid="elder-summary">
            {file.village} · {t(`enums.sex.${file.sex}`)} · {t('elders.ageN', { n: file.age })}
            {file.statusOn ? ` · ${t(`enums.elderStatus.${file.status}`)} ${file.statusOn}` : ''}
          </Text>
          <Text data-testid="elder-risk-line">
            {[
              `${t('elders.levelLine')}：${t(`enums.riskLevel.${file.risk.level}`)}`,
              file.risk.override ? t('elders.levelOverridden', { computed: t(`enums.riskLevel.${file.risk.computed}`) }) : t('elders.levelByRules'),
              file.risk.reason ? t('elders.reasonLine', { reason: file.risk.reason }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Button variant="default" onClick={() => navigate('/elders')}>
          {t('elders.back')}
        </Button>
      </Group>
      <Basics file={file} onEdit={mayEdit ? () => setEditing('basics') : undefined} />
      <RelativesCard file={file} />
      <ContactCard file={file} onEdit={mayEdit ? () => setEditing('contact') : undefined} />
      <AgreementsCard file={file} today={today} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RiskCard key={`${file.risk.override ?? ''}|${file.risk.reason ?? ''}`} file={file} />
        <StatusCard file={file} today={today} />
      </SimpleGrid>
      {mayReadVisits && <ElderVisits elder={{ id: file.id, name: file.name, village: file.village }} />}
      <ElderAssessmentsCard elderId={file.id} status={file.status} />
      <ElderHomecareCard elder={{ id: file.id, name: file.name, village: file.village, status: file.status }} />
      <ElderEntrustedCard elder={{ id: file.id, name: file.name, village: file.village, status: file.status }} />
      <ElderAidCard elder={{ id: file.id, name: file.name, village: file.village, status: file.status }} />
      {editing === 'basics' && <ElderModal file={file} today={today} onClose={() => setEditing(null)} />}
      {editing === 'contact' && <ContactModal file={file} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

export function ElderFilePage() {
  const { id = '' } = useParams();
  const file = useEldersGet({ id });
  const info = useSystemInfo();
  return (
    <QueryView query={info}>
      {(system) => <QueryView query={file}>{(data) => <FileView file={data} today={system.today} />}</QueryView>}
    </QueryView>
  );
}
