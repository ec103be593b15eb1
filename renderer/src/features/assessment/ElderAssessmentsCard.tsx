// An elder's ability assessments at home (issue 17), for the elder's file on the village register: one row per
// assessment (date, reason, total, level, draft or final) opening it, and the button for a new one while the elder lives
// at home. HomeCoverageCard: the coverage figure of the 特困, 低保 and 计生特殊家庭 elders, with those still to assess.
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ElderStatus } from '@shared/domain/elders/vocab';
import { ListCard, ListTable } from '../../components/ListCard';
import { AssessmentTable } from './AssessmentHistory';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useAssessmentHomeCoverage, useAssessmentListForElder } from './queries';

/** Mount on the elder's file (ElderFilePage): `<ElderAssessmentsCard elderId={file.id} status={file.status} />`. */
export function ElderAssessmentsCard({ elderId, status }: { elderId: string; status: ElderStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mayRead = useMayCall('assessment.listForElder');
  const mayWrite = useMayCall('assessment.saveDraft');
  const mayOpenRegister = useMayCall('elders.get');
  const mayAssess = mayWrite && mayOpenRegister;
  const list = useAssessmentListForElder({ elderId }, mayRead);
  if (!mayRead) return null;
  const subject = { kind: 'elder' as const, id: elderId };
  return (
    <QueryView query={list}>
      {(rows) => (
        <ListCard
          data-testid="elder-assessments"
          title={t('ability.homeCard')}
          actions={
            mayAssess && status === 'at_home' ? (
              <Button onClick={() => navigate(`/elders/${elderId}/assessment`)}>{t('ability.homeNew')}</Button>
            ) : undefined
          }
          rows={rows}
          empty={t('ability.homeNone')}
          plainEmpty
        >
          <AssessmentTable rows={rows} subject={subject} />
        </ListCard>
      )}
    </QueryView>
  );
}

/** The coverage figure and who still needs an assessment (for the register's page or the home page). */
/** How many of the elders still to assess are listed before 显示全部. */
const FIRST_ROWS = 10;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function HomeCoverageCard() {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const mayRead = useMayCall('assessment.homeCoverage');
  const coverage = useAssessmentHomeCoverage(mayRead);
  if (!mayRead) return null;
  return (
    <QueryView query={coverage}>
      {(c) => (
        <ListCard
          data-testid="home-coverage"
          title={t('ability.coverageTitle')}
          intro={
            <Text size="lg" mb="xs" data-testid="home-coverage-line">
              {t('ability.coverageLine', { covered: c.covered, total: c.total, months: c.reassessMonths })}
            </Text>
          }
          rows={c.missing}
          empty={t('ability.coverageAllDone')}
          plainEmpty
        >
          <Text fw={700}>{t('ability.coverageMissing', { n: c.missing.length })}</Text>
          {/* Names, villages and dates stay whole; on a phone the table scrolls sideways instead of squeezing them. */}
          <ListTable heads={[t('ability.village'), t('ability.name'), t('ability.groups'), t('ability.coverageLast')]} minWidth={560} testId="coverage-missing">
            {(showAll ? c.missing : c.missing.slice(0, FIRST_ROWS)).map((m) => (
              <Table.Tr key={m.elderId}>
                <Table.Td style={NOWRAP}>{m.village}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <Anchor component={Link} to={`/elders/${m.elderId}`}>
                    {m.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {m.groups.map((g) => (
                    <Badge key={g} variant="light" mr={4}>
                      {t(`enums.elderGroup.${g}`)}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td style={NOWRAP}>{m.lastAssessedOn ?? t('ability.coverageNever')}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {!showAll && c.missing.length > FIRST_ROWS && (
            <Button variant="subtle" mt="xs" onClick={() => setShowAll(true)}>
              {t('ability.coverageShowAll', { n: c.missing.length })}
            </Button>
          )}
        </ListCard>
      )}
    </QueryView>
  );
}
