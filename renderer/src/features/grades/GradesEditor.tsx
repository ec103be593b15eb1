// 护理等级与收费 (settings): the centre's grades, their intensity rank, which ability levels suggest them, and the
// monthly fee from a date. Fee changes are dated rows: the old fee stays for the months it applied to.
import { Button, Card, Group, Modal, MultiSelect, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradeRow } from '@shared/api/grades';
import { LEVELS } from '@shared/domain/assessment/scoring';
import { fenToYuan, yuanToFen } from './money';
import { useGradesList, useGradesSave } from './queries';

function GradeForm({ grade, today, onClose }: { grade: GradeRow | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(grade?.name ?? '');
  const [rank, setRank] = useState<number>(grade?.rank ?? 5);
  const [levels, setLevels] = useState<string[]>((grade?.levels ?? []).map(String));
  const [fee, setFee] = useState<number>(grade?.monthlyFeeFen !== null && grade?.monthlyFeeFen !== undefined ? grade.monthlyFeeFen / 100 : 0);
  const [feeFrom, setFeeFrom] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const save = useGradesSave({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (_f, m) => (setError(m), true) });
  return (
    <Modal opened onClose={onClose} title={grade ? `${t('app.edit')}：${grade.name}` : t('grades.add')}>
      <Stack>
        <TextInput label={t('grades.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <NumberInput label={t('grades.rank')} min={1} max={20} allowDecimal={false} value={rank} onChange={(v) => setRank(Number(v) || 1)} />
        <MultiSelect label={t('grades.levels')} data={LEVELS.map((l) => ({ value: String(l.level), label: l.name }))} value={levels} onChange={setLevels} error={error} />
        <NumberInput label={t('grades.fee')} min={0} decimalScale={2} value={fee} onChange={(v) => setFee(Number(v) || 0)} />
        <DateInput label={t('grades.feeFrom')} valueFormat="YYYY-MM-DD" value={feeFrom} onChange={(v) => v && setFeeFrom(v)} />
        <Button
          loading={save.isPending}
          onClick={() => (setError(null), save.mutate({ ...(grade ? { id: grade.id } : {}), name, rank, levels: levels.map(Number), monthlyFeeFen: yuanToFen(fee), feeFrom }))}
        >
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function GradesEditor({ today }: { today: string }) {
  const { t } = useTranslation();
  const grades = useGradesList();
  const [editing, setEditing] = useState<GradeRow | 'new' | null>(null);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('grades.editorTitle')}</Title>
        <Button variant="outline" onClick={() => setEditing('new')}>
          {t('grades.add')}
        </Button>
      </Group>
      <Table fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grades.name')}</Table.Th>
            <Table.Th>{t('grades.rank')}</Table.Th>
            <Table.Th>{t('grades.levels')}</Table.Th>
            <Table.Th>{t('grades.fee')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(grades.data ?? []).map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td>{g.rank}</Table.Td>
              <Table.Td>{g.levels.map((l) => LEVELS[l].name).join('、') || t('grades.manualOnly')}</Table.Td>
              <Table.Td>
                {fenToYuan(g.monthlyFeeFen)}
                {g.feeFrom ? `（${g.feeFrom}起）` : ''}
              </Table.Td>
              <Table.Td>
                <Button variant="subtle" onClick={() => setEditing(g)} aria-label={`${t('app.edit')} ${g.name}`}>
                  {t('app.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <GradeForm grade={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)} />}
    </Card>
  );
}
