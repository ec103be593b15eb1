// 本月检查: every agreement in force in the month, each with its elder, village, tier and 档次, carer, the month's
// subsidy and the checks of the month — none is a red 未检查 — with a big 记录检查 on each open line; the totals per
// tier and the sum of subsidies on top; the printable sheet and the Excel file of the same month.
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckRow, MonthLine, MonthList } from '@shared/api/entrusted';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { downloadBase64 } from '../../components/download';
import { notifySuccess } from '../../components/notify';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { useLedgerVillages } from '../elders/ledgers/queries';
import { type CheckTarget, CheckModal } from './CheckModal';
import { CheckLine, TierMarks, UncheckedMark, VoidCheckModal, yuan } from './parts';
import { useEntrustedExport, useEntrustedMonth } from './queries';

function Totals({ list }: { list: MonthList }) {
  const { t } = useTranslation();
  const x = list.totals;
  return (
    <Card withBorder padding="sm" data-testid="month-totals">
      <Group gap="lg" wrap="wrap">
        <Text fw={700} size="lg">
          {t('entrusted.totalsTitle')}：{t('entrusted.totalPeople', { n: x.people })}
        </Text>
        <Text size="lg">{t('entrusted.checkedCount', { n: x.checked })}</Text>
        <Text size="lg" c={x.unchecked > 0 ? 'danger' : undefined} fw={x.unchecked > 0 ? 700 : undefined}>
          {t('entrusted.uncheckedCount', { n: x.unchecked })}
        </Text>
        <Text size="lg" fw={700}>
          {t('entrusted.subsidyTotal', { amount: yuan(x.subsidyFen) })}
        </Text>
      </Group>
      <Group gap="lg" wrap="wrap" mt={4}>
        {x.byTier.map((b) => (
          <Text key={b.tier}>{t('entrusted.tierTotal', { tier: t(`entrusted.tierShort.${b.tier}`), n: b.people, amount: yuan(b.subsidyFen) })}</Text>
        ))}
      </Group>
    </Card>
  );
}

function Line({ l, monthDays, today, onCheck, onVoid }: { l: MonthLine; monthDays: number; today: string; onCheck?: () => void; onVoid?: (c: CheckRow) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="month-line">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} size="xl">
              {l.elder}
            </Text>
            <Text size="lg">{l.village}</Text>
            <TierMarks tier={l.tier} careTier={l.careTier} />
            {!l.elderChecked && <UncheckedMark />}
            {l.endedOn !== null && <Text c="muted">{t('entrusted.endedMark')}</Text>}
          </Group>
          <Text>
            {l.provider ? t('entrusted.providerLine', { provider: l.provider, name: l.carerName }) : t('entrusted.carerLine', { kind: t(`enums.carerKind.${l.carerKind}`), name: l.carerName })}
            {l.carerPhone && ` ${l.carerPhone}`}
          </Text>
          <Text>
            {t('entrusted.subsidyLine', { monthly: yuan(l.monthlySubsidyFen), amount: yuan(l.subsidyFen) })}
            {l.days < monthDays && t('entrusted.subsidyDays', { days: l.days })}
          </Text>
          {l.checks.map((c) => (
            <CheckLine key={c.id} c={c} onVoid={onVoid ? () => onVoid(c) : undefined} />
          ))}
          {l.checks.length === 0 && l.elderChecked && <Text c="muted">{t('entrusted.otherAgreement')}</Text>}
        </Stack>
        {onCheck && l.fromOn > today && <Text c="muted">{t('entrusted.notStarted', { on: l.fromOn })}</Text>}
        {onCheck && l.fromOn <= today && (
          <Button size="lg" onClick={onCheck} aria-label={`${t('entrusted.recordCheck')} ${l.elder}`}>
            {t('entrusted.recordCheck')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

export function MonthTab() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const today = info.data?.today ?? '';
  const [month, setMonth] = useState<string | null>(null);
  const shown = month ?? today.slice(0, 7);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const villages = useLedgerVillages();
  const list = useEntrustedMonth({ month: shown, villageId }, shown !== '');
  const mayCheck = useMayCall('entrusted.recordCheck');
  const mayVoid = useMayCall('entrusted.voidCheck');
  const [checking, setChecking] = useState<CheckTarget | null>(null);
  const [voiding, setVoiding] = useState<CheckRow | null>(null);
  const exportIt = useEntrustedExport({
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      notifySuccess(t('entrusted.exported', { n: file.rows }));
    },
  });
  const q = search.trim();
  const match = (l: MonthLine) => q === '' || [l.elder, l.village, l.carerName, l.provider ?? ''].some((s) => s.includes(q));
  const sheet = `/entrusted/sheet?month=${shown}${villageId ? `&village=${villageId}` : ''}`;
  return (
    <Stack>
      <Text>{t('entrusted.monthIntro')}</Text>
      <Group align="end" wrap="wrap">
        <MonthPickerInput size="lg" label={t('entrusted.month')} valueFormat="YYYY-MM" maxDate={today || undefined} value={shown ? `${shown}-01` : null} onChange={(v) => v && setMonth(v.slice(0, 7))} />
        <Select
          size="lg"
          label={t('entrusted.village')}
          allowDeselect={false}
          value={villageId ?? ''}
          onChange={(v) => setVillageId(v ? v : null)}
          data={[{ value: '', label: t('entrusted.allVillages') }, ...(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))]}
        />
        <TextInput size="lg" label={t('entrusted.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 12rem' }} />
      </Group>
      <Group wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to={sheet}>
          {t('entrusted.print')}
        </Button>
        <Button size="lg" variant="outline" loading={exportIt.isPending} onClick={() => exportIt.mutate({ month: shown, villageId })}>
          {t('entrusted.excel')}
        </Button>
      </Group>
      <QueryView query={list} isEmpty={(l) => l.lines.length === 0} empty={t('entrusted.monthEmpty')}>
        {(l) => {
          const monthDays = Number(l.to.slice(8, 10));
          const lines = l.lines.filter(match);
          return (
            <Stack gap="sm">
              <Totals list={l} />
              {lines.length === 0 && <EmptyState>{t('entrusted.noMatch')}</EmptyState>}
              <SimpleGrid cols={1} spacing="sm">
                {lines.map((line) => (
                  <Line
                    key={line.agreementId}
                    l={line}
                    monthDays={monthDays}
                    today={today}
                    onCheck={mayCheck && line.open ? () => setChecking({ agreementId: line.agreementId, elder: line.elder, village: line.village, fromOn: line.fromOn }) : undefined}
                    onVoid={mayVoid ? setVoiding : undefined}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryView>
      {checking && <CheckModal target={checking} onClose={() => setChecking(null)} />}
      {voiding && <VoidCheckModal check={voiding} onClose={() => setVoiding(null)} />}
    </Stack>
  );
}
