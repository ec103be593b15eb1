// A person's ability assessments as a table: one row per assessment (date, reason, total, level, draft or final),
// opening it or continuing a draft. The resident's file shows it as its history; the elder's file inside its card.
import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ASSESSMENT_REASON_NAMES, type AssessmentView } from '@shared/api/assessment';
import { LEVELS } from '@shared/domain/assessment/scoring';
import { QueryView } from '../../components/QueryView';
import { useAssessmentList } from './queries';
import { type AssessmentSubject, assessmentPath } from './subject';

/** The assessments of one person, each opening on its own page. */
export function AssessmentTable({ rows, subject }: { rows: AssessmentView[]; subject: AssessmentSubject }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table fz="md">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('assessment.date')}</Table.Th>
          <Table.Th>{t('assessment.reason')}</Table.Th>
          <Table.Th>{t('assessment.total')}</Table.Th>
          <Table.Th>{t('assessment.final')}</Table.Th>
          <Table.Th>{t('assessment.status')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.assessedOn}</Table.Td>
            <Table.Td>{ASSESSMENT_REASON_NAMES[a.reason]}</Table.Td>
            <Table.Td>{a.total}</Table.Td>
            <Table.Td>{a.missing.length ? t('pickers.levelPending', { n: a.missing.length }) : LEVELS[a.finalLevel].name}</Table.Td>
            <Table.Td>{a.status === 'final' ? t('assessment.statusFinal') : t('assessment.statusDraft')}</Table.Td>
            <Table.Td>
              <Button variant="subtle" onClick={() => navigate(assessmentPath(subject, a.id))}>
                {a.status === 'final' ? t('assessment.open') : t('assessment.continue')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The assessment history on a resident's file. */
export function AssessmentHistory({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const list = useAssessmentList({ residentId });
  return (
    <QueryView query={list}>
      {(rows) => (rows.length === 0 ? <Text>{t('assessment.none')}</Text> : <AssessmentTable rows={rows} subject={{ kind: 'resident', id: residentId }} />)}
    </QueryView>
  );
}
