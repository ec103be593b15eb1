// 特困认定 (county mode): the self-care tier proposals the centres sent with their monthly packages, waiting time in
// working days (red when over the setting), the clerk's answer, and each centre's signed answer file to send back.
import { Badge, Button, Card, Group, Modal, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountyProposalRow } from '@shared/api/tier';
import { TIER_NAMES, TIERS, type Tier } from '@shared/domain/assessment/tekun-tier';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { downloadAnswerFile } from './answer-file';
import { useCountyCentres } from '../county/queries';
import { useTierCountyAnswer, useTierCountyProposals } from './queries';
import { useSystemInfo } from '../../shell/queries';

function AnswerForm({ row, today, onClose }: { row: CountyProposalRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'confirmed' | 'rejected'>('confirmed');
  const [decidedOn, setDecidedOn] = useState(today);
  const [documentNo, setDocumentNo] = useState('');
  const [tier, setTier] = useState<Tier | null>(row.tier);
  const [careTier, setCareTier] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useTierCountyAnswer({ successMessage: t('countyTier.answered'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), true) });
  const confirmed = outcome === 'confirmed';
  return (
    <Modal opened onClose={onClose} title={t('countyTier.answerTitle', { centre: row.centreName, name: row.residentName })} size="lg">
      <Stack>
        <Text>
          {row.proposedOn} · {TIER_NAMES[row.tier]} · {row.indicatorsNotMet.join('、') || t('countyTier.none')}
        </Text>
        <Radio.Group label={t('tier.outcome')} value={outcome} onChange={(v) => setOutcome(v as 'confirmed' | 'rejected')}>
          <Group mt="xs">
            <Radio value="confirmed" label={t('tier.confirmed')} />
            <Radio value="rejected" label={t('tier.rejected')} />
          </Group>
        </Radio.Group>
        <DateInput label={t('tier.decidedOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={decidedOn} onChange={(v) => v && setDecidedOn(v)} error={errors.decidedOn} />
        {confirmed && (
          <>
            <TextInput label={t('tier.documentNo')} value={documentNo} onChange={(e) => setDocumentNo(e.currentTarget.value)} error={errors.documentNo} />
            <Select label={t('tier.tierLabel')} data={TIERS.map((x) => ({ value: x, label: TIER_NAMES[x] }))} value={tier} onChange={(v) => setTier(v as Tier | null)} error={errors.tier} />
            <Select label={t('tier.careTierLabel')} data={['1', '2', '3'].map((n) => ({ value: n, label: t('tier.careTierOption', { n }) }))} value={careTier} onChange={setCareTier} clearable error={errors.careTier} />
          </>
        )}
        <TextInput label={confirmed ? t('countyTier.note') : t('countyTier.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => (
              setErrors({}),
              save.mutate({ centreCode: row.centreCode, proposalId: row.proposalId, outcome, decidedOn, documentNo, tier: confirmed ? tier : null, careTier: confirmed && careTier ? (Number(careTier) as 1 | 2 | 3) : null, reason })
            )}
          >
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AnswerFiles() {
  const { t } = useTranslation();
  const centres = useCountyCentres();
  const [centre, setCentre] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmed = (centres.data ?? []).filter((c) => c.state === 'confirmed');
  const download = async () => {
    if (!centre) return;
    setBusy(true);
    await downloadAnswerFile(centre, t);
    setBusy(false);
  };
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={3} size="h4">
          {t('countyTier.fileTitle')}
        </Title>
        <Text>{t('countyTier.fileHint')}</Text>
        <Group align="end">
          <Select label={t('countyTier.centre')} data={confirmed.map((c) => ({ value: c.centreCode, label: c.name }))} value={centre} onChange={setCentre} w={300} />
          <Button onClick={() => void download()} disabled={!centre} loading={busy}>
            {t('countyTier.download')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function CountyTierPage() {
  const { t } = useTranslation();
  const rows = useTierCountyProposals();
  const info = useSystemInfo();
  const mayAnswer = useMayCall('tier.countyAnswer');
  const mayFile = useMayCall('tier.answerFile');
  const [answering, setAnswering] = useState<CountyProposalRow | null>(null);
  const today = info.data?.today ?? '';
  return (
    <Stack>
      <Title order={2}>{t('countyTier.title')}</Title>
      <Text size="lg">{t('countyTier.hint', { days: rows.data?.allowedDays ?? 10 })}</Text>
      <QueryView query={rows} isEmpty={(data) => data.rows.length === 0} empty={t('countyTier.empty')}>
        {(data) => (
          <Table.ScrollContainer minWidth={1100} type="native" tabIndex={0} aria-label={t('countyTier.title')}>
            <Table striped verticalSpacing="sm" data-testid="county-tier-table">
              <Table.Thead>
                <Table.Tr>
                  {(['person', 'waiting', 'answer', 'proposed', 'current', 'notMet', 'proposedOn', 'idNumber'] as const).map((c) => (
                    <Table.Th key={c}>{t(`countyTier.col.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={`${r.centreCode}/${r.proposalId}`} bg={r.overdue ? 'red.0' : undefined}>
                    <Table.Td>
                      <Text fw={700}>{r.residentName}</Text>
                      <Text size="sm">{r.centreName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text c={r.overdue ? 'red.9' : undefined} fw={r.overdue ? 700 : undefined}>
                        {t('countyTier.waitingDays', { n: r.workingDaysWaiting })}
                      </Text>
                      {r.overdue && (
                        <Badge color="red" data-testid="county-tier-overdue">
                          {t('countyTier.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.answer ? (
                        <Stack gap={2}>
                          <Text fw={700}>{r.answer.outcome === 'confirmed' ? t('tier.answerConfirmed', { tier: TIER_NAMES[r.answer.tier!] }) : t('tier.answerRejected', { reason: r.answer.reason })}</Text>
                          <Text size="sm">
                            {r.answer.decidedOn} {r.answer.documentNo} {r.answer.careTier ? t('tier.careTier', { n: r.answer.careTier }) : ''}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {t('countyTier.answerBy', { by: r.answer.createdBy })}
                          </Text>
                        </Stack>
                      ) : r.superseded ? (
                        <Text c="dimmed">{t('countyTier.superseded')}</Text>
                      ) : mayAnswer ? (
                        <Button size="sm" onClick={() => setAnswering(r)}>
                          {t('countyTier.answer')}
                        </Button>
                      ) : (
                        t('tier.answerNone')
                      )}
                    </Table.Td>
                    <Table.Td>{TIER_NAMES[r.tier]}</Table.Td>
                    <Table.Td>{r.currentTier ? TIER_NAMES[r.currentTier] : t('countyTier.none')}</Table.Td>
                    <Table.Td>{r.indicatorsNotMet.join('、') || t('countyTier.none')}</Table.Td>
                    <Table.Td>{r.proposedOn}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.idNumberMasked || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {mayFile && <AnswerFiles />}
      {answering && today && <AnswerForm row={answering} today={today} onClose={() => setAnswering(null)} />}
    </Stack>
  );
}
