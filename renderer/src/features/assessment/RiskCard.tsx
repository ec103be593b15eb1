// GB 38600 safety risks on the resident's file: the latest grades as badges, why a new assessment is due (admission,
// interval, incident, hospital return, care-grade change) or when the next routine one falls, and the nine-risk form.
import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_GRADE_NAMES, type RiskGrade, SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { useMayCall } from '../../shell/current-user';
import { useAssessmentRecordRisks, useAssessmentRiskDue, useAssessmentRisks } from './queries';
import { useSettingsGet } from '../settings/queries';
import { addMonths } from '@shared/domain/dates';

const GRADE_INK: Record<RiskGrade, string> = { low: 'muted', medium: 'warning', high: 'danger' };
const riskName = (code: string) => SAFETY_RISKS.find((r) => r.code === code)?.name ?? code;

function RiskForm({ residentId, today, onClose }: { residentId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [risks, setRisks] = useState(SAFETY_RISKS.map((r) => ({ code: r.code as string, grade: 'low' as RiskGrade, measures: '' })));
  const [assessedOn, setAssessedOn] = useState(today);
  const [assessor, setAssessor] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useAssessmentRecordRisks({ successMessage: t('risk.saved'), onSuccess: onClose, onFieldError: (_f, m) => (setError(m), true) });
  const update = (i: number, change: Partial<(typeof risks)[number]>) => setRisks(risks.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Modal opened onClose={onClose} title={t('risk.formTitle')} size="xl">
      <Stack>
        <Table fz="md">
          <Table.Tbody>
            {risks.map((r, i) => (
              <Table.Tr key={r.code}>
                <Table.Td fw={700}>{riskName(r.code)}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    aria-label={`${riskName(r.code)}风险等级`}
                    value={r.grade}
                    onChange={(v) => update(i, { grade: v as RiskGrade })}
                    data={(['low', 'medium', 'high'] as const).map((g) => ({ value: g, label: RISK_GRADE_NAMES[g] }))}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${riskName(r.code)}防范措施`} placeholder={t('risk.measures')} value={r.measures} onChange={(e) => update(i, { measures: e.currentTarget.value })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group grow>
          <DateInput label={t('assessment.date')} valueFormat="YYYY-MM-DD" maxDate={today} value={assessedOn} onChange={(v) => v && setAssessedOn(v)} />
          <TextInput label={t('tier.assessor')} value={assessor} onChange={(e) => setAssessor(e.currentTarget.value)} />
        </Group>
        {error && (
          <Text c="danger" role="alert">
            {error}
          </Text>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button onClick={() => (setError(null), save.mutate({ residentId, assessedOn, risks, assessor, note: '' }))} loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** This resident's rows of the due list, or the next routine date. */
function RiskDueLine({ residentId, lastOn, active }: { residentId: string; lastOn: string | null; active: boolean }) {
  const { t } = useTranslation();
  const due = useAssessmentRiskDue(active);
  const settings = useSettingsGet(active);
  if (!active || !due.data) return null;
  const mine = due.data.filter((r) => r.residentId === residentId);
  if (mine.length > 0) {
    return (
      <Alert color={mine.some((r) => r.state === 'overdue') ? 'red.9' : 'orange.9'} variant="outline" data-testid="risk-due-line">
        <Text fw={700}>{t('risk.dueNow')}</Text>
        {mine.map((r) => (
          <Text key={`${r.reason}-${r.riskCode ?? ''}`}>
            {t(`risk.reasons.${r.reason}`)}：{r.prompt}
          </Text>
        ))}
      </Alert>
    );
  }
  if (!lastOn || !settings.data) return null;
  const months = settings.data.riskReassessMonths;
  return <Text data-testid="risk-next-due">{t('risk.nextDue', { date: addMonths(lastOn, months), months })}</Text>;
}

export function RiskCard({ residentId, today, active }: { residentId: string; today: string; active: boolean }) {
  const { t } = useTranslation();
  const list = useAssessmentRisks({ residentId });
  const mayRecord = useMayCall('assessment.recordRisks');
  const [open, setOpen] = useState(false);
  const latest = list.data?.[0];
  const notable = latest?.risks.filter((r) => r.grade !== 'low') ?? [];
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('risk.title')}
        </Title>
        {mayRecord && active && <Button onClick={() => setOpen(true)}>{t('risk.record')}</Button>}
      </Group>
      {!latest ? (
        <Text>{t('risk.none')}</Text>
      ) : (
        <Stack gap="xs">
          <Text>{t('risk.latestOn', { date: latest.assessedOn, by: latest.assessor })}</Text>
          {notable.length === 0 ? (
            <Text>{t('risk.allLow')}</Text>
          ) : (
            notable.map((r) => (
              <Group key={r.code} gap="xs">
                <Badge color={GRADE_INK[r.grade]} variant="filled" size="lg" data-testid="file-risk-badge">
                  {riskName(r.code)} {RISK_GRADE_NAMES[r.grade]}
                </Badge>
                <Text>{r.measures}</Text>
              </Group>
            ))
          )}
        </Stack>
      )}
      <Stack mt="sm">
        <RiskDueLine residentId={residentId} lastOn={latest?.assessedOn ?? null} active={active} />
      </Stack>
      {open && <RiskForm residentId={residentId} today={today} onClose={() => setOpen(false)} />}
    </Card>
  );
}
