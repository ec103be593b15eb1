// 时间银行: every helper's balance (earned, redeemed, hours given), searchable; a helper's ledger — append-only, newest
// first, with the balance after each entry — and, for keepers, 兑换 (a service or goods; never beyond the balance)
// and 更正 (a new entry with its reason; never below zero). Nothing is ever edited.
import { Badge, Button, Checkbox, Chip, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BalanceRow } from '@shared/api/mutualaid';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { dateTime } from '../../components/time';
import { hoursText, pointsText } from './parts';
import { useAidBalances, useAidCorrect, useAidLedger, useAidRedeem } from './queries';

const REDEEM_FOR = ['上门理发一次', '助浴一次', '米面油一份', '日用品一份', '体检一次'];
const toTenths = (v: number | string) => {
  const n = typeof v === 'number' ? v : Number.parseFloat(v);
  return Number.isFinite(n) ? Math.round(n * 10) : 0;
};

function RedeemModal({ helper, today, onClose }: { helper: BalanceRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(() => crypto.randomUUID());
  const [pts, setPts] = useState<number | string>('');
  const [what, setWhat] = useState('');
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const redeem = useAidRedeem({ successMessage: t('mutualaid.bank.redeemed'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['pointsTenths', 'redeemedFor', 'on', 'note'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('mutualaid.bank.redeemTitle', { name: helper.name, points: pointsText(helper.balanceTenths) })}>
      <Stack>
        <NumberInput size="lg" label={t('mutualaid.bank.redeemPoints')} withAsterisk decimalScale={1} min={0} step={1} value={pts} onChange={setPts} error={errors.pointsTenths} data-autofocus />
        <TextInput size="lg" label={t('mutualaid.bank.redeemedFor')} withAsterisk placeholder={t('mutualaid.bank.redeemedForPlaceholder')} value={what} onChange={(e) => setWhat(e.currentTarget.value)} error={errors.redeemedFor} />
        <Chip.Group value={what} onChange={(v) => setWhat(v as string)}>
          <Group gap="xs">
            {REDEEM_FOR.map((w) => (
              <Chip key={w} value={w} size="md">
                {w}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput size="lg" label={t('mutualaid.bank.on')} valueFormat="YYYY-MM-DD" maxDate={today} value={on} onChange={(v) => v && setOn(v)} error={errors.on} />
          <TextInput size="lg" label={t('mutualaid.bank.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        </SimpleGrid>
        <Button size="xl" loading={redeem.isPending} onClick={() => redeem.mutate({ requestId, helperId: helper.helperId, pointsTenths: toTenths(pts), redeemedFor: what, on, note })}>
          {t('mutualaid.bank.redeem')}
        </Button>
      </Stack>
    </Modal>
  );
}

function CorrectModal({ helper, today, onClose }: { helper: BalanceRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(() => crypto.randomUUID());
  const [sign, setSign] = useState<'add' | 'take'>('add');
  const [pts, setPts] = useState<number | string>('');
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const correct = useAidCorrect({ successMessage: t('mutualaid.bank.corrected'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['pointsTenths', 'on', 'note'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('mutualaid.bank.correctTitle', { name: helper.name, points: pointsText(helper.balanceTenths) })}>
      <Stack>
        <Text>{t('mutualaid.bank.correctIntro')}</Text>
        <SegmentedControl fullWidth size="lg" value={sign} onChange={(v) => setSign(v as 'add' | 'take')} data={[{ value: 'add', label: t('mutualaid.bank.add') }, { value: 'take', label: t('mutualaid.bank.take') }]} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput size="lg" label={t('mutualaid.bank.correctPoints')} withAsterisk decimalScale={1} min={0} step={0.5} value={pts} onChange={setPts} error={errors.pointsTenths} data-autofocus />
          <DateInput size="lg" label={t('mutualaid.bank.on')} valueFormat="YYYY-MM-DD" maxDate={today} value={on} onChange={(v) => v && setOn(v)} error={errors.on} />
        </SimpleGrid>
        <Textarea size="lg" autosize minRows={2} label={t('mutualaid.bank.correctNote')} withAsterisk value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Button size="xl" loading={correct.isPending} onClick={() => correct.mutate({ requestId, helperId: helper.helperId, pointsTenths: (sign === 'take' ? -1 : 1) * toTenths(pts), on, note })}>
          {t('mutualaid.bank.correct')}
        </Button>
      </Stack>
    </Modal>
  );
}

function LedgerModal({ helperId, today, onClose }: { helperId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ledger = useAidLedger({ helperId });
  const mayKeep = useMayCall('mutualaid.redeem');
  const [action, setAction] = useState<'redeem' | 'correct' | null>(null);
  return (
    <Modal opened onClose={onClose} size="xl" title={ledger.data ? t('mutualaid.bank.ledgerTitle', { name: ledger.data.helper.name }) : t('app.loading')}>
      <QueryView query={ledger}>
        {({ helper, entries }) => (
          <Stack>
            <Group justify="space-between" wrap="wrap">
              <Text size="xl" fw={700} data-testid="aid-balance">
                {t('mutualaid.bank.balanceLine', { points: pointsText(helper.balanceTenths), hours: hoursText(helper.minutes) })}
              </Text>
              {mayKeep && (
                <Group gap="xs">
                  <Button size="lg" onClick={() => setAction('redeem')} disabled={helper.balanceTenths <= 0}>
                    {t('mutualaid.bank.redeem')}
                  </Button>
                  <Button size="lg" variant="outline" onClick={() => setAction('correct')}>
                    {t('mutualaid.bank.correct')}
                  </Button>
                </Group>
              )}
            </Group>
            <ListCard title={t('mutualaid.bank.entries')} rows={entries} empty={t('mutualaid.bank.noEntries')} plainEmpty>
              <ListTable minWidth={640} testId="aid-ledger" heads={[t('mutualaid.bank.on'), t('mutualaid.bank.kind'), t('mutualaid.bank.points'), t('mutualaid.bank.what'), t('mutualaid.bank.after'), t('mutualaid.bank.by')]}>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.entryOn}</Table.Td>
                    <Table.Td>
                      <Badge color={e.kind === 'earn' ? 'ok' : e.kind === 'redeem' ? 'blue' : 'warning'} variant="filled">
                        {t(`enums.pointEntryKind.${e.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {e.pointsTenths > 0 ? '+' : ''}
                      {pointsText(e.pointsTenths)}
                    </Table.Td>
                    <Table.Td>
                      {e.activity
                        ? t('mutualaid.bank.forActivity', { kind: t(`enums.aidActivityKind.${e.activity.kind}`), on: e.activity.doneOn, hours: hoursText(e.activity.minutes) })
                        : ''}
                      {e.redeemedFor ?? ''}
                      {e.note ? `${e.activity || e.redeemedFor ? '；' : ''}${e.note}` : ''}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{pointsText(e.balanceTenths)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} title={dateTime(e.createdAt)}>
                      {e.createdBy}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            </ListCard>
            {action === 'redeem' && <RedeemModal helper={helper} today={today} onClose={() => setAction(null)} />}
            {action === 'correct' && <CorrectModal helper={helper} today={today} onClose={() => setAction(null)} />}
          </Stack>
        )}
      </QueryView>
    </Modal>
  );
}

export function BankTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [withRetired, setWithRetired] = useState(false);
  const [search, setSearch] = useState('');
  const list = useAidBalances({ includeRetired: withRetired });
  const [open, setOpen] = useState<string | null>(null);
  const s = search.trim();
  return (
    <Stack>
      <Text>{t('mutualaid.bank.intro')}</Text>
      <Group align="end" wrap="wrap">
        <TextInput size="lg" label={t('mutualaid.search')} placeholder={t('mutualaid.bank.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
        <Checkbox size="md" label={t('mutualaid.bank.withRetired')} checked={withRetired} onChange={(e) => setWithRetired(e.currentTarget.checked)} mb={12} />
      </Group>
      <QueryView query={list}>
        {(rows) => {
          const shown = s ? rows.filter((r) => r.name.includes(s) || (r.village ?? '').includes(s)) : rows;
          return (
            <ListCard title={t('mutualaid.bank.title')} rows={shown} empty={s ? t('mutualaid.nothingFound') : t('mutualaid.bank.empty')}>
              <ListTable minWidth={560} nowrap testId="aid-balances" heads={[t('mutualaid.helper'), t('mutualaid.village'), t('mutualaid.bank.hours'), t('mutualaid.bank.earned'), t('mutualaid.bank.redeemedHead'), t('mutualaid.bank.balance'), '']}>
                {shown.map((r) => (
                  <Table.Tr key={r.helperId}>
                    <Table.Td fw={700}>
                      {r.name}
                      <Text size="sm" c="dimmed" fw={400}>
                        {t(`enums.helperKind.${r.kind}`)}
                        {r.retired ? t('mutualaid.bank.retired') : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.village ?? '—'}</Table.Td>
                    <Table.Td>{hoursText(r.minutes)}</Table.Td>
                    <Table.Td>{pointsText(r.earnedTenths)}</Table.Td>
                    <Table.Td>{pointsText(r.redeemedTenths)}</Table.Td>
                    <Table.Td fw={700}>{pointsText(r.balanceTenths)}</Table.Td>
                    <Table.Td>
                      <Button size="md" variant="outline" onClick={() => setOpen(r.helperId)} aria-label={t('mutualaid.bank.ledgerFor', { name: r.name })}>
                        {t('mutualaid.bank.ledger')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            </ListCard>
          );
        }}
      </QueryView>
      {open && <LedgerModal helperId={open} today={today} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
