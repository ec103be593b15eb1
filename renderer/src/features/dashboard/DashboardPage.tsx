// 首页: the first-day checklist of a new centre, alarms, today's census, occupancy, free beds by type, the
// nursing-bed ratio, who is away, and the ability and GB 38600 risk assessments due.
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { percent, RESIDENT_STATUS_INK } from '../../components/status';
import { useMayCall } from '../../shell/current-user';
import { OnDutyCard } from '../roster/OnDutyCard';
import { ExpiringCertificates } from '../staff/StaffPage';
import { FireAlerts } from '../fire/FireAlerts';
import { MealAlerts } from '../meals/MealAlerts';
import { CareAlerts } from './CareAlerts';
import { FirstSteps } from './FirstSteps';
import { RiskDue } from './RiskDue';
import { HomeCareAlerts } from './HomeCareAlerts';
import { StockAlertsCard } from '../medication/stock';
import { VisitAlerts } from './VisitAlerts';
import { useAssessmentDue } from '../assessment/queries';
import { useDashboardSummary } from './queries';

function Figure({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="md" c="dark.6">
        {label}
      </Text>
      <Text fz={36} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && <Text size="sm">{hint}</Text>}
    </Card>
  );
}

/** Names and dates stay on one line; on a phone the table scrolls sideways instead. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function DueAssessments() {
  const { t } = useTranslation();
  const due = useAssessmentDue();
  return (
    <QueryView query={due}>
      {(dueData) => {
      return (
        <ListCard title={t('assessment.due')} rows={dueData} empty={t('assessment.dueEmpty')}>
          <ListTable minWidth={680} testId="due-assessments" heads={[t('residents.name'), t('residents.bed'), t('assessment.lastOn'), t('assessment.dueOn'), t('residents.status')]}>
            {dueData.map((r) => (
              <Table.Tr key={r.residentId}>
                <Table.Td style={NOWRAP}>
                  <Link to={`/residents/${r.residentId}`}>{r.name}</Link>
                </Table.Td>
                <Table.Td>{r.bedLabel ?? '—'}</Table.Td>
                <Table.Td style={NOWRAP}>{r.lastAssessedOn ?? '—'}</Table.Td>
                <Table.Td style={NOWRAP}>{r.dueOn}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={r.state === 'overdue' ? 'danger' : 'warning'} variant="filled">
                      {r.state === 'overdue' ? t('assessment.overdue') : t('assessment.dueSoon')}
                    </Badge>
                    {r.prompt && <Text size="sm">{r.prompt}</Text>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </ListCard>
      );
      }}
    </QueryView>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const summary = useDashboardSummary();
  const mayReadResidents = useMayCall('assessment.due');
  const mayReadStaff = useMayCall('staff.expiring');
  const mayReadCare = useMayCall('handover.list');
  const mayReadMeals = useMayCall('meals.sampleWarnings');
  const mayReadFire = useMayCall('fire.rounds');
  const mayReadVisits = useMayCall('visits.overview');
  const mayReadHomeCare = useMayCall('homecare.planned');
  const mayReadStock = useMayCall('medication.stockAlerts');
  const mayEditFacility = useMayCall('facility.save');
  return (
    <QueryView query={summary}>
      {(summaryData) => {
      const s = summaryData;
      const ratioMet = s.beds.nursingRatio >= s.beds.nursingRatioGoal;
      return (
        <Stack>
          <Title order={2}>{t('dashboard.title')}</Title>
          {mayEditFacility && <FirstSteps steps={s.firstSteps} />}
          {/* Until there are beds, staff and a roster the centre is not running yet: the checklist, not alarms. */}
          {s.firstSteps.running && mayReadCare && <CareAlerts today={s.today} />}
          {s.firstSteps.running && mayReadFire && <FireAlerts today={s.today} />}
          {s.firstSteps.running && mayReadMeals && <MealAlerts today={s.today} />}
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('dashboard.enrolled')} value={s.census.enrolled} />
            <Figure label={t('dashboard.inResidence')} value={s.census.inResidence} />
            <Figure label={t('dashboard.onLeave')} value={s.census.onLeave} />
            <Figure label={t('dashboard.inHospital')} value={s.census.inHospital} />
            <Figure label={t('dashboard.occupancy')} value={percent(s.occupancy)} />
            <Figure
              label={t('dashboard.freeBeds')}
              value={s.census.freeBeds}
              hint={`${t('dashboard.freeNormal', { n: s.census.freeNormalBeds })}，${t('dashboard.freeNursing', { n: s.census.freeNursingBeds })}`}
            />
            <Figure
              label={t('dashboard.nursingRatio')}
              value={percent(s.beds.nursingRatio)}
              hint={`${ratioMet ? t('bedMap.nursingRatioMet') : t('bedMap.nursingRatioBelow')}（${percent(s.beds.nursingRatioGoal)}）`}
            />
            <Figure label={`${t('dashboard.monthAdmissions')} / ${t('dashboard.monthDischarges')}`} value={`${s.admissionsThisMonth} / ${s.dischargesThisMonth}`} />
          </SimpleGrid>
          <ListCard title={t('dashboard.away')} rows={s.away} empty={t('dashboard.awayEmpty')}>
            <ListTable minWidth={600} heads={[t('residents.name'), t('residents.status'), t('residents.bed'), t('dashboard.awaySince'), t('dashboard.expectedReturn')]}>
              {s.away.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Link to={`/residents/${r.id}`}>{r.name}</Link>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={RESIDENT_STATUS_INK[r.status]} variant="filled">
                      {t(`enums.residentStatus.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.bedLabel}</Table.Td>
                  <Table.Td>{r.awaySince}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {r.expectedReturn ?? '—'}
                      {r.expectedReturn && r.expectedReturn < s.today && (
                        <Badge color="danger" variant="filled">
                          {t('dashboard.overdue')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
          <OnDutyCard />
          {mayReadVisits && <VisitAlerts />}
          {mayReadHomeCare && <HomeCareAlerts today={s.today} />}
          {mayReadStock && <StockAlertsCard />}
          {mayReadStaff && <ExpiringCertificates />}
          {mayReadResidents && <DueAssessments />}
          {mayReadResidents && <RiskDue />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
