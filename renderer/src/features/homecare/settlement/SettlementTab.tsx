// 月结算: each provider's month priced at the prices in force on each visit's day (disputed visits not paid), settled
// once the month has ended (the lines are then frozen), voided with a reason to settle again; the statement to print
// and the month's Excel for the county. Settled and voided settlements of the month are listed below.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SettlementMonth, SettlementRow } from '@shared/api/homecare-settlement';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { shiftMonth } from '@shared/domain/dates';
import { ListCard, ListTable } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { downloadBase64 } from '../../../components/download';
import type { homecareSettlementZh } from '../../../i18n/zh-CN-homecare-settlement';
import { useMayCall } from '../../../shell/current-user';
import { yuan } from './money';
import { useExportSettlement, useSettle, useSettlements, useVoidSettlement } from './queries';

type ProviderLine = SettlementMonth['providers'][number];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const at = (iso: string) => chinaWallClock(new Date(iso));

function SettleModal({ p, month, onClose }: { p: ProviderLine; month: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(() => crypto.randomUUID());
  const settle = useSettle({ successMessage: t('homecare.settlement.settlement.settledOk'), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} size="lg" title={`${t('homecare.settlement.settlement.settle')} ${p.provider} ${month}`}>
      <Stack>
        <Text size="lg">
          {t('homecare.settlement.settlement.settleConfirm', { provider: p.provider, month, visits: p.totals.visits, amount: yuan(p.totals.amountFen), subsidy: yuan(p.totals.subsidyFen), personal: yuan(p.totals.personalFen) })}
        </Text>
        <Group>
          <Button size="lg" loading={settle.isPending} onClick={() => settle.mutate({ providerId: p.providerId, month, requestId })}>
            {t('homecare.settlement.settlement.confirm')}
          </Button>
          <Button size="lg" variant="default" onClick={onClose}>
            {t('homecare.settlement.settlement.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function VoidModal({ s, onClose }: { s: SettlementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const voiding = useVoidSettlement({ successMessage: t('homecare.settlement.settlement.voided'), onSuccess: onClose, onFieldError: (f, m) => (setError(m), f === 'reason') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('homecare.settlement.settlement.voidTitle', { provider: s.provider, month: s.month })}>
      <Stack>
        <Text>{t('homecare.settlement.settlement.voidHint')}</Text>
        <Textarea size="lg" autosize minRows={2} label={t('homecare.settlement.settlement.voidReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
        <Button size="xl" color="red" loading={voiding.isPending} onClick={() => voiding.mutate({ id: s.id, reason })}>
          {t('homecare.settlement.settlement.void')}
        </Button>
      </Stack>
    </Modal>
  );
}

const statementLink = (providerId: string, month: string, settlementId?: string) => `/homecare/statement?provider=${providerId}&month=${month}${settlementId ? `&settlement=${settlementId}` : ''}`;

export function SettlementTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(shiftMonth(today.slice(0, 7), -1));
  const data = useSettlements({ month });
  const maySettle = useMayCall('homecare.settle');
  const [settling, setSettling] = useState<ProviderLine | null>(null);
  const [voiding, setVoiding] = useState<SettlementRow | null>(null);
  const exporter = useExportSettlement({ onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX) });
  type Word = Exclude<keyof typeof homecareSettlementZh.settlement, 'heads'>;
  type Head = keyof typeof homecareSettlementZh.settlement.heads;
  const s = (key: Word) => t(`homecare.settlement.settlement.${key}`);
  const h = (key: Head) => t(`homecare.settlement.settlement.heads.${key}`);
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <MonthPickerInput size="lg" label={t('homecare.settlement.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} />
        <Button size="lg" variant="outline" loading={exporter.isPending} onClick={() => exporter.mutate({ month, providerId: null })} disabled={!data.data || data.data.providers.every((p) => p.done === 0 && !p.settlement)}>
          {s('export')}
        </Button>
      </Group>
      <Text size="lg">{s('intro')}</Text>
      <QueryView query={data}>
        {(m) => (
          <Stack>
            {!m.monthEnded && (
              <Alert color="yellow">
                <Text size="lg">{t('homecare.settlement.settlement.notEnded', { month })}</Text>
              </Alert>
            )}
            <ListCard title={t('homecare.settlement.settlement.title', { month })} rows={m.providers} empty={s('empty')}>
              <Stack gap={0} data-testid="settlement-providers">
                {m.providers.map((p) => (
                  <Group key={p.providerId} data-provider={p.provider} justify="space-between" align="start" wrap="wrap" gap="md" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                    <Stack gap={2} style={{ flex: '1 1 14em' }}>
                      <Group gap="xs">
                        <Text fw={700} size="lg">
                          {p.provider}
                        </Text>
                        <Text size="sm">{t(`enums.providerKind.${p.kind}`)}</Text>
                        {p.settlement ? (
                          <Badge size="lg" color="green" variant="filled">
                            {s('settled')}
                          </Badge>
                        ) : (
                          <Badge size="lg" color="gray">
                            {s('preview')}
                          </Badge>
                        )}
                      </Group>
                      <Text fw={700}>
                        {h('amount')}：{t('homecare.settlement.settlement.times', { n: p.totals.visits })} · {t('homecare.settlement.yuan', { amount: yuan(p.totals.amountFen) })}
                      </Text>
                      <Text size="sm">{t('homecare.settlement.settlement.split', { subsidy: yuan(p.totals.subsidyFen), personal: yuan(p.totals.personalFen) })}</Text>
                      {p.totals.disputed > 0 && (
                        <Text c="danger" fw={700}>
                          {h('disputed')}：{t('homecare.settlement.settlement.times', { n: p.totals.disputed })} · {t('homecare.settlement.yuan', { amount: yuan(p.totals.disputedFen) })}
                        </Text>
                      )}
                      {p.settlement && <Text size="sm">{t('homecare.settlement.settlement.settledLine', { at: at(p.settlement.settledAt), by: p.settlement.settledBy })}</Text>}
                      {!p.settlement && p.unpriced > 0 && (
                        <Text size="sm" c="danger" fw={700}>
                          {t('homecare.settlement.settlement.unpriced', { n: p.unpriced })}
                        </Text>
                      )}
                    </Stack>
                    <Group gap="xs" wrap="wrap">
                      {maySettle && !p.settlement && m.monthEnded && p.done > 0 && (
                        <Button size="lg" onClick={() => setSettling(p)} disabled={p.unpriced > 0} aria-label={`${s('settle')} ${p.provider}`}>
                          {s('settle')}
                        </Button>
                      )}
                      {(p.done > 0 || p.settlement) && (
                        <Button size="lg" variant="outline" component={Link} to={statementLink(p.providerId, month)} aria-label={`${s('statement')} ${p.provider}`}>
                          {s('statement')}
                        </Button>
                      )}
                      {maySettle && p.settlement && (
                        <Button size="lg" variant="subtle" color="red" onClick={() => setVoiding(p.settlement)} aria-label={`${s('void')} ${p.provider}`}>
                          {s('void')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                ))}
              </Stack>
            </ListCard>
            {m.settlements.length > 0 && (
              <ListCard title={s('history')}>
                <ListTable minWidth={640} heads={[h('provider'), h('amount'), h('state'), h('action')]}>
                  {m.settlements.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.provider}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t('homecare.settlement.settlement.times', { n: r.totals.visits })} · {t('homecare.settlement.yuan', { amount: yuan(r.totals.amountFen) })}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'normal' }}>
                        <Text size="sm">{t('homecare.settlement.settlement.settledLine', { at: at(r.settledAt), by: r.settledBy })}</Text>
                        {r.voided && (
                          <Text size="sm" c="danger">
                            {t('homecare.settlement.settlement.voidedLine', { at: at(r.voided.at), by: r.voided.by, reason: r.voided.reason })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button size="md" variant="subtle" component={Link} to={statementLink(r.providerId, r.month, r.id)}>
                          {s('statement')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </ListTable>
              </ListCard>
            )}
          </Stack>
        )}
      </QueryView>
      {settling && <SettleModal p={settling} month={month} onClose={() => setSettling(null)} />}
      {voiding && <VoidModal s={voiding} onClose={() => setVoiding(null)} />}
    </Stack>
  );
}
