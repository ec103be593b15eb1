// The resident's care grade: current grade and fee, the history, and setting a grade from the assessment's suggestion
// with consent; choosing another grade asks for a reason and an approver.
import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS } from '@shared/domain/assessment/scoring';
import { useMayCall } from '../../shell/current-user';
import { fenToYuan } from './money';
import { useGradesAssign, useGradesHistory, useGradesList, useGradesSuggest } from './queries';

function AssignForm({ residentId, today, onClose }: { residentId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const grades = useGradesList();
  const suggestion = useGradesSuggest({ residentId });
  const [gradeId, setGradeId] = useState<string | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [overrideReason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [consentBy, setConsentBy] = useState('');
  const [consentRelation, setConsentRelation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const chosen = gradeId ?? suggestion.data?.gradeId ?? null;
  const overriding = suggestion.data?.gradeId !== null && suggestion.data?.gradeId !== undefined && chosen !== suggestion.data.gradeId;
  const save = useGradesAssign({
    successMessage: t('grades.saved'),
    onSuccess: onClose,
    onFieldError: (f, m) => (setErrors({ [f]: m }), true),
  });
  const s = suggestion.data;
  return (
    <Modal opened onClose={onClose} title={t('grades.assignTitle')} size="lg">
      <Stack>
        {s?.gradeName ? (
          <Alert color="info" variant="outline">
            {t('grades.suggested', { level: LEVELS[s.level!].name, grade: s.gradeName })}
          </Alert>
        ) : (
          <Alert color="warning" variant="outline">
            {t('grades.noAssessment')}
          </Alert>
        )}
        <Select
          label={t('grades.grade')}
          allowDeselect={false}
          data={(grades.data ?? []).map((g) => ({ value: g.id, label: `${g.name}（${fenToYuan(g.monthlyFeeFen)}/月）` }))}
          value={chosen}
          onChange={setGradeId}
          error={errors.gradeId}
        />
        {overriding && (
          <SimpleGrid cols={2}>
            <TextInput label={t('grades.reason')} withAsterisk value={overrideReason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.overrideReason} />
            <TextInput label={t('grades.approver')} withAsterisk value={approver} onChange={(e) => setApprover(e.currentTarget.value)} error={errors.approver} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={2}>
          <TextInput label={t('grades.consentBy')} withAsterisk value={consentBy} onChange={(e) => setConsentBy(e.currentTarget.value)} error={errors.consentBy} />
          <TextInput label={t('grades.consentRelation')} withAsterisk placeholder="如：本人、儿子、监护人" value={consentRelation} onChange={(e) => setConsentRelation(e.currentTarget.value)} error={errors.consentRelation} />
        </SimpleGrid>
        <DateInput label={t('grades.effectiveFrom')} valueFormat="YYYY-MM-DD" value={effectiveFrom} onChange={(v) => v && setEffectiveFrom(v)} />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => {
              setErrors({});
              if (chosen) save.mutate({ residentId, gradeId: chosen, effectiveFrom, overrideReason, approver, consentBy, consentRelation });
              else setErrors({ gradeId: t('grades.pick') });
            }}
          >
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function GradeCard({ residentId, today, active }: { residentId: string; today: string; active: boolean }) {
  const { t } = useTranslation();
  const history = useGradesHistory({ residentId });
  const mayAssign = useMayCall('grades.assign');
  const [open, setOpen] = useState(false);
  const current = history.data?.[0];
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('grades.title')}
        </Title>
        {mayAssign && active && <Button onClick={() => setOpen(true)}>{t('grades.assign')}</Button>}
      </Group>
      {!current ? (
        <Text>{t('grades.none')}</Text>
      ) : (
        <Stack gap="xs">
          <Group>
            <Badge size="xl" color="info" variant="filled" data-testid="grade-current">
              {current.gradeName}
            </Badge>
            <Text>{t('grades.since', { date: current.effectiveFrom, fee: fenToYuan(current.monthlyFeeFen) })}</Text>
          </Group>
          <Table fz="sm" data-testid="grade-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grades.effectiveFrom')}</Table.Th>
                <Table.Th>{t('grades.grade')}</Table.Th>
                <Table.Th>{t('grades.suggestedCol')}</Table.Th>
                <Table.Th>{t('grades.reason')}</Table.Th>
                <Table.Th>{t('grades.consentBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data!.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{h.effectiveFrom}</Table.Td>
                  <Table.Td>{h.gradeName}</Table.Td>
                  <Table.Td>{h.suggestedName ?? '—'}</Table.Td>
                  <Table.Td>{h.overrideReason ? `${h.overrideReason}（批准：${h.approver}）` : '—'}</Table.Td>
                  <Table.Td>
                    {h.consentBy}（{h.consentRelation}）
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {open && <AssignForm residentId={residentId} today={today} onClose={() => setOpen(false)} />}
    </Card>
  );
}
