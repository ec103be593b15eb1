// 安全风险评估到期: the GB 38600 risk assessments due, one row per reason (入住, 定期, 事件, 住院返回, 护理等级变更),
// earliest first; a long list shows its first rows and a button for the rest, so the home page stays short.
import { Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useAssessmentRiskDue } from '../assessment/queries';

const FIRST_ROWS = 10;

export function RiskDue() {
  const { t } = useTranslation();
  const due = useAssessmentRiskDue();
  const [all, setAll] = useState(false);
  return (
    <QueryView query={due}>
      {(dueData) => {
      return (
        <ListCard id="risk-due" title={t('risk.dueTitle')} rows={dueData} empty={t('risk.dueEmpty')}>
          {/* On a phone the table scrolls sideways rather than squeezing the reason into a narrow column. */}
          <ListTable minWidth={760} testId="due-risks" heads={[t('residents.name'), t('residents.bed'), t('assessment.lastOn'), t('assessment.dueOn'), t('risk.reason')]}>
            {(all ? dueData : dueData.slice(0, FIRST_ROWS)).map((r) => (
              <Table.Tr key={`${r.residentId}-${r.reason}-${r.riskCode ?? ''}`}>
                <Table.Td>
                  <Link to={`/residents/${r.residentId}`}>{r.name}</Link>
                </Table.Td>
                <Table.Td>{r.bedLabel ?? '—'}</Table.Td>
                <Table.Td>{r.lastAssessedOn ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={r.state === 'overdue' ? 'danger' : 'warning'} variant="filled">
                    {r.dueOn} {r.state === 'overdue' ? t('assessment.overdue') : t('assessment.dueSoon')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fw={700} span>
                    {t(`risk.reasons.${r.reason}`)}
                  </Text>
                  ：{r.prompt}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {!all && dueData.length > FIRST_ROWS && (
            <Button variant="subtle" mt="xs" onClick={() => setAll(true)}>
              {t('risk.showAll', { n: dueData.length })}
            </Button>
          )}
        </ListCard>
      );
      }}
    </QueryView>
  );
}
